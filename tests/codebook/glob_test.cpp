// glob_match: code-point semantics of '?', backtracking of '*', edge cases.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <string>

#include "codebook/pattern.hpp"

using qcode::codebook::glob_match;

BOOST_AUTO_TEST_SUITE(glob)

BOOST_AUTO_TEST_CASE(literals) {
    BOOST_TEST(glob_match("amt", "amt"));
    BOOST_TEST(!glob_match("amt", "amts"));
    BOOST_TEST(!glob_match("amts", "amt"));
    BOOST_TEST(!glob_match("amt", "ämt"));
    BOOST_TEST(glob_match("ämt", "ämt"));
}

BOOST_AUTO_TEST_CASE(question_mark_is_one_code_point) {
    BOOST_TEST(glob_match("beh?rde", "behörde"));  // ö is two bytes
    BOOST_TEST(!glob_match("beh??rde", "behörde"));
    BOOST_TEST(glob_match("beh?rde", "behorde"));
    BOOST_TEST(glob_match("?", "ü"));
    BOOST_TEST(glob_match("??", "üß"));
    BOOST_TEST(!glob_match("?", "üß"));
    BOOST_TEST(glob_match("?", "\xE2\x82\xAC"));      // € (three bytes)
    BOOST_TEST(glob_match("?", "\xF0\x9F\x98\x80"));  // an emoji (four bytes)
    BOOST_TEST(!glob_match("??", "\xF0\x9F\x98\x80"));
    BOOST_TEST(glob_match("s?hnitt", "schnitt"));
    BOOST_TEST(!glob_match("s?hnitt", "shnitt"));
    BOOST_TEST(glob_match("stelle?", "stellen"));
    BOOST_TEST(!glob_match("stelle?", "stelle"));
}

BOOST_AUTO_TEST_CASE(star_placements) {
    BOOST_TEST(glob_match("schnittstelle*", "schnittstellen"));
    BOOST_TEST(glob_match("schnittstelle*", "schnittstelle"));  // * may be empty
    BOOST_TEST(!glob_match("schnittstelle*", "fachschnittstelle"));
    BOOST_TEST(glob_match("*amt", "ausländeramt"));
    BOOST_TEST(glob_match("*amt", "amt"));
    BOOST_TEST(!glob_match("*amt", "amtlich"));
    BOOST_TEST(glob_match("*akte*", "e-aktenführung"));
    BOOST_TEST(glob_match("*akte*", "akte"));
    BOOST_TEST(!glob_match("*akte*", "akt"));
    BOOST_TEST(glob_match("*", "irgendwas"));
    BOOST_TEST(glob_match("*ü*", "müll"));
    BOOST_TEST(!glob_match("*ü*", "mull"));
}

BOOST_AUTO_TEST_CASE(star_backtracking) {
    BOOST_TEST(glob_match("*a*b*c", "xaybzc"));
    BOOST_TEST(glob_match("*a*b*c", "abc"));
    BOOST_TEST(glob_match("*a*b*c", "abcabc"));
    BOOST_TEST(glob_match("*a*b*c", "aaabbbccc"));
    BOOST_TEST(!glob_match("*a*b*c", "abcab"));
    BOOST_TEST(!glob_match("*a*b*c", "cba"));
    BOOST_TEST(!glob_match("*a*b*c", "xaxbxcx"));
    BOOST_TEST(glob_match("*ab", "aab"));
    BOOST_TEST(glob_match("a*a*a", "aaa"));
    BOOST_TEST(!glob_match("a*a*a", "aa"));
    BOOST_TEST(glob_match("*?ö", "xxö"));
    BOOST_TEST(!glob_match("*?ö", "ö"));
    BOOST_TEST(glob_match("s*hnitt*stelle", "schnittstelle"));
    BOOST_TEST(glob_match("s*hnitt*stelle", "schnittpunktstelle"));
    BOOST_TEST(!glob_match("s*hnitt*stelle", "schnittstellen"));
}

BOOST_AUTO_TEST_CASE(empty_word_and_empty_glob) {
    BOOST_TEST(glob_match("", ""));
    BOOST_TEST(glob_match("*", ""));
    BOOST_TEST(glob_match("**", ""));
    BOOST_TEST(!glob_match("?", ""));
    BOOST_TEST(!glob_match("a", ""));
    BOOST_TEST(!glob_match("", "a"));
    BOOST_TEST(!glob_match("*?", ""));
}

BOOST_AUTO_TEST_CASE(pathological_input_stays_fast) {
    // A recursive matcher takes exponential time here.
    const std::string word(20000, 'a');
    const auto start = std::chrono::steady_clock::now();
    BOOST_TEST(!glob_match("*a*a*a*a*a*a*a*a*b", word));
    BOOST_TEST(glob_match("*a*a*a*a*a*a*a*a*", word));
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    BOOST_TEST(ms.count() < 2000);
}

BOOST_AUTO_TEST_CASE(truncated_utf8_does_not_overrun) {
    // Not valid input (tokens are valid UTF-8), but must not read past the end.
    // A stray lead byte at the end counts as one character.
    BOOST_TEST(!glob_match("???", "a\xC3"));
    BOOST_TEST(glob_match("a?", "a\xC3"));
    BOOST_TEST(!glob_match("a\xC3\xA4", "a\xC3"));
    BOOST_TEST(glob_match("*", "\xC3"));
}

BOOST_AUTO_TEST_SUITE_END()
