#!/usr/bin/env bash
# Install the development dependencies and run the whole test suite.
# Debian's chromium and fonts-noto-cjk (browser tests) and php-symfony-translation (the XLIFF schemas)
# are installed with apt-get when missing; the TMX 1.4b DTD is taken from Debian's omegat package into
# .cache/schemas/ without installing omegat (and its Java dependencies).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
{ command -v fc-list >/dev/null 2>&1 && fc-list | grep -qi "Noto Sans CJK"; } || missing+=(fonts-noto-cjk)
# the official XLIFF 1.2 and 2.0 schemas, to validate what the workbench exports
[ -f /usr/share/php/Symfony/Component/Translation/Resources/schemas/xliff-core-2.0.xsd ] || missing+=(php-symfony-translation)
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "scripts/test.sh: please install ${missing[*]} for the browser tests" >&2
  fi
fi

# The LISA TMX 1.4b DTD, to validate the TMX the workbench exports. Debian ships it only inside omegat's
# OmegaT.jar, so the .deb is downloaded (not installed) and just that one file is kept.
tmx_dtd=.cache/schemas/tmx14.dtd
if [ ! -f "$tmx_dtd" ]; then
  if command -v apt-get >/dev/null 2>&1 && command -v dpkg-deb >/dev/null 2>&1; then
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    # apt-get download needs current package lists; refresh them only when the first try fails
    if ! (cd "$work" && apt-get download -qq omegat 2>/dev/null); then
      sudo=""
      [ "$(id -u)" -ne 0 ] && sudo="sudo"
      $sudo apt-get update -qq
      (cd "$work" && apt-get download -qq omegat)
    fi
    dpkg-deb --fsys-tarfile "$work"/omegat_*.deb | tar -x -C "$work" ./usr/share/omegat/OmegaT.jar
    mkdir -p "$(dirname "$tmx_dtd")"
    python3 -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read("schemas/tmx14.dtd"))' \
      "$work/usr/share/omegat/OmegaT.jar" >"$tmx_dtd.part"
    mv "$tmx_dtd.part" "$tmx_dtd"
    rm -rf "$work"  # exec below skips the EXIT trap
    trap - EXIT
  else
    echo "scripts/test.sh: without apt-get, put the TMX 1.4b DTD (tmx14.dtd) in $tmx_dtd" >&2
  fi
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[dev]'
# the schema tests fail here instead of skipping: this script promises the XLIFF schemas and the TMX DTD
WORKBENCH_REQUIRE_SCHEMAS=1 exec .venv/bin/python -m pytest -q "$@"
