// write_table / write_table_to_file: dispatch, xlsx needs a path, errors
// name the file.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <sstream>
#include <stdexcept>

#include "core/error.hpp"
#include "export/writer.hpp"
#include "support/temp_dir.hpp"

using namespace qcode;
using namespace qcode::exports;
using qcode::testing::TempDir;
using qcode::testing::read_file;

namespace {

Table small() {
    Table t;
    t.title = "Freq";
    t.column("code").column("n", ColumnType::integer);
    t.add_row({std::string("Hürden"), std::int64_t{2}});
    return t;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(export_files)

BOOST_AUTO_TEST_CASE(xlsx_cannot_go_to_a_stream) {
    std::ostringstream out;
    BOOST_CHECK_THROW(write_table(small(), Format::xlsx, out), std::invalid_argument);
    BOOST_TEST(out.str().empty());
}

BOOST_AUTO_TEST_CASE(writes_text_formats_to_files_byte_exact) {
    TempDir dir;
    const auto csv = (dir.path() / "freq.csv").string();
    write_table_to_file(small(), Format::csv, csv, {.excel_bom = true});
    BOOST_TEST(read_file(csv) == "\xEF\xBB\xBF" "code,n\r\nHürden,2\r\n");
    const auto md = (dir.path() / "freq.md").string();
    write_table_to_file(small(), Format::md, md);
    BOOST_TEST(read_file(md) == "### Freq\n\n| code | n |\n| --- | ---: |\n| Hürden | 2 |\n");
}

BOOST_AUTO_TEST_CASE(writes_xlsx_to_a_file) {
    TempDir dir;
    const auto path = (dir.path() / "freq.xlsx").string();
    write_table_to_file(small(), Format::xlsx, path);
    // An xlsx file is a zip archive: "PK\3\4".
    BOOST_TEST(read_file(path).substr(0, 4) == std::string("PK\x03\x04", 4));
}

BOOST_AUTO_TEST_CASE(unwritable_file_throws_error_naming_it) {
    TempDir dir;
    for (Format f : {Format::csv, Format::json, Format::xlsx}) {
        const auto path = (dir.path() / "missing" / ("out." + std::string(to_string(f)))).string();
        BOOST_CHECK_EXCEPTION(write_table_to_file(small(), f, path), Error, [&](const Error& e) {
            return e.file() == path && std::string(e.what()).find(path) != std::string::npos;
        });
    }
}

BOOST_AUTO_TEST_CASE(rows_of_the_wrong_width_are_rejected) {
    Table t = small();
    t.rows.push_back({std::string("short")});  // bypassing add_row's check
    std::ostringstream out;
    for (Format f : {Format::table, Format::csv, Format::tsv, Format::json, Format::md})
        BOOST_CHECK_THROW(write_table(t, f, out), std::invalid_argument);
    TempDir dir;
    const auto path = (dir.path() / "bad.xlsx").string();
    BOOST_CHECK_THROW(write_xlsx({t}, path), std::invalid_argument);
    BOOST_CHECK_THROW(write_table_to_file(t, Format::csv, (dir.path() / "bad.csv").string()), std::invalid_argument);
    BOOST_TEST(!std::filesystem::exists(path));
    BOOST_TEST(!std::filesystem::exists(dir.path() / "bad.csv"));
}

BOOST_AUTO_TEST_SUITE_END()
