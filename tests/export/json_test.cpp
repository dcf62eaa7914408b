// JSON: one object per row, escapes per RFC 8259, null, integer vs real.
#include <boost/test/unit_test.hpp>

#include <limits>

#include "render.hpp"

using namespace qcode;
using namespace qcode::exports;
using qcode::exports::test::render;

BOOST_AUTO_TEST_SUITE(export_json)

BOOST_AUTO_TEST_CASE(rows_become_objects_with_typed_values) {
    Table t;
    t.title = "not in json";
    t.column("name").column("n", ColumnType::integer).column("share", ColumnType::percent)
        .column("score", ColumnType::real).column("memo");
    t.add_row({std::string("Hürden \"AZR\""), std::int64_t{3}, 100.0 / 3, 0.5, std::string("a\\b\nc\td\x01/e\r")});
    t.add_row({std::string("漢字"), std::int64_t{0}, Cell{}, 2.0, Cell{}});
    t.notes.push_back("not in json either");
    const std::string expected =
        "[\n"
        "  {\"name\": \"Hürden \\\"AZR\\\"\", \"n\": 3, \"share\": 33.3333, \"score\": 0.5, "
        "\"memo\": \"a\\\\b\\nc\\td\\u0001/e\\r\"},\n"
        "  {\"name\": \"漢字\", \"n\": 0, \"share\": null, \"score\": 2, \"memo\": null}\n"
        "]\n";
    BOOST_TEST(render(t, Format::json) == expected);
}

BOOST_AUTO_TEST_CASE(integers_stay_integers_and_reals_are_trimmed) {
    Table t;
    t.column("count", ColumnType::integer).column("ratio", ColumnType::real);
    t.add_row({std::int64_t{9007199254740993}, 0.12345678});
    t.add_row({std::int64_t{-4}, -0.5});
    BOOST_TEST(render(t, Format::json) ==
               "[\n  {\"count\": 9007199254740993, \"ratio\": 0.1235},\n  {\"count\": -4, \"ratio\": -0.5}\n]\n");
}

BOOST_AUTO_TEST_CASE(empty_table_is_an_empty_array) {
    Table t;
    t.column("code");
    BOOST_TEST(render(t, Format::json) == "[]\n");
}

BOOST_AUTO_TEST_CASE(non_finite_numbers_are_null) {
    Table t;
    t.column("a", ColumnType::real).column("b", ColumnType::real);
    t.add_row({std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()});
    BOOST_TEST(render(t, Format::json) == "[\n  {\"a\": null, \"b\": null}\n]\n");
}

BOOST_AUTO_TEST_CASE(keys_are_escaped_and_invalid_utf8_repaired) {
    Table t;
    t.column("say \"hi\"");
    t.add_row({std::string("ok\xFF\x1F")});
    BOOST_TEST(render(t, Format::json) == "[\n  {\"say \\\"hi\\\"\": \"ok\xEF\xBF\xBD\\u001f\"}\n]\n");
}

BOOST_AUTO_TEST_SUITE_END()
