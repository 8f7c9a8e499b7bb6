#!/usr/bin/env bash
# Install the Debian packages Masar needs, only those that are missing.
#   gettext    → msgfmt, to compile translations
#   chromium   → /usr/bin/chromium, for the browser tests
#   postgresql → server binaries, to run the suite on PostgreSQL
#   poppler    → pdftotext / pdftoppm, to read generated PDFs in tests
set -euo pipefail
need=()
for what in "$@"; do
  case "$what" in
    gettext) command -v msgfmt >/dev/null || need+=(gettext) ;;
    chromium) [ -x /usr/bin/chromium ] || need+=(chromium) ;;
    postgresql) ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql) ;;
    poppler) command -v pdftotext >/dev/null || need+=(poppler-utils) ;;
    *) echo "unknown dependency: $what" >&2; exit 2 ;;
  esac
done
[ ${#need[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "Installing Debian packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
