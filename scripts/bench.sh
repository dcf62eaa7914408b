#!/usr/bin/env bash
# The benchmark of issue #4: qcode's matching stage and import+autocode next
# to ripgrep and a Python single-regex baseline, on the same generated
# corpus and codebook, in one invocation. See docs/benchmarks.md.
#
#   scripts/bench.sh [--mb 200] [--patterns 2000] [--seed 1] [--repeat 1]
#                    [--python-mb 20] [--file-kb 1000-2000] [--keep]
#
#   --mb N          corpus size in MB (10^6 bytes); --mb 5 is a quick try
#   --patterns N    codebook size
#   --repeat N      run each matching measurement N times, keep the fastest
#   --python-mb N   Python runs on the corpus's first files up to N MB (it is
#                   slow; its MB/s does not depend on the size); 0 = all
#   --file-kb A-B   size range of the corpus files in kB
#   --keep          keep the temporary directory (corpus, codebook, project)
#
# Builds (Release, -DQCODE_BENCH=ON) into BENCH_BUILD_DIR (default
# build-bench/), only the targets it needs. Needs ripgrep, python3 and GNU
# time: scripts/install-deps.sh installs them.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${BENCH_BUILD_DIR:-$root/build-bench}

mb=200 patterns=2000 seed=1 repeat=1 python_mb=20 file_kb=1000-2000 keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --mb) mb=$2; shift 2 ;;
    --patterns) patterns=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --python-mb) python_mb=$2; shift 2 ;;
    --file-kb) file_kb=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown argument $1 (try --help)" >&2; exit 2 ;;
  esac
done

for tool in rg python3 /usr/bin/time cmake; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench.sh: $tool is missing; run scripts/install-deps.sh" >&2; exit 1; }
done

# --- build ------------------------------------------------------------------
generator=()
command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
if [ ! -f "$build_dir/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DQCODE_BENCH=ON -DQCODE_TESTS=OFF >/dev/null
else
  cmake -DQCODE_BENCH=ON "$build_dir" >/dev/null  # an existing build: keep its source and type
fi
echo "bench: building qcode and the benchmark tools in $build_dir ..." >&2
cmake --build "$build_dir" --parallel "$(nproc)" --target qcode qcode_bench qcode_bench_corpus qcode_bench_codebook >/dev/null
qcode=$build_dir/cli/qcode
bench=$build_dir/bench

# --- material ---------------------------------------------------------------
tmp=$(mktemp -d "${TMPDIR:-/tmp}/qcode-bench.XXXXXX")
if [ "$keep" = 1 ]; then echo "bench: keeping $tmp" >&2; else trap 'rm -rf "$tmp"' EXIT; fi
"$bench/qcode_bench_corpus" --out "$tmp/corpus" --mb "$mb" --seed "$seed" --file-kb "$file_kb" \
  --samples "$root/samples" --codebook "$root/codebooks/azr.yaml" >"$tmp/corpus.log"
"$bench/qcode_bench_codebook" --out "$tmp/cb" --patterns "$patterns" --seed "$seed" \
  --samples "$root/samples" --codebook "$root/codebooks/azr.yaml" >"$tmp/codebook.log"
bytes=$(cat "$tmp"/corpus/*.txt | wc -c)
files=$(ls "$tmp"/corpus/*.txt | wc -l)
# Python's share: whole files from the start up to --python-mb.
mkdir -p "$tmp/pycorpus"
py_bytes=0
for f in "$tmp"/corpus/*.txt; do
  if [ "$python_mb" != 0 ] && [ "$py_bytes" -ge $((python_mb * 1000000)) ]; then break; fi
  ln -s "$f" "$tmp/pycorpus/"
  py_bytes=$((py_bytes + $(stat -c %s "$f")))
done
cat "$tmp"/corpus/*.txt >/dev/null  # into the page cache: every tool reads warm files

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
load_start=$(loadavg)

# timed OUT CMD...: runs CMD with stdout to OUT.out; sets wall, cpu, rss_kb
timed() {
  local out=$1; shift
  /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$@" >"$out.out" 2>"$out.err" || {
    echo "bench: failed: $*" >&2; cat "$out.err" >&2; exit 1; }
  read -r wall user sys rss_kb <"$tmp/time"
  cpu=$(awk "BEGIN{print $user + $sys}")
}
calc() { awk "BEGIN{printf \"%.${2:-2}f\", $1}"; }
min() { awk "BEGIN{print ($1 < $2) ? $1 : $2}"; }

# --- import + autocode + store with the real binary -------------------------
echo "bench: qcode init/import/autocode on $(calc "$bytes/1e6" 1) MB ..." >&2
export QCODE_PROJECT=$tmp/bench.qcode
timed "$tmp/init" "$qcode" init
init_wall=$wall
timed "$tmp/import" "$qcode" import "$tmp"/corpus/*.txt
import_wall=$wall import_cpu=$cpu import_rss=$rss_kb
timed "$tmp/autocode" "$qcode" autocode --codebook "$tmp/cb/codebook.yaml"
autocode_wall=$wall autocode_cpu=$cpu autocode_rss=$rss_kb
pipeline_wall=$(calc "$init_wall + $import_wall + $autocode_wall")
pipeline_rss=$(( import_rss > autocode_rss ? import_rss : autocode_rss ))
autocode_summary=$(tail -n 1 "$tmp/autocode.out")

# --- matching: qcode, ripgrep, Python ---------------------------------------
q_wall=1e30 q_cpu=1e30 rg_wall=1e30 rg_cpu=1e30 rg1_wall=1e30 rg1_cpu=1e30 py_match=1e30 py_wall=1e30 py_cpu=1e30
for ((r = 1; r <= repeat; r++)); do
  echo "bench: matching, round $r of $repeat ..." >&2
  timed "$tmp/qbench" "$bench/qcode_bench" --project "$QCODE_PROJECT" --codebook "$tmp/cb/codebook.yaml" --bytes "$bytes"
  q_rss=$rss_kb
  q_wall=$(min "$q_wall" "$(sed -n 's/^run_wall_s=//p' "$tmp/qbench.out")")
  q_cpu=$(min "$q_cpu" "$(sed -n 's/^run_cpu_s=//p' "$tmp/qbench.out")")
  cp "$tmp/qbench.out" "$tmp/qbench.$r"

  # ripgrep exits 1 when nothing matched: not a failure here
  timed "$tmp/rg" bash -c 'rg "$@"; [ $? -le 1 ]' rg --count-matches -i -w -F -f "$tmp/cb/patterns.rg" "$tmp/corpus"
  rg_wall=$(min "$rg_wall" "$wall") rg_cpu=$(min "$rg_cpu" "$cpu")
  timed "$tmp/rg1" bash -c 'rg "$@"; [ $? -le 1 ]' rg -j1 --count-matches -i -w -F -f "$tmp/cb/patterns.rg" "$tmp/corpus"
  rg1_wall=$(min "$rg1_wall" "$wall") rg1_cpu=$(min "$rg1_cpu" "$cpu")

  timed "$tmp/py" python3 "$root/bench/python_baseline.py" "$tmp/cb/patterns.txt" "$tmp/pycorpus"
  py_match=$(min "$py_match" "$(sed -n 's/^match_s=//p' "$tmp/py.out")")
  py_wall=$(min "$py_wall" "$wall") py_cpu=$(min "$py_cpu" "$cpu")
done
load_end=$(loadavg)
rg_matches=$(awk -F: '{s += $NF} END {print s + 0}' "$tmp/rg.out")
py_matches=$(sed -n 's/^matches=//p' "$tmp/py.out")
py_compile=$(sed -n 's/^compile_s=//p' "$tmp/py.out")
kv() { sed -n "s/^$1=//p" "$tmp/qbench.out"; }

# --- report -----------------------------------------------------------------
mbytes=$(calc "$bytes/1e6" 1)
py_mbytes=$(calc "$py_bytes/1e6" 1)
q_mbs=$(calc "$bytes/1e6/$q_wall")
q_cmbs=$(calc "$bytes/1e6/$q_cpu")
rg_mbs=$(calc "$bytes/1e6/$rg_wall")
rg_cmbs=$(calc "$bytes/1e6/$rg_cpu")
rg1_mbs=$(calc "$bytes/1e6/$rg1_wall")
rg1_cmbs=$(calc "$bytes/1e6/$rg1_cpu")
py_mbs=$(calc "$py_bytes/1e6/$py_match")
py_cmbs=$(calc "$py_bytes/1e6/($py_cpu - $py_compile)")
ratio_rg=$(calc "$q_cmbs/$rg1_cmbs")
ratio_py=$(calc "$q_cmbs/$py_cmbs")
ratio_rg_wall=$(calc "$q_mbs/$rg_mbs")
ratio_py_wall=$(calc "$q_mbs/$py_mbs")
verdict() { awk "BEGIN{print ($1) ? \"PASS\" : \"FAIL\"}"; }
# The issue's import target is for 200 MB; other sizes are held to the same rate.
limit_s=$(calc "60 * $bytes / 200e6" 1)
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git -C "$root" status --porcelain 2>/dev/null | grep -qv '^??' && echo " (+ uncommitted changes)" || true)

cat <<EOF

qcode benchmark (issue #4)   $(date '+%Y-%m-%d %H:%M')   commit $commit$dirty
machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)
load average: $load_start at start, $load_end at end (other work on the machine slows every tool)
corpus: $mbytes MB in $files files (seed $seed); codebook: $(sed 's/^codebook: //' "$tmp/codebook.log")
tools: $(rg --version 2>/dev/null | sed -n 1p), $(python3 --version 2>&1); MB = 10^6 bytes

matching stage                      wall s    CPU s   MB/s wall   MB/s CPU   matches
  qcode (autocode --dry-run)      $(printf '%8.2f %8.2f %11s %10s' "$q_wall" "$q_cpu" "$q_mbs" "$q_cmbs")   $(kv run_codings) codings in $(kv run_units) units
    breakdown (CPU s): read from store $(kv read_s), tokenize $(kv tokenize_s), match $(kv match_s), compile $(kv compile_s); $(kv tokens) tokens
  ripgrep -j1 (one thread)        $(printf '%8.2f %8.2f %11s %10s' "$rg1_wall" "$rg1_cpu" "$rg1_mbs" "$rg1_cmbs")   $rg_matches
  ripgrep (default: $(nproc) threads)     $(printf '%8.2f %8.2f %11s %10s' "$rg_wall" "$rg_cpu" "$rg_mbs" "$rg_cmbs")   $rg_matches
  python3 single regex            $(printf '%8.2f %8.2f %11s %10s' "$py_match" "$py_cpu" "$py_mbs" "$py_cmbs")   $py_matches in the first $py_mbytes MB (regex compile $py_compile s, not counted)

ratios (MB per CPU-second, all threads of each tool)       measured   target
  qcode matching / ripgrep -j1 whole-word                 $(printf '%7s×' "$ratio_rg")   ≥ 3×   $(verdict "$ratio_rg >= 3")
  qcode matching / python single regex                    $(printf '%7s×' "$ratio_py")   ≥ 5×   $(verdict "$ratio_py >= 5")
as a user waits (wall clock; qcode 2 threads, ripgrep all cores)
  qcode matching / ripgrep default                        $(printf '%7s×' "$ratio_rg_wall")
  qcode matching / python                                 $(printf '%7s×' "$ratio_py_wall")
the issue's reference speeds on this machine: ripgrep 19 MB/s, python 13 MB/s
  qcode matching / 19 MB/s = $(calc "$q_mbs/19")×, / 13 MB/s = $(calc "$q_mbs/13")×

import + autocode + store (qcode binary)    wall s    CPU s    MB/s   peak RSS
  qcode import                        $(printf '%8.2f %8.2f %7s %8s MB' "$import_wall" "$import_cpu" "$(calc "$bytes/1e6/$import_wall")" "$((import_rss / 1024))")
  qcode autocode --codebook           $(printf '%8.2f %8.2f %7s %8s MB' "$autocode_wall" "$autocode_cpu" "$(calc "$bytes/1e6/$autocode_wall")" "$((autocode_rss / 1024))")
    $autocode_summary
  init + import + autocode            $(printf '%8.2f %8s %7s %8s MB' "$pipeline_wall" "" "$(calc "$bytes/1e6/$pipeline_wall")" "$((pipeline_rss / 1024))")
  target: $mbytes MB in < $limit_s s (60 s per 200 MB): $(verdict "$pipeline_wall < $limit_s");  peak RSS < 1024 MB: $(verdict "$pipeline_rss < 1048576")
  qcode_bench peak RSS (matching stage, dry run): $((q_rss / 1024)) MB
EOF
