// parse_yaml on a valid codebook: tree, paths, defaults, lines, patterns.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "codebook/codebook.hpp"
#include "core/sha256.hpp"

using namespace qcode::codebook;

namespace {

// Line numbers are asserted below; keep them in step when editing.
const std::string nested =
    "codebook: AZR-Nutzung in Kommunen\n"                 // 1
    "version: 2\n"                                         // 2
    "language: de\n"                                       // 3
    "defaults: { unit: turn, speakers: all }\n"            // 4
    "codes:\n"                                             // 5
    "  - id: huerden\n"                                    // 6
    "    label: Hürden\n"                                  // 7
    "    codable: false\n"                                 // 8
    "    children:\n"                                      // 9
    "      - id: technik\n"                                // 10
    "        label: Technische Hürden\n"                   // 11
    "        unit: paragraph\n"                            // 12
    "        children:\n"                                  // 13
    "          - id: schnittstellen\n"                     // 14
    "            label: Fehlende Schnittstellen\n"         // 15
    "            description: Daten werden händisch übertragen.\n"  // 16
    "            definition: Jede Erwähnung fehlender Schnittstellen.\n"  // 17
    "            coding_rules: Nur Aussagen über das AZR.\n"  // 18
    "            anchor_examples:\n"                       // 19
    "              - \"Das tippen wir alles ab.\"\n"       // 20
    "              - Medienbruch pur\n"                    // 21
    "            color: \"#D62728\"\n"                     // 22
    "            speakers: interviewers\n"                 // 23
    "            patterns:\n"                              // 24
    "              - schnittstelle*\n"                     // 25
    "              - \"*schnittstelle*\"\n"                // 26
    "              - '\"händisch übertragen\"'\n"          // 27
    "              - azr-abfrage*\n"                       // 28
    "            exclude:\n"                               // 29
    "              - '\"keine probleme\"'\n"               // 30
    "          - id: medienbruch\n"                        // 31
    "            label: Medienbrüche\n"                    // 32
    "            color: \"#abc\"\n"                        // 33
    "            patterns: [medienbruch*, papier*]\n"      // 34
    "      - id: personal\n"                               // 35
    "        label: Personalmangel\n"                      // 36
    "  - id: nutzen\n"                                     // 37
    "    label: Nutzen\n"                                  // 38
    "    children: []\n";                                  // 39

}  // namespace

BOOST_AUTO_TEST_SUITE(yaml_valid)

BOOST_AUTO_TEST_CASE(header_and_defaults) {
    const auto cb = parse_yaml(nested, "azr.yaml");
    BOOST_TEST(cb.name == "AZR-Nutzung in Kommunen");
    BOOST_TEST(cb.version == 2);
    BOOST_TEST(cb.language == "de");
    BOOST_TEST((cb.defaults.unit == qcode::UnitKind::turn));
    BOOST_TEST((cb.defaults.speakers == SpeakerScope::all));
    BOOST_TEST(cb.source_path == "azr.yaml");
    BOOST_TEST(cb.source == nested);
    BOOST_TEST(cb.sha256 == qcode::sha256_hex(nested));
    BOOST_TEST(cb.sha256.size() == 64u);
}

BOOST_AUTO_TEST_CASE(tree_paths_and_lines) {
    const auto cb = parse_yaml(nested, "azr.yaml");
    BOOST_TEST(count_codes(cb) == 6u);
    BOOST_TEST(count_leaves(cb) == 4u);  // schnittstellen, medienbruch, personal, nutzen

    std::vector<std::string> paths;
    std::vector<int> lines;
    for_each_code(cb.codes, [&](const Code& c) {
        paths.push_back(c.path);
        lines.push_back(c.line);
    });
    BOOST_TEST(paths == (std::vector<std::string>{"huerden", "huerden/technik", "huerden/technik/schnittstellen",
                                                  "huerden/technik/medienbruch", "huerden/personal", "nutzen"}));
    BOOST_TEST(lines == (std::vector<int>{6, 10, 14, 31, 35, 37}));
}

BOOST_AUTO_TEST_CASE(code_fields) {
    const auto cb = parse_yaml(nested, "azr.yaml");
    const Code& huerden = cb.codes.at(0);
    BOOST_TEST(huerden.id == "huerden");
    BOOST_TEST(huerden.label == "Hürden");
    BOOST_TEST(!huerden.codable);
    BOOST_TEST(!huerden.unit.has_value());
    BOOST_TEST(!huerden.speakers.has_value());
    BOOST_TEST(huerden.color.empty());

    const Code& technik = huerden.children.at(0);
    BOOST_TEST(technik.codable);
    BOOST_TEST((technik.unit == qcode::UnitKind::paragraph));

    const Code& s = technik.children.at(0);
    BOOST_TEST(s.label == "Fehlende Schnittstellen");
    BOOST_TEST(s.description == "Daten werden händisch übertragen.");
    BOOST_TEST(s.definition == "Jede Erwähnung fehlender Schnittstellen.");
    BOOST_TEST(s.coding_rules == "Nur Aussagen über das AZR.");
    BOOST_TEST(s.anchor_examples == (std::vector<std::string>{"Das tippen wir alles ab.", "Medienbruch pur"}));
    BOOST_TEST(s.color == "#d62728");
    BOOST_TEST((s.speakers == SpeakerScope::interviewers));
    BOOST_TEST(s.children.empty());

    const Code& m = technik.children.at(1);
    BOOST_TEST(m.color == "#aabbcc");  // #rgb expanded
    BOOST_TEST(cb.codes.at(1).children.empty());
}

BOOST_AUTO_TEST_CASE(patterns_with_lines) {
    const auto cb = parse_yaml(nested, "azr.yaml");
    const Code& s = cb.codes.at(0).children.at(0).children.at(0);
    BOOST_REQUIRE(s.patterns.size() == 4u);
    BOOST_TEST(s.patterns[0].source == "schnittstelle*");
    BOOST_TEST(s.patterns[0].line == 25);
    BOOST_TEST(s.patterns[1].source == "*schnittstelle*");
    BOOST_TEST((s.patterns[1].phrases.at(0).words.at(0).kind == WordGlob::Kind::infix));
    BOOST_TEST(s.patterns[1].line == 26);
    BOOST_TEST(s.patterns[2].source == "\"händisch übertragen\"");
    BOOST_TEST(s.patterns[2].phrases.at(0).words.size() == 2u);
    BOOST_TEST(s.patterns[2].line == 27);
    BOOST_TEST(s.patterns[3].phrases.at(0).words.size() == 2u);  // azr, abfrage*
    BOOST_TEST(s.patterns[3].line == 28);
    BOOST_REQUIRE(s.exclude.size() == 1u);
    BOOST_TEST(s.exclude[0].line == 30);
    BOOST_TEST(s.exclude[0].phrases.at(0).words.at(1).text == "probleme");

    const Code& m = cb.codes.at(0).children.at(0).children.at(1);
    BOOST_REQUIRE(m.patterns.size() == 2u);
    BOOST_TEST(m.patterns[0].line == 34);  // flow list: all on the key's line
    BOOST_TEST(m.patterns[1].line == 34);
}

BOOST_AUTO_TEST_CASE(minimal_codebook_uses_defaults) {
    const auto cb = parse_yaml("codebook: Minimal\ncodes:\n  - id: a\n    label: A\n", "m.yaml");
    BOOST_TEST(cb.version == 1);
    BOOST_TEST(cb.language == "de");
    BOOST_TEST((cb.defaults.unit == qcode::UnitKind::sentence));
    BOOST_TEST((cb.defaults.speakers == SpeakerScope::respondents));
    BOOST_TEST(cb.codes.at(0).codable);
    BOOST_TEST(cb.codes.at(0).patterns.empty());
    BOOST_TEST(cb.codes.at(0).line == 3);
}

BOOST_AUTO_TEST_CASE(empty_lists_and_null_values) {
    // "patterns:" with nothing after it (mid-edit) is an empty list, not an error.
    const auto cb = parse_yaml(
        "codebook: X\ncodes:\n  - id: a\n    label: A\n    description:\n    patterns:\n    exclude: []\n    children:\n",
        "x.yaml");
    BOOST_TEST(cb.codes.at(0).description.empty());
    BOOST_TEST(cb.codes.at(0).patterns.empty());
    BOOST_TEST(cb.codes.at(0).children.empty());
}

BOOST_AUTO_TEST_CASE(same_id_under_different_parents) {
    const auto cb = parse_yaml(
        "codebook: X\ncodes:\n"
        "  - id: a\n    label: A\n    children:\n      - id: sonstiges\n        label: S\n"
        "  - id: b\n    label: B\n    children:\n      - id: sonstiges\n        label: S\n",
        "x.yaml");
    BOOST_TEST(cb.codes.at(0).children.at(0).path == "a/sonstiges");
    BOOST_TEST(cb.codes.at(1).children.at(0).path == "b/sonstiges");
}

BOOST_AUTO_TEST_CASE(ids_may_use_letters_digits_and_marks) {
    const auto cb = parse_yaml("codebook: X\ncodes:\n  - id: A-1.b_2\n    label: A\n", "x.yaml");
    BOOST_TEST(cb.codes.at(0).path == "A-1.b_2");
}

BOOST_AUTO_TEST_CASE(bom_in_text_is_dropped) {
    const std::string body = "codebook: X\ncodes:\n  - id: a\n    label: A\n";
    const auto cb = parse_yaml("\xEF\xBB\xBF" + body, "x.yaml");
    BOOST_TEST(cb.name == "X");
    BOOST_TEST(cb.source == body);
    BOOST_TEST(cb.sha256 == qcode::sha256_hex(body));
}

BOOST_AUTO_TEST_CASE(crlf_line_ends) {
    const auto cb = parse_yaml("codebook: X\r\ncodes:\r\n  - id: a\r\n    label: A\r\n    patterns:\r\n      - amt*\r\n",
                               "x.yaml");
    BOOST_TEST(cb.codes.at(0).label == "A");
    BOOST_TEST(cb.codes.at(0).patterns.at(0).line == 6);
}

BOOST_AUTO_TEST_CASE(speaker_scope_names) {
    for (auto s : {SpeakerScope::respondents, SpeakerScope::interviewers, SpeakerScope::all})
        BOOST_TEST((parse_speaker_scope(to_string(s)) == s));
    BOOST_TEST(to_string(SpeakerScope::respondents) == "respondents");
    BOOST_TEST(!parse_speaker_scope("Respondents").has_value());
    BOOST_TEST(!parse_speaker_scope("").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
