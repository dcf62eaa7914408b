#!/usr/bin/env bash
# Installs what is needed, builds qcode with its tests and runs them all.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
# The benchmark tools are built too, so a change of a library API cannot
# break them unnoticed (they are run by scripts/bench.sh, not by ctest).
"$root/scripts/build.sh" -DQCODE_BENCH=ON
cd "$root/build"
ctest --output-on-failure --parallel "$(nproc)"
