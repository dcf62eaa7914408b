#!/usr/bin/env bash
# The main job: install what is needed, build, code the shipped samples with
# the shipped AZR codebook and print the barrier (Hürden) tables.
# The project is written to out/demo.qcode (recreated on every run).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
qcode="$root/build/cli/qcode"
mkdir -p "$root/out"
project="$root/out/demo.qcode"
rm -f "$project" "$project-wal" "$project-shm"
export QCODE_PROJECT="$project"

"$qcode" init >/dev/null
"$qcode" import "$root"/samples/*.txt "$root"/samples/*.vtt "$root"/samples/*.srt "$root"/samples/*.docx --attributes "$root/samples/attributes.csv" >/dev/null
"$qcode" codebook import "$root/codebooks/azr.yaml" >/dev/null
"$qcode" autocode
echo
"$qcode" freq --root huerden
echo
"$qcode" cooc --root huerden --depth 2 --scope turn
echo
echo "Project: $project  (try: $qcode -p $project freq --format csv)"
