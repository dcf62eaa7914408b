// lint_usage: patterns hitting more than --max-share of the units their code
// looks at, on the pattern's line.
#include <boost/test/unit_test.hpp>

#include <string>

#include "autocode/lint_usage.hpp"
#include "autocode_fixture.hpp"

using namespace qcode;
using qcode::autocode_test::Project;

BOOST_AUTO_TEST_SUITE(lint_usage)

BOOST_AUTO_TEST_CASE(too_broad_patterns) {
    Project p;
    // 4 respondent sentences; the interviewer's sentences do not count.
    p.import("a.txt",
             "I: Wie ist das mit dem Amt? Und das Amt?\n"
             "B: Das Amt ruft an. Das Amt schreibt. Wir faxen. Alles gut.\n");
    const auto cb = codebook::parse_yaml(
        "codebook: T\n"                        // 1
        "codes:\n"                             // 2
        "  - id: amt\n"                        // 3
        "    label: Amt\n"                     // 4
        "    patterns: [amt, fax*]\n"          // 5
        "  - id: fragen\n"                     // 6
        "    label: Fragen\n"                  // 7
        "    speakers: interviewers\n"         // 8
        "    patterns:\n"                      // 9
        "      - amt\n",                       // 10
        "t.yaml");
    autocode::UsageOptions o;
    o.max_share = 0.3;
    const auto fs = autocode::lint_usage(p.store, cb, o);
    BOOST_REQUIRE(fs.size() == 2u);
    BOOST_TEST(fs[0].line == 5);
    BOOST_TEST(fs[0].file == "t.yaml");
    BOOST_TEST(fs[0].code == "amt");
    BOOST_TEST(fs[0].check == "too-broad");
    BOOST_TEST(fs[0].message ==
               "pattern 'amt' of code 'amt' hits 50.0% of respondent sentences (2 of 4), more than --max-share 30%: "
               "too broad to tell units apart");
    BOOST_TEST(fs[1].line == 10);
    BOOST_TEST(fs[1].message.find("100.0% of interviewer sentences (2 of 2)") != std::string::npos);
    // fax* hits 1 of 4 = 25%: fine at 0.3, too broad at 0.2.
    o.max_share = 0.2;
    o.file = "shown.yaml";
    const auto stricter = autocode::lint_usage(p.store, cb, o);
    BOOST_TEST(stricter.size() == 3u);
    BOOST_TEST(stricter.at(1).file == "shown.yaml");
    BOOST_TEST(stricter.at(1).line == 5);
    BOOST_TEST(stricter.at(1).message.starts_with("pattern 'fax*' of code 'amt' hits 25.0%"));
}

BOOST_AUTO_TEST_CASE(units_of_the_code) {
    Project p;
    p.import("a.txt", "B: Amt hier. Nichts dort.\n\nB: Noch ein Satz. Und einer.\n");
    const auto cb = codebook::parse_yaml(
        "codebook: T\ncodes:\n  - id: amt\n    label: Amt\n    unit: turn\n    patterns: [amt]\n", "t.yaml");
    autocode::UsageOptions o;
    o.max_share = 0.4;  // 1 of 2 turns = 50%, while 1 of 4 sentences would be fine
    const auto fs = autocode::lint_usage(p.store, cb, o);
    BOOST_REQUIRE(fs.size() == 1u);
    BOOST_TEST(fs[0].message.find("of respondent turns (1 of 2)") != std::string::npos);
    // An empty project says nothing.
    Project empty;
    BOOST_TEST(autocode::lint_usage(empty.store, cb, o).empty());
}

BOOST_AUTO_TEST_SUITE_END()
