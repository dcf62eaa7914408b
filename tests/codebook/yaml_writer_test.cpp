// to_yaml: parse_yaml(to_yaml(cb)) gives back the same model, for the
// fixture with every field and for texts that need each scalar form.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "codebook/codebook.hpp"
#include "codebook/yaml_writer.hpp"
#include "compare.hpp"

using namespace qcode::codebook;
using qcode::codebook_test::diff_codebooks;

namespace {

const std::string fixture = std::string(QCODE_FIXTURES) + "/codebooks/mayring.yaml";

Codebook round_trip(const Codebook& cb) { return parse_yaml(to_yaml(cb), "round-trip.yaml"); }

}  // namespace

BOOST_AUTO_TEST_SUITE(yaml_writer)

BOOST_AUTO_TEST_CASE(fixture_round_trips) {
    const auto cb = load_yaml_file(fixture);
    const auto back = round_trip(cb);
    BOOST_TEST(diff_codebooks(cb, back) == "");
    // Writing what was read back gives the same text: the form is canonical.
    BOOST_TEST(to_yaml(back) == to_yaml(cb));
}

BOOST_AUTO_TEST_CASE(shipped_codebook_round_trips) {
    const auto cb = load_yaml_file(std::string(QCODE_SOURCE_DIR) + "/codebooks/azr.yaml");
    BOOST_TEST(diff_codebooks(cb, round_trip(cb)) == "");
}

BOOST_AUTO_TEST_CASE(canonical_form) {
    const auto cb = load_yaml_file(fixture);
    const auto y = to_yaml(cb);
    BOOST_TEST(y.starts_with("codebook: Kommunale Datenwege\nversion: 3\nlanguage: de\n"
                             "defaults: { unit: turn, speakers: all }\ncodes:\n  - id: huerden\n    label: Hürden\n"));
    // Every pattern single-quoted, so * and "…" survive.
    BOOST_TEST(y.find("      - '*schnittstelle*'\n") != std::string::npos);
    BOOST_TEST(y.find("      - '\"händisch übertragen\"'\n") != std::string::npos);
    BOOST_TEST(y.find("      - 'schnittstelle*'\n") != std::string::npos);
    // Colours normalised and quoted; a multi-line description as a block.
    BOOST_TEST(y.find("color: '#d62728'") != std::string::npos);
    BOOST_TEST(y.find("description: |\n          Technik, Schnittstellen & Infrastruktur.\n") != std::string::npos);
    BOOST_TEST(y.find("label: 'Erfolgsfaktoren: was hilft'") != std::string::npos);
    BOOST_TEST(y.find("codable: false") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(every_scalar_form_reads_back) {
    const std::vector<std::string> texts = {
        "plain",
        "Hürden: Technik",
        "#hash at start",
        "ends with colon:",
        " leading space",
        "trailing space ",
        "it's 'quoted'",
        "say \"hi\"",
        "*star",
        "&anchor",
        "- dash",
        "[bracket",
        "{brace",
        "null",
        "~",
        "true",
        "123",
        "a\nb",
        "a\nb\n",
        "a\n\nb\n\n\n",
        "\nleading newline",
        "  indented\nsecond",
        "first\n  indented second",
        "line with trailing space \nnext",
        "tab\there",
        "cr\r\nlf",
        "bell\x07",
        "nel\xC2\x85x",
        "ls\xE2\x80\xA8x",
        "bom\xEF\xBB\xBFx",
        "back\\slash",
        "％ full width",
        "\xC2\xA0nbsp start",
        "%percent",
        "@at",
        "`tick",
        "|pipe",
        ">gt",
        "? question",
        "a # not a comment",
        "a: b",
        "   ",
    };
    for (const auto& t : texts) {
        Codebook cb;
        cb.name = "n";
        Code c;
        c.id = "x";
        c.path = "x";
        c.label = "L";
        c.description = t;
        c.definition = t;
        c.anchor_examples = {t, "b"};
        cb.codes.push_back(c);
        Codebook back;
        BOOST_REQUIRE_NO_THROW(back = round_trip(cb));
        BOOST_TEST(back.codes.at(0).description == t, "description " << to_yaml(cb));
        BOOST_TEST(back.codes.at(0).definition == t);
        BOOST_TEST(back.codes.at(0).anchor_examples.at(0) == t);
        // As a label too (labels may not be blank).
        if (t.find_first_not_of(" \t") != std::string::npos) {
            cb.codes[0].label = t;
            cb.name = t;
            BOOST_REQUIRE_NO_THROW(back = round_trip(cb));
            BOOST_TEST(back.codes.at(0).label == t);
            BOOST_TEST(back.name == t);
        }
    }
}

BOOST_AUTO_TEST_CASE(awkward_ids_and_patterns) {
    Codebook cb;
    cb.name = "n";
    for (const std::string id : {"null", "-x", ".x", "1", "true", "a.b-c_d"}) {
        Code c;
        c.id = id;
        c.path = id;
        c.label = "L";
        c.patterns.push_back(parse_pattern("wort's"));
        c.patterns.push_back(parse_pattern("\"it's * here\""));
        cb.codes.push_back(c);
    }
    const auto back = round_trip(cb);
    BOOST_REQUIRE(back.codes.size() == 6u);
    BOOST_TEST(back.codes[0].id == "null");
    BOOST_TEST(back.codes[1].id == "-x");
    BOOST_TEST(back.codes[2].id == ".x");
    BOOST_TEST(back.codes[5].patterns.at(1).source == "\"it's * here\"");
}

BOOST_AUTO_TEST_CASE(empty_codes_list) {
    Codebook cb;
    cb.name = "leer";
    const auto y = to_yaml(cb);
    BOOST_TEST(y.find("codes: []") != std::string::npos);
    BOOST_TEST(round_trip(cb).codes.empty());
}

BOOST_AUTO_TEST_CASE(quote_function) {
    BOOST_TEST(yaml_quote("a'b") == "'a''b'");
    BOOST_TEST(yaml_quote("a\nb") == "\"a\\nb\"");
    BOOST_TEST(yaml_quote("x\xC2\x85") == "\"x\\u0085\"");
}

BOOST_AUTO_TEST_SUITE_END()
