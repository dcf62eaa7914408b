// The scope keys of a code (speaker_labels, where, within, context) and
// `defaults: context`: what loads, what is refused with which line, and
// that YAML → YAML and YAML → QDC → YAML keep them (DESIGN §4, issue #4).
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "codebook/codebook.hpp"
#include "codebook/lint.hpp"
#include "codebook/qdc.hpp"
#include "codebook/yaml_writer.hpp"
#include "compare.hpp"
#include "core/error.hpp"
#include "load_failure.hpp"

using namespace qcode::codebook;
using qcode::codebook_test::diff_codebooks;
using qcode::codebook_test::diff_codes;
using qcode::codebook_test::Fields;

using qcode::codebook_test::fail_of;
constexpr auto expect = qcode::codebook_test::expect_load_error;

namespace {

// Lines 1–4; a test appends the body of code `a` from line 5.
const std::string head =
    "codebook: Test\n"   // 1
    "codes:\n"           // 2
    "  - id: a\n"        // 3
    "    label: A\n";    // 4

const Code& find(const Codebook& cb, const std::string& path) {
    const Code* out = nullptr;
    for_each_code(cb.codes, [&](const Code& c) {
        if (c.path == path) out = &c;
    });
    if (!out) throw std::runtime_error("no code " + path);
    return *out;
}

// Every scope key, in every shape the loader accepts.
const std::string full =
    "codebook: Scopes\n"
    "version: 2\n"
    "language: de\n"
    "defaults: { unit: sentence, speakers: respondents, context: 1 }\n"
    "codes:\n"
    "  - id: akteure\n"
    "    label: Akteure\n"
    "    children:\n"
    "      - id: abh\n"
    "        label: Ausländerbehörde\n"
    "        speaker_labels: [B1, IP 2, \"Frau M.\"]\n"
    "        where: { behoerde: Ausländerbehörde, kommune: [Köln, Bonn] }\n"
    "        context: 0\n"
    "        patterns: ['*ausländerbehörde*']\n"
    "  - id: huerden\n"
    "    label: Hürden\n"
    "    within: akteure\n"
    "    speaker_labels: B\n"
    "    where:\n"
    "      'Typ: Interview': Experte\n"
    "      jahr: 2021\n"
    "    context: 3\n"
    "    unit: paragraph\n"
    "    patterns: [problem*]\n"
    "  - id: manuell\n"
    "    label: Nur von Hand\n"
    "    within: huerden\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(scope_keys)

BOOST_AUTO_TEST_CASE(every_key_loads) {
    const auto cb = parse_yaml(full, "cb.yaml");
    BOOST_TEST(cb.defaults.context == 1);
    const auto& abh = find(cb, "akteure/abh");
    BOOST_TEST(abh.speaker_labels == (std::vector<std::string>{"B1", "IP 2", "Frau M."}),
               boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(abh.where.size() == 2u);
    BOOST_TEST(abh.where[0].name == "behoerde");
    BOOST_TEST(abh.where[0].values == std::vector<std::string>{"Ausländerbehörde"}, boost::test_tools::per_element());
    BOOST_TEST(abh.where[1].name == "kommune");
    BOOST_TEST(abh.where[1].values == (std::vector<std::string>{"Köln", "Bonn"}), boost::test_tools::per_element());
    BOOST_TEST(abh.context.value_or(-1) == 0);  // explicit 0 overrides the default 1
    BOOST_TEST(abh.within.empty());

    const auto& h = find(cb, "huerden");
    BOOST_TEST(h.speaker_labels == std::vector<std::string>{"B"}, boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(h.where.size() == 2u);
    BOOST_TEST(h.where[0].name == "Typ: Interview");
    BOOST_TEST(h.where[1].values == std::vector<std::string>{"2021"}, boost::test_tools::per_element());
    BOOST_TEST(h.within == "akteure");
    BOOST_TEST(h.within_line == 17);
    BOOST_TEST(h.context.value_or(-1) == 3);
    BOOST_TEST(find(cb, "manuell").within == "huerden");
    BOOST_TEST(!find(cb, "manuell").context.has_value());
}

BOOST_AUTO_TEST_CASE(defaults_context_is_zero_unless_given) {
    const auto cb = parse_yaml(head, "cb.yaml");
    BOOST_TEST(cb.defaults.context == 0);
    BOOST_TEST(!cb.codes.at(0).context.has_value());
    BOOST_TEST(parse_yaml("codebook: T\ndefaults: { context: 10 }\ncodes: []\n", "cb.yaml").defaults.context == 10);
}

BOOST_AUTO_TEST_CASE(speaker_labels_compare_without_case_and_space) {
    BOOST_TEST(speaker_label_key("IP 2") == speaker_label_key("ip2"));
    BOOST_TEST(speaker_label_key("IP\xC2\xA0" "2") == speaker_label_key("IP2"));  // no-break space
    BOOST_TEST(speaker_label_key("Frau M.") == "fraum.");
    BOOST_TEST(speaker_label_key("B") != speaker_label_key("B1"));
    BOOST_TEST(speaker_label_key("Frau M.") != speaker_label_key("Frau M"));
    // NFD input: an umlaut written as o + combining diaeresis is the same label.
    BOOST_TEST(speaker_label_key("Scho\xCC\x88n") == speaker_label_key("Schön"));
}

BOOST_AUTO_TEST_CASE(within_unknown_path_names_the_line) {
    const std::string yaml = head +
                             "    within: huerdn\n"   // 5
                             "  - id: huerden\n"       // 6
                             "    label: H\n";         // 7
    expect(yaml, 5, "code 'a' is within 'huerdn', which is no code of this codebook; did you mean 'huerden'?");
    expect(head + "    within: gibtsnicht/weit/weg\n", 5, "write the code's path");
    // The id alone is not the path of a child code.
    const std::string child = head +
                              "    within: technik\n"       // 5
                              "  - id: huerden\n"           // 6
                              "    label: H\n"              // 7
                              "    children:\n"             // 8
                              "      - id: technik\n"       // 9
                              "        label: T\n";         // 10
    expect(child, 5, "is within 'technik', which is no code");
    BOOST_CHECK_NO_THROW(parse_yaml(child.substr(0, child.find("technik\n")) + "huerden/technik\n" +
                                        child.substr(child.find("technik\n") + 8),
                                    "cb.yaml"));
}

BOOST_AUTO_TEST_CASE(within_cycle_names_the_line) {
    const std::string two = head +
                            "    within: b\n"   // 5
                            "  - id: b\n"       // 6
                            "    label: B\n"    // 7
                            "    within: a\n";  // 8
    expect(two, 8, "codes are within each other in a circle (a within b, b within a)");
    const std::string three = head +
                              "    within: b\n"   // 5
                              "  - id: b\n"       // 6
                              "    label: B\n"    // 7
                              "    within: c\n"   // 8
                              "  - id: c\n"       // 9
                              "    label: C\n"    // 10
                              "    within: a\n";  // 11
    expect(three, 11, "a within b, b within c, c within a");
    // Through a subtree: b within a's parent is a cycle when a is within b.
    const std::string subtree =
        "codebook: T\n"          // 1
        "codes:\n"               // 2
        "  - id: p\n"            // 3
        "    label: P\n"         // 4
        "    children:\n"        // 5
        "      - id: a\n"        // 6
        "        label: A\n"     // 7
        "        within: b\n"    // 8
        "  - id: b\n"            // 9
        "    label: B\n"         // 10
        "    within: p\n";       // 11
    expect(subtree, 11, "p/a within b, b within p");
    // A chain without a circle loads.
    BOOST_CHECK_NO_THROW(parse_yaml(head + "    within: b\n  - id: b\n    label: B\n    within: c\n  - id: c\n    label: C\n",
                                    "cb.yaml"));
}

BOOST_AUTO_TEST_CASE(within_itself_or_a_parent) {
    expect(head + "    within: a\n", 5, "code 'a' cannot be within 'a'");
    const std::string parent =
        "codebook: T\n"          // 1
        "codes:\n"               // 2
        "  - id: p\n"            // 3
        "    label: P\n"         // 4
        "    children:\n"        // 5
        "      - id: a\n"        // 6
        "        label: A\n"     // 7
        "        within: p\n";   // 8
    expect(parent, 8, "code 'p/a' cannot be within 'p': that is the code itself or a parent");
    // Within a child of one's own is fine: the child's codings do not include the parent's.
    BOOST_CHECK_NO_THROW(parse_yaml("codebook: T\ncodes:\n  - id: p\n    label: P\n    within: p/a\n    children:\n"
                                    "      - id: a\n        label: A\n",
                                    "cb.yaml"));
    expect(head + "    within:\n", 5, "'within' in code 'a' names no code");
    expect(head + "    within: [b]\n", 5, "'within' in code 'a' must be a text");
}

BOOST_AUTO_TEST_CASE(bad_context_values) {
    for (const std::string v : {"zwei", "-1", "11", "2.5", "[1]", "", "true"})
        expect(head + "    context: " + v + "\n", 5, "'context' in code 'a' must be a whole number from 0 to 10");
    expect("codebook: T\ndefaults:\n  context: 99\ncodes: []\n", 3, "'context' in defaults must be a whole number");
    BOOST_CHECK_NO_THROW(parse_yaml(head + "    context: 10\n", "cb.yaml"));
    BOOST_CHECK_NO_THROW(parse_yaml(head + "    context: 0\n", "cb.yaml"));
}

BOOST_AUTO_TEST_CASE(bad_where_shapes) {
    expect(head + "    where: kommune\n", 5, "'where' in code 'a' must be a map of document attributes");
    expect(head + "    where: [kommune, Köln]\n", 5, "must be a map");
    expect(head + "    where: {}\n", 5, "must be a map");
    expect(head + "    where:\n", 5, "must be a map");
    expect(head +
               "    where:\n"            // 5
               "      kommune: []\n",    // 6
           6, "attribute 'kommune' in 'where' of code 'a' has no value");
    expect(head +
               "    where:\n"            // 5
               "      kommune:\n",       // 6
           6, "has no value");
    expect(head +
               "    where:\n"                        // 5
               "      kommune: { name: Köln }\n",    // 6
           6, "the value of 'kommune' in 'where' of code 'a' must be a text or a list of texts");
    expect(head +
               "    where:\n"                  // 5
               "      kommune:\n"              // 6
               "        - Köln\n"              // 7
               "        - [Bonn, Berlin]\n",   // 8
           8, "each value of 'kommune' in 'where' of code 'a' must be a text");
    expect(head +
               "    where:\n"                  // 5
               "      '': Köln\n",             // 6
           6, "is not a plain name");
}

BOOST_AUTO_TEST_CASE(bad_speaker_labels) {
    expect(head + "    speaker_labels: []\n", 5, "'speaker_labels' in code 'a' lists no label");
    expect(head + "    speaker_labels:\n", 5, "lists no label");
    expect(head +
               "    speaker_labels:\n"   // 5
               "      - B1\n"            // 6
               "      - { x: 1 }\n",     // 7
           7, "each speaker label in code 'a' must be a text");
    expect(head + "    speaker_labels: ['  ']\n", 5, "must be a text such as B1");
    // Role and labels at once: the labels decide, so one of them is a mistake.
    expect(head +
               "    speakers: all\n"             // 5
               "    speaker_labels: [B1]\n",     // 6
           6, "has both speakers: and speaker_labels:");
}

BOOST_AUTO_TEST_CASE(misspelt_scope_keys_get_suggestions) {
    expect(head + "    witin: b\n", 5, "did you mean 'within'?");
    expect(head + "    speaker_label: [B]\n", 5, "did you mean 'speaker_labels'?");
    expect("codebook: T\ndefaults: { contxt: 1 }\ncodes: []\n", 2, "did you mean 'context'?");
    // Scope keys other than context belong to codes.
    expect("codebook: T\ndefaults: { within: a }\ncodes: []\n", 2, "unknown key 'within' in defaults");
}

BOOST_AUTO_TEST_CASE(yaml_round_trip_keeps_every_key) {
    const auto cb = parse_yaml(full, "cb.yaml");
    const auto yaml = to_yaml(cb);
    const auto back = parse_yaml(yaml, "back.yaml");
    BOOST_TEST(diff_codebooks(cb, back) == "");
    BOOST_TEST(to_yaml(back) == yaml);
    BOOST_TEST(yaml.find("defaults: { unit: sentence, speakers: respondents, context: 1 }") != std::string::npos, yaml);
    BOOST_TEST(yaml.find("within: akteure\n") != std::string::npos, yaml);
    BOOST_TEST(yaml.find("'Typ: Interview': Experte\n") != std::string::npos, yaml);
}

BOOST_AUTO_TEST_CASE(yaml_writer_leaves_codebooks_without_scopes_as_they_were) {
    const auto yaml = to_yaml(parse_yaml(head, "cb.yaml"));
    BOOST_TEST(yaml.find("defaults: { unit: sentence, speakers: respondents }\n") != std::string::npos, yaml);
    for (const char* key : {"context", "within", "where", "speaker_labels"})
        BOOST_TEST(yaml.find(key) == std::string::npos, yaml);
}

BOOST_AUTO_TEST_CASE(qdc_round_trip_keeps_code_scopes) {
    const auto cb = parse_yaml(full, "cb.yaml");
    std::vector<std::string> warnings;
    const auto xml = write_qdc(cb);
    BOOST_TEST(xml.find("Innerhalb (qcode): akteure") != std::string::npos);
    BOOST_TEST(xml.find("- kommune = Bonn") != std::string::npos);
    const auto back = read_qdc(xml, "scopes.qdc", warnings);
    BOOST_TEST(warnings.empty());
    // QDC has no place for the defaults; the codes keep all their own keys.
    BOOST_TEST(diff_codes(cb.codes, back.codes, Fields{}) == "");
    BOOST_TEST(find(back, "huerden").within_line > 0);
}

BOOST_AUTO_TEST_CASE(qdc_scope_paragraphs_that_cannot_be_kept_are_warned_about) {
    const std::string xml =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\" origin=\"x\">\n"
        "  <Codes>\n"
        "    <Code guid=\"00000000-0000-4000-8000-000000000001\" name=\"A\" isCodable=\"true\">\n"
        "      <Description>Innerhalb (qcode): gibt/es/nicht\nKontext (qcode): elf\n"
        "Dokumentvariablen (qcode):\n- ohne Gleichheitszeichen\n- kommune = Köln\n- kommune = Bonn</Description>\n"
        "    </Code>\n"
        "    <Code guid=\"00000000-0000-4000-8000-000000000002\" name=\"B\" isCodable=\"true\">\n"
        "      <Description>Sprecher (qcode): all\nSprecherkürzel (qcode):\n- B1</Description>\n"
        "    </Code>\n"
        "  </Codes>\n"
        "</CodeBook>\n";
    std::vector<std::string> warnings;
    const auto cb = read_qdc(xml, "x.qdc", warnings);
    const auto& a = find(cb, "a");
    BOOST_TEST(a.within.empty());
    BOOST_TEST(!a.context.has_value());
    BOOST_TEST_REQUIRE(a.where.size() == 1u);
    BOOST_TEST(a.where[0].values == (std::vector<std::string>{"Köln", "Bonn"}), boost::test_tools::per_element());
    const auto& b = find(cb, "b");
    BOOST_TEST(b.speaker_labels == std::vector<std::string>{"B1"}, boost::test_tools::per_element());
    BOOST_TEST(!b.speakers.has_value());
    std::string all;
    for (const auto& w : warnings) all += w + "\n";
    BOOST_TEST(all.find("context 'elf' left out") != std::string::npos, all);
    BOOST_TEST(all.find("'ohne Gleichheitszeichen' left out") != std::string::npos, all);
    BOOST_TEST(all.find("within 'gibt/es/nicht', which is no code") != std::string::npos, all);
    BOOST_TEST(all.find("speakers 'all' left out") != std::string::npos, all);
}

BOOST_AUTO_TEST_CASE(lint_knows_the_scope_keys) {
    const auto clean = lint_yaml(full, "cb.yaml");
    BOOST_TEST(!has_errors(clean));
    for (const auto& f : clean) BOOST_TEST(f.check != "unknown-key", format_finding(f));
    // The loader's verdict on a circle reaches lint with its line.
    const auto cyclic = lint_yaml(head + "    within: b\n  - id: b\n    label: B\n    within: a\n", "cb.yaml");
    BOOST_TEST(has_errors(cyclic));
    bool at_line = false;
    for (const auto& f : cyclic) at_line = at_line || (f.severity == Severity::error && f.line == 8);
    BOOST_TEST(at_line);
}

BOOST_AUTO_TEST_SUITE_END()
