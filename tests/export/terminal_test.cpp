// The terminal table: alignment by display width, number alignment and
// decimals, truncation to the terminal width, title and notes.
#include <boost/test/unit_test.hpp>

#include "export/display_width.hpp"
#include "render.hpp"

using namespace qcode;
using namespace qcode::exports;
using qcode::exports::test::render;

BOOST_AUTO_TEST_SUITE(export_terminal)

BOOST_AUTO_TEST_CASE(display_width_counts_columns_not_bytes) {
    BOOST_TEST(display_width("Hürden") == 6u);
    BOOST_TEST(display_width("Hu\u0308rden") == 6u);  // combining diaeresis takes no column
    BOOST_TEST(display_width("Straße") == 6u);
    BOOST_TEST(display_width("漢字") == 4u);           // East Asian wide
    BOOST_TEST(display_width("ＡＢ") == 4u);           // fullwidth
    BOOST_TEST(display_width("\u2026") == 1u);         // ellipsis (ambiguous) counts 1
    BOOST_TEST(display_width("a\u200Bb") == 2u);       // zero-width space
    BOOST_TEST(display_width("\xFF") == 1u);           // invalid byte: one replacement char
}

BOOST_AUTO_TEST_CASE(truncation_respects_display_width) {
    BOOST_TEST(truncate_to_width("Hürden", 6) == "Hürden");
    BOOST_TEST(truncate_to_width("Hürden", 4) == "Hür…");
    BOOST_TEST(truncate_to_width("Hu\u0308rden", 3) == "Hu\u0308…");  // mark stays with its base
    BOOST_TEST(truncate_to_width("漢字漢", 4) == "漢…");                 // a wide char never half fits
    BOOST_TEST(truncate_to_width("abc", 0) == "");
}

BOOST_AUTO_TEST_CASE(aligns_columns_numbers_right_with_fixed_decimals) {
    Table t;
    t.title = "Häufigkeit";
    t.column("code").column("segments", ColumnType::integer).column("documents_pct", ColumnType::percent)
        .column("jaccard", ColumnType::real);
    t.add_row({std::string("Hürden"), std::int64_t{12}, 100.0 / 3, 0.25});
    t.add_row({std::string("Akteure"), std::int64_t{3}, 100.0, Cell{}});
    t.add_row({std::string("ß"), Cell{}, 5.0, 1.0});
    t.notes = {"Quelle: 12 Interviews", "Anteile in Prozent"};
    const std::string expected =
        "Häufigkeit\n"
        "code     segments  documents_pct  jaccard\n"
        "-------  --------  -------------  -------\n"
        "Hürden         12           33.3    0.250\n"
        "Akteure         3          100.0\n"
        "ß                            5.0    1.000\n"
        "Quelle: 12 Interviews\n"
        "Anteile in Prozent\n";
    BOOST_TEST(render(t, Format::table) == expected);
}

BOOST_AUTO_TEST_CASE(aligns_combining_marks_and_wide_characters) {
    Table t;
    t.column("name").column("n", ColumnType::integer);
    t.add_row({std::string("Hu\u0308rden"), std::int64_t{1}});
    t.add_row({std::string("漢字"), std::int64_t{22}});
    t.add_row({std::string("Akteure"), std::int64_t{3}});
    const std::string expected =
        "name      n\n"
        "-------  --\n"
        "Hu\u0308rden    1\n"
        "漢字     22\n"
        "Akteure   3\n";
    BOOST_TEST(render(t, Format::table) == expected);
}

BOOST_AUTO_TEST_CASE(line_breaks_in_cells_become_spaces) {
    Table t;
    t.column("memo");
    t.add_row({std::string("Zeile1\nZeile2\r\nZeile3\tx")});
    BOOST_TEST(render(t, Format::table) == "memo\n" + std::string(22, '-') + "\nZeile1 Zeile2 Zeile3 x\n");
}

BOOST_AUTO_TEST_CASE(truncates_text_to_terminal_width) {
    Table t;
    t.column("code").column("text").column("n", ColumnType::integer);
    t.add_row({std::string("Hürden"), std::string("Die Übermittlung an das AZR scheitert oft"), std::int64_t{7}});
    const std::string expected =
        "code    text                 n\n"
        "------  -------------------  -\n"
        "Hürden  Die Übermittlung a…  7\n";
    BOOST_TEST(render(t, Format::table, {.terminal_width = 30}) == expected);
    // Unlimited by default and when the table already fits.
    const std::string full = render(t, Format::table);
    BOOST_TEST(full.find("scheitert oft  7\n") != std::string::npos);
    BOOST_TEST(render(t, Format::table, {.terminal_width = 80}) == full);
}

BOOST_AUTO_TEST_CASE(truncation_takes_from_the_widest_column_first) {
    Table t;
    t.column("a").column("b");
    t.add_row({std::string("0123456789"), std::string("abcdefghijklmnopqrst")});
    BOOST_TEST(render(t, Format::table, {.terminal_width = 27}) ==
               "a           b\n"
               "----------  ---------------\n"
               "0123456789  abcdefghijklmn…\n");
    BOOST_TEST(render(t, Format::table, {.terminal_width = 20}) ==
               "a          b\n"
               "---------  ---------\n"
               "01234567…  abcdefgh…\n");
}

BOOST_AUTO_TEST_CASE(numbers_are_never_truncated) {
    Table t;
    t.column("code").column("n", ColumnType::integer);
    t.add_row({std::string("Hürden"), std::int64_t{1234567890}});
    // The text column stops at 3 columns; the table then stays too wide.
    BOOST_TEST(render(t, Format::table, {.terminal_width = 5}) ==
               "co…           n\n"
               "---  ----------\n"
               "Hü…  1234567890\n");
}

BOOST_AUTO_TEST_CASE(header_only_and_no_title) {
    Table t;
    t.column("code").column("n", ColumnType::integer);
    BOOST_TEST(render(t, Format::table) == "code  n\n----  -\n");
}

BOOST_AUTO_TEST_SUITE_END()
