// CSV: RFC 4180 quoting, CRLF, BOM, byte-exact UTF-8, number formatting.
#include <boost/test/unit_test.hpp>

#include <locale>
#include <sstream>

#include "export/writer.hpp"
#include "render.hpp"

using namespace qcode;
using namespace qcode::exports;
using qcode::exports::test::render;

namespace {

Table sample() {
    Table t;
    t.title = "ignored in csv";
    t.column("code").column("label").column("segments", ColumnType::integer)
        .column("share", ColumnType::percent).column("jaccard", ColumnType::real);
    t.add_row({std::string("Hürden/Technik"), std::string("Daten, \"AZR\""), std::int64_t{3}, 100.0 / 3, 0.25});
    t.add_row({std::string("Akteure"), std::string("Zeile1\nZeile2"), std::int64_t{-2}, 50.0, -0.125});
    t.add_row({std::string(" Erfolg"), Cell{}, Cell{}, Cell{}, Cell{}});
    t.notes.push_back("ignored in csv too");
    return t;
}

// Digits grouped with '.', decimals with ',': what a German locale does to
// stream-formatted numbers.
struct GermanPunct : std::numpunct<char> {
    char do_decimal_point() const override { return ','; }
    char do_thousands_sep() const override { return '.'; }
    std::string do_grouping() const override { return "\3"; }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(export_csv)

BOOST_AUTO_TEST_CASE(quotes_only_when_needed_and_uses_crlf) {
    const std::string expected =
        "code,label,segments,share,jaccard\r\n"
        "Hürden/Technik,\"Daten, \"\"AZR\"\"\",3,33.3333,0.25\r\n"
        "Akteure,\"Zeile1\nZeile2\",-2,50,-0.125\r\n"
        "\" Erfolg\",,,,\r\n";
    BOOST_TEST(render(sample(), Format::csv) == expected);
}

BOOST_AUTO_TEST_CASE(umlauts_are_utf8_byte_exact) {
    Table t;
    t.column("Straße");
    t.add_row({std::string("Hürden")});
    // Spelled as bytes so an editor's encoding cannot make the test pass.
    BOOST_TEST(render(t, Format::csv) == "Stra\xC3\x9F" "e\r\nH\xC3\xBC" "rden\r\n");
}

BOOST_AUTO_TEST_CASE(excel_option_prepends_bom) {
    Table t;
    t.column("code");
    t.add_row({std::string("Ä")});
    BOOST_TEST(render(t, Format::csv, {.excel_bom = true}) == "\xEF\xBB\xBF" "code\r\n\xC3\x84\r\n");
    BOOST_TEST(render(t, Format::csv).rfind("code", 0) == 0);  // no BOM by default
}

BOOST_AUTO_TEST_CASE(quotes_fields_with_edge_characters) {
    Table t;
    t.column("a").column("b").column("c").column("d");
    t.add_row({std::string("trailing "), std::string("cr\rhere"), std::string("\"quoted\""), std::string("plain text")});
    BOOST_TEST(render(t, Format::csv) == "a,b,c,d\r\n\"trailing \",\"cr\rhere\",\"\"\"quoted\"\"\",plain text\r\n");
}

BOOST_AUTO_TEST_CASE(header_names_are_quoted_too) {
    Table t;
    t.column("n, total", ColumnType::integer);
    t.add_row({std::int64_t{1}});
    BOOST_TEST(render(t, Format::csv) == "\"n, total\"\r\n1\r\n");
}

BOOST_AUTO_TEST_CASE(empty_single_column_row_is_not_a_blank_line) {
    Table t;
    t.column("memo");
    t.add_row({Cell{}});
    BOOST_TEST(render(t, Format::csv) == "memo\r\n\"\"\r\n");
}

BOOST_AUTO_TEST_CASE(empty_table_writes_the_header) {
    Table t;
    t.column("code").column("n", ColumnType::integer);
    BOOST_TEST(render(t, Format::csv) == "code,n\r\n");
}

BOOST_AUTO_TEST_CASE(numbers_ignore_the_stream_locale) {
    Table t;
    t.column("n", ColumnType::integer).column("share", ColumnType::percent);
    t.add_row({std::int64_t{1234567}, 1234.5});
    std::ostringstream out;
    out.imbue(std::locale(std::locale::classic(), new GermanPunct));
    write_table(t, Format::csv, out);
    BOOST_TEST(out.str() == "n,share\r\n1234567,1234.5\r\n");
    std::ostringstream json;
    json.imbue(std::locale(std::locale::classic(), new GermanPunct));
    write_table(t, Format::json, json);
    BOOST_TEST(json.str() == "[\n  {\"n\": 1234567, \"share\": 1234.5}\n]\n");
}

BOOST_AUTO_TEST_SUITE_END()
