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

BOOST_AUTO_TEST_CASE(speaker_labels_count_only_those_turns) {
    Project p;
    // Respondent sentences: B1's two, B2's three. amt is in one of each.
    p.import("a.txt",
             "I: Und das Amt?\n"
             "B1: Das Amt ruft an. Wir faxen.\n"
             "B2: Das Amt schreibt. Alles gut. Nichts weiter.\n");
    const auto cb = codebook::parse_yaml(
        "codebook: T\n"                        // 1
        "codes:\n"                             // 2
        "  - id: b1\n"                         // 3
        "    label: B1\n"                      // 4
        "    speaker_labels: [b 1]\n"          // 5
        "    patterns: [amt]\n"                // 6
        "  - id: rolle\n"                      // 7
        "    label: Rolle\n"                   // 8
        "    patterns: [amt]\n",               // 9
        "t.yaml");
    autocode::UsageOptions o;
    o.max_share = 0.45;
    const auto fs = autocode::lint_usage(p.store, cb, o);
    // B1: 1 of 2 = 50%, too broad; by role it would be 2 of 5 = 40%, as for `rolle`.
    BOOST_REQUIRE(fs.size() == 1u);
    BOOST_TEST(fs[0].line == 6);
    BOOST_TEST(fs[0].code == "b1");
    BOOST_TEST(fs[0].message ==
               "pattern 'amt' of code 'b1' hits 50.0% of sentences of b 1 (1 of 2), more than --max-share 45%: "
               "too broad to tell units apart");
    o.max_share = 0.35;
    const auto both = autocode::lint_usage(p.store, cb, o);
    BOOST_REQUIRE(both.size() == 2u);
    BOOST_TEST(both[1].message.find("40.0% of respondent sentences (2 of 5)") != std::string::npos, both[1].message);
    // A label no turn has: no units, nothing to say.
    const auto nobody = codebook::parse_yaml(
        "codebook: T\ncodes:\n  - id: x\n    label: X\n    speaker_labels: [B7]\n    patterns: [amt]\n", "t.yaml");
    BOOST_TEST(autocode::lint_usage(p.store, nobody, o).empty());
}

BOOST_AUTO_TEST_CASE(where_counts_only_the_documents_it_admits) {
    Project p;
    p.import("koeln.txt", "B: Das Amt ruft an. Wir faxen.\n");
    p.import("bonn.txt", "B: Alles gut. Nichts weiter. Noch ein Satz. Und einer.\n");
    p.store.set_attribute(p.document_id("koeln"), "kommune", "Köln");
    p.store.set_attribute(p.document_id("bonn"), "kommune", "Bonn");
    const auto cb = codebook::parse_yaml(
        "codebook: T\n"                           // 1
        "codes:\n"                                // 2
        "  - id: koeln\n"                         // 3
        "    label: Köln\n"                       // 4
        "    where: { kommune: Köln }\n"          // 5
        "    patterns: [amt]\n"                   // 6
        "  - id: tippfehler\n"                    // 7
        "    label: Tippfehler\n"                 // 8
        "    where: { komune: Köln }\n"           // 9
        "    patterns: [amt]\n",                  // 10
        "t.yaml");
    autocode::UsageOptions o;
    o.max_share = 0.3;  // koeln: 1 of Köln's 2 sentences = 50%; of all 6 it would be 17%
    const auto fs = autocode::lint_usage(p.store, cb, o);
    BOOST_REQUIRE(fs.size() == 2u);
    BOOST_TEST(fs[0].line == 7);
    BOOST_TEST(fs[0].code == "tippfehler");
    BOOST_TEST(fs[0].check == "unknown-attribute");
    BOOST_TEST(fs[0].message.starts_with("code 'tippfehler' has where: 'komune', but no document of the project has that "
                                         "attribute (they have: kommune)"),
               fs[0].message);
    BOOST_TEST(fs[1].line == 6);
    BOOST_TEST(fs[1].message ==
               "pattern 'amt' of code 'koeln' hits 50.0% of respondent sentences in documents with kommune = Köln "
               "(1 of 2), more than --max-share 30%: too broad to tell units apart");
}

BOOST_AUTO_TEST_SUITE_END()
