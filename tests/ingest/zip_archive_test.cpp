// ZipArchive: a read-only zip in memory for untrusted files — entry count
// capped, unpacked size checked against the central directory and again
// while inflating, every error a qcode::Error naming the file.
#include <boost/test/unit_test.hpp>

#include <zip.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "ingest/zip_archive.hpp"
#include "ingest/zip_fixture.hpp"
#include "support/temp_dir.hpp"

using qcode::Error;
using namespace qcode::ingest_test;
using qcode::ingest::describe_size;
using qcode::ingest::ZipArchive;

namespace {

void put_u32(std::string& bytes, std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) bytes[at + static_cast<std::size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xFF);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(zip_archive)

BOOST_AUTO_TEST_CASE(reads_entries_and_names) {
    const auto bytes = make_zip({{"a.txt", "Hallo"}, {"dir/b.xml", "<x>Grüße</x>"}, {"empty", ""}});
    const ZipArchive zip(bytes, "t.zip");
    BOOST_TEST(zip.has("a.txt"));
    BOOST_TEST(zip.has("dir/b.xml"));
    BOOST_TEST(!zip.has("A.TXT"));
    BOOST_TEST(!zip.has("dir"));
    BOOST_TEST(zip.read("a.txt", 100) == "Hallo");
    BOOST_TEST(zip.read("dir/b.xml", 100) == "<x>Grüße</x>");
    BOOST_TEST(zip.read("empty", 0) == "");
    const std::vector<std::string> names = {"a.txt", "dir/b.xml", "empty"};
    BOOST_TEST(zip.names() == names, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(limit_is_inclusive) {
    const auto bytes = make_zip({{"a.txt", "12345"}});
    const ZipArchive zip(bytes, "t.zip");
    BOOST_TEST(zip.read("a.txt", 5) == "12345");
    const auto message = error_naming("t.zip", [&] { zip.read("a.txt", 4); });
    BOOST_TEST(message == "a.txt unpacks to more than 4 bytes; refusing (zip bomb?)");
}

BOOST_AUTO_TEST_CASE(survives_a_move_and_the_source_going_away) {
    std::string bytes = make_zip({{"a.txt", "Hallo"}});
    ZipArchive first(bytes, "t.zip");
    bytes.assign(bytes.size(), 'x');  // the archive keeps its own copy
    ZipArchive second = std::move(first);
    BOOST_TEST(second.read("a.txt", 10) == "Hallo");
}

BOOST_AUTO_TEST_CASE(missing_entry_is_named) {
    const ZipArchive zip(make_zip({{"a.txt", "x"}}), "t.zip");
    const auto message = error_naming("t.zip", [&] { zip.read("word/document.xml", 100); });
    BOOST_TEST(message == "word/document.xml is missing from the zip archive");
}

BOOST_AUTO_TEST_CASE(declared_size_over_the_limit_is_refused) {
    // 1 MB of zeros deflates to about a kilobyte: a small zip bomb.
    const auto bytes = make_zip({{"bomb.xml", std::string(1'000'000, '\0')}});
    BOOST_TEST(bytes.size() < 5'000u);
    const ZipArchive zip(bytes, "t.zip");
    const auto message = error_naming("t.zip", [&] { zip.read("bomb.xml", 1000); });
    BOOST_TEST(message == "bomb.xml unpacks to more than 1000 bytes; refusing (zip bomb?)");
    BOOST_TEST(zip.read("bomb.xml", 1'000'000).size() == 1'000'000u);
}

BOOST_AUTO_TEST_CASE(a_lying_size_is_caught_while_inflating) {
    auto bytes = make_zip({{"bomb.xml", std::string(1'000'000, '\0')}});
    // Claim 10 bytes unpacked, in the local header and in the central directory alike.
    const auto local = bytes.find(std::string("PK\x03\x04", 4));
    const auto central = bytes.find(std::string("PK\x01\x02", 4));
    BOOST_TEST_REQUIRE(local != std::string::npos);
    BOOST_TEST_REQUIRE(central != std::string::npos);
    put_u32(bytes, local + 22, 10);
    put_u32(bytes, central + 24, 10);
    const ZipArchive zip(bytes, "t.zip");
    const auto message = error_naming("t.zip", [&] { zip.read("bomb.xml", 1000); });
    BOOST_TEST((contains(message, "bomb.xml unpacks to more than 1000 bytes") ||
                contains(message, "bomb.xml is damaged")),
               message);
}

BOOST_AUTO_TEST_CASE(too_many_entries_are_refused) {
    const auto bytes = make_zip({{"1", "a"}, {"2", "b"}, {"3", "c"}, {"4", "d"}});
    BOOST_CHECK_NO_THROW(ZipArchive(bytes, "t.zip", 4));
    const auto message = error_naming("t.zip", [&] { ZipArchive(bytes, "t.zip", 3); });
    BOOST_TEST(message == "the zip archive has 4 entries, more than the 3 a document may have; refusing");
    BOOST_TEST(ZipArchive::kDefaultMaxEntries == 10'000u);
}

BOOST_AUTO_TEST_CASE(not_a_zip) {
    for (const std::string& bytes : {std::string("I: Hallo\nB: Guten Tag, das ist eine Textdatei.\n"), std::string(),
                                    std::string("PK"), std::string(100, '\0')}) {
        const auto message = error_naming("x.docx", [&] { ZipArchive(bytes, "x.docx"); });
        BOOST_TEST((message == "not a zip archive (is it really a .docx?)" || contains(message, "truncated")),
                   message);
    }
    const auto message = error_naming("x.docx", [&] { ZipArchive("Das ist kein Zip-Archiv, nur Text.", "x.docx"); });
    BOOST_TEST(message == "not a zip archive (is it really a .docx?)");
}

BOOST_AUTO_TEST_CASE(truncated_zip) {
    const auto bytes = make_zip({{"a.txt", std::string(5000, 'a')}, {"b.txt", "Hallo Welt, ein zweiter Eintrag."}});
    for (const std::size_t keep : {bytes.size() / 2, bytes.size() - 1, std::size_t{10}}) {
        const auto message = error_naming("t.zip", [&] { ZipArchive(bytes.substr(0, keep), "t.zip"); });
        BOOST_TEST(contains(message, "truncated"), message);
    }
}

BOOST_AUTO_TEST_CASE(corrupt_entry_data) {
    std::string text;
    for (int i = 0; i < 2000; ++i) text += "Zeile " + std::to_string(i) + " mit etwas Text\n";
    auto bytes = make_zip({{"a.txt", text}});
    // Flip bytes in the middle of the deflated data (after the 30-byte local header and the name).
    for (std::size_t i = 60; i < 80; ++i) bytes[i] = static_cast<char>(~bytes[i]);
    const ZipArchive zip(bytes, "t.zip");
    const auto message = error_naming("t.zip", [&] { zip.read("a.txt", 1'000'000); });
    BOOST_TEST(contains(message, "a.txt is damaged"), message);
}

BOOST_AUTO_TEST_CASE(sizes_in_messages) {
    BOOST_TEST(describe_size(std::size_t{64} << 20) == "64 MiB");
    BOOST_TEST(describe_size(2048) == "2 KiB");
    BOOST_TEST(describe_size(1000) == "1000 bytes");
    BOOST_TEST(describe_size(1) == "1 byte");
}

BOOST_AUTO_TEST_SUITE_END()
