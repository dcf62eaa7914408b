// f4/f5 timestamps: "#00:01:23-4#" (tenths) and "#00:01:23.456#" (DESIGN §3).
#include <boost/test/unit_test.hpp>

#include <string>

#include "ingest/timestamps.hpp"

using qcode::ingest::parse_f4_timestamp;
using qcode::ingest::strip_timestamps;

BOOST_AUTO_TEST_SUITE(timestamps)

BOOST_AUTO_TEST_CASE(f4_tenths) {
    const auto ts = parse_f4_timestamp("#00:01:23-4#");
    BOOST_TEST_REQUIRE(ts.has_value());
    BOOST_TEST(ts->first == 83400);  // (1·60 + 23)·1000 + 400
    BOOST_TEST(ts->second == 12u);
}

BOOST_AUTO_TEST_CASE(f5_fractions) {
    auto ts = parse_f4_timestamp("#01:02:03.5#");
    BOOST_TEST_REQUIRE(ts.has_value());
    BOOST_TEST(ts->first == 3723500);  // (3600 + 120 + 3)·1000 + 500
    BOOST_TEST(ts->second == 12u);
    ts = parse_f4_timestamp("#01:02:03.456# Rest");
    BOOST_TEST_REQUIRE(ts.has_value());
    BOOST_TEST(ts->first == 3723456);
    BOOST_TEST(ts->second == 14u);
    ts = parse_f4_timestamp("#00:00:00.05#");
    BOOST_TEST_REQUIRE(ts.has_value());
    BOOST_TEST(ts->first == 50);
    ts = parse_f4_timestamp("#00:00:00-0#");
    BOOST_TEST_REQUIRE(ts.has_value());
    BOOST_TEST(ts->first == 0);
    ts = parse_f4_timestamp("#10:59:59-9#");
    BOOST_TEST_REQUIRE(ts.has_value());
    BOOST_TEST(ts->first == 39599900);
}

BOOST_AUTO_TEST_CASE(invalid_timestamps_are_not_parsed) {
    BOOST_TEST(!parse_f4_timestamp("#00:60:00-0#").has_value());   // minute 60
    BOOST_TEST(!parse_f4_timestamp("#00:00:60-0#").has_value());   // second 60
    BOOST_TEST(!parse_f4_timestamp("#00:01:23#").has_value());     // no fraction
    BOOST_TEST(!parse_f4_timestamp("#0:01:23-4#").has_value());    // one-digit hour
    BOOST_TEST(!parse_f4_timestamp("#00:01:23-4").has_value());    // not closed
    BOOST_TEST(!parse_f4_timestamp("#00:01:23-#").has_value());    // empty fraction
    BOOST_TEST(!parse_f4_timestamp("#00:01:23,4#").has_value());   // comma
    BOOST_TEST(!parse_f4_timestamp("#00:01:23-1234#").has_value()); // four fraction digits
    BOOST_TEST(!parse_f4_timestamp("#aa:01:23-4#").has_value());
    BOOST_TEST(!parse_f4_timestamp("00:01:23-4").has_value());     // no marks
    BOOST_TEST(!parse_f4_timestamp(" #00:01:23-4#").has_value());  // only at the start
    BOOST_TEST(!parse_f4_timestamp("").has_value());
    BOOST_TEST(!parse_f4_timestamp("#").has_value());
}

BOOST_AUTO_TEST_CASE(trailing_timestamp) {
    const auto s = strip_timestamps("Das ist alles. #00:01:23-4#");
    BOOST_TEST(s.text == "Das ist alles.");
    BOOST_TEST(!s.leading_ms.has_value());
    BOOST_TEST(s.trailing_ms.value_or(-1) == 83400);
}

BOOST_AUTO_TEST_CASE(leading_timestamp) {
    const auto s = strip_timestamps("#00:00:05-0# Guten Tag.");
    BOOST_TEST(s.text == "Guten Tag.");
    BOOST_TEST(s.leading_ms.value_or(-1) == 5000);
    BOOST_TEST(!s.trailing_ms.has_value());
}

BOOST_AUTO_TEST_CASE(leading_and_trailing) {
    const auto s = strip_timestamps("#00:00:05-0# Guten Tag. #00:00:09.250#");
    BOOST_TEST(s.text == "Guten Tag.");
    BOOST_TEST(s.leading_ms.value_or(-1) == 5000);
    BOOST_TEST(s.trailing_ms.value_or(-1) == 9250);
}

BOOST_AUTO_TEST_CASE(last_of_several_trailing_timestamps) {
    const auto s = strip_timestamps("Text #00:00:05-0# #00:00:07-0#");
    BOOST_TEST(s.text == "Text");
    BOOST_TEST(s.trailing_ms.value_or(-1) == 7000);
}

BOOST_AUTO_TEST_CASE(mid_line_timestamp_is_removed_but_not_trailing) {
    const auto s = strip_timestamps("Vorher #00:00:05-0# nachher.");
    BOOST_TEST(s.text == "Vorher nachher.");
    BOOST_TEST(!s.leading_ms.has_value());
    BOOST_TEST(!s.trailing_ms.has_value());
}

BOOST_AUTO_TEST_CASE(invalid_timestamps_stay_in_the_text) {
    auto s = strip_timestamps("Text #00:61:00-0#");
    BOOST_TEST(s.text == "Text #00:61:00-0#");
    BOOST_TEST(!s.trailing_ms.has_value());
    s = strip_timestamps("Ticket #4711 ist offen.");
    BOOST_TEST(s.text == "Ticket #4711 ist offen.");
    BOOST_TEST(!s.trailing_ms.has_value());
    BOOST_TEST(!s.leading_ms.has_value());
}

BOOST_AUTO_TEST_CASE(timestamp_only_line) {
    const auto s = strip_timestamps("  #00:02:00-0#  ");
    BOOST_TEST(s.text == "");
    BOOST_TEST(s.leading_ms.value_or(-1) == 120000);
    BOOST_TEST(!s.trailing_ms.has_value());
}

BOOST_AUTO_TEST_CASE(plain_line_is_trimmed_only) {
    const auto s = strip_timestamps("\t Gut. Sehr gut.  ");
    BOOST_TEST(s.text == "Gut. Sehr gut.");
    BOOST_TEST(!s.leading_ms.has_value());
    BOOST_TEST(!s.trailing_ms.has_value());
    BOOST_TEST(strip_timestamps("").text == "");
}

BOOST_AUTO_TEST_SUITE_END()
