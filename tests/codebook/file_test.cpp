// load_yaml_file: bytes on disk (BOM, bad encoding, missing file), and the
// project's shipped codebook.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <string>

#include "codebook/codebook.hpp"
#include "codebook/suggest.hpp"
#include "core/error.hpp"
#include "core/sha256.hpp"
#include "support/temp_dir.hpp"

using namespace qcode::codebook;
using qcode::testing::TempDir;

namespace {

const std::string body = "codebook: Datei\ncodes:\n  - id: a\n    label: Ämter\n    patterns: [amt*]\n";

bool contains(const std::string& haystack, std::string_view needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(yaml_file)

BOOST_AUTO_TEST_CASE(plain_file) {
    TempDir dir;
    const auto path = dir.write("cb.yaml", body);
    const auto cb = load_yaml_file(path);
    BOOST_TEST(cb.name == "Datei");
    BOOST_TEST(cb.source_path == path);
    BOOST_TEST(cb.source == body);
    BOOST_TEST(cb.codes.at(0).label == "Ämter");
    BOOST_TEST(cb.codes.at(0).patterns.at(0).line == 5);
}

BOOST_AUTO_TEST_CASE(bom_is_stripped) {
    TempDir dir;
    const auto path = dir.write("bom.yaml", "\xEF\xBB\xBF" + body);
    const auto cb = load_yaml_file(path);
    BOOST_TEST(cb.name == "Datei");
    BOOST_TEST(cb.source == body);
    BOOST_TEST(cb.sha256 == qcode::sha256_hex(body));
    BOOST_TEST(cb.codes.at(0).line == 3);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_names_file_and_line) {
    TempDir dir;
    // Latin-1 "Ä" (0xC4) on line 4, as a Windows editor might save it.
    const auto path = dir.write("latin1.yaml", "codebook: Datei\ncodes:\n  - id: a\n    label: \xC4mter\n");
    try {
        load_yaml_file(path);
        BOOST_ERROR("a Latin-1 file loaded");
    } catch (const qcode::Error& e) {
        BOOST_TEST(e.file() == path);
        BOOST_TEST(e.line() == 4);
        BOOST_TEST(contains(e.what(), path + ":4: the codebook is not valid UTF-8"), e.what());
    }
}

BOOST_AUTO_TEST_CASE(missing_file) {
    TempDir dir;
    const auto path = (dir.path() / "fehlt.yaml").string();
    try {
        load_yaml_file(path);
        BOOST_ERROR("a missing file loaded");
    } catch (const qcode::Error& e) {
        BOOST_TEST(e.file() == path);
        BOOST_TEST(e.line() == 0);
        BOOST_TEST(std::string(e.what()) == path + ": cannot read the codebook: no such file");
    }
}

BOOST_AUTO_TEST_CASE(directory_instead_of_file) {
    TempDir dir;
    try {
        load_yaml_file(dir.path().string());
        BOOST_ERROR("a directory loaded");
    } catch (const qcode::Error& e) {
        BOOST_TEST(contains(e.what(), "cannot read the codebook: this is a directory"), e.what());
    }
}

BOOST_AUTO_TEST_CASE(empty_file) {
    TempDir dir;
    const auto path = dir.write("leer.yaml", "");
    try {
        load_yaml_file(path);
        BOOST_ERROR("an empty file loaded");
    } catch (const qcode::Error& e) {
        BOOST_TEST(std::string(e.what()) == path + ":1: the codebook is empty; it needs at least codebook: <name> and codes:");
    }
}

BOOST_AUTO_TEST_CASE(shipped_azr_codebook) {
    const std::string path = std::string(QCODE_SOURCE_DIR) + "/codebooks/azr.yaml";
    if (!std::filesystem::exists(path)) {
        BOOST_TEST_MESSAGE("no " << path << " yet; skipped");
        return;
    }
    const auto cb = load_yaml_file(path);  // an Error here names file and line
    BOOST_TEST(count_leaves(cb) >= 30u);
    BOOST_TEST(count_codes(cb) > count_leaves(cb));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(suggest)

BOOST_AUTO_TEST_CASE(distances) {
    BOOST_TEST(edit_distance("", "") == 0u);
    BOOST_TEST(edit_distance("label", "label") == 0u);
    BOOST_TEST(edit_distance("lable", "label") == 2u);
    BOOST_TEST(edit_distance("code", "codes") == 1u);
    BOOST_TEST(edit_distance("", "abc") == 3u);
    BOOST_TEST(edit_distance("kitten", "sitting") == 3u);
}

BOOST_AUTO_TEST_CASE(closest_candidate) {
    constexpr std::string_view keys[] = {"id", "label", "patterns", "exclude"};
    BOOST_TEST(closest("lable", keys).value_or("") == "label");
    BOOST_TEST(closest("pattern", keys).value_or("") == "patterns");
    BOOST_TEST(closest("Label", keys).value_or("") == "label");
    BOOST_TEST(!closest("farbe", keys).has_value());
    BOOST_TEST(!closest("x", keys).has_value());  // two edits from "id", but nothing of "x" is kept
}

BOOST_AUTO_TEST_SUITE_END()
