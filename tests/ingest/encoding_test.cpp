// decode(): input encodings (UTF-8 ± BOM, UTF-16 with BOM, legacy
// Windows-1252 / ISO-8859-15 detected or forced with --encoding), binary
// files, invisible characters and no-break spaces (DESIGN §3).
#include <boost/test/unit_test.hpp>

#include <unicode/unistr.h>

#include <filesystem>
#include <string>

#include "core/error.hpp"
#include "ingest/decode.hpp"
#include "ingest/ingest_fixture.hpp"
#include "ingest/plain_text.hpp"
#include "support/temp_dir.hpp"
#include "text/tokenize.hpp"

using namespace qcode;
using namespace qcode::ingest_test;
using qcode::ingest::decode;
using qcode::ingest::decode_text;

namespace {

// "Größe „Ä“ – 5 €" in UTF-8.
const std::string kGroesse = "Gr\xC3\xB6\xC3\x9F" "e \xE2\x80\x9E\xC3\x84\xE2\x80\x9C \xE2\x80\x93 5 \xE2\x82\xAC";
// The same in Windows-1252.
const std::string kGroesse1252 = "Gr\xF6\xDF" "e \x84\xC4\x93 \x96 5 \x80";

std::string utf16(const std::string& utf8, bool little_endian) {
    const auto u = icu::UnicodeString::fromUTF8(utf8);
    std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
    for (int32_t i = 0; i < u.length(); ++i) {
        const auto c = static_cast<unsigned>(u.charAt(i));
        const char lo = static_cast<char>(c & 0xFF), hi = static_cast<char>(c >> 8);
        out += little_endian ? lo : hi;
        out += little_endian ? hi : lo;
    }
    return out;
}

// The error decode() throws, with the file checked; "" when none is thrown.
std::string error_of(const std::string& bytes, const std::string& forced = {}, int* line = nullptr) {
    try {
        decode(bytes, "t.txt", forced);
    } catch (const Error& e) {
        BOOST_TEST(e.file() == "t.txt");
        if (line) *line = e.line();
        return e.message();
    }
    return "";
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(encodings)

BOOST_AUTO_TEST_CASE(utf8_with_and_without_bom) {
    const std::string text = "I: " + kGroesse + "\n";
    auto d = decode(text, "t.txt");
    BOOST_TEST(d.text == text);
    BOOST_TEST(d.encoding == "UTF-8");
    d = decode("\xEF\xBB\xBF" + text, "t.txt");
    BOOST_TEST(d.text == text);
    BOOST_TEST(d.encoding == "UTF-8 (BOM)");
    BOOST_TEST(decode_text("\xEF\xBB\xBF" + text, "t.txt") == text);
}

BOOST_AUTO_TEST_CASE(utf16_with_bom_gives_the_same_text_as_utf8) {
    const std::string text = "I: Wie l\xC3\xA4uft es?\r\nB: " + kGroesse + "\r\n";
    const std::string expected = "I: Wie l\xC3\xA4uft es?\nB: " + kGroesse + "\n";
    BOOST_TEST(decode(text, "t.txt").text == expected);
    auto le = decode(utf16(text, true), "t.txt");
    BOOST_TEST(le.text == expected);
    BOOST_TEST(le.encoding == "UTF-16LE");
    auto be = decode(utf16(text, false), "t.txt");
    BOOST_TEST(be.text == expected);
    BOOST_TEST(be.encoding == "UTF-16BE");
}

BOOST_AUTO_TEST_CASE(utf16_characters_outside_the_bmp) {
    // U+1F600 is a surrogate pair in UTF-16.
    const std::string text = "B: Ja \xF0\x9F\x98\x80";
    BOOST_TEST(decode(utf16(text, true), "t.txt").text == text);
}

BOOST_AUTO_TEST_CASE(utf16_with_an_odd_byte_count_is_an_error) {
    auto bytes = utf16("I: Hallo", true);
    bytes.pop_back();
    BOOST_TEST(contains(error_of(bytes), "ends in the middle of a UTF-16LE character"));
}

BOOST_AUTO_TEST_CASE(windows_1252_is_detected) {
    auto d = decode(kGroesse1252, "t.txt");
    BOOST_TEST(d.text == kGroesse);
    BOOST_TEST(d.encoding == "windows-1252");
    // Umlauts only (ICU answers ISO-8859-1): read as windows-1252 all the same.
    d = decode("B: Die Beh\xF6rde ist gro\xDF.\r\nI: Sch\xF6n.\r\n", "t.txt");
    BOOST_TEST(d.text == "B: Die Beh\xC3\xB6rde ist gro\xC3\x9F.\nI: Sch\xC3\xB6n.\n");
    BOOST_TEST(d.encoding == "windows-1252");
}

BOOST_AUTO_TEST_CASE(byte_a4_without_c1_bytes_is_iso_8859_15) {
    // 0xA4 is € in ISO-8859-15 and ¤ in windows-1252; without any 0x80–0x9F byte it is €.
    const auto d = decode("Geb\xFChr: 5 \xA4", "t.txt");
    BOOST_TEST(d.text == "Geb\xC3\xBChr: 5 \xE2\x82\xAC");
    BOOST_TEST(d.encoding == "ISO-8859-15");
}

BOOST_AUTO_TEST_CASE(forced_iso_8859_15) {
    // Detection would take these bytes for windows-1252 ("¤", "¦"); --encoding decides.
    const auto d = decode("5 \xA4 f\xFCr \xA6koda\r\n", "t.txt", "ISO-8859-15");
    BOOST_TEST(d.text == "5 \xE2\x82\xAC f\xC3\xBCr \xC5\xA0koda\n");  // € für Škoda
    BOOST_TEST(d.encoding == "ISO-8859-15");
    // ICU's spelling variants of the name work too.
    BOOST_TEST(decode("\xA4", "t.txt", "iso885915").text == "\xE2\x82\xAC");
}

BOOST_AUTO_TEST_CASE(forced_windows_1252_and_latin1) {
    auto d = decode(kGroesse1252, "t.txt", "windows-1252");
    BOOST_TEST(d.text == kGroesse);
    BOOST_TEST(d.encoding == "windows-1252");
    // ISO-8859-1 is read as windows-1252: 0x80 is €, not a C1 control.
    d = decode(kGroesse1252, "t.txt", "ISO-8859-1");
    BOOST_TEST(d.text == kGroesse);
    BOOST_TEST(d.encoding == "windows-1252");
    BOOST_TEST(decode("5 \x80", "t.txt", "latin1").text == "5 \xE2\x82\xAC");
}

BOOST_AUTO_TEST_CASE(forced_other_encodings) {
    // IBM850 (DOS): 0x84 is ä, 0x94 ö, 0xE1 ß.
    auto d = decode("Beh\x94rde, F\x84lle, Stra\xE1" "e", "t.txt", "IBM850");
    BOOST_TEST(d.text == "Beh\xC3\xB6rde, F\xC3\xA4lle, Stra\xC3\x9F" "e");
    BOOST_TEST(d.encoding == "IBM850");
    // UTF-16LE without a BOM only works when named.
    auto bytes = utf16("I: Gr\xC3\xBC\xC3\x9F" "e", true).substr(2);
    d = decode(bytes, "t.txt", "UTF-16LE");
    BOOST_TEST(d.text == "I: Gr\xC3\xBC\xC3\x9F" "e");
    BOOST_TEST(d.encoding == "UTF-16LE");
    // A BOM read through the named converter does not stay in the text.
    BOOST_TEST(decode(utf16("x", true), "t.txt", "UTF-16LE").text == "x");
    // Forced UTF-8 reads UTF-8 (with or without BOM) and nothing else.
    BOOST_TEST(decode("\xEF\xBB\xBFI: " + kGroesse, "t.txt", "utf8").text == "I: " + kGroesse);
    int line = 0;
    BOOST_TEST(!error_of("ok\nBeh\xF6rde\n", "UTF-8", &line).empty());
    BOOST_TEST(line == 2);
}

BOOST_AUTO_TEST_CASE(bytes_invalid_in_a_forced_encoding_name_their_line) {
    int line = 0;
    const auto message = error_of("I: Frage\r\nB: Antwort\r\nI: Gr\xFC\xDF" "e\r\n", "US-ASCII", &line);
    BOOST_TEST(contains(message, "not valid US-ASCII"));
    BOOST_TEST(line == 3);
}

BOOST_AUTO_TEST_CASE(unknown_encoding_names_the_file_and_valid_names) {
    try {
        decode("text", "interview.txt", "klingonisch");
        BOOST_FAIL("an unknown encoding must throw");
    } catch (const Error& e) {
        BOOST_TEST(e.file() == "interview.txt");
        BOOST_TEST(contains(e.message(), "unknown encoding 'klingonisch'"));
        BOOST_TEST(contains(e.message(), "--encoding"));
        BOOST_TEST(contains(e.message(), "windows-1252"));
        BOOST_TEST(contains(e.message(), "UTF-16LE"));
        BOOST_TEST(contains(e.message(), "ISO-8859-15"));
    }
}

BOOST_AUTO_TEST_CASE(nul_bytes_mean_a_binary_file) {
    const std::string binary("PK\x03\x04\0\0\x08\0I: Hallo", 16);
    BOOST_TEST(error_of(binary) == "looks like a binary file, not a transcript (it contains NUL bytes)");
    BOOST_TEST(contains(error_of(std::string("I: Hallo\0B: Ja", 14)), "looks like a binary file, not a transcript"));
    // Even with a UTF-8 BOM, or forced through an 8-bit encoding.
    BOOST_TEST(contains(error_of(std::string("\xEF\xBB\xBFI: Hallo\0", 12)), "looks like a binary file"));
    BOOST_TEST(contains(error_of(std::string("I: Hallo\0", 9), "windows-1252"), "looks like a binary file"));
    // U+0000 inside UTF-16 text too.
    BOOST_TEST(contains(error_of(std::string("\xFF\xFEI\0:\0\0\0", 8)), "looks like a binary file"));
}

BOOST_AUTO_TEST_CASE(utf16_without_bom_gets_a_hint) {
    const auto le = utf16("I: Wie geht es Ihnen heute?\nB: Gut.\n", true).substr(2);
    BOOST_TEST(error_of(le) == "looks like UTF-16 text without a byte-order mark; pass --encoding UTF-16LE");
    const auto be = utf16("I: Wie geht es Ihnen heute?\nB: Gut.\n", false).substr(2);
    BOOST_TEST(error_of(be) == "looks like UTF-16 text without a byte-order mark; pass --encoding UTF-16BE");
}

BOOST_AUTO_TEST_CASE(damaged_utf8_is_not_read_as_windows_1252) {
    // Mostly UTF-8 ("ä", "ö", "ü") with one stray Windows-1252 "ß": an error on
    // its line, not "Ã¤" everywhere.
    int line = 0;
    const auto message =
        error_of("I: Wie l\xC3\xA4uft es?\nB: Sch\xC3\xB6n und gr\xC3\xBCn.\nI: Gro\xDF?\nB: Ja.\n", {}, &line);
    BOOST_TEST(contains(message, "the file is UTF-8 but this line has bytes that are not"));
    BOOST_TEST(line == 3);
}

BOOST_AUTO_TEST_CASE(text_that_is_neither_utf8_nor_german_windows_1252) {
    // "ÿ" and "Ã" alone are no German text: the old error, with the line.
    int line = 0;
    BOOST_TEST(contains(error_of("eins\nzwei \xFF\n", {}, &line), "not valid UTF-8"));
    BOOST_TEST(line == 2);
    // 0x81 is no character in windows-1252.
    BOOST_TEST(contains(error_of("Beh\xF6rde \x81\n", {}, &line), "not valid UTF-8"));
    BOOST_TEST(line == 1);
}

BOOST_AUTO_TEST_CASE(a_confident_other_charset_is_named) {
    // One line of Russian in windows-1251: ICU says so; reading it as windows-1252 would give mojibake.
    const std::string russian =
        "\xC8\xED\xF2\xE5\xF0\xE2\xFC\xFE\xE5\xF0: \xD0\xE0\xF1\xF1\xEA\xE0\xE6\xE8\xF2\xE5, \xEF\xEE\xE6\xE0\xEB"
        "\xF3\xE9\xF1\xF2\xE0, \xEA\xE0\xEA \xF0\xE0\xE1\xEE\xF2\xE0\xE5\xF2 \xE2\xE0\xF8\xE5 \xE2\xE5\xE4\xEE"
        "\xEC\xF1\xF2\xE2\xEE \xE8 \xEA\xE0\xEA\xE8\xE5 \xE4\xE0\xED\xED\xFB\xE5 \xE2\xFB \xEF\xE5\xF0\xE5\xE4"
        "\xE0\xB8\xF2\xE5 \xE2 \xE4\xF0\xF3\xE3\xE8\xE5 \xEE\xF0\xE3\xE0\xED\xFB \xE2\xEB\xE0\xF1\xF2\xE8.\n";
    const auto message = error_of(russian);
    BOOST_TEST(contains(message, "looks like windows-1251"));
    BOOST_TEST(contains(message, "--encoding windows-1251"));
    // … and naming it reads it.
    BOOST_TEST(decode(russian, "t.txt", "windows-1251").text.substr(0, 20) ==
               "\xD0\x98\xD0\xBD\xD1\x82\xD0\xB5\xD1\x80\xD0\xB2\xD1\x8C\xD1\x8E\xD0\xB5\xD1\x80");  // Интервьюер
}

BOOST_AUTO_TEST_CASE(zero_width_characters_are_removed) {
    // "Aus\u200Bl\u00E4n\u200Bder" must be one word for the autocoder.
    const auto d = decode("B: Aus\xE2\x80\x8Bl\xC3\xA4n\xE2\x80\x8B" "der hier.", "t.txt");
    BOOST_TEST(d.text == "B: Ausl\xC3\xA4nder hier.");
    const auto tokens = text::tokenize(d.text);
    BOOST_TEST_REQUIRE(tokens.size() == 3u);
    BOOST_TEST(tokens[1].folded == "ausl\xC3\xA4nder");
    // U+200C, U+200D, U+2060, U+FEFF inside the text and the soft hyphen U+00AD.
    BOOST_TEST(decode_text("a\xE2\x80\x8C" "b\xE2\x80\x8D" "c\xE2\x81\xA0" "d\xEF\xBB\xBF" "e\xC2\xAD" "f", "t.txt") ==
               "abcdef");
    // Also when the file came as windows-1252 (0xAD is the soft hyphen there).
    BOOST_TEST(decode_text("Beh\xF6r\xAD" "de", "t.txt") == "Beh\xC3\xB6rde");
}

BOOST_AUTO_TEST_CASE(no_break_spaces_become_spaces) {
    BOOST_TEST(decode_text("Herr\xC2\xA0M\xC3\xBCller, 5\xE2\x80\xAF%, 1\xE2\x80\x87" "000", "t.txt") ==
               "Herr M\xC3\xBCller, 5 %, 1 000");
    BOOST_TEST(decode_text("z.\xA0" "B. gr\xF6\xDF" "er", "t.txt") == "z. B. gr\xC3\xB6\xC3\x9F" "er");  // windows-1252 NBSP
}

BOOST_AUTO_TEST_CASE(line_ends_and_nfc_after_any_encoding) {
    BOOST_TEST(decode_text("a\r\nb\rc", "t.txt") == "a\nb\nc");
    BOOST_TEST(decode(utf16("a\r\nb\rc", false), "t.txt").text == "a\nb\nc");
    BOOST_TEST(decode("Beh\xF6rde\r\nGr\xFC\xDF" "e\r", "t.txt").text == "Beh\xC3\xB6rde\nGr\xC3\xBC\xC3\x9F" "e\n");
    // NFD "ü" in UTF-16.
    BOOST_TEST(decode(utf16("u\xCC\x88", true), "t.txt").text == "\xC3\xBC");
}

BOOST_AUTO_TEST_CASE(empty_files) {
    for (const std::string& bytes : {std::string(), std::string("\xEF\xBB\xBF"), std::string(" \r\n\t\n"),
                                    std::string("\xFF\xFE"), std::string("\xC2\xA0\xE2\x80\x8B\n"),
                                    utf16("  \n", true)}) {
        BOOST_TEST_CONTEXT("bytes of size " << bytes.size()) {
            try {
                decode(bytes, "leer.txt");
                BOOST_FAIL("an empty file must throw");
            } catch (const Error& e) {
                BOOST_TEST(e.message() == "the file is empty");
                BOOST_TEST(e.file() == "leer.txt");
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(the_windows_1252_sample) {
    const auto path = std::filesystem::path(QCODE_SOURCE_DIR) / "samples" / "11_meldebehoerde_nordheim_cp1252.txt";
    const auto bytes = testing::read_file(path);
    BOOST_TEST(bytes.find("\r\n") != std::string::npos);      // CRLF
    BOOST_TEST(bytes.find("Meldebeh\xF6rde") != std::string::npos);  // windows-1252 ö
    const auto d = decode(bytes, path.string());
    BOOST_TEST(d.encoding == "windows-1252");
    BOOST_TEST(d.text.find('\r') == std::string::npos);
    BOOST_TEST(d.text.rfind("Interview 11 \xE2\x80\x93 Meldebeh\xC3\xB6rde Stadt Nordheim\n", 0) == 0u);
    BOOST_TEST(contains(d.text, "\xE2\x80\x9Eweitgehend\xE2\x80\x9C"));  // „weitgehend“
    BOOST_TEST(contains(d.text, "18.000 \xE2\x82\xAC"));                 // €
    BOOST_TEST(contains(d.text, "gr\xC3\xB6\xC3\x9Fte Fortschritt"));     // größte

    const auto doc = ingest::parse_plain_text(d.text, ingest::RoleRules());
    BOOST_TEST(doc.text.find("[00:") == std::string::npos);  // the timestamps are not stored
    BOOST_TEST(doc.text.find("\nI: Vielen Dank, dass Sie sich Zeit nehmen.") != std::string::npos);
    const auto turns = units_of(doc, UnitKind::turn);
    BOOST_TEST_REQUIRE(turns.size() == 23u);  // the header and 22 turns
    BOOST_TEST(turns[0].speaker == "");
    BOOST_TEST(!turns[0].t_start_ms.has_value());
    BOOST_TEST(!turns[0].t_end_ms.has_value());
    std::size_t asked = 0, answered = 0;
    for (std::size_t i = 1; i < turns.size(); ++i) {
        asked += turns[i].speaker == "I";
        answered += turns[i].speaker == "B";
        BOOST_TEST_REQUIRE(turns[i].t_start_ms.has_value());
        BOOST_TEST_REQUIRE(turns[i].t_end_ms.has_value());
        BOOST_TEST(*turns[i].t_start_ms < *turns[i].t_end_ms);
        if (i > 1) BOOST_TEST(*turns[i].t_start_ms == *turns[i - 1].t_end_ms);
    }
    BOOST_TEST(asked == 11u);
    BOOST_TEST(answered == 11u);
    BOOST_TEST(*turns[1].t_start_ms == 12000);   // [00:00:12] I: …
    BOOST_TEST(*turns[1].t_end_ms == 21000);     // [00:00:21] B: …
    BOOST_TEST(*turns[22].t_start_ms == 703000); // [00:11:43] B: Gern, ich danke Ihnen.
    BOOST_TEST(*turns[22].t_end_ms == 707000);   // … [00:11:47]
    BOOST_TEST(slices_of(doc, {turns[22]}) == Strings{"Gern, ich danke Ihnen."}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
