#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes CoScore's hostile-input corpus for imports (RELIABILITY.md §3 and §10).

Every file is generated here, deterministically (fixed zip timestamps, no randomness without a
seed), so the SHA-256 of each file is the same on every run: manifest.tsv in this folder records
them and the import tests regenerate the corpus and compare. For each file the manifest gives the
table it is imported as, the options, and the expected outcome: "ok" (a control that must import
exactly: <name>.expected.tsv lists the rows it must produce), "error:CODE" or "warning:CODE"
(refused with that specific code, the round unchanged).

The base round the tests import into: funds "Innovation Fund" (C1, C2, C3 on 0-5) and
"Sustainability Fund" (S1 on 1-10); members M01 councillor, M02 person using services, M03 carer,
M04 voluntary sector, M05 officer (does not score); bids INN-001..INN-003 and SUS-001; M02 has an
employee_or_trustee interest in INN-002.

Usage: make_corpus.py [--out DIR] [--check]   (DIR defaults to this folder; --check compares the
generated files with manifest.tsv and exits 1 on a difference)."""

import argparse
import hashlib
import io
import os
import random
import struct
import sys
import warnings
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = []  # dicts: name, table, options, expect, data, what, expected (rows or None)
CANARY = "COSCORE-CANARY-7f3a9c"  # must never reach the database, the report or a log
CANARY_FILE = "/tmp/coscore-canary.txt"  # the tests write CANARY into it before importing


def case(name, table, expect, data, what, options="", expected=None):
    if isinstance(data, str):
        data = data.encode("utf-8")
    CASES.append(dict(name=name, table=table, options=options, expect=expect, data=data,
                      what=what, expected=expected))


def crlf(text):
    return text.replace("\n", "\r\n")


BID_HEAD = "bid_id,organisation,project_title,fund,amount_requested,ward,summary\n"


def bid_row(ref, pence, org="Village Hall Trust", title="Warm space", ward="Oakley", summary=""):
    """One expected bids row: ref, organisation, title, fund, pence, ward, summary."""
    return [ref, org, title, "Innovation Fund", str(pence), ward, summary]


# ---- CSV ------------------------------------------------------------------------------------

def csv_cases():
    control = BID_HEAD + (
        "B-001,Village Hall Trust,Warm space,Innovation Fund,12500.50,Oakley,Open daily\n"
        "B-002,Youth Club,Sports kit,Innovation Fund,\"4,000\",Elm,\n"
        "B-003,Café Ünïcode ☕,Tea & talk,Innovation Fund,£999.99,Ash,Ça va\n")
    control_rows = [bid_row("B-001", 1250050, summary="Open daily"),
                    bid_row("B-002", 400000, "Youth Club", "Sports kit", "Elm"),
                    bid_row("B-003", 99999, "Café Ünïcode ☕", "Tea & talk", "Ash", "Ça va")]
    case("csv_utf8_control.csv", "bids", "ok", crlf(control), "plain UTF-8 control",
         expected=control_rows)
    case("csv_utf8_bom.csv", "bids", "ok", b"\xef\xbb\xbf" + crlf(control).encode(),
         "UTF-8 with BOM", expected=control_rows)
    case("csv_utf16le_bom.csv", "bids", "ok", b"\xff\xfe" + crlf(control).encode("utf-16-le"),
         "UTF-16LE with BOM (Excel's 'Unicode text')", expected=control_rows)
    case("csv_utf16be_bom.csv", "bids", "ok", b"\xfe\xff" + crlf(control).encode("utf-16-be"),
         "UTF-16BE with BOM", expected=control_rows)
    case("csv_utf16le_no_bom.csv", "bids", "error:csv.utf16_without_bom",
         crlf(control).encode("utf-16-le"), "UTF-16 that lost its BOM")
    case("csv_utf32.csv", "bids", "error:csv.utf32",
         b"\xff\xfe\x00\x00" + crlf(control).encode("utf-32-le"), "UTF-32 with BOM")
    latin = BID_HEAD + "B-001,Caf\xe9 \xa3 Club,Tea,Innovation Fund,10,Oakley,\n"
    case("csv_windows1252.csv", "bids", "error:csv.windows_1252", latin.encode("cp1252"),
         "Windows-1252 bytes (é, £): detected and reported, never guessed")
    case("csv_windows1252_asked.csv", "bids", "ok", latin.encode("cp1252"),
         "the same bytes, imported as Windows-1252 because the officer asked",
         options="encoding=windows-1252",
         expected=[bid_row("B-001", 1000, "Café £ Club", "Tea")])
    case("csv_invalid_utf8.csv", "bids", "error:csv.invalid_utf8",
         BID_HEAD.encode() + b"B-001,Bad \x81 byte,Tea,Innovation Fund,10,Oakley,\n",
         "a byte that is neither UTF-8 nor Windows-1252")
    case("csv_overlong_utf8.csv", "bids", "error:csv.windows_1252",
         BID_HEAD.encode() + b"B-001,Slash \xc0\xaf,Tea,Innovation Fund,10,Oakley,\n",
         "an overlong UTF-8 slash (never decoded as '/'), reported as not UTF-8")
    case("csv_surrogate_utf8.csv", "bids", "error:csv.windows_1252",
         BID_HEAD.encode() + b"B-001,Half \xed\xa0\x80 pair,Tea,Innovation Fund,10,Oakley,\n",
         "a UTF-8-encoded surrogate, which is not valid UTF-8")
    case("csv_nul.csv", "bids", "error:csv.nul_byte",
         BID_HEAD.encode() + b"B-001,Null\x00Org,Tea,Innovation Fund,10,Oakley,\n",
         "a NUL byte in a field")
    case("csv_quoted_newlines.csv", "bids", "ok",
         BID_HEAD + 'B-001,Org,Title,Innovation Fund,10,Oakley,"LF\nCRLF\r\nCR\rend ""quoted"""\r\n'
         'B-002,"Comma, inside",Title,Innovation Fund,20,Elm,""\r\n',
         "quoted LF, CRLF and CR and doubled quotes are data",
         expected=[bid_row("B-001", 1000, "Org", "Title", "Oakley",
                           'LF\nCRLF\r\nCR\rend "quoted"'),
                   bid_row("B-002", 2000, "Comma, inside", "Title", "Elm")])
    case("csv_unterminated_quote.csv", "bids", "error:csv.unterminated_quote",
         BID_HEAD + 'B-001,"Never closed,Title,Innovation Fund,10,Oakley,\nB-002,x,y,z,1,w,\n',
         "a quoted field with no closing quote")
    case("csv_text_after_quote.csv", "bids", "error:csv.text_after_quote",
         BID_HEAD + 'B-001,"Closed"then more,Title,Innovation Fund,10,Oakley,\n',
         "text after a closing quote")
    case("csv_ragged.csv", "bids", "error:csv.ragged_row",
         BID_HEAD + "B-001,Org,Title,Innovation Fund,10,Oakley,\n"
         "B-002,Org,Title,Innovation Fund,10\n"
         "B-003,Org,Title,Innovation Fund,10,Oakley,,extra\n",
         "rows with too few and too many fields: every bad line listed")
    case("csv_duplicate_headers.csv", "bids", "error:header.duplicate",
         "bid_id,organisation,project_title,fund,amount_requested,Ward,WARD\n"
         "B-001,Org,Title,Innovation Fund,10,Oakley,Elm\n", "two columns headed Ward")
    case("csv_sep_semicolon.csv", "bids", "ok",
         "sep=;\r\n" + crlf(BID_HEAD.replace(",", ";")) +
         "B-001;Org, with comma;Title;Innovation Fund;1234.50;Oakley;\r\n",
         "Excel's sep=; line honoured", expected=[bid_row("B-001", 123450, "Org, with comma",
                                                          "Title")])
    case("csv_sep_bad.csv", "bids", "error:csv.bad_sep_line",
         "sep=#\n" + BID_HEAD + "B-001#Org\n", "a sep= line naming an unreadable separator")
    decimal_comma = (BID_HEAD.replace(",", ";") +
                     'B-001;Org;Title;Innovation Fund;1.234,50;Oakley;\n'
                     'B-002;Org;Title;Innovation Fund;99,5;Elm;\n')
    case("csv_semicolon_decimal_comma.csv", "bids", "error:csv.decimal_comma", decimal_comma,
         "semicolons with decimal commas: refused unless asked, never misread")
    case("csv_semicolon_decimal_comma_asked.csv", "bids", "ok", decimal_comma,
         "the same file with decimal commas asked for", options="decimal_comma",
         expected=[bid_row("B-001", 123450, "Org", "Title"),
                   bid_row("B-002", 9950, "Org", "Title", "Elm")])
    case("csv_empty.csv", "bids", "error:file.empty", b"", "an empty file")
    case("csv_bom_only.csv", "bids", "error:file.empty", b"\xef\xbb\xbf", "only a BOM")
    case("csv_blank_lines.csv", "bids", "error:bids.no_rows", "\n\n,,,\n\n",
         "only blank lines")
    case("csv_header_only.csv", "bids", "error:bids.no_rows", BID_HEAD,
         "headings and no bids: 'no bids found'")
    case("csv_20000_columns.csv", "bids", "error:csv.too_many_columns",
         ",".join("c%d" % i for i in range(20000)) + "\n" +
         ",".join("1" for _ in range(20000)) + "\n", "20,000 columns")
    case("csv_1mib_field.csv", "bids", "error:csv.field_too_long",
         BID_HEAD + "B-001,Org,Title,Innovation Fund,10,Oakley,\"" + "x" * (1 << 20) + "\"\n",
         "a 1 MiB field")
    case("csv_too_many_rows.csv", "bids", "error:csv.too_many_rows",
         BID_HEAD + "".join("B-%03d,Org,Title,Innovation Fund,10,Oakley,\n" % i
                            for i in range(150)),
         "more rows than the limit (lowered to 100 for the test)", options="max_rows=100")
    case("csv_missing_columns.csv", "bids", "error:header.missing_columns",
         "Ref,Org,Title\nB-001,Org,Title\n", "no amount or fund column")
    case("csv_title_rows.csv", "bids", "ok",
         "Innovation Fund applications,,,,,,\nExported 2026-11-01,,,,,,\n,,,,,,\n" +
         "Application ID,Organization,Project Name,Programme,Amount Requested (£),Area,"
         "Description,Who benefits\n"
         "B-001,Org,Title,Innovation Fund,£250,Oakley,Sum,Older people\n",
         "headings below title rows, and synonyms; a further column becomes a field",
         expected=[bid_row("B-001", 25000, "Org", "Title", "Oakley", "Sum") +
                   ["Who benefits=Older people"]])
    case("csv_no_fund_column.csv", "bids", "ok",
         "bid_id,organisation,project_title,amount_requested\nB-001,Org,Title,10\n",
         "no fund column: the whole file goes to --fund", options="fund=Innovation Fund",
         expected=[bid_row("B-001", 1000, "Org", "Title", "")])

    amounts = [("1234.5", 123450), ("1,234.50", 123450), ("£1,234.50", 123450),
               ("£ 1234", 123400), ("0.50", 50), ("1234.500", 123450),
               ("12,345.67", 1234567), ("  42  ", 4200), ("0", 0)]
    body = "".join("A-%02d,Org,Title,Innovation Fund,\"%s\",Oakley,\n" % (i, a)
                   for i, (a, _) in enumerate(amounts))
    case("csv_amounts.csv", "bids", "ok", BID_HEAD + body,
         "every accepted spelling of an amount, with the pence it must give",
         expected=[bid_row("A-%02d" % i, p, "Org", "Title") for i, (_, p) in enumerate(amounts)])
    refused = [("negative", "-5"), ("negative_brackets", "(5)"), ("exponent", "1e3"),
               ("hex", "0x10"), ("sub_penny", "1.234"), ("letter_for_digit", "12O"),
               ("non_ascii_digits", "١٢٣"), ("fullwidth_digits", "１２３"), ("formula", "=1+1"),
               ("formula_plus", "+5"), ("not_finite", "NaN"), ("infinity", "inf"),
               ("grouping", "12,34,567"), ("decimal_mark", "1234,50"),
               ("too_large", "1000000000000"), ("words", "ten pounds"), ("missing", "")]
    codes = {"negative_brackets": "negative", "fullwidth_digits": "non_ascii_digits",
             "formula_plus": "formula", "infinity": "not_finite", "words": "not_money"}
    for name, spelling in refused:
        case("csv_amount_%s.csv" % name, "bids", "error:amount.%s" % codes.get(name, name),
             BID_HEAD + "B-001,Org,Title,Innovation Fund,\"%s\",Oakley,\n" % spelling,
             "the amount %r is refused" % spelling)

    case("csv_duplicate_ids.csv", "bids", "error:bids.duplicate_id",
         BID_HEAD + "B-001,Org,Title,Innovation Fund,10,Oakley,\n"
         "b-001 ,Org,Title,Innovation Fund,10,Oakley,\n", "the same id up to case and spaces")
    case("csv_existing_id.csv", "bids", "error:bids.already_in_round",
         BID_HEAD + "inn-001,Org,Title,Innovation Fund,10,Oakley,\n", "an id the round has")
    case("csv_lookalike_ids.csv", "bids", "warning:bids.lookalike_id",
         BID_HEAD + "B-001,Org,Title,Innovation Fund,10,Oakley,\n"
         "\u0412-001,Org,Title,Innovation Fund,10,Oakley,\n"
         "B-0O2,Org,Title,Innovation Fund,10,Oakley,\n"
         "B-002,Org,Title,Innovation Fund,10,Oakley,\n",
         "Cyrillic В for Latin B, letter O for zero: flagged as look-alikes")
    case("csv_lookalike_ids_accepted.csv", "bids", "ok",
         BID_HEAD + "B-001,Org,Title,Innovation Fund,10,Oakley,\n"
         "\u0412-001,Org,Title,Innovation Fund,10,Oakley,\n",
         "look-alikes imported when the warning is accepted", options="accept_warnings",
         expected=[bid_row("B-001", 1000, "Org", "Title"),
                   bid_row("\u0412-001", 1000, "Org", "Title")])
    case("csv_invisible_id.csv", "bids", "error:id.invisible_character",
         BID_HEAD + "B-\u200b001,Org,Title,Innovation Fund,10,Oakley,\n",
         "a zero-width space inside an id")
    hostile_text = ("\u202eevil\u202c \x1b[31mred\x1b[0m",
                    "ok\n2026-11-22 12:00:00 INFO import accepted by admin",
                    "tab\there\u200b and bell\x07")
    case("csv_control_bidi_text.csv", "bids", "ok",
         BID_HEAD + 'B-001,"%s",Title,Innovation Fund,10,Oakley,"%s"\n'
         'B-002,Org,"%s",Innovation Fund,10,Oakley,\n' % hostile_text,
         "control, bidi and fake-log text: stored verbatim, escaped in the report",
         expected=[bid_row("B-001", 1000, hostile_text[0], "Title", "Oakley", hostile_text[1]),
                   bid_row("B-002", 1000, "Org", hostile_text[2])])
    payloads = ['=HYPERLINK("http://127.0.0.1/x","click")', "+cmd|' /C calc'!A0",
                "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3", "\u0412=1+1"]
    case("csv_formula_payloads.csv", "bids", "ok",
         BID_HEAD + "".join('F-%d,"%s",Title,Innovation Fund,10,Oakley,\n' %
                            (i, p.replace('"', '""')) for i, p in enumerate(payloads)),
         "formula payloads in text: stored as text, never evaluated",
         expected=[bid_row("F-%d" % i, 1000, p, "Title") for i, p in enumerate(payloads)])
    case("csv_named_xlsx.xlsx", "bids", "error:xlsx.not_a_zip", BID_HEAD,
         "a CSV file named .xlsx: 'not .xlsx (looks like CSV)'")

    # Scores and interests against the base round.
    case("csv_scores_control.csv", "scores", "ok",
         "bid_id,member_id,criterion_id,score,comment\n"
         "INN-001,M01,C1,4,Strong need\nINN-001,M01,C2,3,\nINN-001,M01,C3,,\n"
         "INN-002,M02,C1,interest,\nINN-002,M03,C1,absent,\nSUS-001,M04,S1,10,\n",
         "long-form scores with blank and reason-word missing scores",
         expected=[["INN-001", "M01", "C1", "4"], ["INN-001", "M01", "C2", "3"],
                   ["INN-001", "M01", "C3", "not_yet"], ["INN-002", "M02", "C1", "interest"],
                   ["INN-002", "M03", "C1", "absent"], ["SUS-001", "M04", "S1", "10"]])
    case("csv_scores_wide.csv", "scores", "ok",
         "Panel scores,,,,,\nBid,M01 C1,M01 C2,M03 C1,M03 C2,Total\n"
         "INN-001,4,3,2,1,10\nINN-003,5,,0,interest,5\n",
         "the wide scoring matrix, auto-detected",
         expected=[["INN-001", "M01", "C1", "4"], ["INN-001", "M01", "C2", "3"],
                   ["INN-001", "M03", "C1", "2"], ["INN-001", "M03", "C2", "1"],
                   ["INN-003", "M01", "C1", "5"], ["INN-003", "M03", "C1", "0"],
                   ["INN-003", "M03", "C2", "interest"]])
    case("csv_scores_out_of_scale.csv", "scores", "error:scores.out_of_scale",
         "bid_id,member_id,criterion_id,score\nINN-001,M01,C1,6\n", "a score above the scale")
    case("csv_scores_conflicted.csv", "scores", "error:scores.conflicted",
         "bid_id,member_id,criterion_id,score\nINN-002,M02,C1,3\n",
         "a score from a member with a declared interest")
    case("csv_scores_duplicate.csv", "scores", "error:scores.duplicate",
         "bid_id,member_id,criterion_id,score\nINN-001,M01,C1,3\ninn-001,m01,c1,4\n",
         "the same cell scored twice")
    case("csv_scores_officer.csv", "scores", "error:scores.member_does_not_score",
         "bid_id,member_id,criterion_id,score\nINN-001,M05,C1,3\n",
         "a score from an officer who advises")
    case("csv_interest_unknown_bid.csv", "interests", "error:interests.unknown_bid",
         "member_id,bid_id,type\nM01,INN-0O1,financial\n",
         "an interest naming a bid that is not in the round")


# ---- XLSX -----------------------------------------------------------------------------------

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
NS_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'


def esc(text):
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def col_letters(n):
    s = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def sheet_xml(rows, extra=""):
    """rows: list of (row number, [(column number, cell xml body with t/s attrs)]).
    A cell is (col, attrs, inner) or a plain value: str → inline string, int/float → number."""
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet %s %s>'
           '<sheetData>' % (NS, NS_R)]
    for number, cells in rows:
        out.append('<row r="%d">' % number)
        for col, cell in enumerate(cells, start=1):
            if cell is None:
                continue
            ref = "%s%d" % (col_letters(col), number)
            if isinstance(cell, tuple):
                attrs, inner = cell
                out.append('<c r="%s"%s>%s</c>' % (ref, attrs, inner))
            elif isinstance(cell, str):
                out.append('<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>'
                           % (ref, esc(cell)))
            else:
                out.append('<c r="%s"><v>%s</v></c>' % (ref, repr(cell)))
        out.append("</row>")
    out.append("</sheetData>%s</worksheet>" % extra)
    return "".join(out).encode()


STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet %s>'
          '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts>'
          '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
          '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/>'
          '<xf numFmtId="9"/></cellXfs></styleSheet>' % NS).encode()


def workbook(sheets, shared=None, date1904=False, styles=True, workbook_rels_extra="",
             sheet_rels=None, extra_parts=None, content_type_extra="", sheet_target=None):
    """sheets: list of (name, xml bytes, state). Returns the parts in a fixed order."""
    parts = []
    overrides = "".join('<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/'
                        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' % (i + 1)
                        for i in range(len(sheets)))
    parts.append(("[Content_Types].xml", (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.'
        'openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="'
        'application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
        'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="'
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>%s%s'
        '</Types>' % (overrides, content_type_extra)).encode()))
    parts.append(("_rels/.rels", (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships %s>'
        '<Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>' % (PKG_REL, REL)).encode()))
    sheet_entries = "".join('<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>' %
                            (esc(name), i + 1, ' state="%s"' % state if state else "", i + 1)
                            for i, (name, _, state) in enumerate(sheets))
    parts.append(("xl/workbook.xml", (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook %s %s>%s'
        '<sheets>%s</sheets></workbook>' % (NS, NS_R, '<workbookPr date1904="1"/>' if date1904
                                            else '<workbookPr/>', sheet_entries)).encode()))
    rels = "".join('<Relationship Id="rId%d" Type="%s/worksheet" Target="%s"/>' %
                   (i + 1, REL, sheet_target or "worksheets/sheet%d.xml" % (i + 1))
                   for i in range(len(sheets)))
    if shared is not None:
        rels += '<Relationship Id="rId90" Type="%s/sharedStrings" Target="sharedStrings.xml"/>' % REL
    if styles:
        rels += '<Relationship Id="rId91" Type="%s/styles" Target="/xl/styles.xml"/>' % REL
    parts.append(("xl/_rels/workbook.xml.rels", (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships %s>%s%s'
        '</Relationships>' % (PKG_REL, rels, workbook_rels_extra)).encode()))
    for i, (_, xml, _) in enumerate(sheets):
        parts.append(("xl/worksheets/sheet%d.xml" % (i + 1), xml))
    if shared is not None:
        parts.append(("xl/sharedStrings.xml", shared))
    if styles:
        parts.append(("xl/styles.xml", STYLES))
    for name, data in (extra_parts or []):
        parts.append((name, data))
    return parts


def shared_strings(items, count=None, unique=None):
    """items: raw <si> bodies."""
    n = len(items)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst %s count="%s" '
            'uniqueCount="%s">%s</sst>' % (NS, count if count is not None else n,
                                          unique if unique is not None else n,
                                          "".join("<si>%s</si>" % i for i in items))).encode()


def zip_bytes(parts, compress=zipfile.ZIP_DEFLATED):
    """Deterministic: fixed timestamps and attributes, parts in the given order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = compress
            info.external_attr = 0o600 << 16
            info.create_system = 0
            z.writestr(info, data, compresslevel=6)
    return buffer.getvalue()


def central_entries(data):
    """(offset of each central header, its fields) for patching forged archives."""
    end = data.rfind(b"PK\x05\x06")
    count, size, offset = struct.unpack("<HII", data[end + 10:end + 20])
    entries = []
    at = offset
    for _ in range(count):
        name_len, extra_len, comment_len = struct.unpack("<HHH", data[at + 28:at + 34])
        local = struct.unpack("<I", data[at + 42:at + 46])[0]
        entries.append(dict(at=at, name=data[at + 46:at + 46 + name_len], local=local))
        at += 46 + name_len + extra_len + comment_len
    return entries


def patch(data, at, fmt, value):
    return data[:at] + struct.pack(fmt, value) + data[at + struct.calcsize(fmt):]


def entry_named(data, name):
    return next(e for e in central_entries(data) if e["name"] == name.encode())


def xlsx_cases():
    # The control: title rows above the headings (merged title), a hidden first sheet, shared
    # strings with rich text and a phonetic guide, inline strings, numbers, booleans, dates, a
    # percentage, a formula with its cached value, _x000D_ escapes; and sparse cell refs.
    shared = shared_strings([
        "<t>Innovation Fund applications</t>",
        "<r><rPr><b/></rPr><t>Bid </t></r><r><t>ID</t></r>",
        "<t>Organisation</t>", "<t>Project</t>", "<t>Fund</t>", "<t>Amount</t>",
        "<t>Ward</t>", "<t>Start date</t>", "<t>Needs van</t>", "<t>Share</t>",
        "<t>Innovation Fund</t>",
        "<r><t>Village </t></r><r><rPr><i/></rPr><t>Hall</t></r><rPh sb=\"0\" eb=\"1\">"
        "<t>ignored</t></rPh>",
        "<t>Line_x000D_\nbreak</t>", "<t/>", "<t>B-002</t>"], count=999999, unique=999999)
    rows = [
        (1, [(' t="s"', "<v>0</v>")]),
        (3, [(' t="s"', "<v>%d</v>" % i) for i in range(1, 10)]),
        (4, ["B-001", (' t="s"', "<v>11</v>"), "Warm space", (' t="s"', "<v>10</v>"),
             ("", "<f>SUM(10000,2500.5)</f><v>12500.5</v>"), "Oakley",
             (' s="1"', "<v>46082</v>"), (' t="b"', "<v>1</v>"), (' s="3"', "<v>0.25</v>")]),
        (6, [(' t="s"', "<v>14</v>"), (' t="s"', "<v>12</v>"), (' t="str"', "<f>\"Kit\"</f>"
                                                                     "<v>Kit</v>"),
             (' t="s"', "<v>10</v>"), 4000, None, (' s="2"', "<v>46113.5</v>"),
             (' t="b"', "<v>0</v>"), (' t="s"', "<v>13</v>")]),
    ]
    hidden = sheet_xml([(1, ["Do not import", 1])])
    control = workbook([("Hidden notes", hidden, "hidden"), ("Bids", sheet_xml(rows), None)],
                       shared=shared)
    control_rows = [
        bid_row("B-001", 1250050, "Village Hall", "Warm space", "Oakley") +
        ["Start date=2026-03-01", "Needs van=TRUE", "Share=25%"],
        bid_row("B-002", 400000, "Line\r\nbreak", "Kit", "") +
        ["Start date=2026-04-01T12:00:00", "Needs van=FALSE"]]
    case("xlsx_control.xlsx", "bids", "ok", zip_bytes(control),
         "headings below a title, hidden first sheet, shared/rich/inline strings, numbers, "
         "booleans, dates, a percentage, a cached formula", expected=control_rows)
    plain_rows = [(1, ["Bid ID", "Organisation", "Project", "Fund", "Amount"]),
                  (2, ["B-001", "Org", "Title", "Innovation Fund", 10])]
    plain = workbook([("Bids", sheet_xml(plain_rows), None)])
    case("xlsx_plain_control.xlsx", "bids", "ok", zip_bytes(plain), "a minimal workbook",
         expected=[bid_row("B-001", 1000, "Org", "Title", "")])
    d1904 = workbook([("Bids", sheet_xml([
        (1, ["Bid ID", "Organisation", "Project", "Fund", "Amount", "Opened"]),
        (2, ["B-001", "Org", "Title", "Innovation Fund", 10, (' s="1"', "<v>44620</v>")])]),
        None)], date1904=True)
    case("xlsx_date1904.xlsx", "bids", "ok", zip_bytes(d1904),
         "the 1904 date system (44620 is 2026-03-01 there)",
         expected=[bid_row("B-001", 1000, "Org", "Title", "") + ["Opened=2026-03-01"]])
    wide = workbook([("Scores", sheet_xml([
        (1, ["Bid", "M01", None, "Sam", None]), (2, [None, "C1", "C2", "C1", "C2"]),
        (3, ["INN-001", 4, 3, 2, (' t="inlineStr"', "<is><t>absent</t></is>")]),
        (4, ["INN-003", 1, 0, None, None])]), None)])
    case("xlsx_scores_two_row_header.xlsx", "scores", "ok", zip_bytes(wide),
         "a council matrix: members over criteria in two heading rows (merged member cells)",
         expected=[["INN-001", "M01", "C1", "4"], ["INN-001", "M01", "C2", "3"],
                   ["INN-001", "M03", "C1", "2"], ["INN-001", "M03", "C2", "absent"],
                   ["INN-003", "M01", "C1", "1"], ["INN-003", "M01", "C2", "0"]])
    vba = workbook([("Bids", sheet_xml(plain_rows), None)],
                   extra_parts=[("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0VBA" + b"\x00" * 64)],
                   content_type_extra='<Default Extension="bin" ContentType="application/'
                                      'vnd.ms-office.vbaProject"/>')
    case("xlsx_vba.xlsm", "bids", "ok", zip_bytes(vba), "a macro workbook: the VBA is ignored",
         expected=[bid_row("B-001", 1000, "Org", "Title", "")])

    def one_cell(amount_cell, name, expect, what):
        book = workbook([("Bids", sheet_xml([
            (1, ["Bid ID", "Organisation", "Project", "Fund", "Amount"]),
            (2, ["B-001", "Org", "Title", "Innovation Fund", amount_cell])]), None)])
        case(name, "bids", expect, zip_bytes(book), what)

    one_cell(("", "<f>1+1</f><v></v>"), "xlsx_formula_uncached.xlsx", "error:amount.missing",
             "a formula with no saved result is never calculated")
    one_cell((' t="e"', "<v>#N/A</v>"), "xlsx_error_cell.xlsx", "error:cell.error",
             "an error cell as an amount")
    one_cell((' s="1"', "<v>46082</v>"), "xlsx_date_as_amount.xlsx", "error:amount.is_date",
             "a date as an amount")
    one_cell((' t="b"', "<v>1</v>"), "xlsx_bool_as_amount.xlsx", "error:amount.is_boolean",
             "TRUE as an amount")
    one_cell("£1,234.50", "xlsx_text_amount.xlsx", "warning:xlsx.text_amount",
             "an amount stored as text is reported, never taken silently")
    one_cell((' t="s"', "<v>7</v>"), "xlsx_lying_shared_strings.xlsx",
             "error:xlsx.bad_shared_string", "a cell naming shared string 7 of none")
    lying = workbook([("Bids", sheet_xml(plain_rows + [(3, ["B-002", (' t="s"', "<v>0</v>"),
                                                             "Title", "Innovation Fund", 99])]),
                       None)],
                     shared=shared_strings(["<t>a</t>", "<t>99</t>"], count=2 ** 31 - 1,
                                           unique=4000000000))
    case("xlsx_huge_sst_count.xlsx", "bids", "ok", zip_bytes(lying),
         "shared strings declaring billions of entries: the count is never trusted",
         expected=[bid_row("B-001", 1000, "Org", "Title", ""),
                   bid_row("B-002", 9900, "a", "Title", "")])
    for name, ref, code in [("xlsx_ref_beyond_xfd.xlsx", "XFE2", "xlsx.cell_out_of_range"),
                            ("xlsx_ref_beyond_last_row.xlsx", "A1048577",
                             "xlsx.cell_out_of_range"),
                            ("xlsx_ref_garbage.xlsx", "A99999999999999999999",
                             "xlsx.bad_cell_ref")]:
        xml = sheet_xml(plain_rows).replace(b"</sheetData>",
                                            b'<row r="3"><c r="%s"><v>1</v></c></row></sheetData>'
                                            % ref.encode())
        if ref == "A1048577":
            xml = xml.replace(b'<row r="3">', b'<row r="1048577">')
        case(name, "bids", "error:" + code, zip_bytes(workbook([("Bids", xml, None)])),
             "an extreme cell reference %s" % ref)
    far = sheet_xml(plain_rows).replace(b"</sheetData>",
                                        b'<row r="3"><c r="XFD3"><v>1</v></c></row></sheetData>')
    case("xlsx_far_cell.xlsx", "bids", "error:xlsx.too_many_columns",
         zip_bytes(workbook([("Bids", far, None)])), "a value in column XFD")
    deep = sheet_xml(plain_rows).replace(b"<sheetData>", b"<x>" * 5000 + b"<sheetData>").replace(
        b"</sheetData>", b"</sheetData>" + b"</x>" * 5000)
    case("xlsx_deep_xml.xlsx", "bids", "error:xlsx.too_deep",
         zip_bytes(workbook([("Bids", deep, None)])), "XML nested 5,000 deep")

    # Entities: any DOCTYPE is refused before an entity can be declared or fetched.
    canary_path = CANARY_FILE
    xxe = ('<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY x SYSTEM "file://%s">]>'
           '<sst %s count="1" uniqueCount="1"><si><t>&x;</t></si></sst>' % (canary_path, NS))
    case("xlsx_xxe_file.xlsx", "bids", "error:xlsx.doctype",
         zip_bytes(workbook([("Bids", sheet_xml(plain_rows), None)], shared=xxe.encode())),
         "XXE aimed at a canary file")
    xxe_net = ('<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY x SYSTEM "http://127.0.0.1:9/%s">]>'
               '<sst %s><si><t>&x;</t></si></sst>' % (CANARY, NS))
    case("xlsx_xxe_net.xlsx", "bids", "error:xlsx.doctype",
         zip_bytes(workbook([("Bids", sheet_xml(plain_rows), None)], shared=xxe_net.encode())),
         "XXE aimed at 127.0.0.1")
    laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(
        '<!ENTITY lol%d "%s">' % (i, ("&lol%d;" % (i - 1) if i > 1 else "&lol;") * 10)
        for i in range(1, 10)) + ']><sst %s><si><t>&lol9;</t></si></sst>' % NS
    case("xlsx_billion_laughs.xlsx", "bids", "error:xlsx.doctype",
         zip_bytes(workbook([("Bids", sheet_xml(plain_rows), None)], shared=laughs.encode())),
         "billion laughs")
    traversal = workbook([("Bids", sheet_xml(plain_rows), None)],
                         sheet_target="../../../../etc/passwd")
    case("xlsx_traversal_relationship.xlsx", "bids", "error:xlsx.traversal_relationship",
         zip_bytes(traversal), "a relationship climbing out of the package")
    external = workbook([("Bids", sheet_xml(plain_rows), None)])
    external = [(n, d.replace(b'Target="worksheets/sheet1.xml"',
                              b'Target="http://127.0.0.1:9/%s" TargetMode="External"'
                              % CANARY.encode()))
                if n == "xl/_rels/workbook.xml.rels" else (n, d) for n, d in external]
    case("xlsx_external_relationship.xlsx", "bids", "error:xlsx.external_relationship",
         zip_bytes(external), "a sheet fetched from 127.0.0.1")

    # The zip itself.
    base = zip_bytes(plain)
    case("xlsx_traversal_name.xlsx", "bids", "error:xlsx.traversal_name",
         zip_bytes(plain + [("../../evil.xml", b"<x/>")]), "a part named ../../evil.xml")
    case("xlsx_backslash_name.xlsx", "bids", "error:xlsx.backslash_name",
         zip_bytes(plain + [("xl\\worksheets\\evil.xml", b"<x/>")]), "a part with backslashes")
    case("xlsx_absolute_name.xlsx", "bids", "error:xlsx.absolute_name",
         zip_bytes(plain + [("/etc/cron.d/evil", b"x")]), "a part with an absolute path")
    case("xlsx_duplicate_name.xlsx", "bids", "error:xlsx.duplicate_name",
         zip_bytes(plain + [("xl/worksheets/sheet1.xml", b"<worksheet/>")]),
         "two parts with the same name")
    case("xlsx_duplicate_name_case.xlsx", "bids", "error:xlsx.duplicate_name",
         zip_bytes(plain + [("XL/Worksheets/Sheet1.xml", b"<worksheet/>")]),
         "two parts whose names differ only in case")
    sheet = entry_named(base, "xl/worksheets/sheet1.xml")
    case("xlsx_name_mismatch.xlsx", "bids", "error:xlsx.name_mismatch",
         base[:sheet["local"] + 30] + b"xl/worksheets/sheetX.xml" +
         base[sheet["local"] + 30 + len(sheet["name"]):],
         "a part whose local name differs from the directory's")
    case("xlsx_lying_size_small.xlsx", "bids", "error:xlsx.size_mismatch",
         patch(patch(base, sheet["at"] + 24, "<I", 16), sheet["local"] + 22, "<I", 16),
         "a part declaring 16 bytes but inflating to more")
    case("xlsx_lying_size_large.xlsx", "bids", "error:xlsx.size_mismatch",
         patch(patch(base, sheet["at"] + 24, "<I", 40000000), sheet["local"] + 22, "<I",
               40000000), "a part declaring 40 MB but inflating to less: never allocated")
    crc = patch(base, sheet["at"] + 16, "<I", 0x12345678)
    case("xlsx_crc.xlsx", "bids", "error:xlsx.crc_mismatch",
         patch(crc, sheet["local"] + 14, "<I", 0x12345678), "a part with a wrong CRC")
    encrypted = patch(base, sheet["at"] + 8, "<H", 1)
    case("xlsx_encrypted_entry.xlsx", "bids", "error:xlsx.encrypted",
         patch(encrypted, sheet["local"] + 6, "<H", 1), "a part flagged as encrypted")
    case("xlsx_too_many_entries.xlsx", "bids", "error:xlsx.too_many_entries",
         zip_bytes(plain + [("xl/media/pad%04d.bin" % i, b"") for i in range(1001)],
                   compress=zipfile.ZIP_STORED), "1,001 extra parts")
    bomb_sheet = b'<?xml version="1.0"?><worksheet %s><sheetData>' % NS.encode() + \
        b" " * (64 << 20) + b"</sheetData></worksheet>"
    case("xlsx_bomb_ratio.xlsx", "bids", "error:xlsx.compression_ratio",
         zip_bytes([(n, bomb_sheet if n == "xl/worksheets/sheet1.xml" else d)
                    for n, d in plain]),
         "an honest zip bomb: 64 MiB of spaces in a 64 KB part")
    rng = random.Random(20261122)
    letters = bytes(b"abcdefghijklmnopqrstuvwxyz"[i % 26] for i in range(256))
    noise = rng.randbytes(3 << 20).translate(letters)
    cells = b"".join(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s</t></is></c></row>'
                     % (r + 2, r + 2, noise[r * 1000:(r + 1) * 1000]) for r in range(3 << 10))
    noisy = b'<?xml version="1.0"?><worksheet %s><sheetData>' % NS.encode() + cells + \
        b"</sheetData></worksheet>"
    case("xlsx_bomb_part_size.xlsx", "bids", "error:xlsx.part_too_large",
         zip_bytes([(n, noisy if n == "xl/worksheets/sheet1.xml" else d) for n, d in plain]),
         "a part inflating past the per-part limit (lowered to 1 MiB for the test)",
         options="max_part_bytes=1048576")
    # Overlapping entries (D. Fifield's non-recursive bomb): the workbook part's compressed
    # data is declared to run over the local header and data of the sheet after it.
    overlap = zip_bytes(plain, compress=zipfile.ZIP_STORED)
    entries = central_entries(overlap)
    wb = next(e for e in entries if e["name"] == b"xl/workbook.xml")
    sh = next(e for e in entries if e["name"] == b"xl/worksheets/sheet1.xml")
    sh_end = sh["local"] + 30 + len(sh["name"]) + \
        struct.unpack("<I", overlap[sh["at"] + 20:sh["at"] + 24])[0]
    span = sh_end - (wb["local"] + 30 + len(wb["name"]))
    overlap = patch(overlap, wb["at"] + 20, "<I", span)
    case("xlsx_overlapping.xlsx", "bids", "error:xlsx.overlapping_entries",
         patch(overlap, wb["local"] + 18, "<I", span),
         "two parts sharing the same bytes (an overlapping zip bomb)")
    case("xlsx_truncated.xlsx", "bids", "error:xlsx.damaged", base[:len(base) // 2],
         "a workbook cut off halfway (no central directory)")
    case("xlsx_not_a_zip.xlsx", "bids", "error:xlsx.not_a_zip",
         "Bid ID,Organisation\nB-001,Org\n", "text named .xlsx")
    case("xlsx_ole.xls", "bids", "error:xlsx.ole",
         b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "an old .xls or encrypted workbook")
    case("xlsx_empty.xlsx", "bids", "error:file.empty", b"", "an empty file named .xlsx")
    case("xlsx_empty_zip.xlsx", "bids", "error:xlsx.not_a_workbook",
         b"PK\x05\x06" + b"\x00" * 18, "an empty zip archive")
    case("xlsx_no_such_sheet.xlsx", "bids", "error:xlsx.no_such_sheet", base,
         "a sheet that is not there", options="sheet=Applications")


def escape_cell(text):
    return (text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            .replace("\r", "\\r"))


def main():
    warnings.simplefilter("ignore", UserWarning)  # zipfile frowns on the duplicate part we forge
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=HERE)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    csv_cases()
    xlsx_cases()
    os.makedirs(args.out, exist_ok=True)
    lines = ["# name\ttable\toptions\texpect\tsha256\twhat"]
    for c in CASES:
        with open(os.path.join(args.out, c["name"]), "wb") as f:
            f.write(c["data"])
        if c["expected"] is not None:
            with open(os.path.join(args.out, c["name"] + ".expected.tsv"), "w",
                      encoding="utf-8", newline="\n") as f:
                for row in c["expected"]:
                    f.write("\t".join(escape_cell(x) for x in row) + "\n")
        lines.append("\t".join([c["name"], c["table"], c["options"], c["expect"],
                                hashlib.sha256(c["data"]).hexdigest(), c["what"]]))
    manifest = "\n".join(lines) + "\n"
    committed = os.path.join(HERE, "manifest.tsv")
    if args.check:
        with open(committed, encoding="utf-8") as f:
            if f.read() != manifest:
                print("make_corpus: the generated corpus differs from manifest.tsv",
                      file=sys.stderr)
                return 1
    with open(os.path.join(args.out, "manifest.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write(manifest)
    print("make_corpus: %d files in %s" % (len(CASES), args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
