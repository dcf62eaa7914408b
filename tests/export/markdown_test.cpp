// GitHub Markdown pipe tables: escapes, alignment row, title and notes.
#include <boost/test/unit_test.hpp>

#include "render.hpp"

using namespace qcode;
using namespace qcode::exports;
using qcode::exports::test::render;

BOOST_AUTO_TEST_SUITE(export_markdown)

BOOST_AUTO_TEST_CASE(pipe_table_with_title_escapes_and_notes) {
    Table t;
    t.title = "Kookkurrenz";
    t.column("code").column("count", ColumnType::integer).column("share", ColumnType::percent);
    t.add_row({std::string("Hürden|Technik"), std::int64_t{2}, 12.5});
    t.add_row({std::string("x\ny\r\nz"), Cell{}, 100.0 / 3});
    t.notes = {"n = 12 Interviews", "Hinweis"};
    const std::string expected =
        "### Kookkurrenz\n"
        "\n"
        "| code | count | share |\n"
        "| --- | ---: | ---: |\n"
        "| Hürden\\|Technik | 2 | 12.5 |\n"
        "| x<br>y<br>z | | 33.3333 |\n"
        "\n"
        "n = 12 Interviews\n"
        "\n"
        "Hinweis\n";
    BOOST_TEST(render(t, Format::md) == expected);
}

BOOST_AUTO_TEST_CASE(no_title_no_notes) {
    Table t;
    t.column("a|b").column("n", ColumnType::real);
    t.add_row({std::string("Straße"), -0.5});
    BOOST_TEST(render(t, Format::md) == "| a\\|b | n |\n| --- | ---: |\n| Straße | -0.5 |\n");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(export_tsv)

BOOST_AUTO_TEST_CASE(tabs_and_line_breaks_become_single_spaces) {
    Table t;
    t.title = "not in tsv";
    t.column("code").column("memo").column("n", ColumnType::real);
    t.add_row({std::string("Hürden"), std::string("a\tb\r\nc\nd"), std::int64_t{3}});
    t.add_row({Cell{}, std::string("x, \"y\""), 0.5});
    t.notes.push_back("not in tsv either");
    BOOST_TEST(render(t, Format::tsv) == "code\tmemo\tn\nHürden\ta b c d\t3\n\tx, \"y\"\t0.5\n");
}

BOOST_AUTO_TEST_CASE(excel_option_prepends_bom) {
    Table t;
    t.column("code");
    BOOST_TEST(render(t, Format::tsv, {.excel_bom = true}) == "\xEF\xBB\xBF" "code\n");
}

BOOST_AUTO_TEST_SUITE_END()
