#!/usr/bin/env sh
# Debian packages the product needs: Tesseract with German (OCR of scanned PDF pages),
# poppler-utils, and Chromium + ChromeDriver for the browser tests. Installs only what is missing.
set -eu
PACKAGES="tesseract-ocr tesseract-ocr-deu poppler-utils chromium chromium-driver"
missing=""
for package in $PACKAGES; do
  dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else
  echo "Missing Debian packages:$missing - please install them as root (apt-get install$missing)." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends $missing
