#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Accessibility check of the desktop application through AT-SPI, as a screen reader sees it.

Starts the AT-SPI bus, runs `coscore --demo`, shows every page of the main window in turn and
walks the accessible tree: every control a person can operate must have a name (its own, or a
label that names it), and every list must be a table with column headers. Writes the tree to
a text file and exits non-zero, listing each problem, when anything is unnamed.

Usage (under dbus-run-session and xvfb-run): a11y_check.py COSCORE TREE_OUT
"""
import os
import subprocess
import sys
import tempfile
import time

import pyatspi

# Roles a person operates; each needs a name a screen reader can say.
INTERACTIVE = {
    "push button", "toggle button", "radio button", "check box", "combo box", "text",
    "entry", "password text", "spin button", "slider", "table", "tree table", "list",
    "list box", "page tab", "menu item", "check menu item", "radio menu item", "menu",
    "link", "tree",
}
LISTS = {"table", "tree table"}
SELF_NAMED = {"push button", "toggle button", "radio button", "check box"}
DEADLINE = 90.0  # the longest wait for the application on a loaded machine; never a timing check


def find_app(name):
    end = time.time() + DEADLINE
    while time.time() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.name and name in app.name:
                return app
        time.sleep(0.2)
    return None


def labelled_by(acc):
    try:
        for relation in acc.getRelationSet():
            if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
                for t in range(relation.getNTargets()):
                    target = relation.getTarget(t)
                    if target is not None and target.name:
                        return target.name
    except Exception:  # a control that vanished while we looked
        return ""
    return ""


def walk(acc, depth, out, problems, path):
    try:
        role = acc.getRoleName()
        name = acc.name or ""
        states = acc.getState()
    except Exception:
        return
    showing = states.contains(pyatspi.STATE_SHOWING)
    focusable = states.contains(pyatspi.STATE_FOCUSABLE)
    label = labelled_by(acc)
    line = "  " * depth + f"[{role}] {name!r}"
    if label:
        line += f" labelled-by={label!r}"
    if role in LISTS:
        try:
            table = acc.queryTable()
            headers = [table.getColumnDescription(c) for c in range(table.nColumns)]
            line += f" columns={headers}"
            if showing and (table.nColumns == 0 or not any(headers)):
                problems.append(f"{path}/{role}: a list without column headers")
        except NotImplementedError:
            problems.append(f"{path}/{role} {name!r}: a list that is not a table")
    out.append(line)
    interactive = role in INTERACTIVE and (focusable or role in {"menu item", "page tab"})
    if showing and interactive and not name.strip() and not label.strip():
        problems.append(f"{path}/{role}: no accessible name (parent: {acc.parent.name!r})")
    # A button is read by its own words; a paragraph above it must not stand in for them.
    if showing and role in SELF_NAMED and label and label.strip() != name.strip():
        problems.append(f"{path}/{role} {name!r}: labelled by other text {label!r}")
    # Table cells are data, not controls; the menus' items are checked once, collapsed.
    if role in LISTS:
        return
    for i in range(acc.childCount):
        child = acc.getChildAtIndex(i)
        if child is not None:
            walk(child, depth + 1, out, problems, f"{path}/{role}")


def main():
    coscore, tree_out = sys.argv[1], sys.argv[2]
    bus = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"])
    home = tempfile.mkdtemp(prefix="coscore-a11y-")
    env = dict(os.environ)
    env.pop("NO_AT_BRIDGE", None)
    env.update({"GDK_BACKEND": "x11", "XDG_CONFIG_HOME": home + "/cfg",
                "XDG_DATA_HOME": home + "/data", "GTK_A11Y": "atk"})
    app_proc = None
    try:
        time.sleep(0.5)
        app_proc = subprocess.Popen([coscore, "--demo"], env=env)
        app = find_app("coscore")
        if app is None:
            print("a11y: the application never appeared on the AT-SPI bus")
            return 2
        frame = None
        end = time.time() + DEADLINE
        while frame is None and time.time() < end:
            for i in range(app.childCount):
                child = app.getChildAtIndex(i)
                if child is not None and "CoScore" in (child.name or ""):
                    frame = child
            time.sleep(0.2)
        if frame is None:
            print("a11y: no main window")
            return 2
        out, problems = [], []
        tabs = pyatspi.findDescendant(frame, lambda a: a.getRoleName() == "page tab list")
        pages = tabs.childCount if tabs is not None else 1
        for page in range(pages):
            if tabs is not None:
                tabs.querySelection().selectChild(page)
                time.sleep(1.5)  # a page is built when first shown
                out.append(f"==== page {page + 1}: {tabs.getChildAtIndex(page).name}")
            walk(frame, 0, out, problems, "window")
        with open(tree_out, "w", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")
        problems = sorted(set(problems))
        for p in problems:
            print("a11y problem:", p)
        print(f"a11y: {len(out)} accessibles over {pages} pages, {len(problems)} problems; "
              f"tree in {tree_out}")
        return 1 if problems else 0
    finally:
        if app_proc is not None:
            app_proc.terminate()
            try:
                app_proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                app_proc.kill()
        bus.terminate()


if __name__ == "__main__":
    sys.exit(main())
