#!/usr/bin/env bash
# Debian packages the test suite and the document checks need; installs only what is missing.
# Chromium (browser tests, axe-core, screenshots), poppler-utils (pdftotext, pdftoppm), LibreOffice
# (opens XLSX/DOCX, reads the Finnish CSV), Voikko with its Finnish dictionary (hyphenation of the PDF),
# wrk (the benchmark's 16 clients).
# Another apt-get or unattended-upgrades holding the package locks is waited for (APT_WAIT seconds).
# `--wait-only` only waits for the locks (the tests use it).
set -euo pipefail
APT_WAIT=${APT_WAIT:-900}
APT_LOCK_FILES=${APT_LOCK_FILES:-/var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock /var/cache/apt/archives/lock}

apt_locked() {
  # apt and dpkg take POSIX (fcntl) locks, which lslocks (util-linux) lists with their paths.
  local held
  held=$(lslocks --noheadings --output PATH 2>/dev/null || true)
  for file in $APT_LOCK_FILES; do
    if grep -qxF "$file" <<<"$held"; then return 0; fi
  done
  return 1
}

wait_for_apt() {
  local waited=0
  while apt_locked; do
    if [ "$waited" -ge "$APT_WAIT" ]; then
      echo "The package manager is still busy after ${APT_WAIT} s (another apt-get holds its lock); try again later." >&2
      return 1
    fi
    if [ "$waited" -eq 0 ]; then echo "Waiting for another package manager to finish (apt lock held)..." >&2; fi
    sleep 2
    waited=$((waited + 2))
  done
}

if [ "${1:-}" = "--wait-only" ]; then wait_for_apt; exit; fi

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc libreoffice-writer)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing+=(fonts-dejavu-core)
# WeasyPrint (PDF reports) lays text out with Pango.
dpkg -s libpango-1.0-0 >/dev/null 2>&1 || missing+=(libpango-1.0-0)
dpkg -s libpangoft2-1.0-0 >/dev/null 2>&1 || missing+=(libpangoft2-1.0-0)
# Finnish hyphenation of the PDF (reports/hyphenate.py): libvoikko and its Finnish morphology.
dpkg -s libvoikko1 >/dev/null 2>&1 || missing+=(libvoikko1)
dpkg -s voikko-fi >/dev/null 2>&1 || missing+=(voikko-fi)
# The load generator of the big city's benchmark (bench/bench_city.py, make bench-city).
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages: ${missing[*]}; run as root or install them: apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
wait_for_apt
# apt-get waits for the dpkg lock itself too (DPkg::Lock::Timeout), should one be taken in between.
apt-get -o DPkg::Lock::Timeout="$APT_WAIT" update -qq
wait_for_apt
apt-get -o DPkg::Lock::Timeout="$APT_WAIT" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
