#include <boost/test/unit_test.hpp>

#include "sheet/sheet_format.hpp"

using namespace qcode;
using namespace qcode::sheet;

BOOST_AUTO_TEST_SUITE(sheet_format)

BOOST_AUTO_TEST_CASE(unit_ids_round_trip_even_with_hash_in_the_document_name) {
    BOOST_TEST(unit_id("interview_a", UnitKind::sentence, 3) == "interview_a#sentence#3");
    const auto ref = parse_unit_id("fg#2#turn#14");
    BOOST_REQUIRE(ref);
    BOOST_TEST(ref->document == "fg#2");
    BOOST_TEST((ref->kind == UnitKind::turn));
    BOOST_TEST(ref->ordinal == 14u);
    BOOST_TEST((parse_unit_id(" a#paragraph#1 ")->kind == UnitKind::paragraph));
    for (const char* bad : {"", "a", "a#sentence", "#sentence#1", "a#satz#1", "a#sentence#0", "a#sentence#x",
                            "a#sentence#1x", "a#sentence#-1"})
        BOOST_TEST(!parse_unit_id(bad), bad);
}

BOOST_AUTO_TEST_CASE(codes_cells_split_on_semicolons_commas_and_line_breaks) {
    using V = std::vector<std::string>;
    BOOST_TEST(split_codes("") == V{});
    BOOST_TEST(split_codes(" a/b ; c ;; a/b") == (V{"a/b", "c"}));
    BOOST_TEST(split_codes("a,b\nc\r\nd") == (V{"a", "b", "c", "d"}));
}

BOOST_AUTO_TEST_CASE(marks_accept_the_usual_ways_of_ticking_a_box) {
    for (const char* yes : {"1", "x", "X", " 1 ", "TRUE", "wahr", "ja", "\u2713"}) BOOST_TEST(*parse_mark(yes), yes);
    for (const char* no : {"", "0", "FALSE", "nein", " "}) BOOST_TEST(!*parse_mark(no), no);
    for (const char* bad : {"2", "vielleicht", "1;1"}) BOOST_TEST(!parse_mark(bad), bad);
}

BOOST_AUTO_TEST_CASE(times_and_comparable_text) {
    BOOST_TEST(format_time(0) == "00:00:00");
    BOOST_TEST(format_time(3'723'400) == "01:02:03");
    BOOST_TEST(format_time(360'000'000) == "100:00:00");
    BOOST_TEST(comparable_text("  Zeile eins\r\nzwei\rdrei \n") == "Zeile eins\nzwei\ndrei");
    BOOST_TEST(comparable_text("Beho\xCC\x88rde") == "Beh\xC3\xB6rde");  // NFD → NFC
}

BOOST_AUTO_TEST_SUITE_END()
