#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Opens a round file the way a file manager does, under Xvfb, and checks the installed CoScore.

Usage (under xvfb-run): open_from_desktop.py ROUND.coscore EXPECTED_EXE

1. GIO (what GNOME Files, Nautilus, Nemo and Thunar use) must identify the file as
   application/x-coscore-round both by its name and by its content alone, and name
   org.coscore.coscore.desktop as its default application.
2. It launches that application on the file as a file manager does (GDesktopAppInfo).
3. The process must be EXPECTED_EXE, show a CoScore window within 30 s, hold the round's writer
   lock, and still be running 3 s later.
4. The window is closed as a desktop closes it (WM_DELETE_WINDOW); the process must exit with
   status 0 within 15 s and leave no lock, journal or WAL file behind.
Prints what it checked; exits 1 with a message on the first failure.
"""
import ctypes
import glob
import os
import signal
import subprocess
import sys
import time

import gi

gi.require_version("Gio", "2.0")
gi.require_version("GLib", "2.0")
from gi.repository import Gio, GLib  # noqa: E402

ROUND_TYPE = "application/x-coscore-round"
DESKTOP_ID = "org.coscore.coscore.desktop"


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def say(text):
    print(f"open_from_desktop: {text}", flush=True)


def check_file_type(path):
    with open(path, "rb") as f:
        head = f.read(4096)
    by_name, _ = Gio.content_type_guess(path, head)
    check(by_name == ROUND_TYPE,
          f"GIO calls {path} '{by_name}', not {ROUND_TYPE}: the MIME type is not installed "
          "(is shared-mime-info installed and did its dpkg trigger run update-mime-database?)")
    by_content, _ = Gio.content_type_guess(None, head)
    check(by_content == ROUND_TYPE,
          f"by content alone GIO calls the round '{by_content}', not {ROUND_TYPE} "
          "(the magic rule in org.coscore.coscore.xml does not match)")
    description = Gio.content_type_get_description(ROUND_TYPE)
    say(f"{os.path.basename(path)} is {ROUND_TYPE} ('{description}') by name and by content")
    for name, expected in (("x.cspack", "application/x-coscore-pack"),
                           ("x.csreturn", "application/x-coscore-return")):
        found, _ = Gio.content_type_guess(name, None)
        check(found == expected, f"GIO calls {name} '{found}', not {expected}")
    say("member packs (.cspack) and returns (.csreturn) have their own types")


def default_app():
    app = Gio.AppInfo.get_default_for_type(ROUND_TYPE, False)
    check(app is not None, f"no application opens {ROUND_TYPE}")
    check(app.get_id() == DESKTOP_ID,
          f"{ROUND_TYPE} opens with {app.get_id()}, not {DESKTOP_ID}")
    say(f"the default application is {app.get_id()} ('{app.get_commandline()}')")
    return app


def launch(app, path):
    pids = []
    launched = app.launch_uris_as_manager(
        [Gio.File.new_for_path(path).get_uri()], None,
        GLib.SpawnFlags.SEARCH_PATH | GLib.SpawnFlags.DO_NOT_REAP_CHILD,
        None, None, lambda _app, pid, _data: pids.append(pid), None)
    check(launched and len(pids) == 1, "GIO could not launch the application")
    return pids[0]


def exited(pid):
    """None while running, else the exit status (negative: killed by that signal)."""
    done, status = os.waitpid(pid, os.WNOHANG)
    if done == 0:
        return None
    return os.WEXITSTATUS(status) if os.WIFEXITED(status) else -os.WTERMSIG(status)


def windows_of(pid):
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid)],
                           capture_output=True, text=True, check=False)
    return [int(w) for w in found.stdout.split()]


def window_name(window):
    return subprocess.run(["xdotool", "getwindowname", str(window)], capture_output=True,
                          text=True, check=False).stdout.strip()


class XClientMessageEvent(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong),
                ("send_event", ctypes.c_int), ("display", ctypes.c_void_p),
                ("window", ctypes.c_ulong), ("message_type", ctypes.c_ulong),
                ("format", ctypes.c_int), ("data", ctypes.c_long * 5)]


class XEvent(ctypes.Union):
    _fields_ = [("xclient", XClientMessageEvent), ("pad", ctypes.c_long * 24)]


class X11:
    """Just enough Xlib to ask a window to close, as a window manager's close button does."""

    def __init__(self):
        self.lib = ctypes.CDLL("libX11.so.6")
        self.lib.XOpenDisplay.restype = ctypes.c_void_p
        self.lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.lib.XInternAtom.restype = ctypes.c_ulong
        self.lib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        self.lib.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int,
                                        ctypes.c_long, ctypes.c_void_p]
        self.lib.XFlush.argtypes = [ctypes.c_void_p]
        self.display = self.lib.XOpenDisplay(None)
        check(self.display, "cannot open the X display")
        self.protocols = self.lib.XInternAtom(self.display, b"WM_PROTOCOLS", 0)
        self.delete = self.lib.XInternAtom(self.display, b"WM_DELETE_WINDOW", 0)

    def close(self, window):
        event = XEvent()
        event.xclient.type = 33  # ClientMessage
        event.xclient.window = window
        event.xclient.message_type = self.protocols
        event.xclient.format = 32
        event.xclient.data[0] = self.delete
        event.xclient.data[1] = 0  # CurrentTime
        self.lib.XSendEvent(self.display, window, 0, 0, ctypes.byref(event))
        self.lib.XFlush(self.display)


def leftovers(path):
    folder = os.path.dirname(path)
    return (glob.glob(os.path.join(folder, ".coscore-lock-*")) +
            [p for p in (path + "-wal", path + "-journal", path + "-shm") if os.path.exists(p)])


def run_gui(app, path, expected_exe):
    pid = launch(app, path)
    say(f"launched process {pid}")
    try:
        deadline = time.monotonic() + 30
        windows = []
        while not windows:
            status = exited(pid)
            check(status is None, f"CoScore exited with status {status} before showing a window")
            check(time.monotonic() < deadline, "no CoScore window within 30 s")
            time.sleep(0.2)
            windows = windows_of(pid)
        exe = os.readlink(f"/proc/{pid}/exe")
        check(exe == expected_exe, f"the process runs {exe}, not {expected_exe}")
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            argv = [a.decode() for a in f.read().split(b"\0") if a]
        check(argv[1:] == [path], f"CoScore was started as {argv}, not on {path}")
        names = [window_name(w) for w in windows]
        check(any("CoScore" in n for n in names), f"no window is titled CoScore: {names}")
        say(f"{exe} {path} shows {names}")
        locks = glob.glob(os.path.join(os.path.dirname(path), ".coscore-lock-*"))
        check(len(locks) == 1, f"CoScore does not hold the round's writer lock: {locks}")
        with open(locks[0], encoding="utf-8") as f:
            holder_pid = f.read().split("\n")[2]
        check(holder_pid == str(pid), f"the lock is held by {holder_pid}, not {pid}")
        say("it holds the round's writer lock")
        time.sleep(3)
        status = exited(pid)
        check(status is None, f"CoScore exited with status {status} within 3 s of starting")
        check(windows_of(pid), "CoScore's window disappeared within 3 s of starting")
        say("still running after 3 s")

        x11 = X11()
        deadline = time.monotonic() + 15
        status = None
        while status is None:
            check(time.monotonic() < deadline,
                  "CoScore did not exit within 15 s of its windows being closed "
                  f"(still showing {[window_name(w) for w in windows_of(pid)]})")
            for window in windows_of(pid):
                x11.close(window)
            time.sleep(0.5)
            status = exited(pid)
        check(status == 0, f"CoScore exited with status {status} after its window was closed")
        left = leftovers(path)
        check(not left, f"CoScore left {left} behind after closing")
        say("closed like a desktop closes it: exit status 0, no lock, journal or WAL left")
    finally:
        if exited_safely(pid) is None:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)


def exited_safely(pid):
    try:
        return exited(pid)
    except ChildProcessError:
        return 0


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    path, expected_exe = os.path.abspath(sys.argv[1]), sys.argv[2]
    try:
        check_file_type(path)
        run_gui(default_app(), path, expected_exe)
    except Failure as failure:
        print(f"open_from_desktop: FAILED: {failure}", file=sys.stderr, flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
