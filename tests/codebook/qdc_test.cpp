// REFI-QDA codebooks: qcode → QDC → qcode keeps the tree, QDC output
// validates against Codebook.xsd, and real files' quirks are read.
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "codebook/codebook.hpp"
#include "codebook/ids.hpp"
#include "codebook/qdc.hpp"
#include "codebook/yaml_writer.hpp"
#include "compare.hpp"
#include "core/error.hpp"
#include "support/temp_dir.hpp"

using namespace qcode::codebook;
using qcode::codebook_test::diff_codebooks;
using qcode::codebook_test::diff_codes;
using qcode::codebook_test::Fields;
using qcode::codebook_test::with_defaults;
using qcode::testing::TempDir;

namespace {

const std::string fixture = std::string(QCODE_FIXTURES) + "/codebooks/mayring.yaml";
const std::string xsd = std::string(QCODE_FIXTURES) + "/refi/Codebook.xsd";

// Texts as QDC paragraphs keep them: without trailing line breaks.
void trim_texts(std::vector<Code>& codes) {
    auto trim = [](std::string& s) {
        while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    };
    for (auto& c : codes) {
        trim(c.description);
        trim(c.definition);
        trim(c.coding_rules);
        for (auto& a : c.anchor_examples) trim(a);
        trim_texts(c.children);
    }
}

Codebook read(const std::string& xml, std::vector<std::string>& warnings, const std::string& path = "t.qdc") {
    return read_qdc(xml, path, warnings);
}

Codebook read(const std::string& xml) {
    std::vector<std::string> warnings;
    return read(xml, warnings);
}

bool xmllint_available() { return std::system("command -v xmllint >/dev/null 2>&1") == 0; }

// Runs xmllint --schema; "" when valid, else its output.
std::string validate(const std::string& xml) {
    TempDir dir;
    const auto file = dir.write("out.qdc", xml);
    const auto log = (dir.path() / "log").string();
    const int rc = std::system(("xmllint --noout --schema '" + xsd + "' '" + file + "' >'" + log + "' 2>&1").c_str());
    return rc == 0 ? "" : qcode::testing::read_file(log);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(qdc_codebook)

BOOST_AUTO_TEST_CASE(yaml_qdc_yaml_keeps_the_tree) {
    auto cb = load_yaml_file(fixture);
    std::vector<std::string> warnings;
    const auto back = read(write_qdc(cb), warnings, "/tmp/Kommunale Datenwege.qdc");
    BOOST_TEST(warnings.empty());
    trim_texts(cb.codes);
    // Everything of every code survives: ids, texts, colours, flags, rules.
    BOOST_TEST(diff_codes(cb.codes, back.codes, Fields{}) == "");
    // What QDC has no place for: the name comes from the file, the rest are defaults.
    BOOST_TEST(back.name == "Kommunale Datenwege");
    BOOST_TEST(back.version == 1);
    BOOST_TEST((back.defaults.unit == qcode::UnitKind::sentence));
    // It is stored as YAML that reads back the same.
    BOOST_TEST(back.source.starts_with("codebook: Kommunale Datenwege\n"));
    BOOST_TEST(back.sha256.size() == 64u);
}

BOOST_AUTO_TEST_CASE(plain_descriptions_keep_the_tree_only) {
    const auto cb = load_yaml_file(fixture);
    QdcWriteOptions o;
    o.plain_descriptions = true;
    const auto xml = write_qdc(cb, o);
    BOOST_TEST(xml.find("Definition:") == std::string::npos);
    BOOST_TEST(xml.find("Muster (qcode)") == std::string::npos);
    const auto back = read(xml);
    Fields f;
    f.ids = false;
    f.guide = f.patterns = f.exclude = f.scope = false;
    f.folds = f.fold_keys = false;
    f.descriptions = false;  // trailing line break
    BOOST_TEST(diff_codes(cb.codes, back.codes, f) == "");
    BOOST_TEST(back.codes.at(0).children.at(0).id == "technische_huerden");
    BOOST_TEST(back.codes.at(0).children.at(0).patterns.empty());
}

BOOST_AUTO_TEST_CASE(document_shape) {
    const auto cb = load_yaml_file(fixture);
    const auto xml = write_qdc(cb);
    BOOST_TEST(xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\" origin=\"qcode\">\n  <Codes>\n"));
    BOOST_TEST(xml.find("<Sets") == std::string::npos);
    BOOST_TEST(xml.find("name=\"Hürden\" isCodable=\"false\" color=\"#d62728\"") != std::string::npos);
    BOOST_TEST(xml.find("name=\"Technische Hürden\" isCodable=\"true\" color=\"#aabbcc\"") != std::string::npos);
    // The description paragraphs of a code with everything.
    const std::string technik =
        "<Description>Technik, Schnittstellen &amp; Infrastruktur.\n"
        "Zweite Zeile: mit Doppelpunkt.\n\n"
        "Definition: Jede Schilderung einer technischen Hürde im Datenaustausch.\n\n"
        "Ankerbeispiele:\n- „Das tippen wir alles ab.“\n- Medienbruch pur, sag ich mal.\n\n"
        "Kodierregeln: Nur aktuelle Zustände; frühere Probleme → nicht codieren.\n\n"
        "Muster (qcode):\n- schnittstelle*\n- *schnittstelle*\n- \"händisch übertragen\"\n- medienbr?ch*\n"
        "Ausschluss (qcode):\n- \"keine probleme\"\n"
        "Einheit (qcode): sentence\nSprecher (qcode): respondents\nID (qcode): technik</Description>";
    BOOST_TEST(xml.find(technik) != std::string::npos, xml);
    // A code whose id is what its label gives carries no ID line.
    BOOST_TEST(xml.find("ID (qcode): huerden") == std::string::npos);
    BOOST_TEST(xml.find("ID (qcode): e_akte_2") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(validates_against_the_schema) {
    if (!xmllint_available()) {
        BOOST_TEST_MESSAGE("xmllint not installed (Debian: libxml2-utils); schema validation skipped");
        return;
    }
    BOOST_TEST(validate(write_qdc(load_yaml_file(fixture))) == "");
    BOOST_TEST(validate(write_qdc(load_yaml_file(std::string(QCODE_SOURCE_DIR) + "/codebooks/azr.yaml"))) == "");
    // The check is real: an empty <Sets/> (Taguette's mistake) fails it.
    auto broken = write_qdc(load_yaml_file(fixture));
    broken.replace(broken.find("</CodeBook>"), 0, "<Sets/>");
    BOOST_TEST(validate(broken) != "");
}

// Folds in the defaults and per code (issue #4: the same codebook through
// YAML → QDC → YAML). QDC has no defaults, so a code with rules carries the
// default fold it falls back on; what every code matches stays the same.
BOOST_AUTO_TEST_CASE(yaml_qdc_yaml_keeps_the_folds) {
    const auto cb = parse_yaml(R"(codebook: Folds
defaults: { unit: sentence, fold: [umlauts] }
codes:
  - id: erbt
    label: Erbt
    patterns: ['Ausländer*']
  - id: eigen
    label: Eigen
    fold: [case, diacritics, stem]
    patterns: [Schnittstellen, 'Behörde*']
    exclude: ['"können nicht"']
  - id: nur_case
    label: Nur Case
    fold: case
    patterns: ['Ausländer*']
  - id: gruppe
    label: Gruppe
    codable: false
    children:
      - id: kind
        label: Kind
        exclude: ['grüße']
        patterns: [Straße]
  - id: leer
    label: Leer
    fold: [stem]
)", "folds.yaml");
    const auto xml = write_qdc(cb);
    auto memo = [&](const std::string& name) {
        const auto at = xml.find("name=\"" + name + "\"");
        BOOST_REQUIRE(at != std::string::npos);
        const auto from = xml.find("<Description>", at) + std::string("<Description>").size();
        return "\n" + xml.substr(from, xml.find("</Description>", from) - from) + "\n";  // every line in \n
    };
    BOOST_TEST(memo("Erbt").find("\nFaltung (qcode): case, umlauts\n") != std::string::npos, memo("Erbt"));
    BOOST_TEST(memo("Eigen").find("\nFaltung (qcode): case, diacritics, stem\n") != std::string::npos, memo("Eigen"));
    BOOST_TEST(memo("Nur Case").find("\nFaltung (qcode): case\n") != std::string::npos, memo("Nur Case"));
    BOOST_TEST(memo("Kind").find("\nFaltung (qcode): case, umlauts\n") != std::string::npos, memo("Kind"));
    BOOST_TEST(memo("Leer") == "\nFaltung (qcode): case, stem\n", memo("Leer"));
    // A code without rules or fold of its own has nothing to fold.
    const auto gruppe = xml.find("name=\"Gruppe\"");
    BOOST_TEST(xml.substr(gruppe, xml.find("<Code", gruppe + 1) - gruppe).find("Faltung") == std::string::npos);
    if (xmllint_available()) BOOST_TEST(validate(xml) == "");

    std::vector<std::string> warnings;
    const auto back = read(xml, warnings, "folds.qdc");
    BOOST_TEST(warnings.empty());
    BOOST_TEST((back.defaults.fold == qcode::text::FoldOptions{}));  // QDC has no defaults
    // Every code's effective fold and its patterns' folds survive.
    Fields same_matches;
    same_matches.fold_keys = false;
    BOOST_TEST(diff_codes(cb.codes, back.codes, with_defaults(same_matches, cb, back)) == "");
    BOOST_TEST(back.codes.at(0).patterns.at(0).phrases.at(0).words.at(0).text == "auslaender*");
    BOOST_TEST(back.codes.at(1).patterns.at(0).phrases.at(0).words.at(0).stem == "schnittstell");
    BOOST_TEST(back.codes.at(1).patterns.at(1).phrases.at(0).words.at(0).text == "behorde*");
    BOOST_TEST(back.codes.at(2).patterns.at(0).phrases.at(0).words.at(0).text == "ausländer*");
    BOOST_TEST(back.codes.at(3).children.at(0).exclude.at(0).phrases.at(0).words.at(0).text == "gruesse");
    // The inherited ones are now the codes' own (the comparison sees that);
    // the codes with a fold of their own keep it as written.
    BOOST_TEST(diff_codes(cb.codes, back.codes, with_defaults(Fields{}, cb, back)) ==
               "/Erbt: fold key '-' vs 'case, umlauts'");
    BOOST_TEST((back.codes.at(1).fold == cb.codes.at(1).fold));
    BOOST_TEST((back.codes.at(2).fold == cb.codes.at(2).fold));
    BOOST_TEST((back.codes.at(4).fold == cb.codes.at(4).fold));
    BOOST_TEST(!back.codes.at(3).fold.has_value());

    // On to YAML and back: the stored YAML holds the folds, and a second
    // QDC export is the first one again.
    const auto yaml = parse_yaml(to_yaml(back), "back.yaml");
    BOOST_TEST(diff_codebooks(back, yaml) == "");
    BOOST_TEST(diff_codes(cb.codes, yaml.codes, with_defaults(same_matches, cb, yaml)) == "");
    BOOST_TEST(write_qdc(yaml) == xml);

    // The comparison is real: without the fold lines the default fold is lost.
    std::string stripped = xml;
    for (auto at = stripped.find("\nFaltung (qcode): case, umlauts"); at != std::string::npos;
         at = stripped.find("\nFaltung (qcode): case, umlauts"))
        stripped.erase(at, std::string("\nFaltung (qcode): case, umlauts").size());
    const auto lost = read(stripped);
    BOOST_TEST(diff_codes(cb.codes, lost.codes, with_defaults(same_matches, cb, lost)) ==
               "/Erbt: fold 'case, umlauts' vs 'case'");
}

BOOST_AUTO_TEST_CASE(fold_paragraph_that_cannot_be_read_is_warned_about) {
    Code c;
    std::vector<std::string> problems;
    parse_qdc_description("Muster (qcode):\n- Ausländer*\nFaltung (qcode): case, umlaute", c, problems);
    BOOST_TEST(!c.fold.has_value());
    BOOST_REQUIRE(problems.size() == 1u);
    BOOST_TEST(problems[0] == "fold 'case, umlaute' left out (use case, diacritics, umlauts or stem, separated by commas)");
    BOOST_TEST(c.patterns.at(0).phrases.at(0).words.at(0).text == "ausländer*");
    // Read, the fold applies to the patterns whichever paragraph comes first.
    Code d;
    parse_qdc_description("Muster (qcode):\n- Ausländer*\nFaltung (qcode): umlauts, stem", d, problems);
    BOOST_TEST((d.fold == qcode::text::FoldOptions{false, true, true}));
    BOOST_TEST(d.patterns.at(0).phrases.at(0).words.at(0).text == "auslaender*");
    BOOST_TEST((d.patterns.at(0).fold == qcode::text::FoldOptions{false, true, true}));
}

BOOST_AUTO_TEST_CASE(control_characters_are_dropped) {
    Codebook cb;
    cb.name = "c";
    Code c;
    c.id = c.path = "a";
    c.label = "Be\x07ll";
    c.description = "x\x01y\tz";
    cb.codes.push_back(c);
    const auto xml = write_qdc(cb);
    BOOST_TEST(xml.find("name=\"Bell\"") != std::string::npos);
    BOOST_TEST(xml.find("<Description>xy\tz\n") != std::string::npos);  // then the ID paragraph
    if (xmllint_available()) BOOST_TEST(validate(xml) == "");
}

BOOST_AUTO_TEST_CASE(guids_are_stable_and_well_formed) {
    const std::regex form("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    BOOST_TEST(std::regex_match(code_guid("huerden/technik"), form));
    BOOST_TEST(code_guid("huerden/technik") == code_guid("huerden/technik"));
    BOOST_TEST(code_guid("huerden/technik") != code_guid("huerden/technik2"));
    const auto cb = load_yaml_file(fixture);
    BOOST_TEST(write_qdc(cb) == write_qdc(cb));
    BOOST_TEST(write_qdc(cb).find("guid=\"" + code_guid("huerden/technik") + "\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(atlas_ti_spec_example) {
    std::vector<std::string> warnings;
    TempDir dir;
    const auto bytes = qcode::testing::read_file(std::string(QCODE_FIXTURES) + "/codebooks/atlasti-8.4-spec-example.qde");
    const auto cb = read(bytes, warnings, "atlasti-8.4-spec-example.qde");
    BOOST_TEST(warnings.empty());
    std::vector<std::string> top;
    for (const auto& c : cb.codes) top.push_back(c.id + "=" + c.label);
    const std::vector<std::string> expected = {
        "happiness=happiness", "feelings=Feelings", "disgust=disgust", "waste_of_time=waste of time", "coke=Coke",
        "milk=milk", "serene=serene", "bacon_and_eggs=bacon and eggs", "sleepy=sleepy",
        "breakfast_food=Breakfast food", "cornflakes=cornflakes", "rushed=\"rushed\""};
    BOOST_TEST(top == expected, boost::test_tools::per_element());
    // "Coke::full-fat Coke" and "Coke::diet Coke" nest under "Coke".
    const auto& coke = cb.codes.at(4);
    BOOST_REQUIRE(coke.children.size() == 2u);
    BOOST_TEST(coke.children[0].path == "coke/full_fat_coke");
    BOOST_TEST(coke.children[0].description == "aka regular");
    BOOST_TEST(coke.children[1].label == "diet Coke");
    BOOST_TEST(coke.description == "the breakfast of champions");
    BOOST_TEST(coke.color == "#966450");
    BOOST_TEST(cb.codes.at(5).color == "");  // milk has none
    BOOST_TEST(cb.codes.at(10).description == "breakfast cereal made by Kellogg’s");
    BOOST_TEST(cb.name == "atlasti-8.4-spec-example");
}

BOOST_AUTO_TEST_CASE(quirks_of_real_files) {
    // NVivo Mac's namespace, CRLF, isCodable missing, colours without '#'
    // and in 3 digits, an invalid colour, Sets inside the codebook and
    // inside a code, repeated names, "Kodierregel"/"Ankerbeispiel" as
    // researchers write them in MAXQDA memos (anchors without dashes).
    const std::string xml =
        "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"no\"?>\r\n"
        "<CodeBook xmlns=\"urn:QDA-XML:codebook:1:0\">\r\n"
        "<Codes>\r\n"
        "<Code guid=\"{6A3B1D0E-0000-4000-8000-000000000001}\" name=\"Vertrauen\" color=\"F00082\">\r\n"
        "<Description>Vertrauen zwischen Ämtern.\r\n\r\nDefinition: Aussagen über Vertrauen.\r\n"
        "Ankerbeispiel:\r\n„Wir kennen uns ja.“\r\n„Man ruft halt an.“\r\nCodierregel: Nur Behörden untereinander.</Description>\r\n"
        "<Code guid=\"6a3b1d0e-0000-4000-8000-000000000002\" name=\"Kein Vertrauen\" isCodable=\"0\" color=\"#abc\"/>\r\n"
        "<Sets><Set guid=\"6a3b1d0e-0000-4000-8000-000000000009\" name=\"innen\"/></Sets>\r\n"
        "</Code>\r\n"
        "<Code guid=\"6a3b1d0e-0000-4000-8000-000000000003\" name=\"Vertrauen\" isCodable=\"true\" color=\"red\"/>\r\n"
        "</Codes>\r\n"
        "<Sets><Set guid=\"6a3b1d0e-0000-4000-8000-000000000004\" name=\"Gruppe\"><MemberCode guid=\"6a3b1d0e-0000-4000-8000-000000000001\"/></Set>"
        "<Set guid=\"6a3b1d0e-0000-4000-8000-000000000005\" name=\"Leer\"/></Sets>\r\n"
        "</CodeBook>\r\n";
    std::vector<std::string> warnings;
    const auto cb = read(xml, warnings, "nvivo.qdc");
    BOOST_REQUIRE(cb.codes.size() == 2u);
    const auto& v = cb.codes[0];
    BOOST_TEST(v.id == "vertrauen");
    BOOST_TEST(v.codable);
    BOOST_TEST(v.color == "#f00082");
    BOOST_TEST(v.description == "Vertrauen zwischen Ämtern.");
    BOOST_TEST(v.definition == "Aussagen über Vertrauen.");
    BOOST_TEST(v.anchor_examples == (std::vector<std::string>{"„Wir kennen uns ja.“", "„Man ruft halt an.“"}),
               boost::test_tools::per_element());
    BOOST_TEST(v.coding_rules == "Nur Behörden untereinander.");
    BOOST_TEST(v.children.at(0).id == "kein_vertrauen");
    BOOST_TEST(!v.children.at(0).codable);
    BOOST_TEST(v.children.at(0).color == "#aabbcc");
    BOOST_TEST(cb.codes[1].id == "vertrauen_2");
    BOOST_TEST(cb.codes[1].color == "");
    BOOST_REQUIRE(warnings.size() == 2u);
    BOOST_TEST(warnings[0] == "nvivo.qdc:15: colour 'red' of 'Vertrauen' is not #rrggbb; left out");
    BOOST_TEST(warnings[1] == "nvivo.qdc: 3 set(s) (code groups) left out: qcode has no sets");
}

BOOST_AUTO_TEST_CASE(no_namespace_and_utf16) {
    const auto cb = read("<CodeBook><Codes><Code name=\"Straße\" guid=\"x\"/></Codes></CodeBook>");
    BOOST_TEST(cb.codes.at(0).id == "strasse");
    // UTF-16 with BOM, as some Windows tools write.
    const std::string utf8 = "<CodeBook><Codes><Code name=\"Ämter\" isCodable=\"true\" guid=\"x\"/></Codes></CodeBook>";
    std::string utf16 = "\xFF\xFE";
    for (unsigned char c : std::string("<CodeBook><Codes><Code name=\"")) utf16 += {static_cast<char>(c), '\0'};
    utf16 += {'\xC4', '\0'};  // Ä
    for (unsigned char c : std::string("mter\" guid=\"x\"/></Codes></CodeBook>")) utf16 += {static_cast<char>(c), '\0'};
    BOOST_TEST(read(utf16).codes.at(0).label == "Ämter");
    (void)utf8;
}

BOOST_AUTO_TEST_CASE(errors_name_file_and_line) {
    try {
        read("<CodeBook>\n<Codes>\n<Code name=\"a\">\n</Codes>\n</CodeBook>");
        BOOST_FAIL("invalid XML accepted");
    } catch (const qcode::Error& e) {
        BOOST_TEST(e.file() == "t.qdc");
        BOOST_TEST(e.line() == 4);
        BOOST_TEST(e.message().find("invalid XML") != std::string::npos);
    }
    BOOST_CHECK_THROW(read("<Codebook/>"), qcode::Error);
    BOOST_CHECK_THROW(read("<CodeBook><Codes/></CodeBook>"), qcode::Error);
    BOOST_CHECK_THROW(read("<Project name=\"p\"/>"), qcode::Error);
    Codebook empty;
    BOOST_CHECK_THROW(write_qdc(empty), qcode::Error);
}

BOOST_AUTO_TEST_CASE(description_paragraphs) {
    Code c;
    std::vector<std::string> problems;
    const auto id = parse_qdc_description(
        "Text\nMuster (qcode):\n- amt*\n- \"zwei worte\"\n- zwei worte\nAusschluss (qcode):\n- nein\n"
        "Einheit (qcode): absatz\nSprecher (qcode): all\nID (qcode): mein_code\n",
        c, problems);
    BOOST_TEST(id == "mein_code");
    BOOST_TEST(c.description == "Text");
    BOOST_TEST(c.patterns.size() == 2u);
    BOOST_TEST(c.exclude.at(0).source == "nein");
    BOOST_TEST(!c.unit.has_value());
    BOOST_TEST((c.speakers == SpeakerScope::all));
    BOOST_REQUIRE(problems.size() == 2u);
    BOOST_TEST(problems[0] == "unit 'absatz' left out (use sentence, turn or paragraph)");
    BOOST_TEST(problems[1].starts_with("pattern 'zwei worte' left out"));
    // Multi-line anchors are indented continuation lines.
    Code m;
    m.id = "m";
    m.label = "M";
    m.anchor_examples = {"erste Zeile\nzweite Zeile", "kurz"};
    const auto text = qdc_description(m);
    BOOST_TEST(text == "Ankerbeispiele:\n- erste Zeile\n  zweite Zeile\n- kurz");
    Code back;
    parse_qdc_description(text, back, problems);
    BOOST_TEST(back.anchor_examples == m.anchor_examples, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
