#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Reads an xlsx file with openpyxl (an independent reader) and prints what the C++ tests check,
one tab-separated record per line; backslash, tab, CR and LF in text are escaped.

  S  <sheet>                                     a sheet, in workbook order
  M  <key> <value>                               a setting of the sheet above
  C  <row> <col> <type> <value> <formula> <fmt>  a cell with a value (cached value for formulas)
  F  <part> <formula>                            every <f> element of every worksheet part
  T  <part> <title>                              every chart and its title
  P  <name> <value>                              a document property

Usage: xlsx_dump.py FILE.xlsx
"""
import datetime
import re
import sys
import zipfile

import openpyxl


def esc(text):
    return (str(text).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            .replace("\r", "\\r"))


def emit(*fields):
    sys.stdout.write("\t".join(esc(f) for f in fields) + "\n")


def main(path):
    values = openpyxl.load_workbook(path, data_only=True)
    formulas = openpyxl.load_workbook(path, data_only=False)
    props = values.properties
    for name in ("title", "subject", "creator", "keywords", "description", "category"):
        emit("P", name, getattr(props, name) or "")
    emit("P", "created", props.created.isoformat() if props.created else "")
    for ws in values.worksheets:
        fws = formulas[ws.title]
        emit("S", ws.title)
        emit("M", "freeze", ws.freeze_panes or "")
        emit("M", "autofilter", ws.auto_filter.ref or "")
        emit("M", "print_title_rows", ws.print_title_rows or "")
        emit("M", "orientation", ws.page_setup.orientation or "")
        emit("M", "paper", ws.page_setup.paperSize or "")
        fit = ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage
        # OOXML: an absent fitToWidth means 1 page wide; fitToHeight 0 means as many as needed.
        emit("M", "fit_width", (ws.page_setup.fitToWidth or 1) if fit else "")
        emit("M", "fit_height", ws.page_setup.fitToHeight if fit else "")
        emit("M", "header", ws.oddHeader.left.text or "", )
        emit("M", "header_center", ws.oddHeader.center.text or "")
        emit("M", "footer_center", ws.oddFooter.center.text or "")
        emit("M", "footer_right", ws.oddFooter.right.text or "")
        emit("M", "conditional_formats", len(ws.conditional_formatting))
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                value = cell.value
                if isinstance(value, bool):
                    kind = "b"
                elif isinstance(value, (int, float)):
                    kind = "n"
                    value = repr(float(value))
                elif isinstance(value, datetime.datetime):
                    kind = "d"
                    value = value.isoformat()
                else:
                    kind = "s"
                formula = fws[cell.coordinate].value
                formula = formula if isinstance(formula, str) and formula.startswith("=") else ""
                emit("C", cell.row, cell.column, kind, value, formula, cell.number_format)
    with zipfile.ZipFile(path) as archive:
        for part in sorted(archive.namelist()):
            xml = archive.read(part).decode("utf-8")
            if part.startswith("xl/worksheets/sheet"):
                for f in re.findall(r"<f(?:\s[^>]*)?>(.*?)</f>", xml, re.S):
                    emit("F", part, f)
            if part.startswith("xl/charts/chart"):
                title = re.search(r"<c:title>.*?</c:title>", xml, re.S)
                text = "".join(re.findall(r"<a:t>(.*?)</a:t>", title.group(0))) if title else ""
                emit("T", part, text)


if __name__ == "__main__":
    main(sys.argv[1])
