#!/usr/bin/env bash
# Installs the heavy system parts the tests use, from Debian's packages, only when they are missing:
#   LibreOffice (headless format round trip), Chromium + CJK fonts (web UI tests, printed reports),
#   PostgreSQL (store tests against a real server; the tests start their own cluster).
# Nothing is downloaded at run time; on a machine without apt the tests that need a part skip,
# unless CI=true, where they fail (see tests/conftest.py).
set -euo pipefail

need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui libreoffice-calc-nogui)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] || need+=(fonts-noto-cjk)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)

if [ ${#need[@]} -eq 0 ]; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-system: apt-get not found; missing: ${need[*]} (tests that need them will skip)" >&2
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
        echo "ensure-system: not root and no sudo; missing: ${need[*]}" >&2
        exit 0
    fi
fi
echo "ensure-system: installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
