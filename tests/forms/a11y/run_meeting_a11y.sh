#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs the meeting page's AT-SPI check (the Boost.Test suite meeting_a11y, disabled otherwise) in a private D-Bus
# session with the accessibility bus, under Xvfb. Usage: run_meeting_a11y.sh coscore_forms_tests
set -eu
tests="$1"
exec dbus-run-session -- sh -c '
    /usr/libexec/at-spi-bus-launcher --launch-immediately &
    launcher=$!
    unset NO_AT_BRIDGE
    GDK_BACKEND=x11 LANG=en_GB.UTF-8 xvfb-run -a -n 150 -s "-screen 0 1280x1024x24" \
        "$0" --run_test=meeting_a11y --logger=HRF,message,stdout --color_output=no
    status=$?
    kill "$launcher" 2>/dev/null || true
    exit $status' "$tests"
