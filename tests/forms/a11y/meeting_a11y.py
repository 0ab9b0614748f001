#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# Walks one window of a running CoScore process through AT-SPI (what a screen reader sees) and
# fails when an interactive control has no name, or when a list is not a real table.
# Usage: meeting_a11y.py PID "Window title" [table name ...]
import sys

import pyatspi

INTERACTIVE = {
    "push button", "toggle button", "check box", "radio button", "combo box", "text",
    "password text", "spin button", "table", "tree table", "list", "slider", "page tab",
    "entry", "menu item", "check menu item", "radio menu item", "link",
}


def named(node):
    if (node.name or "").strip():
        return True
    for relation in node.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            for i in range(relation.getNTargets()):
                if (relation.getTarget(i).name or "").strip():
                    return True
    return False


def walk(node, path, problems, tables, depth=0):
    if node is None or depth > 60:
        return
    role = node.getRoleName()
    states = node.getState()
    here = f"{path}/{role}:{node.name!r}"
    showing = states.contains(pyatspi.STATE_SHOWING)
    if role in ("table", "tree table"):
        tables.append((node.name or "", node))
    if (showing and role in INTERACTIVE and states.contains(pyatspi.STATE_FOCUSABLE)
            and not named(node)):
        problems.append(here)
    # Table cells are data, not controls: their names are the cell text.
    if role in ("table", "tree table", "table cell"):
        return
    for child in node:
        walk(child, here, problems, tables, depth + 1)


def main():
    pid = int(sys.argv[1])
    title = sys.argv[2]
    wanted_tables = sys.argv[3:]
    desktop = pyatspi.Registry.getDesktop(0)
    app = next((a for a in desktop if a is not None and a.get_process_id() == pid), None)
    if app is None:
        print(f"no accessible application with pid {pid}")
        return 2
    window = next((w for w in app if w is not None and w.name == title), None)
    if window is None:
        print(f"no window {title!r}; windows: {[w.name for w in app if w is not None]}")
        return 2
    problems, tables = [], []
    walk(window, "", problems, tables)
    for name in wanted_tables:
        found = [t for n, t in tables if n == name]
        if not found:
            problems.append(f"no table named {name!r} (tables: {[n for n, _ in tables]})")
            continue
        table = found[0].queryTable()
        if table.nColumns < 1:
            problems.append(f"table {name!r} has no columns")
        elif not (table.getColumnDescription(0) or
                  (table.getColumnHeader(0) and table.getColumnHeader(0).name)):
            problems.append(f"table {name!r} has no column headings")
    for problem in problems:
        print("unnamed or broken:", problem)
    print(f"{title}: {len(tables)} tables, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
