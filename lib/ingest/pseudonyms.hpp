#pragma once
// Pseudonymisation: real names in a transcript are replaced by pseudonyms
// from a table before anything is parsed or stored, so speaker labels
// ("Frau Meier:") are pseudonymised too and the real names never reach the
// project file. The caller runs apply_pseudonyms on the decoded text (after
// decode(), before the format parser).
//
// Matching rules:
//   - whole words only: the text around a match must not continue with a
//     letter, digit or combining mark (Unicode), so "Meier" does not hit
//     "Obermeier" — and not the genitive "Meiers" either, nor "Meierhof".
//     Such words are reported as near misses (word, table entry, line) so
//     the caller can warn: list "Meiers" in the table too when it is the
//     same person. Hyphens, apostrophes and punctuation are boundaries:
//     "Meier-Schulz" → "Müller-Schulz", "Meier's" → "Müller's";
//   - case-insensitive, by ICU full case folding: "MEIER", "meier" match
//     "Meier"; "MÜLLER" matches "Müller"; "STRAUSS" matches "Strauß";
//   - an original of several words ("Frau Dr. Meier") matches with any run
//     of spaces or tabs where it has a space, never across a line break;
//   - leftmost first, and of the originals that match at one place the
//     longest: with "Frau Dr. Meier" and "Meier" in the table, "Frau Dr.
//     Meier" becomes that entry's replacement, a lone "Meier" the other's;
//   - one pass: a replacement is never matched again, so "Meier → Müller"
//     and "Müller → Schmidt" do not chain;
//   - the replacement is inserted exactly as written (its case is not
//     adapted to the matched text).
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace qcode::ingest {

struct PseudonymTable {
    std::vector<std::pair<std::string, std::string>> pairs;  // original → replacement, NFC
};

// Reads a CSV table (any encoding decode() reads; separator , ; or TAB)
// whose first row is the header "original,replacement". Errors are
// qcode::Error with file and line: a wrong header, a row without exactly
// two fields, an empty original or replacement, an original listed twice
// with different replacements (case-insensitively); an empty file.
PseudonymTable load_pseudonyms(const std::string& csv_path);

// The same from the decoded CSV text; `file` names it in errors.
PseudonymTable parse_pseudonyms(std::string_view csv_text, const std::string& file);

struct PseudonymNearMiss {
    std::string word;      // the whole word in the text, e.g. "Meiers"
    std::string original;  // the table entry it begins with, e.g. "Meier"
    int line = 0;          // first line where it occurs (1-based)
};

struct PseudonymResult {
    std::string text;
    std::size_t replacements = 0;
    // Words that begin with an original but go on with letters (first
    // occurrence of each distinct word). They hold real names: show them
    // to the user, never store them.
    std::vector<PseudonymNearMiss> near_misses;
};

// `text` is decoded (UTF-8, NFC); the result is NFC.
PseudonymResult apply_pseudonyms(std::string_view text, const PseudonymTable& table);

}  // namespace qcode::ingest
