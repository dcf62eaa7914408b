// kwic_line: keyword-in-context cutting shared by `qcode kwic` and the
// autocoding dry run — code points, word boundaries, bounds, one line.
#include <boost/test/unit_test.hpp>

#include <string>

#include "core/kwic_line.hpp"
#include "core/utf8.hpp"

using namespace qcode;

namespace {

// "left [keyword] right" for `match` in `text`, context from `bounds`.
std::string cut(const std::string& text, Span bounds, Span match, std::size_t window) {
    const utf8::Index index(text);
    const auto l = kwic_line(text, index, bounds, match, window);
    return l.left + " [" + l.keyword + "] " + l.right;
}

//                        0         1         2         3         4
//                        0123456789012345678901234567890123456789012345
const std::string kText = "Erst dies. Dann die Schnittstelle zum Amt. Ende.";

}  // namespace

BOOST_AUTO_TEST_SUITE(kwic_line)

BOOST_AUTO_TEST_CASE(whole_bounds_fit_the_window) {
    BOOST_TEST(cut(kText, {11, 42}, {20, 33}, 40) == "Dann die [Schnittstelle] zum Amt.");
}

BOOST_AUTO_TEST_CASE(context_never_leaves_the_bounds) {
    BOOST_TEST(cut(kText, {11, 42}, {20, 33}, 100) == "Dann die [Schnittstelle] zum Amt.");
    BOOST_TEST(cut(kText, {0, 48}, {20, 33}, 100) == "Erst dies. Dann die [Schnittstelle] zum Amt. Ende.");
}

BOOST_AUTO_TEST_CASE(a_cut_word_is_dropped_and_marked) {
    // 6 back from 20 is "n die ": "n" is part of "Dann"; 6 on from 33 is " zum A": "A" is cut.
    BOOST_TEST(cut(kText, {11, 42}, {20, 33}, 6) == "…die [Schnittstelle] zum…");
    // The word at a cut goes even when the cut happens to fall on its edge
    // (4 back is "die ", 4 on is " zum"): the cutter does not look outside.
    BOOST_TEST(cut(kText, {11, 42}, {20, 33}, 4) == "… [Schnittstelle] …");
    // Inside one long word there is nothing whole to show.
    BOOST_TEST(cut(kText, {11, 42}, {20, 33}, 2) == "… [Schnittstelle] …");
}

BOOST_AUTO_TEST_CASE(match_at_the_edges_of_the_bounds) {
    BOOST_TEST(cut(kText, {11, 42}, {11, 15}, 40) == " [Dann] die Schnittstelle zum Amt.");
    BOOST_TEST(cut(kText, {11, 42}, {38, 41}, 40) == "Dann die Schnittstelle zum [Amt] .");
}

BOOST_AUTO_TEST_CASE(code_points_not_bytes) {
    const std::string t = "Für die Ausländerbehörde: Übertragung händisch.";
    //                     0123456789012345678901234567890123456789012345678
    BOOST_TEST(cut(t, {0, 47}, {26, 37}, 40) == "Für die Ausländerbehörde: [Übertragung] händisch.");
    BOOST_TEST(cut(t, {0, 47}, {38, 46}, 13) == "…Übertragung [händisch] .");
}

BOOST_AUTO_TEST_CASE(line_breaks_become_single_spaces) {
    const std::string t = "Das geht\n\nnur   händisch\tab.";
    BOOST_TEST(cut(t, {0, 28}, {10, 13}, 40) == "Das geht [nur] händisch ab.");
}

BOOST_AUTO_TEST_SUITE_END()
