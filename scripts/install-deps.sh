#!/usr/bin/env bash
# Installs the Debian packages qcode needs to build, test and benchmark.
# Idempotent: packages already present are skipped, so it is cheap to re-run.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkgconf
  libicu-dev libsqlite3-dev libsqlitecpp-dev libfmt-dev
  libboost-test-dev libyaml-cpp-dev libcli11-dev libstemmer-dev
  libpugixml-dev libzip-dev libxlsxwriter-dev
  sqlite3 python3 python3-openpyxl unzip libxml2-utils
  ripgrep time  # scripts/bench.sh: the ripgrep baseline; GNU time for wall, CPU and peak memory
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
