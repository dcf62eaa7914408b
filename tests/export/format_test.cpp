// Format names and the shared number formatting every text writer uses.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <limits>

#include "export/format.hpp"
#include "export/number_format.hpp"

using namespace qcode;
using namespace qcode::exports;

BOOST_AUTO_TEST_SUITE(export_format)

BOOST_AUTO_TEST_CASE(parses_every_format_name_and_round_trips) {
    for (Format f : {Format::table, Format::csv, Format::tsv, Format::json, Format::md, Format::xlsx}) {
        const auto parsed = parse_format(to_string(f));
        BOOST_REQUIRE(parsed.has_value());
        BOOST_TEST(static_cast<int>(*parsed) == static_cast<int>(f));
    }
    BOOST_TEST(to_string(Format::md) == "md");
    BOOST_TEST(static_cast<int>(parse_format("CSV").value()) == static_cast<int>(Format::csv));
    BOOST_TEST(static_cast<int>(parse_format("markdown").value()) == static_cast<int>(Format::md));
    BOOST_TEST(!parse_format("xls").has_value());
    BOOST_TEST(!parse_format("").has_value());
}

BOOST_AUTO_TEST_CASE(infers_format_from_file_extension) {
    BOOST_TEST(static_cast<int>(format_from_path("out/freq.XLSX").value()) == static_cast<int>(Format::xlsx));
    BOOST_TEST(static_cast<int>(format_from_path("a.b/cooc.csv").value()) == static_cast<int>(Format::csv));
    BOOST_TEST(static_cast<int>(format_from_path("freq.txt").value()) == static_cast<int>(Format::table));
    BOOST_TEST(static_cast<int>(format_from_path("freq.tab").value()) == static_cast<int>(Format::tsv));
    BOOST_TEST(!format_from_path("a.csv/freq").has_value());
    BOOST_TEST(!format_from_path(".csv").has_value());
    BOOST_TEST(!format_from_path("freq.table").has_value());
}

BOOST_AUTO_TEST_CASE(numbers_have_up_to_four_decimals_trimmed) {
    BOOST_TEST(format_number(0.25) == "0.25");
    BOOST_TEST(format_number(100.0 / 3) == "33.3333");
    BOOST_TEST(format_number(50.0) == "50");
    BOOST_TEST(format_number(-1.5) == "-1.5");
    BOOST_TEST(format_number(-0.125) == "-0.125");
    BOOST_TEST(format_number(2.0 / 3) == "0.6667");
    BOOST_TEST(format_number(0.1 + 0.2) == "0.3");
    BOOST_TEST(format_number(0.0) == "0");
    BOOST_TEST(format_number(-0.0) == "0");
    BOOST_TEST(format_number(-0.00001) == "0");  // no "-0"
    BOOST_TEST(format_number(12.5, 0) == "12");  // round half to even on the exact binary value
}

BOOST_AUTO_TEST_CASE(numbers_are_never_scientific) {
    BOOST_TEST(format_number(1e-7) == "0");
    BOOST_TEST(format_number(0.00005) == "0.0001");
    BOOST_TEST(format_number(1e20) == "100000000000000000000");
    BOOST_TEST(format_number(123456789.0) == "123456789");
    BOOST_TEST(format_number(-2.5e6) == "-2500000");
}

BOOST_AUTO_TEST_CASE(non_finite_numbers) {
    BOOST_TEST(format_number(std::numeric_limits<double>::quiet_NaN()) == "");
    BOOST_TEST(format_number(std::numeric_limits<double>::infinity()) == "inf");
    BOOST_TEST(format_number(-std::numeric_limits<double>::infinity()) == "-inf");
    BOOST_TEST(format_fixed(std::numeric_limits<double>::quiet_NaN(), 3) == "");
}

BOOST_AUTO_TEST_CASE(fixed_decimals_for_terminal_columns) {
    BOOST_TEST(format_fixed(0.25, 3) == "0.250");
    BOOST_TEST(format_fixed(100.0 / 3, 1) == "33.3");
    BOOST_TEST(format_fixed(100.0, 1) == "100.0");
    BOOST_TEST(format_fixed(-0.0001, 3) == "0.000");
    BOOST_TEST(format_fixed(-0.5, 1) == "-0.5");
}

BOOST_AUTO_TEST_CASE(cell_text_by_cell_type) {
    BOOST_TEST(cell_text(Cell{}) == "");
    BOOST_TEST(cell_text(Cell{std::string("Hürden")}) == "Hürden");
    BOOST_TEST(cell_text(Cell{std::int64_t{-1234567}}) == "-1234567");
    BOOST_TEST(cell_text(Cell{33.33333}) == "33.3333");
}

BOOST_AUTO_TEST_SUITE_END()
