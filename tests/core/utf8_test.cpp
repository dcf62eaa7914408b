// utf8: code-point arithmetic on UTF-8 strings (DESIGN §2: positions are
// code points). Expected values are worked out by hand from the byte
// sequences written in the tests.
#include <boost/test/unit_test.hpp>

#include <stdexcept>
#include <string>

#include "core/utf8.hpp"

namespace utf8 = qcode::utf8;

namespace {
// "Straße über": S t r a ß(2 bytes) e ␠ ü(2 bytes) b e r
// code points:   0 1 2 3 4         5 6 7         8 9 10   → 11 code points, 13 bytes
const std::string kStrasse = "Stra\xC3\x9F" "e \xC3\xBC" "ber";
}  // namespace

BOOST_AUTO_TEST_SUITE(utf8_length)

BOOST_AUTO_TEST_CASE(counts_code_points_not_bytes) {
    BOOST_TEST(kStrasse.size() == 13u);
    BOOST_TEST(utf8::length(kStrasse) == 11u);
    BOOST_TEST(utf8::length("") == 0u);
    BOOST_TEST(utf8::length("abc") == 3u);
    // U+1D11E (4 bytes), U+20AC (3 bytes), U+00DF (2 bytes), 'a'
    BOOST_TEST(utf8::length("\xF0\x9D\x84\x9E\xE2\x82\xAC\xC3\x9F" "a") == 4u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(utf8_valid)

BOOST_AUTO_TEST_CASE(accepts_well_formed_text) {
    BOOST_TEST(utf8::valid(""));
    BOOST_TEST(utf8::valid("plain ASCII \t\n"));
    BOOST_TEST(utf8::valid(kStrasse));
    BOOST_TEST(utf8::valid("\xE2\x82\xAC"));          // U+20AC €
    BOOST_TEST(utf8::valid("\xF0\x9D\x84\x9E"));      // U+1D11E
    BOOST_TEST(utf8::valid("\xF4\x8F\xBF\xBF"));      // U+10FFFF, the last code point
    BOOST_TEST(utf8::valid("\xED\x9F\xBF"));          // U+D7FF, just below the surrogates
    BOOST_TEST(utf8::valid("\xEE\x80\x80"));          // U+E000, just above the surrogates
    BOOST_TEST(utf8::valid("\xC2\x80"));              // U+0080, smallest 2-byte
    BOOST_TEST(utf8::valid("\xE0\xA0\x80"));          // U+0800, smallest 3-byte
    BOOST_TEST(utf8::valid("\xF0\x90\x80\x80"));      // U+10000, smallest 4-byte
    BOOST_TEST(utf8::valid(std::string("a\0b", 3)));  // NUL is a valid code point
}

BOOST_AUTO_TEST_CASE(rejects_overlong_encodings) {
    BOOST_TEST(!utf8::valid("\xC0\x80"));          // overlong NUL
    BOOST_TEST(!utf8::valid("\xC0\xAF"));          // overlong '/'
    BOOST_TEST(!utf8::valid("\xC1\xBF"));          // overlong U+007F
    BOOST_TEST(!utf8::valid("\xE0\x80\x80"));      // overlong NUL, 3 bytes
    BOOST_TEST(!utf8::valid("\xE0\x9F\xBF"));      // overlong U+07FF
    BOOST_TEST(!utf8::valid("\xF0\x80\x80\x80"));  // overlong NUL, 4 bytes
    BOOST_TEST(!utf8::valid("\xF0\x8F\xBF\xBF"));  // overlong U+FFFF
}

BOOST_AUTO_TEST_CASE(rejects_surrogates_and_out_of_range) {
    BOOST_TEST(!utf8::valid("\xED\xA0\x80"));          // U+D800
    BOOST_TEST(!utf8::valid("\xED\xBF\xBF"));          // U+DFFF
    BOOST_TEST(!utf8::valid("\xED\xA0\xBD\xED\xB8\x80"));  // CESU-8 surrogate pair
    BOOST_TEST(!utf8::valid("\xF4\x90\x80\x80"));      // U+110000
    BOOST_TEST(!utf8::valid("\xF5\x80\x80\x80"));      // lead byte F5
    BOOST_TEST(!utf8::valid("\xF8\x88\x80\x80\x80"));  // 5-byte form
    BOOST_TEST(!utf8::valid("\xFF"));
    BOOST_TEST(!utf8::valid("\xFE"));
}

BOOST_AUTO_TEST_CASE(rejects_truncated_and_stray_bytes) {
    BOOST_TEST(!utf8::valid("\xC3"));              // 2-byte lead at the end
    BOOST_TEST(!utf8::valid("Stra\xC3"));
    BOOST_TEST(!utf8::valid("a\xE2\x82"));         // 3-byte sequence cut short
    BOOST_TEST(!utf8::valid("\xF0\x9D\x84"));      // 4-byte sequence cut short
    BOOST_TEST(!utf8::valid("\xE2\x82" "a"));      // cut short in the middle of text
    BOOST_TEST(!utf8::valid("\xC3\x28"));          // lead followed by a non-continuation
    BOOST_TEST(!utf8::valid("\x80"));              // lone continuation byte
    BOOST_TEST(!utf8::valid("ab\xBF" "cd"));
    BOOST_TEST(!utf8::valid("\xC3\x9F\x9F"));      // one continuation too many
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(utf8_append)

BOOST_AUTO_TEST_CASE(encodes_each_length_class) {
    auto enc = [](char32_t cp) {
        std::string s;
        utf8::append(s, cp);
        return s;
    };
    BOOST_TEST(enc(U'A') == "A");
    BOOST_TEST(enc(0x7F) == "\x7F");
    BOOST_TEST(enc(0x80) == "\xC2\x80");
    BOOST_TEST(enc(0xDF) == "\xC3\x9F");  // ß
    BOOST_TEST(enc(0x7FF) == "\xDF\xBF");
    BOOST_TEST(enc(0x800) == "\xE0\xA0\x80");
    BOOST_TEST(enc(0x20AC) == "\xE2\x82\xAC");
    BOOST_TEST(enc(0xFFFF) == "\xEF\xBF\xBF");
    BOOST_TEST(enc(0x10000) == "\xF0\x90\x80\x80");
    BOOST_TEST(enc(0x1D11E) == "\xF0\x9D\x84\x9E");
    BOOST_TEST(enc(0x10FFFF) == "\xF4\x8F\xBF\xBF");
}

BOOST_AUTO_TEST_CASE(appends_to_existing_text) {
    std::string s = "Stra";
    utf8::append(s, 0xDF);
    utf8::append(s, U'e');
    BOOST_TEST(s == "Stra\xC3\x9F" "e");
    BOOST_TEST(utf8::length(s) == 6u);
    BOOST_TEST(utf8::valid(s));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(utf8_index)

BOOST_AUTO_TEST_CASE(maps_code_points_to_bytes) {
    const utf8::Index index(kStrasse);
    BOOST_TEST(index.length() == 11u);
    BOOST_TEST(index.byte_offset(0) == 0u);
    BOOST_TEST(index.byte_offset(4) == 4u);   // ß starts at byte 4
    BOOST_TEST(index.byte_offset(5) == 6u);   // e after the 2-byte ß
    BOOST_TEST(index.byte_offset(6) == 7u);   // the space
    BOOST_TEST(index.byte_offset(7) == 8u);   // ü
    BOOST_TEST(index.byte_offset(8) == 10u);  // b after the 2-byte ü
    BOOST_TEST(index.byte_offset(11) == 13u); // one past the end
    BOOST_CHECK_THROW(index.byte_offset(12), std::out_of_range);
}

BOOST_AUTO_TEST_CASE(empty_text_has_one_offset) {
    const utf8::Index index("");
    BOOST_TEST(index.length() == 0u);
    BOOST_TEST(index.byte_offset(0) == 0u);
    BOOST_TEST(utf8::slice("", index, 0, 0) == "");
}

BOOST_AUTO_TEST_CASE(slices_are_exact_code_point_ranges) {
    const utf8::Index index(kStrasse);
    BOOST_TEST(utf8::slice(kStrasse, index, 0, 6) == "Stra\xC3\x9F" "e");
    BOOST_TEST(utf8::slice(kStrasse, index, 7, 11) == "\xC3\xBC" "ber");
    BOOST_TEST(utf8::slice(kStrasse, index, 4, 5) == "\xC3\x9F");
    BOOST_TEST(utf8::slice(kStrasse, index, 5, 8) == "e \xC3\xBC");
    BOOST_TEST(utf8::slice(kStrasse, index, 6, 7) == " ");
    BOOST_TEST(utf8::slice(kStrasse, index, 0, 11) == kStrasse);
    BOOST_TEST(utf8::slice(kStrasse, index, 11, 11) == "");
    BOOST_TEST(utf8::slice(kStrasse, index, 3, 3) == "");
}

BOOST_AUTO_TEST_CASE(slice_outside_the_text_throws) {
    const utf8::Index index(kStrasse);
    BOOST_CHECK_THROW(utf8::slice(kStrasse, index, 3, 12), std::out_of_range);
    BOOST_CHECK_THROW(utf8::slice(kStrasse, index, 12, 12), std::out_of_range);
    BOOST_CHECK_THROW(utf8::slice(kStrasse, index, 5, 4), std::out_of_range);
}

BOOST_AUTO_TEST_CASE(four_byte_code_points) {
    // "a𝄞b": a(1) U+1D11E(4) b(1)
    const std::string s = "a\xF0\x9D\x84\x9E" "b";
    const utf8::Index index(s);
    BOOST_TEST(index.length() == 3u);
    BOOST_TEST(index.byte_offset(2) == 5u);
    BOOST_TEST(utf8::slice(s, index, 1, 2) == "\xF0\x9D\x84\x9E");
    BOOST_TEST(utf8::slice(s, index, 2, 3) == "b");
}

BOOST_AUTO_TEST_SUITE_END()
