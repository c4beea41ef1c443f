#!/bin/sh
# Install what the real-browser tests need from Debian, if missing: Chromium (and emoji and
# Chinese fonts, so screenshots show every character), and nginx, which the deploy test
# (tests/test_deploy.py) runs as its own process on a loopback port in front of two
# replicas, with deploy/nginx.conf; the package's own service is not used.
# Without root or apt-get the browser tests skip with this reason; in CI they must run.
set -u
PACKAGES="chromium fonts-noto-color-emoji fonts-noto-cjk nginx"
if command -v chromium >/dev/null 2>&1 && [ -d /usr/share/fonts/opentype/noto ] \
    && { command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; }; then
    exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; else SUDO=none; fi
    if [ "$SUDO" != none ]; then
        echo "Installing Debian's chromium and nginx for the browser tests..."
        $SUDO apt-get update -qq && \
            DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $PACKAGES >/dev/null \
            && exit 0
    fi
fi
echo "note: Chromium or nginx is not installed and cannot be installed here (needs apt-get"
echo "      and root); the browser tests will be skipped. Install Debian's 'chromium' and"
echo "      'nginx' packages to run them."
if [ "${CI:-}" = "true" ]; then
    echo "error: CI must run the browser tests" >&2
    exit 1
fi
exit 0
