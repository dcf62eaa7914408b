// decode_text: source bytes → stored text (DESIGN §3: UTF-8 with or without
// BOM, CRLF and CR line ends, NFC).
#include <boost/test/unit_test.hpp>

#include <string>

#include "core/error.hpp"
#include "ingest/decode.hpp"
#include "support/temp_dir.hpp"

using qcode::Error;
using qcode::ingest::decode_text;
using qcode::ingest::read_file_bytes;

namespace {

// The line an invalid input is reported on, or -1 when nothing is thrown.
int error_line(const std::string& bytes, const std::string& file = "t.txt") {
    try {
        decode_text(bytes, file);
    } catch (const Error& e) {
        BOOST_TEST(e.file() == file);
        return e.line();
    }
    return -1;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(decode)

BOOST_AUTO_TEST_CASE(strips_a_utf8_bom) {
    BOOST_TEST(decode_text("\xEF\xBB\xBFI: Hallo", "t.txt") == "I: Hallo");
    // A BOM alone is an empty file (decode(): "the file is empty"; was "" before legacy encodings).
    BOOST_CHECK_THROW(decode_text("\xEF\xBB\xBF", "t.txt"), Error);
    BOOST_TEST(decode_text("I: Hallo", "t.txt") == "I: Hallo");
}

BOOST_AUTO_TEST_CASE(only_a_leading_bom_is_stripped) {
    // A second BOM is U+FEFF inside the text, not a signature — and U+FEFF
    // inside the text is removed as a zero-width character (was kept before
    // legacy encodings; see decode.hpp).
    BOOST_TEST(decode_text("\xEF\xBB\xBF\xEF\xBB\xBFx", "t.txt") == "x");
}

BOOST_AUTO_TEST_CASE(line_ends_become_lf) {
    BOOST_TEST(decode_text("a\r\nb\r\n", "t.txt") == "a\nb\n");
    BOOST_TEST(decode_text("a\rb\rc", "t.txt") == "a\nb\nc");
    BOOST_TEST(decode_text("a\r\nb\rc\nd", "t.txt") == "a\nb\nc\nd");
    BOOST_TEST(decode_text("a\r\r\nb", "t.txt") == "a\n\nb");  // lone CR, then CRLF
    BOOST_TEST(decode_text("a\n\rb", "t.txt") == "a\n\nb");    // LF, then lone CR
    // White space only is an empty file (was "\n" before legacy encodings).
    BOOST_CHECK_THROW(decode_text("\r", "t.txt"), Error);
    BOOST_TEST(decode_text("\xEF\xBB\xBF" "a\r\n", "t.txt") == "a\n");
}

BOOST_AUTO_TEST_CASE(nfd_becomes_nfc) {
    BOOST_TEST(decode_text("U\xCC\x88" "ber", "t.txt") == "\xC3\x9C" "ber");
    BOOST_TEST(decode_text("B: Beho\xCC\x88rde\r\n", "t.txt") == "B: Beh\xC3\xB6rde\n");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_names_file_and_line) {
    const std::string bytes = "Zeile eins\nZeile zwei\nkaputt \xFF hier\nZeile vier\n";
    try {
        decode_text(bytes, "interview.txt");
        BOOST_FAIL("invalid UTF-8 must throw");
    } catch (const Error& e) {
        BOOST_TEST(e.file() == "interview.txt");
        BOOST_TEST(e.line() == 3);
        BOOST_TEST(std::string(e.what()).rfind("interview.txt:3: ", 0) == 0u);
    }
}

BOOST_AUTO_TEST_CASE(invalid_utf8_line_numbers) {
    BOOST_TEST(error_line("\xFF") == 1);
    BOOST_TEST(error_line("ok\n\xC0\xAF") == 2);                       // overlong
    BOOST_TEST(error_line("ok\nok\nok\n\xED\xA0\x80") == 4);           // surrogate
    BOOST_TEST(error_line("ok\nStra\xC3\n") == 2);                     // truncated before LF
    BOOST_TEST(error_line("ok\nok\nStra\xC3") == 3);                   // truncated at the end
    BOOST_TEST(error_line("\xEF\xBB\xBF" "a\n\xFF") == 2);             // after a BOM
    BOOST_TEST(error_line("a\r\nb\r\n\xC3(\r\n") == 3);                // CRLF file
    // Latin-1 ö: read as Windows-1252 now (was an error on line 1 before legacy encodings).
    BOOST_TEST(error_line("Windows-1252: Beh\xF6rde\n") == -1);
    BOOST_TEST(decode_text("Windows-1252: Beh\xF6rde\n", "t.txt") == "Windows-1252: Beh\xC3\xB6rde\n");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_line_number_with_cr_line_ends) {
    // Old Mac line ends are supported (DESIGN §3): the bad byte is on line 3.
    BOOST_TEST(error_line("a\rb\r\xFF\r") == 3);
}

BOOST_AUTO_TEST_CASE(read_file_bytes_reads_binary) {
    qcode::testing::TempDir dir;
    const std::string bytes = std::string("\xEF\xBB\xBF" "a\r\nb\0c", 8);
    const auto path = dir.write("x.txt", bytes);
    BOOST_TEST(read_file_bytes(path) == bytes);
}

BOOST_AUTO_TEST_CASE(read_file_bytes_errors_name_the_file) {
    qcode::testing::TempDir dir;
    const auto missing = (dir.path() / "missing.txt").string();
    try {
        read_file_bytes(missing);
        BOOST_FAIL("missing file must throw");
    } catch (const Error& e) {
        BOOST_TEST(e.file() == missing);
    }
    const auto directory = dir.path().string();
    try {
        read_file_bytes(directory);
        BOOST_FAIL("a directory must throw");
    } catch (const Error& e) {
        BOOST_TEST(e.file() == directory);
    }
}

BOOST_AUTO_TEST_SUITE_END()
