#!/usr/bin/env bash
# End-to-end tests of the qcode binary on hand-worked fixtures.
# Usage: run.sh QCODE_BINARY FIXTURES_DIR
# The expected_*.csv files beside this script were worked out by hand from
# tests/fixtures/e2e (see the comments in docs/tables.md's worked example).
set -u
qcode=$(realpath "$1")
all_fixtures=$(cd "$2" && pwd)  # absolute: the script works in a temp dir
fixtures="$all_fixtures/e2e"
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
formats="$all_fixtures/formats"
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

# --- analysis tables (issue #6), on sentence codings again; worked out by
# hand in docs/tables.md ("Worked example", continued)
export QCODE_PROJECT="$work/test.qcode"
run "$qcode" autocode
# kommune: interview_a is Nordheim, fokus_b has an empty value.
expect_csv "matrix by kommune" "$here/expected_matrix_kommune.csv" -- "$qcode" matrix --cols attr:kommune --format csv
expect_csv "freq by kommune" "$here/expected_freq_by_kommune.csv" -- "$qcode" freq --by attr:kommune --format csv
expect_csv "crosstab format" "$here/expected_crosstab_format.csv" -- "$qcode" crosstab --attr format --format csv
expect_csv "presence by document" "$here/expected_presence_document.csv" -- "$qcode" presence --unit document --format csv
# Autocoding codes respondents only: --role respondent changes nothing.
expect_csv "freq role respondent" "$here/expected_freq_sentence.csv" -- "$qcode" freq --role respondent --format csv
# chi² = 1.0292 (df 5, p 0.9602), V = √(1.0292/13); all 12 expected counts below 5, the smallest 5/13.
out=$("$qcode" crosstab --attr format --stats --format csv | tr -d '\r' | tail -1)
[ "$out" == "1.0292,5,0.9602,0.2814,13,6,2,12,100,0.3846" ] && pass || fail "crosstab stats: $out"
"$qcode" crosstab --attr format | grep -q "warning: 12 of 12 expected counts" && pass || fail "crosstab warning missing"
# window:2 — schnittstellen (A2 A7 B2) and medienbruch (A3 B1): A2–A3 1 apart, B2–B1 2 apart.
"$qcode" cooc --scope window:2 --long --format csv | tr -d '\r' \
  | grep -qx "huerden/technik/schnittstellen,huerden/technik/medienbruch,3,2,2,0.6667,0.6667,1,0.8,0.8165,2" \
  && pass || fail "cooc window:2: $("$qcode" cooc --scope window:2 --long --format csv | head -3)"
expect_error "bad window" 2 "window" -- "$qcode" cooc --scope window:x
expect_error "unknown attribute" 1 "no attribute 'nix'" -- "$qcode" crosstab --attr nix
# The workbook: its Frequencies sheet holds the freq CSV's header and numbers.
run "$qcode" export xlsx "$work/tables.xlsx"
if /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
  /usr/bin/python3 - "$work/tables.xlsx" "$here/expected_freq_sentence.csv" <<'PY' && pass || fail "workbook Frequencies sheet differs from freq --format csv"
import csv, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["Codebook", "Frequencies", "Frequencies by format", "Frequencies by kommune",
                         "Co-occurrence", "Code×Document", "Segments", "Documents", "Memos"], wb.sheetnames
rows = list(csv.reader(open(sys.argv[2], encoding="utf-8")))
ws = wb["Frequencies"]
got = [[c.value for c in r] for r in ws.iter_rows()]
assert got[0] == rows[0], got[0]
for g, e in zip(got[1:], rows[1:]):
    assert g[:3] == [e[0], e[1], int(e[2])] and g[3:5] == [int(e[3]), int(e[4])], (g, e)
    assert abs(g[5] * 100 - float(e[5])) < 1e-9, (g, e)
assert len(got) == len(rows)
PY
else
  [ -s "$work/tables.xlsx" ] && pass || fail "export xlsx wrote nothing"
fi

# --- codebook formats, coding guide and lint (issue #4)
codebooks="$all_fixtures/codebooks"
seeded="$all_fixtures/lint/seeded.yaml"
# lint flags each seeded mistake on its line; errors make the exit status 1.
"$qcode" codebook lint "$seeded" >"$work/lint.out" 2>"$work/stderr"
rc=$?
got=$(sed -E 's/^[^:]*:([0-9]+): ([a-z]+): .*/\1 \2/' "$work/lint.out" | tr '\n' ',')
[ "$rc" -eq 1 ] && [ "$got" == "5 error,9 error,12 warning,13 warning,15 warning,17 warning,18 error,19 warning,20 warning,21 error,24 warning,26 info,29 warning,34 error,35 warning,37 error,40 error,42 error,43 error,45 warning,46 warning,49 error,50 error," ] \
  && pass || fail "lint seeded (exit $rc): $got"
grep -q "seeded.yaml:21: error: duplicate id 'technik' (also on line 7)" "$work/lint.out" && pass || fail "lint duplicate id message"
grep -q "11 errors, 11 warnings, 1 info" "$work/stderr" && pass || fail "lint summary: $(cat "$work/stderr")"
# A codebook that loads lints with exit 0; with a project, --max-share flags broad patterns on their line.
printf 'codebook: Breit\ncodes:\n  - id: b\n    label: B\n    patterns:\n      - die\n      - jobcenter\n' >"$work/broad.yaml"
"$qcode" codebook lint "$work/broad.yaml" --max-share 0.25 >"$work/lint.out" 2>"$work/stderr" && pass || fail "lint broad exit status"
grep -qE "broad\.yaml:6: warning: pattern 'die' of code 'b' hits [0-9.]+% of respondent sentences \([0-9]+ of [0-9]+\), more than --max-share 25%" "$work/lint.out" \
  && pass || fail "lint too broad: $(cat "$work/lint.out")"
grep -q "jobcenter" "$work/lint.out" && fail "lint: jobcenter is not too broad" || pass
run "$qcode" codebook lint   # the project's codebook
# Round trip through REFI-QDA: same tree in the project, valid against Codebook.xsd.
export QCODE_PROJECT="$work/codebooks.qcode"
run "$qcode" init
run "$qcode" codebook import "$codebooks/mayring.yaml"
before=$("$qcode" codebook show --format tsv | cut -f1-5)
run "$qcode" codebook export "$work/m.qdc"
if command -v xmllint >/dev/null; then
  xmllint --noout --schema "$all_fixtures/refi/Codebook.xsd" "$work/m.qdc" 2>"$work/stderr" && pass || fail "qdc invalid: $(cat "$work/stderr")"
fi
run "$qcode" codebook import "$work/m.qdc"
# Same codes, labels and rules …
[ "$("$qcode" codebook show --format tsv | cut -f1-5)" == "$before" ] && pass || fail "codebook changed through .qdc"
# … and exporting again gives the same bytes: stable GUIDs, nothing lost.
run "$qcode" codebook export "$work/m2.qdc"
cmp -s "$work/m.qdc" "$work/m2.qdc" && pass || fail "qdc export after qdc import differs: $(diff "$work/m.qdc" "$work/m2.qdc" | head -5)"
run "$qcode" codebook export "$work/m.yaml"
grep -q "      - '\*schnittstelle\*'" "$work/m.yaml" && pass || fail "yaml export of the qdc import: $(head -20 "$work/m.yaml")"
run "$qcode" codebook export "$work/m.csv"
run "$qcode" codebook import "$work/m.csv"
run "$qcode" codebook export "$work/m2.csv"
cmp -s "$work/m.csv" "$work/m2.csv" && pass || fail "csv export after csv import differs"
run "$qcode" codebook export "$work/m.txt"
grep -q "^Hürden>>Technische Hürden	Technik" "$work/m.txt" && pass || fail "qualcoder text: $(head -3 "$work/m.txt")"
# The coding guide in each format.
"$qcode" codebook guide --format md | grep -q "^| Kategorie | Bezeichnung | Definition | Ankerbeispiele | Kodierregeln | Muster |" \
  && pass || fail "guide md"
run "$qcode" codebook guide -o "$work/guide.html"
grep -q "<th>Ankerbeispiele</th>" "$work/guide.html" && pass || fail "guide html"
run "$qcode" codebook guide -o "$work/guide.xlsx"
[ -s "$work/guide.xlsx" ] && pass || fail "guide xlsx"
"$qcode" codebook guide "$codebooks/mayring.yaml" --format csv | grep -q "^huerden/technik,Technische Hürden," && pass || fail "guide of a file"
expect_error "guide xlsx to stdout" 1 "xlsx is a file format" -- "$qcode" codebook guide --format xlsx
# Dictionaries: LIWC and quanteda YAML.
printf '%%\n1\tpositiv\n2\tnegativ\n%%\ngut*\t1\nkind of\t1\nschlecht\t2\n' >"$work/mini.dic"
run "$qcode" codebook import "$work/mini.dic"
"$qcode" codebook show --format csv | tr -d '\r' | grep -q "^positiv,positiv,1,2,0," && pass || fail "liwc import: $("$qcode" codebook show --format csv)"
printf 'Stimmung:\n  gut: [toll*, "sehr gut"]\n  schlecht: [mies]\n' >"$work/dict.yml"
run "$qcode" codebook import "$work/dict.yml"
"$qcode" codebook show --format csv | tr -d '\r' | grep -q '^stimmung/gut,"  gut",2,2,0,' && pass || fail "dictionary import: $("$qcode" codebook show --format csv)"
# The codebook of a REFI-QDA project archive (ATLAS.ti's "Coke::diet Coke" nests under "Coke").
/usr/bin/python3 - "$codebooks/atlasti-8.4-spec-example.qde" "$work/atlas.qdpx" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[2], "w") as z:
    z.write(sys.argv[1], "Project.qde")
    z.writestr("Sources/", "")
PY
run "$qcode" codebook import "$work/atlas.qdpx"
"$qcode" codebook show --format tsv | grep -q "^coke/diet_coke	  diet Coke	2" && pass || fail "qdpx import: $("$qcode" codebook show --format tsv)"
# A broken .qdc: one error line with file and line, project unchanged.
printf '<CodeBook>\n<Codes>\n<Code name="a">\n</Codes>\n</CodeBook>\n' >"$work/bad.qdc"
expect_error "broken qdc" 1 "bad\.qdc:4: not a REFI-QDA codebook: invalid XML" -- "$qcode" codebook import "$work/bad.qdc"
printf 'x' >"$work/codes.xlsx"
expect_error "unknown codebook extension" 1 "cannot tell the codebook format" -- "$qcode" codebook import "$work/codes.xlsx"
export QCODE_PROJECT="$work/test.qcode"

# --- coding sheets: two coders code by spreadsheet, merged, then per-coder and combined tables
export QCODE_PROJECT="$work/sheets.qcode"
run "$qcode" init
run "$qcode" import "$fixtures/interview_a.txt" "$fixtures/fokus_b.txt"
run "$qcode" codebook import "$fixtures/codebook.yaml"
cp "$work/sheets.qcode" "$work/anna.qcode"
cp "$work/sheets.qcode" "$work/ben.qcode"
# KWIC before anyone codes: the interviewer's question counts as well as the answers.
"$qcode" kwic 'schnittstelle*' --format csv | tr -d '\r' >"$work/kwic.csv"
grep -qx "interview_a,B,respondent,Ja. Die,Schnittstelle,zum Fachverfahren fehlt. Wir…,94,107" "$work/kwic.csv" \
  && [ "$(wc -l <"$work/kwic.csv")" -eq 4 ] && pass || fail "kwic: $(cat "$work/kwic.csv")"
[ "$("$qcode" kwic 'schnittstelle*' --role respondent --format csv | wc -l)" -eq 3 ] && pass || fail "kwic --role"
# The full rule language: a NEAR match is one keyword from its first to its last word.
"$qcode" kwic 'schnittstelle* NEAR/2 fachverfahren' --format csv | tr -d '\r' >"$work/kwic_near.csv"
grep -qx "interview_a,B,respondent,Ja. Die,Schnittstelle zum Fachverfahren,fehlt. Wir übertragen alles händisch…,94,125" \
  "$work/kwic_near.csv" && [ "$(wc -l <"$work/kwic_near.csv")" -eq 2 ] && pass || fail "kwic NEAR: $(cat "$work/kwic_near.csv")"
expect_error "kwic lower-case operator" 1 "pattern 'a near/3 b': 'near/3' is no operator.*NEAR/3" -- "$qcode" kwic 'a near/3 b'
# --fold matches as a code with that fold: would (ä = ae); case folding alone does not.
[ "$("$qcode" kwic 'auslaender*' --format csv | wc -l)" -eq 1 ] && pass || fail "kwic without --fold"
"$qcode" kwic 'auslaender*' --fold case,umlauts --format csv | tr -d '\r' >"$work/kwic_fold.csv"
grep -qx "interview_a,B,respondent,In der STRASSE steht die,Ausländerbehörde,. Die Fachverfahrensschnittstelle zur…,307,323" \
  "$work/kwic_fold.csv" && [ "$(wc -l <"$work/kwic_fold.csv")" -eq 4 ] && pass || fail "kwic --fold: $(cat "$work/kwic_fold.csv")"
expect_error "kwic unknown fold" 2 "unknown fold 'umlaute': use case, diacritics, umlauts or stem" -- "$qcode" kwic x --fold umlaute
# Anna codes in Excel (XLSX, edited with openpyxl), Ben in a CSV sheet.
run "$qcode" -p "$work/anna.qcode" sheet export "$work/anna.xlsx"
grep -q "wrote .*anna.xlsx: 13 sentences from 2 document(s)" "$work/stdout" && pass || fail "sheet export: $(cat "$work/stdout")"
run "$qcode" -p "$work/ben.qcode" sheet export "$work/ben.csv" --role respondent
/usr/bin/python3 - "$work/anna.xlsx" "$work/ben.csv" <<'PY' || fail "editing the sheets"
import csv, sys
anna = {"interview_a#sentence#4": "huerden/technik/schnittstellen",
        "interview_a#sentence#5": "huerden/technik/medienbruch",
        "interview_a#sentence#7": "huerden/datenschutz; akteure/jobcenter",
        "fokus_b#sentence#3": "huerden/technik/schnittstellen; akteure/jobcenter"}
ben = {"interview_a#sentence#4": "huerden/technik/schnittstellen",
       "interview_a#sentence#9": "huerden/technik/schnittstellen;akteure/behoerde",
       "fokus_b#sentence#4": "huerden/datenschutz"}
try:
    import openpyxl
    wb = openpyxl.load_workbook(sys.argv[1])
    ws = wb.worksheets[0]
    assert ws.freeze_panes == "A2" and ws.data_validations.dataValidation[0].type == "list"
    for row in ws.iter_rows(min_row=2):
        if row[0].value in anna:
            row[6].value = anna[row[0].value]
    wb.save(sys.argv[1])
except ImportError:
    sys.exit(0)  # no openpyxl: Anna's part below is skipped by its own check
rows = list(csv.reader(open(sys.argv[2], encoding="utf-8", newline="")))
for r in rows[1:]:
    r[6] = ben.get(r[0], "")
with open(sys.argv[2], "w", encoding="utf-8", newline="") as f:
    csv.writer(f, lineterminator="\r\n").writerows(rows)
PY
if /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
  run "$qcode" -p "$work/anna.qcode" sheet import "$work/anna.xlsx" --coder anna
  grep -q "13 rows; coder anna: 6 coding(s) added, 0 removed, on 4 unit(s)" "$work/stdout" && pass || fail "sheet import: $(cat "$work/stdout")"
  # Re-importing the same sheet changes nothing, not even the file.
  before=$(sha256sum "$work/anna.qcode")
  run "$qcode" -p "$work/anna.qcode" sheet import "$work/anna.xlsx" --coder anna
  grep -q "unchanged for coder anna" "$work/stdout" && [ "$before" == "$(sha256sum "$work/anna.qcode")" ] \
    && pass || fail "re-import: $(cat "$work/stdout")"
  run "$qcode" -p "$work/ben.qcode" sheet import "$work/ben.csv" --coder ben
  grep -q "4 coding(s) added" "$work/stdout" && pass || fail "csv sheet import: $(cat "$work/stdout")"
  run "$qcode" merge "$work/anna.qcode"
  run "$qcode" merge "$work/ben.qcode"
  # Per coder and combined: schnittstellen is A4 (both), B3 (anna), A9 (ben).
  freq_line() { "$qcode" freq "$@" --format csv | tr -d '\r' | grep "^huerden/technik/schnittstellen,"; }
  [ "$(freq_line --coder anna)" == "huerden/technik/schnittstellen,Schnittstellen,3,2,2,100" ] && pass || fail "freq anna: $(freq_line --coder anna)"
  [ "$(freq_line --coder ben)" == "huerden/technik/schnittstellen,Schnittstellen,3,2,1,50" ] && pass || fail "freq ben: $(freq_line --coder ben)"
  [ "$(freq_line)" == "huerden/technik/schnittstellen,Schnittstellen,3,3,2,100" ] && pass || fail "freq combined: $(freq_line)"
  "$qcode" freq --format csv | tr -d '\r' | grep -qx "huerden,Hürden,1,6,2,100" && pass || fail "freq combined huerden"
  # segments retrieves exactly the coded text.
  "$qcode" segments --code huerden/technik --coder anna --format csv | tr -d '\r' >"$work/segments.csv"
  cat >"$work/expected_segments.csv" <<'CSV'
document,code,coder,origin,speaker,role,start,end,t_start,text
fokus_b,huerden/technik/schnittstellen,anna,manual,B2,respondent,97,135,,Das Jobcenter hat keine Schnittstelle.
interview_a,huerden/technik/schnittstellen,anna,manual,B,respondent,90,132,,Die Schnittstelle zum Fachverfahren fehlt.
interview_a,huerden/technik/medienbruch,anna,manual,B,respondent,133,166,,Wir übertragen alles händisch ab.
CSV
  diff "$work/segments.csv" "$work/expected_segments.csv" >&2 && pass || fail "segments"
  "$qcode" segments --code akteure --exact --format csv | tr -d '\r' | [ "$(wc -l)" -eq 1 ] && pass || fail "segments --exact"
  "$qcode" segments --code huerden/datenschutz --context 1 --speaker B2 --format csv | tr -d '\r' \
    | grep -qx "fokus_b,huerden/datenschutz,ben,manual,B2,respondent,136,168,,Der Datenschutz ist dort streng.,Das Jobcenter hat keine Schnittstelle.,B1: Stimmt." \
    && pass || fail "segments --context: $("$qcode" segments --code huerden/datenschutz --context 1 --speaker B2 --format csv)"
  # Refused sheets name the row; the project stays as it was.
  /usr/bin/python3 - "$work/anna.xlsx" "$work/changed.xlsx" "$work/unknown.xlsx" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.worksheets[0]
ws["F5"] = "Der Datenschutz ist dort lax."  # row 5: the text no longer matches
wb.save(sys.argv[2])
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.worksheets[0]
ws["G6"] = "huerden/technik; huerden/nix"
wb.save(sys.argv[3])
PY
  expect_error "sheet text changed" 1 "changed\.xlsx: row 5: the text of unit fokus_b#sentence#4 differs" -- "$qcode" sheet import "$work/changed.xlsx" --coder anna
  expect_error "sheet unknown code" 1 "unknown\.xlsx: row 6: unknown code 'huerden/nix'" -- "$qcode" sheet import "$work/unknown.xlsx" --coder anna
fi
printf 'unit,text,codes\ninterview_a#sentence#3,Ja.,huerden\n' >"$work/grouping.csv"
expect_error "sheet without coder" 2 "coder" -- "$qcode" sheet import "$work/grouping.csv"
printf 'unit,text,codes\ninterview_a#sentence#3,Ja.,akteure/nix\n' >"$work/bad.csv"
expect_error "csv sheet unknown code" 1 "bad\.csv: row 2: unknown code 'akteure/nix'" -- "$qcode" sheet import "$work/bad.csv" --coder anna
expect_error "sheet format" 1 "\.xlsx or a \.csv" -- "$qcode" sheet export "$work/sheet.ods"
export QCODE_PROJECT="$work/test.qcode"

# --- coding by hand, memos, merging two coders, codebook edits (issue #5)
export QCODE_PROJECT="$work/hand.qcode"
export QCODE_CODER=anna
run "$qcode" init
run "$qcode" import "$fixtures/interview_a.txt" "$fixtures/fokus_b.txt"
run "$qcode" codebook import "$fixtures/codebook.yaml"
# Each selector: a unit (sentence 4 of interview_a), a quote (its 2nd occurrence), a range.
run "$qcode" code add huerden/technik/schnittstellen --doc interview_a --unit 4 --memo "klar benannt"
grep -qx "coded 'huerden/technik/schnittstellen' in interview_a \[90:132\] by anna (memo #1): \"Die Schnittstelle zum Fachverfahren fehlt.\"" \
  "$work/stdout" && pass || fail "code add --unit: $(cat "$work/stdout")"
run "$qcode" code add akteure/jobcenter --doc interview_a --quote Jobcenter --nth 2
grep -q "by anna: \"Jobcenter\"$" "$work/stdout" && pass || fail "code add --quote: $(cat "$work/stdout")"
run "$qcode" code add huerden/technik/medienbruch --doc interview_a --range 90:93 --coder ben
grep -q "\[90:93\] by ben: \"Die\"$" "$work/stdout" && pass || fail "code add --range: $(cat "$work/stdout")"
run "$qcode" code add huerden/technik/schnittstellen --doc interview_a --unit 3 --kind turn
grep -q "^coded .* by anna: \"Ja. Die Schnittstelle" "$work/stdout" && pass || fail "code add --kind turn: $(cat "$work/stdout")"
run "$qcode" code add huerden/technik/schnittstellen --doc interview_a --unit 4
grep -q "^already coded" "$work/stdout" && pass || fail "same coding twice: $(cat "$work/stdout")"
expect_error "code add: unknown code" 1 "no code 'huerden/technik/schnitstellen'.*did you mean 'huerden/technik/schnittstellen'" -- \
  "$qcode" code add huerden/technik/schnitstellen --doc interview_a --unit 4
expect_error "code add: unknown document" 1 "no document 'interview_x'" -- "$qcode" code add akteure/jobcenter --doc interview_x --unit 1
expect_error "code add: unknown unit" 1 "'interview_a' has 9 sentences; there is no sentence 99" -- \
  "$qcode" code add akteure/jobcenter --doc interview_a --unit 99
expect_error "code add: unknown quote" 1 "no \"Faxgerät\" in document 'interview_a'" -- \
  "$qcode" code add akteure/jobcenter --doc interview_a --quote Faxgerät
expect_error "code add: occurrence" 1 "\"Jobcenter\" occurs 2 times in 'interview_a'; there is no occurrence 3" -- \
  "$qcode" code add akteure/jobcenter --doc interview_a --quote Jobcenter --nth 3
expect_error "code add: no place" 2 "--unit N, --range START:END or --quote TEXT" -- "$qcode" code add akteure/jobcenter --doc interview_a
expect_error "code add: two places" 2 "excludes" -- "$qcode" code add akteure/jobcenter --doc interview_a --unit 1 --range 1:4
expect_error "code add: bad range" 1 "START:END" -- "$qcode" code add akteure/jobcenter --doc interview_a --range 4-9
# Removing touches only the coder's own codings (here anna's, not ben's).
expect_error "code remove: other coder's" 1 "no coding of 'huerden/technik/medienbruch' by anna .*by ben at 90:93" -- \
  "$qcode" code remove huerden/technik/medienbruch --doc interview_a --unit 4
run "$qcode" code remove huerden/technik/medienbruch --doc interview_a --unit 4 --coder ben
grep -q "^removed 'huerden/technik/medienbruch' in interview_a \[90:93\] by ben (manual)$" "$work/stdout" && pass \
  || fail "code remove: $(cat "$work/stdout")"
run "$qcode" code remove huerden/technik/schnittstellen --doc interview_a --unit 3 --kind turn
grep -c "^removed" "$work/stdout" | grep -qx 2 && grep -q "^and 1 memo on them" "$work/stdout" && pass \
  || fail "code remove turn: $(cat "$work/stdout")"
run "$qcode" code add huerden/technik/schnittstellen --doc interview_a --unit 4 --memo "klar benannt"
# Memos on a document, a code and a coding.
run "$qcode" memo add "Interview im Amt, 45 Minuten" --doc interview_a
run "$qcode" memo add "Auch Faxgeräte?" --code huerden/technik
run "$qcode" memo add "Hauptaussage" --code huerden/technik/schnittstellen --doc interview_a --unit 4
grep -qE "^memo #[0-9]+ by anna$" "$work/stdout" && pass || fail "memo add: $(cat "$work/stdout")"
"$qcode" memo list --format csv | tr -d '\r' >"$work/memos.csv"
[ "$(wc -l <"$work/memos.csv")" -eq 5 ] && grep -qx "[0-9]*,coding,interview_a,huerden/technik/schnittstellen,anna,90,132,anna,.*,Hauptaussage" "$work/memos.csv" \
  && pass || fail "memo list: $(cat "$work/memos.csv")"
"$qcode" memo show --doc interview_a | grep -q "^Interview im Amt, 45 Minuten$" && pass || fail "memo show"
expect_error "memo on a coding that is not there" 1 "no coding of 'akteure/jobcenter'" -- \
  "$qcode" memo add "x" --code akteure/jobcenter --doc interview_a --unit 4
expect_error "memo on nothing" 2 "what the memo is on" -- "$qcode" memo add "x"
expect_error "memo remove unknown" 1 "no memo #99" -- "$qcode" memo remove 99

# A second coder, blind, on the same transcripts: one coding in common.
mkdir -p "$work/carl"
QCODE_PROJECT="$work/hand_ben.qcode" run "$qcode" init
QCODE_PROJECT="$work/hand_ben.qcode" run "$qcode" import "$fixtures/interview_a.txt" "$fixtures/fokus_b.txt"
QCODE_PROJECT="$work/hand_ben.qcode" run "$qcode" codebook import "$fixtures/codebook.yaml"
QCODE_PROJECT="$work/hand_ben.qcode" run "$qcode" code add huerden/technik/schnittstellen --doc interview_a --unit 4 --coder ben --memo "sehe ich auch so"
QCODE_PROJECT="$work/hand_ben.qcode" run "$qcode" code add huerden/technik/schnittstellen --doc fokus_b --quote "keine Schnittstelle" --coder ben
ben_sum=$(sha256sum "$work/hand_ben.qcode")
run "$qcode" merge "$work/hand_ben.qcode"
grep -q "2 documents matched; 2 codings added by ben, 0 already here; 1 memos added" "$work/stdout" && pass || fail "merge: $(cat "$work/stdout")"
[ "$ben_sum" == "$(sha256sum "$work/hand_ben.qcode")" ] && [ ! -e "$work/hand_ben.qcode-wal" ] && pass || fail "merge wrote to the other project"
freq_hand() { "$qcode" freq "$@" --format csv | tr -d '\r' | grep "^huerden/technik/schnittstellen,"; }
[ "$(freq_hand --coder anna)" == "huerden/technik/schnittstellen,Schnittstellen,3,1,1,50" ] && pass || fail "hand freq anna: $(freq_hand --coder anna)"
[ "$(freq_hand --coder ben)" == "huerden/technik/schnittstellen,Schnittstellen,3,2,2,100" ] && pass || fail "hand freq ben: $(freq_hand --coder ben)"
[ "$(freq_hand)" == "huerden/technik/schnittstellen,Schnittstellen,3,2,2,100" ] && pass || fail "hand freq both: $(freq_hand)"
# Merging the same file twice adds nothing, not even to the file.
before=$(sha256sum "$QCODE_PROJECT")
run "$qcode" merge "$work/hand_ben.qcode"
grep -q "0 codings added, 2 already here; 0 memos added, 1 already here" "$work/stdout" && [ "$before" == "$(sha256sum "$QCODE_PROJECT")" ] \
  && pass || fail "merge twice: $(cat "$work/stdout")"
# A document of the same name with other text is a conflict; nothing is overwritten.
printf 'B: Ganz anders. Die Schnittstelle.\n' >"$work/carl/interview_a.txt"
printf 'B: Neu hier.\n' >"$work/carl/extra.txt"
QCODE_PROJECT="$work/hand_carl.qcode" run "$qcode" init
QCODE_PROJECT="$work/hand_carl.qcode" run "$qcode" import "$work/carl/interview_a.txt" "$work/carl/extra.txt"
QCODE_PROJECT="$work/hand_carl.qcode" run "$qcode" codebook import "$fixtures/codebook.yaml"
QCODE_PROJECT="$work/hand_carl.qcode" run "$qcode" code add huerden/technik/schnittstellen --doc interview_a --unit 2 --coder carl
QCODE_PROJECT="$work/hand_carl.qcode" run "$qcode" code add akteure/jobcenter --doc extra --unit 1 --coder carl
before=$(sha256sum "$QCODE_PROJECT")
run "$qcode" merge "$work/hand_carl.qcode"
grep -q "0 documents matched; 0 codings added" "$work/stdout" \
  && grep -qx "conflict: document 'interview_a': a document of this name here has different text; 1 coding and 0 memos not merged" "$work/stderr" \
  && grep -q "^skipped: document 'extra': not in this project; import it first; 1 coding" "$work/stderr" \
  && [ "$before" == "$(sha256sum "$QCODE_PROJECT")" ] && pass || fail "merge conflict: $(cat "$work/stdout" "$work/stderr")"
expect_error "merge itself" 1 "the project itself" -- "$qcode" merge "$QCODE_PROJECT"
printf 'keine Datenbank' >"$work/notes.qcode"
expect_error "merge a non-project" 1 "notes\.qcode" -- "$qcode" merge "$work/notes.qcode"

# Codebook edits keep everyone's codings and the stored YAML in step.
run "$qcode" autocode
run "$qcode" codebook rename huerden/technik it --label "IT-Hürden"
grep -qx "renamed 'huerden/technik' to 'huerden/it' (3 codes); stored codebook updated" "$work/stdout" && pass || fail "rename: $(cat "$work/stdout")"
"$qcode" freq --coder anna --format csv | tr -d '\r' \
  | grep -qx "huerden/it/schnittstellen,Schnittstellen,3,1,1,50" && pass || fail "codings follow the rename"
run "$qcode" codebook move huerden/adressen akteure
grep -q "^moved 'huerden/adressen' to 'akteure/adressen'" "$work/stdout" && pass || fail "move: $(cat "$work/stdout")"
run "$qcode" code add huerden/it/medienbruch --doc interview_a --unit 4
run "$qcode" codebook merge huerden/it/medienbruch huerden/it/schnittstellen
grep -qE "^merged 'huerden/it/medienbruch' into 'huerden/it/schnittstellen': [0-9]+ codings? moved, 1 duplicate removed" "$work/stdout" \
  && pass || fail "merge codes: $(cat "$work/stdout")"
expect_error "delete a coded code" 1 "'huerden/datenschutz' has [0-9]+ codings? by auto.*--force" -- "$qcode" codebook delete huerden/datenschutz
run "$qcode" codebook delete huerden/datenschutz --force
grep -qE "^deleted 'huerden/datenschutz' \(1 code\), [0-9]+ codings? by auto, 0 memos; stored codebook updated" "$work/stdout" && pass \
  || fail "delete --force: $(cat "$work/stdout")"
expect_error "rename onto a sibling" 1 "'akteure/behoerde' already exists" -- "$qcode" codebook rename akteure/jobcenter behoerde
expect_error "move into itself" 1 "inside it" -- "$qcode" codebook move huerden huerden/it
expect_error "merge into a child" 1 "inside it" -- "$qcode" codebook merge huerden/it huerden/it/schnittstellen
run "$qcode" codebook export "$work/edited.yaml"
grep -q "id: it" "$work/edited.yaml" && grep -q "label: IT-Hürden" "$work/edited.yaml" && ! grep -q "id: medienbruch" "$work/edited.yaml" \
  && ! grep -q "id: datenschutz" "$work/edited.yaml" && pass || fail "edited codebook: $(cat "$work/edited.yaml")"
# Autocoding re-reads the edited codebook: medienbruch's patterns now code schnittstellen.
run "$qcode" autocode
grep -q "^run 2: " "$work/stdout" && pass || fail "autocode after edits: $(cat "$work/stdout" "$work/stderr")"
"$qcode" memo list --code huerden/it --format csv | tr -d '\r' | grep -q ",Auch Faxgeräte?$" && pass || fail "code memo follows the rename"
# within: follows a rename; delete is refused while a code is within the code, --force drops the key.
printf 'codebook: W\ncodes:\n  - id: a\n    label: A\n    patterns: [amt]\n  - id: c\n    label: C\n    patterns: [akte]\n    within: a\n' >"$work/within.yaml"
QCODE_PROJECT="$work/within.qcode" run "$qcode" init
QCODE_PROJECT="$work/within.qcode" run "$qcode" codebook import "$work/within.yaml"
QCODE_PROJECT="$work/within.qcode" run "$qcode" codebook rename a b
grep -qx "  within: of 'c' now 'b' (was 'a') (line 9 of the stored codebook)" "$work/stdout" && pass || fail "rename within: $(cat "$work/stdout")"
QCODE_PROJECT="$work/within.qcode" expect_error "delete a code others are within" 1 "'b' has codes within it: 'c' within 'b' \(line [0-9]+ of the stored codebook\).*--force" -- "$qcode" codebook delete b
QCODE_PROJECT="$work/within.qcode" run "$qcode" codebook delete b --force
grep -qE "^  dropped within: 'b' from 'c' \(line [0-9]+ of the stored codebook\)$" "$work/stdout" && pass || fail "delete --force within: $(cat "$work/stdout")"
unset QCODE_CODER
export QCODE_PROJECT="$work/test.qcode"

# --- autocoding runs: dry run with keyword in context, runs, undo (issue #4, "Runs")
export QCODE_PROJECT="$work/runs.qcode"
run "$qcode" init
run "$qcode" import "$fixtures/interview_a.txt" "$fixtures/fokus_b.txt"
run "$qcode" codebook import "$fixtures/codebook.yaml"
run "$qcode" code add akteure/jobcenter --doc interview_a --quote Jobcenter --nth 2 --coder anna  # no run touches it
sha() { sha256sum "$QCODE_PROJECT" | cut -d' ' -f1; }
# The dry run: per code hits, units, documents and KWIC lines cut from the coded sentence; the file stays as it was.
before=$(sha)
"$qcode" autocode --dry-run --format csv 2>"$work/stderr" | tr -d '\r' >"$work/dry.csv"
[ "$before" == "$(sha)" ] && pass || fail "dry run --format csv changed the project"
grep -qx 'huerden/technik/schnittstellen,3,3,2,interview_a,sentence 4,schnittstelle\*,Die,Schnittstelle,zum Fachverfahren fehlt\.' "$work/dry.csv" \
  && grep -qx 'huerden/technik/medienbruch,2,2,2,interview_a,sentence 5,"""alles \* ab""",Wir übertragen,alles händisch ab,\.' "$work/dry.csv" \
  && grep -qx 'akteure/jobcenter,2,2,2,interview_a,sentence 7,jobcenter\*,…bremst aber die Kommunikation mit dem,Jobcenter,\.' "$work/dry.csv" \
  && [ "$(wc -l <"$work/dry.csv")" -eq 14 ] && pass || fail "dry run table: $(cat "$work/dry.csv")"
"$qcode" autocode --dry-run --examples 1 --width 10 --format csv | tr -d '\r' >"$work/dry1.csv"
grep -qx 'akteure/jobcenter,2,2,2,fokus_b,sentence 3,jobcenter\*,Das,Jobcenter,hat…' "$work/dry1.csv" \
  && [ "$(wc -l <"$work/dry1.csv")" -eq 7 ] && pass || fail "dry run --examples 1: $(cat "$work/dry1.csv")"
"$qcode" autocode --dry-run >"$work/stdout" 2>&1
grep -q "dry run: 13 codings in 8 units of 2 documents .*nothing stored" "$work/stdout" && pass || fail "dry run note: $(cat "$work/stdout")"
# Not even a codebook loaded for the dry run stays.
printf 'codebook: Anders\ncodes:\n  - id: papier\n    label: Papier\n    patterns: [papier]\n' >"$work/anders.yaml"
"$qcode" autocode --dry-run --codebook "$work/anders.yaml" --format csv | tr -d '\r' >"$work/dry2.csv"
grep -q "^papier,1,1,1,fokus_b,sentence 1," "$work/dry2.csv" && [ "$before" == "$(sha)" ] \
  && "$qcode" codebook show --format csv | grep -q "^huerden," && pass || fail "dry run with --codebook: $(cat "$work/dry2.csv")"
[ "$before" == "$(sha)" ] && [ ! -s "$work/stderr" ] && pass || fail "dry runs changed the project or complained: $(cat "$work/stderr")"
expect_error "examples without dry run" 2 "dry-run" -- "$qcode" autocode --examples 2
# Two runs of one coder, one of another: runs shows what each made and what is left.
run "$qcode" autocode
run "$qcode" autocode --unit turn
run "$qcode" autocode --coder robot
cb_sha=$(sha256sum "$fixtures/codebook.yaml" | cut -c1-12)
"$qcode" runs --format csv | tr -d '\r' >"$work/runs.csv"
ts='[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z'
grep -qEx "1,$ts,auto,Testbuch,$cb_sha,unit=sentence \(codebook default\); speakers=respondents,13,0,replaced,2," "$work/runs.csv" \
  && grep -qEx "2,$ts,auto,Testbuch,$cb_sha,unit=turn \(--unit\); speakers=respondents,11,11,active,," "$work/runs.csv" \
  && grep -qEx "3,$ts,robot,Testbuch,$cb_sha,.*,13,13,active,," "$work/runs.csv" \
  && [ "$(wc -l <"$work/runs.csv")" -eq 4 ] && pass || fail "runs: $(cat "$work/runs.csv")"
[ "$("$qcode" runs --coder robot --format csv | wc -l)" -eq 2 ] && pass || fail "runs --coder"
# Undo: refused for a replaced run, an unknown id; exit 1, the file byte for byte unchanged.
expect_error "undo a replaced run" 1 "run 1 was replaced by run 2 .*undo run 2" -- "$qcode" autocode --undo 1
expect_error "undo an unknown run" 1 "runs\.qcode: no autocoding run 99 .*qcode runs" -- "$qcode" autocode --undo 99
expect_error "undo with other options" 2 "excludes" -- "$qcode" autocode --undo 2 --unit turn
# Undoing run 2 takes its 11 codings, not robot's, not anna's.
run "$qcode" autocode --undo 2
grep -qx "undid run 2: removed 11 codings by auto" "$work/stdout" && pass || fail "undo: $(cat "$work/stdout")"
"$qcode" segments --format csv | tr -d '\r' | tail -n +2 | cut -d, -f3,4 | sort | uniq -c | tr -s ' ' >"$work/left.txt"
[ "$(cat "$work/left.txt")" == "$(printf ' 1 anna,manual\n 13 robot,auto')" ] && pass || fail "after undo: $(cat "$work/left.txt")"
"$qcode" runs --format csv | tr -d '\r' | grep -qEx "2,$ts,auto,.*,11,0,undone,,$ts" && pass || fail "runs after undo: $("$qcode" runs --format csv)"
expect_error "undo twice" 1 "run 2 was already undone" -- "$qcode" autocode --undo 2
# Undo run 3 (another coder) while a later run exists: only robot's codings go.
run "$qcode" autocode
run "$qcode" autocode --undo 3
grep -qx "undid run 3: removed 13 codings by robot" "$work/stdout" && "$qcode" runs --format csv | tr -d '\r' | grep -qEx "4,$ts,auto,.*,13,13,active,," \
  && pass || fail "undo of an earlier run of another coder: $(cat "$work/stdout")"
export QCODE_PROJECT="$work/test.qcode"

# --- every rule of the pattern language on the shipped samples (issue #4's
# must-show; the counts are hand-checked in tests/fixtures/every_rule/README.md)
every="$all_fixtures/every_rule"
samples=$(cd "$here/../../samples" && pwd)
export QCODE_PROJECT="$work/every.qcode"
run "$qcode" init
run "$qcode" import "$samples"/*.txt "$samples"/*.vtt "$samples"/*.srt "$samples"/*.docx --attributes "$samples/attributes.csv"
run "$qcode" codebook lint "$every/codebook.yaml"
grep -q "0 warnings, 0 info" "$work/stderr" "$work/stdout" && pass || fail "every_rule codebook lints clean: $(cat "$work/stdout" "$work/stderr")"
run "$qcode" autocode --codebook "$every/codebook.yaml"
grep -q "run 1: 124 codings" "$work/stdout" && pass || fail "every_rule autocode: $(cat "$work/stdout")"
expect_csv "every_rule freq" "$every/expected_freq.csv" -- "$qcode" freq --format csv
# context: 1 codes the sentence before the match too, not the interviewer's question after it.
"$qcode" segments --code kruecke --format csv | tr -d '\r' | tail -n +2 | grep -q ',2040,2271,.*Mit dem Jobcenter haben wir .*Funktionsadresse, das hat schon einiges verbessert\. Ein richtiger Datenaustausch ist das aber nicht, das ist eher eine Krücke, bis es eine echte Schnittstelle gibt\."$' \
  && pass || fail "context: 1 segment: $("$qcode" segments --code kruecke --format csv)"
# The same codebook through REFI-QDA and back codes the same.
run "$qcode" codebook export "$work/every.qdc"
xmllint --noout --schema "$all_fixtures/refi/Codebook.xsd" "$work/every.qdc" 2>"$work/stderr" && pass || fail "every_rule qdc invalid: $(cat "$work/stderr")"
run "$qcode" codebook import "$work/every.qdc"
run "$qcode" codebook export "$work/every_back.yaml"
run "$qcode" autocode
grep -q "run 2: 124 codings" "$work/stdout" && pass || fail "every_rule after the qdc round trip: $(cat "$work/stdout")"
expect_csv "every_rule freq after qdc" "$every/expected_freq.csv" -- "$qcode" freq --format csv
export QCODE_PROJECT="$work/test.qcode"

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
