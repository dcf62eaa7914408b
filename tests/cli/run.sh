#!/usr/bin/env bash
# End-to-end tests of the qcode binary on hand-worked fixtures.
# Usage: run.sh QCODE_BINARY FIXTURES_DIR
# The expected_*.csv files beside this script were worked out by hand from
# tests/fixtures/e2e (see the comments in docs/tables.md's worked example).
set -u
qcode=$(realpath "$1")
fixtures=$(cd "$2/e2e" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export QCODE_PROJECT="$work/test.qcode"

passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }

# expect_csv NAME EXPECTED_FILE -- COMMAND...: output (CRLF → LF) equals the file.
expect_csv() {
  local name=$1 expected=$2
  shift 3
  local out
  out=$("$@" 2>"$work/stderr" | tr -d '\r')
  if [ "$out" == "$(cat "$expected")" ]; then pass; else
    fail "$name"
    diff <(echo "$out") "$expected" >&2
  fi
}

# expect_error NAME STATUS PATTERN -- COMMAND...: exit status and stderr pattern, project unchanged.
expect_error() {
  local name=$1 status=$2 pattern=$3
  shift 4
  local before after rc
  before=$(sha256sum "$QCODE_PROJECT" | cut -d' ' -f1)
  "$@" >"$work/stdout" 2>"$work/stderr"
  rc=$?
  after=$(sha256sum "$QCODE_PROJECT" | cut -d' ' -f1)
  if [ "$rc" -ne "$status" ]; then fail "$name: exit status $rc, expected $status"; cat "$work/stderr" >&2; return; fi
  if ! grep -qE -- "$pattern" "$work/stderr"; then fail "$name: stderr lacks /$pattern/"; cat "$work/stderr" >&2; return; fi
  if [ "$status" -eq 1 ] && [ "$(wc -l <"$work/stderr")" -ne 1 ]; then fail "$name: error is not one line"; cat "$work/stderr" >&2; return; fi
  if [ "$before" != "$after" ]; then fail "$name: the project file changed"; return; fi
  pass
}

run() { "$@" >"$work/stdout" 2>"$work/stderr" || { fail "command failed: $*"; cat "$work/stderr" >&2; }; }

# --- a project from the fixtures
run "$qcode" init
run "$qcode" import "$fixtures/interview_a.txt" "$fixtures/fokus_b.txt" --attributes "$fixtures/attributes.csv"
run "$qcode" codebook import "$fixtures/codebook.yaml"
run "$qcode" autocode
grep -q "run 1: 13 codings" "$work/stdout" && pass || fail "autocode should report 13 codings: $(cat "$work/stdout")"

# --- tables worked out by hand (sentences of respondents)
expect_csv "freq sentence" "$here/expected_freq_sentence.csv" -- "$qcode" freq --format csv
expect_csv "cooc overlap long" "$here/expected_cooc_overlap_long.csv" -- "$qcode" cooc --long --format csv
expect_csv "cooc turn long" "$here/expected_cooc_turn_long.csv" -- "$qcode" cooc --scope turn --long --format csv
expect_csv "freq where" "$here/expected_freq_fokus.csv" -- "$qcode" freq --where format=Fokusgruppe --format csv

# -o FILE picks the format from the extension; JSON numbers are numbers.
run "$qcode" freq -o "$work/freq.json"
grep -q '"code": "huerden/adressen", "label": "Adressen", "depth": 2, "segments": 1, "documents": 1, "documents_pct": 50}' "$work/freq.json" \
  && pass || fail "freq json: $(cat "$work/freq.json")"

# The terminal table lines up columns with umlauts in them.
out=$("$qcode" freq --root akteure)
w1=$(echo "$out" | grep '^akteure/jobcenter' | awk '{print index($0, "Jobcenter")}')
w2=$(echo "$out" | grep '^akteure/behoerde' | awk '{print index($0, "Ausländerbehörde")}')
[ -n "$w1" ] && [ "$w1" == "$w2" ] && pass || fail "table columns not aligned: $out"

# Re-running replaces the coder's auto codings; --unit turn codes whole turns,
# and the exclude "keine probleme" then vetoes Datenschutz in that whole turn.
run "$qcode" autocode --unit turn
grep -q "replacing 13 earlier auto codings" "$work/stdout" && pass || fail "re-run should replace: $(cat "$work/stdout")"
expect_csv "freq turn" "$here/expected_freq_turn.csv" -- "$qcode" freq --format csv

# A dry run stores nothing.
before=$(sha256sum "$QCODE_PROJECT")
run "$qcode" autocode --dry-run
[ "$before" == "$(sha256sum "$QCODE_PROJECT")" ] && pass || fail "dry run changed the project"

# Importing the same file again is a no-op.
run "$qcode" import "$fixtures/interview_a.txt"
grep -q "^unchanged interview_a" "$work/stdout" && pass || fail "re-import: $(cat "$work/stdout")"

# --- bad input: one-line error naming the file, exit 1, project unchanged
expect_error "missing transcript" 1 "nothing-here\.txt" -- "$qcode" import "$fixtures/fokus_b.txt" "$work/nothing-here.txt"
expect_error "broken codebook" 1 "broken_codebook\.yaml:[0-9]+:" -- "$qcode" codebook import "$fixtures/broken_codebook.yaml"
expect_error "autocode with broken codebook" 1 "broken_codebook\.yaml:[0-9]+:" -- "$qcode" autocode --codebook "$fixtures/broken_codebook.yaml"
printf 'B: ok\nB: caf\xe9\n' >"$work/latin1.txt"
expect_error "invalid UTF-8" 1 "latin1\.txt:2:" -- "$qcode" import "$work/latin1.txt"
printf 'document,x\nnobody,1\n' >"$work/attrs.csv"
expect_error "unknown document in attributes" 1 "attrs\.csv:2:.*nobody" -- "$qcode" attributes "$work/attrs.csv"
expect_error "unknown root" 1 "no code 'nix'" -- "$qcode" freq --root nix
expect_error "usage error" 2 "." -- "$qcode" freq --scope nonsense
expect_error "no project" 1 "elsewhere\.qcode" -- "$qcode" -p "$work/elsewhere.qcode" info

# --- every transcript format: the same interview gives the same units and codings
formats=$(cd "$2/formats" && pwd)
export QCODE_PROJECT="$work/formats.qcode"
run "$qcode" init
run "$qcode" import "$formats"/*.txt "$formats"/*.vtt "$formats"/*.srt "$formats"/*.docx
for name in utf8 cp1252_crlf utf16le_bom f5_times qualcoder_times teams zoom word; do
  grep -qE "^imported +$name +\(2 speakers, 4 turns, 6 sentences\)" "$work/stdout" && pass \
    || fail "format $name: $(grep " $name " "$work/stdout")"
done
grep -q "cp1252_crlf .*\[windows-1252\]" "$work/stdout" && pass || fail "cp1252 not reported: $(cat "$work/stdout")"
run "$qcode" codebook import "$formats/codebook.yaml"
run "$qcode" autocode
grep -q "run 1: 40 codings" "$work/stdout" && pass || fail "formats: 8 documents x 5 codings expected: $(cat "$work/stdout")"
for name in utf8 cp1252_crlf utf16le_bom f5_times qualcoder_times teams zoom word; do
  expect_csv "freq $name" "$formats/expected_freq_per_document.csv" -- "$qcode" freq --doc "$name" --format csv
done
# Speaker roles: interviewers by label, and set-role changes them.
"$qcode" speakers --format csv --doc teams | tr -d '\r' >"$work/speakers.csv"
grep -q "^teams,Interviewer,interviewer,2$" "$work/speakers.csv" && grep -q "^teams,Befragte,respondent,2$" "$work/speakers.csv" \
  && pass || fail "speakers: $(cat "$work/speakers.csv")"

# Pseudonyms: the real name never reaches the project file.
printf 'I: Frau Krüger, wie ist das?\nB: KRÜGER hier. Frau Krügers Akte liegt beim Jobcenter.\n' >"$work/krueger.txt"
printf 'original,replacement\nKrüger,Person A\n' >"$work/pseudonyms.csv"
run "$qcode" import "$work/krueger.txt" --pseudonyms "$work/pseudonyms.csv"
grep -q "2 pseudonym replacements" "$work/stdout" && pass || fail "pseudonyms: $(cat "$work/stdout")"
grep -q "Krügers" "$work/stderr" && pass || fail "near miss not warned: $(cat "$work/stderr")"

# --keep-going imports the good files and names the bad one.
printf 'B: gut\n' >"$work/good.txt"
: >"$work/empty.txt"
"$qcode" import "$work/good.txt" "$work/empty.txt" --keep-going >"$work/stdout" 2>"$work/stderr"
[ $? -eq 1 ] && grep -qE "^imported +good" "$work/stdout" && grep -q "empty.txt: the file is empty" "$work/stderr" \
  && pass || fail "keep-going: $(cat "$work/stdout" "$work/stderr")"

# Bad input of every kind: one line naming the file, exit 1, project byte-for-byte unchanged.
: >"$work/leer.txt"
expect_error "empty file" 1 "leer\.txt: the file is empty" -- "$qcode" import "$work/leer.txt"
head -c 3000 /dev/urandom >"$work/binary.txt"; printf '\0\0\0' >>"$work/binary.txt"
expect_error "binary file" 1 "binary\.txt" -- "$qcode" import "$work/binary.txt"
head -c 500 "$formats/word.docx" >"$work/truncated.docx"
expect_error "truncated docx" 1 "truncated\.docx" -- "$qcode" import "$work/truncated.docx"
/usr/bin/python3 - "$work" <<'PY'
import sys, zipfile
work = sys.argv[1]
with zipfile.ZipFile(f"{work}/notword.docx", "w") as z:
    z.writestr("hello.txt", "kein Word")
with zipfile.ZipFile(f"{work}/bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", "<Types/>")
    z.writestr("word/document.xml", b"\0" * (70 << 20))
PY
expect_error "zip that is not a docx" 1 "notword\.docx" -- "$qcode" import "$work/notword.docx"
expect_error "zip bomb" 1 "bomb\.docx.*(MiB|bomb)" -- "$qcode" import "$work/bomb.docx"
printf 'WEBVTT\n\n00:00:01.000 --> 00:00:xx.000\n<v A>Hallo\n' >"$work/bad.vtt"
expect_error "malformed vtt" 1 "bad\.vtt:3:" -- "$qcode" import "$work/bad.vtt"
printf 'NOTWEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHallo\n' >"$work/nohead.vtt"
expect_error "vtt without header" 1 "nohead\.vtt:1:" -- "$qcode" import "$work/nohead.vtt"
printf '1\n00:00:01,000 --> 00:00:00,500\nA: Hallo\n' >"$work/bad.srt"
expect_error "malformed srt" 1 "bad\.srt:2:" -- "$qcode" import "$work/bad.srt"
expect_error "bad speaker pattern" 1 "speaker-pattern" -- "$qcode" import "$formats/utf8.txt" --speaker-pattern '(['
expect_error "unknown encoding" 1 "utf8\.txt.*encoding" -- "$qcode" import "$formats/utf8.txt" --encoding klingonisch

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
