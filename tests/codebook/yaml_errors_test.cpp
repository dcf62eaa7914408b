// parse_yaml errors: each names the file and the exact line, and says what
// to change.
#include <boost/test/unit_test.hpp>

#include <string>

#include "codebook/codebook.hpp"
#include "core/error.hpp"
#include "load_failure.hpp"

using namespace qcode::codebook;

using qcode::codebook_test::fail_of;
constexpr auto expect = qcode::codebook_test::expect_load_error;

namespace {

bool contains(const std::string& haystack, std::string_view needle) {
    return haystack.find(needle) != std::string::npos;
}

// A valid head; tests append one code's body starting on line 5.
const std::string head =
    "codebook: Test\n"   // 1
    "codes:\n"           // 2
    "  - id: a\n"        // 3
    "    label: A\n";    // 4

}  // namespace

BOOST_AUTO_TEST_SUITE(yaml_errors)

BOOST_AUTO_TEST_CASE(unknown_key_with_suggestion) {
    const std::string yaml = head +
                             "    children:\n"     // 5
                             "      - id: b\n"     // 6
                             "        lable: B\n"; // 7
    expect(yaml, 7, "unknown key 'lable' in code 'a/b'; did you mean 'label'?");
    expect(yaml, 7, "allowed: id, label, description");
}

BOOST_AUTO_TEST_CASE(unknown_key_without_suggestion) {
    const auto f = fail_of(head + "    farbe: rot\n");
    BOOST_TEST(f.line == 5);
    BOOST_TEST(contains(f.what, "unknown key 'farbe' in code 'a'"), f.what);
    BOOST_TEST(!contains(f.what, "did you mean"), f.what);
}

BOOST_AUTO_TEST_CASE(unknown_top_level_key) {
    expect("codebook: X\nversoin: 1\ncodes: []\n", 2, "did you mean 'version'?");
    expect("codebook: X\ncode:\n  - id: a\n    label: A\n", 2, "did you mean 'codes'?");
    expect("codebook: X\ndefaults:\n  unit: turn\n  speaker: all\ncodes: []\n", 4,
           "unknown key 'speaker' in defaults; did you mean 'speakers'?");
}

BOOST_AUTO_TEST_CASE(invalid_fold) {
    expect(head + "    fold: [umlaut]\n", 5,
           "unknown fold 'umlaut': use case, diacritics, umlauts or stem (in 'fold' of code 'a')");
    expect("codebook: X\ndefaults:\n  fold: case, stemming\ncodes: []\n", 3,
           "unknown fold 'stemming': use case, diacritics, umlauts or stem (in 'fold' of defaults)");
    expect(head + "    fold: { case: true }\n", 5, "'fold' in code 'a' must be a list, as in fold: [case, umlauts]");
    expect(head + "    fold:\n", 5, "'fold' in code 'a' must be a list");
    expect(head + "    fold: [[case]]\n", 5, "each entry of 'fold' in code 'a' must be a word");
}

BOOST_AUTO_TEST_CASE(duplicate_key) {
    expect(head + "    label: B\n", 5, "'label' appears twice in code 'a' (first on line 4)");
}

BOOST_AUTO_TEST_CASE(wrong_types) {
    expect(head + "    patterns: schnittstelle*\n", 5, "'patterns' in code 'a' must be a list");
    expect(head + "    exclude: { a: b }\n", 5, "'exclude' in code 'a' must be a list");
    expect(head + "    anchor_examples: Ein Beispiel\n", 5, "'anchor_examples' in code 'a' must be a list");
    expect(head + "    patterns:\n      - [a, b]\n", 6, "each item of 'patterns' in code 'a' must be a text");
    expect(head + "    description: [a, b]\n", 5, "'description' in code 'a' must be a text");
    expect(head + "    children: keine\n", 5, "'children' in code 'a' must be a list of codes");
    expect(head + "    children:\n      - nur ein Text\n", 6, "a code must be a map");
    expect(head + "    codable: vielleicht\n", 5, "'codable' in code 'a' must be true or false");
    expect("codebook: X\ncodes: keine\n", 2, "'codes' must be a list of codes");
    expect("codebook: X\ncodes:\n", 2, "'codes' must be a list of codes");
    expect("codebook: X\ndefaults: sentence\ncodes: []\n", 2, "'defaults' must be a map");
    expect("codebook: X\nversion: eins\ncodes: []\n", 2, "'version' must be a whole number");
    expect("codebook: X\nversion: 0\ncodes: []\n", 2, "'version' must be a whole number");
    expect("codebook: [X]\ncodes: []\n", 1, "'codebook' in the codebook must be a text");
    expect("- id: a\n  label: A\n", 1, "a codebook is a YAML map with the keys codebook, version");
}

BOOST_AUTO_TEST_CASE(duplicate_sibling_id) {
    const std::string yaml = head +
                             "  - id: b\n"     // 5
                             "    label: B\n"  // 6
                             "  - id: a\n"     // 7
                             "    label: C\n"; // 8
    expect(yaml, 7, "duplicate id 'a' (also on line 3)");
    const std::string nested = head +
                               "    children:\n"      // 5
                               "      - id: x\n"      // 6
                               "        label: X\n"   // 7
                               "      - id: x\n"      // 8
                               "        label: Y\n";  // 9
    expect(nested, 8, "duplicate id 'x' (also on line 6)");
}

BOOST_AUTO_TEST_CASE(invalid_ids) {
    expect(head + "  - id: a/b\n    label: B\n", 5, "invalid id 'a/b'");
    expect(head + "  - id: zwei worte\n    label: B\n", 5, "invalid id 'zwei worte'");
    expect(head + "  - id: hürden\n    label: B\n", 5, "use letters, digits, '_', '-' and '.' only");
    expect(head + "  - id: [a]\n    label: B\n", 5, "invalid id");
}

BOOST_AUTO_TEST_CASE(missing_id_and_label) {
    expect(head + "  - label: B\n", 5, "a code has no id");
    expect(head + "  - id:\n    label: B\n", 5, "a code has no id");
    expect(head + "  - id: b\n    description: ohne Label\n", 5, "code 'b' has no label");
    expect(head + "  - id: b\n    label: \"  \"\n", 6, "code 'b' has an empty label");
    expect(head + "  - id: b\n    label:\n", 6, "code 'b' has an empty label");
}

BOOST_AUTO_TEST_CASE(invalid_colors) {
    expect(head + "    color: red\n", 5, "invalid color 'red' in code 'a': use \"#rgb\" or \"#rrggbb\"");
    expect(head + "    color: \"#12345\"\n", 5, "invalid color '#12345'");
    expect(head + "    color: \"#ggg\"\n", 5, "invalid color '#ggg'");
    // Unquoted, YAML reads "#d62728" as a comment and the value as empty.
    expect(head + "    color: #d62728\n", 5, "quote it: color: \"#d62728\"");
}

BOOST_AUTO_TEST_CASE(invalid_unit_and_speakers) {
    expect(head + "    unit: satz\n", 5, "invalid unit 'satz' in code 'a': use sentence, turn or paragraph");
    expect(head + "    speakers: befragte\n", 5, "invalid speakers 'befragte' in code 'a': use respondents, interviewers or all");
    expect("codebook: X\ndefaults:\n  unit: absatz\ncodes: []\n", 3, "invalid unit 'absatz' in defaults");
    expect("codebook: X\ndefaults: { speakers: alle }\ncodes: []\n", 2, "invalid speakers 'alle' in defaults");
}

BOOST_AUTO_TEST_CASE(pattern_errors_name_code_and_line) {
    const std::string yaml = head +
                             "    children:\n"                       // 5
                             "      - id: technik\n"                 // 6
                             "        label: Technik\n"              // 7
                             "        patterns:\n"                   // 8
                             "          - schnittstelle*\n"          // 9
                             "          - AZR NEAR/0 abfrage*\n";    // 10
    expect(yaml, 10, "the distance is at least 1");
    expect(yaml, 10, "cb.yaml:10: in pattern 'AZR NEAR/0 abfrage*' of code 'a/technik': NEAR/0: the distance is at least 1");
    // An invalid regular expression is a load error with its line, too.
    expect(head + "    patterns:\n      - amt\n      - 're:sch(n|m'\n", 7,
           "cb.yaml:7: in pattern 're:sch(n|m' of code 'a': invalid regular expression");
    // Quoting would not help here, so no YAML quoting hint.
    BOOST_TEST(!contains(fail_of(yaml).what, "in YAML"));
    expect(head + "    exclude:\n      - \"**\"\n", 6, "in exclude pattern '**' of code 'a': '**'");
}

BOOST_AUTO_TEST_CASE(phrase_whose_quotes_yaml_ate) {
    // - "händisch übertragen" is a YAML string without the quotes.
    expect(head + "    patterns:\n      - \"händisch übertragen\"\n", 6,
           "in pattern 'händisch übertragen' of code 'a': a pattern with spaces is a phrase");
    expect(head + "    patterns:\n      - \"händisch übertragen\"\n", 6,
           "(in YAML: - '\"händisch übertragen\"')");
    // A ' inside single quotes is doubled in the suggestion.
    expect(head + "    patterns:\n      - geht's los\n", 6, "(in YAML: - '\"geht''s los\"')");
}

BOOST_AUTO_TEST_CASE(missing_name_or_codes) {
    expect("version: 1\ncodes: []\n", 1, "the codebook has no name");
    expect("codebook: \"\"\ncodes: []\n", 1, "the codebook has an empty name");
    expect("codebook: X\n", 1, "the codebook has no codes");
    expect("", 1, "the codebook is empty");
    expect("# nur ein Kommentar\n", 1, "the codebook is empty");
}

BOOST_AUTO_TEST_CASE(yaml_syntax_errors) {
    // An unquoted ": " inside a value.
    expect(head + "  - id: b\n    label: Hürden: Technik\n", 6, "a value containing ': ' must be quoted");
    // A pattern starting with * is a YAML alias unless quoted.
    expect(head + "    patterns:\n      - *akte*\n", 6, "quote patterns that start with *");
    // Broken indentation.
    expect(head + "    children:\n      - id: b\n        label: B\n       description: x\n", 8, "invalid YAML");
    // An unclosed flow list.
    expect(head + "    patterns: [a, b\n", 6, "a [ or { is not closed");
}

BOOST_AUTO_TEST_CASE(tab_indentation) {
    expect(head + "    children:\n\t- id: b\n", 6, "a tab in the indentation; indent with spaces only");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_in_text) {
    expect(head + "  - id: b\n    label: Beh\xF6rde\n", 6, "not valid UTF-8");
}

BOOST_AUTO_TEST_SUITE_END()
