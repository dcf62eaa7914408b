// tokenize: ICU word tokens with code-point spans and folded forms; a
// hyphen separates words (DESIGN §4).
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <vector>

#include "core/utf8.hpp"
#include "text/tokenize.hpp"

using qcode::Span;
using qcode::text::Token;
using qcode::text::tokenize;

namespace {

std::vector<std::string> folded(const qcode::text::Tokens& tokens) {
    std::vector<std::string> out;
    for (const auto& t : tokens) out.emplace_back(t.folded);
    return out;
}

std::vector<Span> spans(const qcode::text::Tokens& tokens) {
    std::vector<Span> out;
    for (const auto& t : tokens) out.push_back(t.span);
    return out;
}

}  // namespace

namespace qcode {
// For BOOST_TEST's diagnostics on vectors of spans.
inline std::ostream& operator<<(std::ostream& os, const Span& s) { return os << '[' << s.start << ',' << s.end << ')'; }
}  // namespace qcode

BOOST_AUTO_TEST_SUITE(tokenize_words)

BOOST_AUTO_TEST_CASE(hyphen_parentheses_and_umlaut) {
    // D i e _ G R O S S S T A D T - S c h n i t t s t e l l e _ ( A Z R ) _ l ä u f t .
    // 0     3 4                 14 15                         28 29 30  33 34 35     40
    const std::string text = "Die GROSSSTADT-Schnittstelle (AZR) l\xC3\xA4uft.";
    const auto tokens = tokenize(text);
    const std::vector<std::string> expected_folded = {"die", "grossstadt", "schnittstelle", "azr", "l\xC3\xA4uft"};
    const std::vector<Span> expected_spans = {{0, 3}, {4, 14}, {15, 28}, {30, 33}, {35, 40}};
    BOOST_TEST(folded(tokens) == expected_folded, boost::test_tools::per_element());
    BOOST_TEST(spans(tokens) == expected_spans, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(spans_slice_back_to_the_words) {
    const std::string text = "Die GROSSSTADT-Schnittstelle (AZR) l\xC3\xA4uft.";
    const qcode::utf8::Index index(text);
    const auto tokens = tokenize(text);
    BOOST_TEST_REQUIRE(tokens.size() == 5u);
    BOOST_TEST(qcode::utf8::slice(text, index, tokens[1].span.start, tokens[1].span.end) == "GROSSSTADT");
    BOOST_TEST(qcode::utf8::slice(text, index, tokens[4].span.start, tokens[4].span.end) == "l\xC3\xA4uft");
}

BOOST_AUTO_TEST_CASE(base_offset_is_added) {
    const auto tokens = tokenize("ab cd", 100);
    const std::vector<Span> expected = {{100, 102}, {103, 105}};
    BOOST_TEST(spans(tokens) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(umlaut_spans_count_code_points_not_bytes) {
    // Ü b e r g a b e _ f ü r _ Ä m t e r
    // 0             8 9     12 13       18
    const auto tokens = tokenize("\xC3\x9C" "bergabe f\xC3\xBCr \xC3\x84mter", 7);
    const std::vector<Span> expected_spans = {{7, 15}, {16, 19}, {20, 25}};
    const std::vector<std::string> expected_folded = {"\xC3\xBC" "bergabe", "f\xC3\xBCr", "\xC3\xA4mter"};
    BOOST_TEST(spans(tokens) == expected_spans, boost::test_tools::per_element());
    BOOST_TEST(folded(tokens) == expected_folded, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(folded_form_uses_full_case_folding) {
    const auto tokens = tokenize("STRASSE Stra\xC3\x9F" "e");
    BOOST_TEST_REQUIRE(tokens.size() == 2u);
    BOOST_TEST(tokens[0].folded == "strasse");
    BOOST_TEST(tokens[1].folded == "strasse");
    const std::vector<Span> expected = {{0, 7}, {8, 14}};
    BOOST_TEST(spans(tokens) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(hyphenated_compounds_split) {
    const auto tokens = tokenize("E-Akte und AZR-Abfrage");
    const std::vector<std::string> expected = {"e", "akte", "und", "azr", "abfrage"};
    BOOST_TEST(folded(tokens) == expected, boost::test_tools::per_element());
    const std::vector<Span> expected_spans = {{0, 1}, {2, 6}, {7, 10}, {11, 14}, {15, 22}};
    BOOST_TEST(spans(tokens) == expected_spans, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(numbers_are_tokens_punctuation_is_not) {
    // § _ 7 2 _ A u f e n t h V , _ ( . . . ) _ 3 0 0 _ F ä l l e !
    // 0 1 2 3 4 5             13 14 15 16-18 19 20 21  24 25     30
    const auto tokens = tokenize("\xC2\xA7 72 AufenthV, (...) 300 F\xC3\xA4lle!");
    const std::vector<std::string> expected = {"72", "aufenthv", "300", "f\xC3\xA4lle"};
    const std::vector<Span> expected_spans = {{2, 4}, {5, 13}, {21, 24}, {25, 30}};
    BOOST_TEST(folded(tokens) == expected, boost::test_tools::per_element());
    BOOST_TEST(spans(tokens) == expected_spans, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(empty_and_blank_input) {
    BOOST_TEST(tokenize("").empty());
    BOOST_TEST(tokenize("   \n\t").empty());
    BOOST_TEST(tokenize("(...) [!]").empty());
}

BOOST_AUTO_TEST_SUITE_END()
