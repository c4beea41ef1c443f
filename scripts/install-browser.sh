#!/bin/sh
# Install Debian's Chromium (and emoji and Chinese fonts, so screenshots show every
# character) for the real-browser tests, if missing.
# Without root or apt-get the browser tests skip with this reason; in CI they must run.
set -u
PACKAGES="chromium fonts-noto-color-emoji fonts-noto-cjk"
if command -v chromium >/dev/null 2>&1 && [ -d /usr/share/fonts/opentype/noto ]; then
    exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; else SUDO=none; fi
    if [ "$SUDO" != none ]; then
        echo "Installing Debian's chromium for the browser tests..."
        $SUDO apt-get update -qq && \
            DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $PACKAGES >/dev/null \
            && exit 0
    fi
fi
echo "note: Chromium is not installed and cannot be installed here (needs apt-get and root);"
echo "      the browser tests will be skipped. Install Debian's 'chromium' package to run them."
if [ "${CI:-}" = "true" ]; then
    echo "error: CI must run the browser tests" >&2
    exit 1
fi
exit 0
