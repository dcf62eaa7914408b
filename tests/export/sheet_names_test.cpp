// Worksheet names derived from table titles must be names Excel accepts.
#include <boost/test/unit_test.hpp>

#include "export/sheet_names.hpp"

using namespace qcode;
using namespace qcode::exports;

namespace {

std::vector<std::string> names_for(std::initializer_list<const char*> titles) {
    std::vector<Table> tables;
    for (const char* title : titles) {
        Table t;
        t.title = title;
        tables.push_back(t);
    }
    return xlsx_sheet_names(tables);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(export_sheet_names)

BOOST_AUTO_TEST_CASE(strips_forbidden_characters) {
    const auto names = names_for({"Hürden [Technik]: a/b\\c*?", "'zitiert'", "a  /  b"});
    BOOST_TEST(names[0] == "Hürden Technik a-b-c");  // a code path stays readable
    BOOST_TEST(names[1] == "zitiert");  // Excel forbids a leading or trailing apostrophe
    BOOST_TEST(names[2] == "a - b");    // runs of spaces collapse
}

BOOST_AUTO_TEST_CASE(cuts_to_31_characters_not_bytes) {
    std::string umlauts;
    for (int i = 0; i < 40; ++i) umlauts += "ü";
    const std::string spaced = std::string(30, 'a') + " bcd";
    const auto names = names_for({umlauts.c_str(), spaced.c_str()});
    std::string expected;
    for (int i = 0; i < 31; ++i) expected += "ü";
    BOOST_TEST(names[0] == expected);              // 31 characters, 62 bytes
    BOOST_TEST(names[1] == std::string(30, 'a'));  // no trailing space left by the cut
}

BOOST_AUTO_TEST_CASE(empty_titles_get_default_names) {
    const auto names = names_for({"", "Freq", "[]"});
    BOOST_TEST(names[0] == "Sheet1");
    BOOST_TEST(names[1] == "Freq");
    BOOST_TEST(names[2] == "Sheet3");
}

BOOST_AUTO_TEST_CASE(duplicates_are_numbered_case_insensitively) {
    const auto names = names_for({"Freq", "freq", "FREQ", "History", "Ärger", "ärger"});
    BOOST_TEST(names[0] == "Freq");
    BOOST_TEST(names[1] == "freq (2)");
    BOOST_TEST(names[2] == "FREQ (3)");
    BOOST_TEST(names[3] == "History (2)");  // reserved by Excel
    BOOST_TEST(names[4] == "Ärger");
    BOOST_TEST(names[5] == "ärger (2)");
}

BOOST_AUTO_TEST_CASE(numbered_duplicates_still_fit_31_characters) {
    const std::string long_title(40, 'x');
    const auto names = names_for({long_title.c_str(), long_title.c_str()});
    BOOST_TEST(names[0] == std::string(31, 'x'));
    BOOST_TEST(names[1] == std::string(27, 'x') + " (2)");
}

BOOST_AUTO_TEST_SUITE_END()
