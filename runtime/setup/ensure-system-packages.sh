#!/usr/bin/env bash
# Installs the Debian packages inkflow needs (LibreOffice with its Python UNO bridge, poppler,
# Chromium for browser tests) when they are missing. Idempotent; does nothing when all are present.
set -euo pipefail

missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
/usr/bin/python3 -c 'import uno' >/dev/null 2>&1 || missing+=(python3-uno)
fc-list 2>/dev/null | grep -qi dejavu || missing+=(fonts-dejavu-core)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [[ "${INKFLOW_SKIP_BROWSER:-}" != "1" ]]; then
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fi

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

echo "inkflow setup: installing ${missing[*]} with apt-get" >&2
if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; else SUDO=; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "inkflow setup: system packages ready" >&2
