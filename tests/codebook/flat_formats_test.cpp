// CSV (path,label,description,patterns) and QualCoder's a>>b>>c<TAB>memo
// text: round trips from YAML, what each reads from hand-made files, errors.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "codebook/codebook.hpp"
#include "codebook/codebook_csv.hpp"
#include "codebook/formats.hpp"
#include "codebook/ids.hpp"
#include "codebook/qualcoder_text.hpp"
#include "compare.hpp"
#include "core/error.hpp"

using namespace qcode::codebook;
using qcode::codebook_test::diff_codes;
using qcode::codebook_test::Fields;

namespace {

const std::string fixture = std::string(QCODE_FIXTURES) + "/codebooks/mayring.yaml";

Codebook csv(const std::string& text, std::vector<std::string>& warnings) {
    return read_codebook_csv(text, "codes.csv", warnings);
}
Codebook csv(const std::string& text) {
    std::vector<std::string> w;
    return csv(text, w);
}
Codebook qualcoder(const std::string& text) {
    std::vector<std::string> w;
    return read_qualcoder_text(text, "codes.txt", w);
}

template <typename F>
void expect_error(F&& f, int line, const std::string& part) {
    try {
        f();
        BOOST_ERROR("no error; expected line " << line << ": " << part);
    } catch (const qcode::Error& e) {
        BOOST_TEST(e.line() == line);
        BOOST_TEST(e.message().find(part) != std::string::npos, e.message());
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(codebook_csv)

BOOST_AUTO_TEST_CASE(round_trip_from_yaml) {
    const auto cb = load_yaml_file(fixture);
    const auto text = write_codebook_csv(cb);
    const auto back = csv(text);
    Fields f;
    f.guide = f.colors = f.codable = f.exclude = f.scope = false;
    f.folds = f.fold_keys = false;  // no column for them
    BOOST_TEST(diff_codes(cb.codes, back.codes, f) == "");
    BOOST_TEST(back.name == "codes");
}

BOOST_AUTO_TEST_CASE(written_form) {
    const auto text = write_codebook_csv(load_yaml_file(fixture));
    BOOST_TEST(text.starts_with("path,label,description,patterns\r\nhuerden,Hürden,Hindernisse beim Datenaustausch.,\r\n"
                                "huerden/technik,Technische Hürden,\"Technik, Schnittstellen & Infrastruktur.\n"
                                "Zweite Zeile: mit Doppelpunkt.\n\",\"schnittstelle*; *schnittstelle*; \"\"händisch übertragen\"\"; "
                                "medienbr?ch*\"\r\n"));
}

BOOST_AUTO_TEST_CASE(semicolons_excel_and_extra_columns) {
    // German Excel: ';' separated, BOM, CRLF, rows in any order, a parent listed after its child.
    std::vector<std::string> warnings;
    const auto cb = csv(
        "\xEF\xBB\xBFPath;Label;Description;Patterns;Color;Exclude;Notiz\r\n"
        "huerden/technik;Technik;;\"schnittstelle*; 'händisch'; a\\;b\";#ABC;nein;x\r\n"
        "huerden;Hürden;Oberkategorie;;;;\r\n"
        "\r\n"
        "nutzen;;;;;;\r\n",
        warnings);
    BOOST_REQUIRE(cb.codes.size() == 2u);
    BOOST_TEST(cb.codes[0].path == "huerden");
    BOOST_TEST(cb.codes[0].description == "Oberkategorie");
    const auto& t = cb.codes[0].children.at(0);
    BOOST_TEST(t.path == "huerden/technik");
    BOOST_TEST(t.color == "#aabbcc");
    BOOST_REQUIRE(t.patterns.size() == 3u);
    BOOST_TEST(t.patterns[1].source == "'händisch'");
    BOOST_TEST(t.patterns[2].source == "a;b");
    BOOST_TEST(t.exclude.at(0).source == "nein");
    BOOST_TEST(cb.codes[1].label == "nutzen");  // no label: the id
    BOOST_TEST(warnings == std::vector<std::string>{"codes.csv:1: column 'notiz' ignored"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(pattern_lists) {
    BOOST_TEST(split_pattern_list(" a ; b\\;c;;\\\\d ") == (std::vector<std::string>{"a", "b;c", "\\d"}),
               boost::test_tools::per_element());
    BOOST_TEST(join_pattern_list({"a", "b;c", "\\d"}) == "a; b\\;c; \\\\d");
}

BOOST_AUTO_TEST_CASE(errors_with_lines) {
    expect_error([] { csv("label,description\nx,y\n"); }, 1, "no 'path' column");
    expect_error([] { csv("path,label\na,A\na b,B\n"); }, 3, "invalid path 'a b'");
    expect_error([] { csv("path,label\na,A\na,B\n"); }, 3, "listed twice (also on line 2)");
    expect_error([] { csv("path,label\na/b,B\n"); }, 2, "no parent row: add a row for 'a'");
    expect_error([] { csv("path,label,patterns\na,A,amt\nb,B,\"zwei worte\"\n"); }, 3, "in pattern 'zwei worte' of code 'b'");
    expect_error([] { csv("path,label,description\na,A,\"multi\nline\"\nb b,B,x\n"); }, 4, "invalid path");
    expect_error([] { csv("path,label\na,\"open\n"); }, 2, "not closed");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(qualcoder_text)

BOOST_AUTO_TEST_CASE(round_trip_from_yaml) {
    const auto cb = load_yaml_file(fixture);
    const auto text = write_qualcoder_text(cb);
    const auto back = qualcoder(text);
    Fields f;
    f.ids = f.guide = f.colors = f.codable = f.patterns = f.exclude = f.scope = false;
    f.folds = f.fold_keys = false;
    f.descriptions = false;  // compared below: the memo keeps inner line breaks, not trailing ones
    BOOST_TEST(diff_codes(cb.codes, back.codes, f) == "");
    BOOST_TEST(back.codes[0].children[0].description ==
               "Technik, Schnittstellen & Infrastruktur.\nZweite Zeile: mit Doppelpunkt.");
    BOOST_TEST(back.codes[1].description == cb.codes[1].description);
    // Ids come from the labels; the two "E-Akte" siblings stay apart (with a warning on reading).
    BOOST_TEST(back.codes[0].children[0].path == "huerden/technische_huerden");
    BOOST_TEST(back.codes[1].children[1].id == "e_akte_2");
}

BOOST_AUTO_TEST_CASE(written_form) {
    const auto text = write_qualcoder_text(load_yaml_file(fixture));
    BOOST_TEST(text.starts_with("Hürden\tHindernisse beim Datenaustausch.\n"
                                "Hürden>>Technische Hürden\tTechnik, Schnittstellen & Infrastruktur.\\nZweite Zeile: "
                                "mit Doppelpunkt.\\n\n"
                                "Hürden>>Personalmangel\n"));
}

BOOST_AUTO_TEST_CASE(categories_are_implied) {
    const auto cb = qualcoder(
        "\xEF\xBB\xBF"
        "Hürden>>Technik>>Schnittstellen\tDaten händisch\\tübertragen\r\n"
        "Hürden>>Personal\r\n"
        "\r\n"
        "Hürden >> Technik\tTechnik-Memo C:\\\\temp\\x\n"
        "Nutzen\n");
    BOOST_REQUIRE(cb.codes.size() == 2u);
    const auto& h = cb.codes[0];
    BOOST_TEST(h.id == "huerden");
    BOOST_TEST(!h.codable);  // only implied: a category
    BOOST_TEST(h.children.size() == 2u);
    const auto& t = h.children[0];
    BOOST_TEST(t.codable);  // listed on its own line
    BOOST_TEST(t.description == "Technik-Memo C:\\temp\\x");
    BOOST_TEST(t.children.at(0).description == "Daten händisch\tübertragen");
    BOOST_TEST(t.children.at(0).path == "huerden/technik/schnittstellen");
    BOOST_TEST(cb.codes[1].codable);
}

BOOST_AUTO_TEST_CASE(a_name_listed_twice_is_two_codes) {
    std::vector<std::string> warnings;
    const auto cb = read_qualcoder_text("a\tx\n\na\ty\na>>b\n", "codes.txt", warnings);
    BOOST_REQUIRE(cb.codes.size() == 2u);
    BOOST_TEST(cb.codes[0].description == "x");
    BOOST_TEST(cb.codes[1].id == "a_2");
    BOOST_TEST(cb.codes[1].children.at(0).path == "a_2/b");
    BOOST_TEST(warnings == std::vector<std::string>{"codes.txt:3: 'a' is listed twice (also on line 1): read as two codes of that name"},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(errors_with_lines) {
    expect_error([] { qualcoder("a\na>>>>b\n"); }, 2, "empty code name");
    expect_error([] { qualcoder("\n\n"); }, 1, "lists no codes");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(codebook_formats)

BOOST_AUTO_TEST_CASE(detection) {
    BOOST_TEST((detect_import_format("a.yaml", "codebook: x\ncodes: []\n") == CodebookFormat::yaml));
    BOOST_TEST((detect_import_format("a.YML", "positiv: [gut]\n") == CodebookFormat::dictionary));
    BOOST_TEST((detect_import_format("a.yaml", "kaputt: [\n") == CodebookFormat::yaml));  // the loader explains
    BOOST_TEST((detect_import_format("a.qdc", "") == CodebookFormat::qdc));
    BOOST_TEST((detect_import_format("project.qde", "") == CodebookFormat::qdc));
    BOOST_TEST((detect_import_format("a.csv", "") == CodebookFormat::csv));
    BOOST_TEST((detect_import_format("a.txt", "") == CodebookFormat::qualcoder));
    BOOST_TEST((detect_import_format("LIWC.DIC", "") == CodebookFormat::liwc));
    BOOST_CHECK_THROW(detect_import_format("a.xlsx", ""), qcode::Error);
    BOOST_TEST((detect_export_format("x.qdc") == CodebookFormat::qdc));
    BOOST_CHECK_THROW(detect_export_format("x.dic"), qcode::Error);
    BOOST_TEST((parse_codebook_format("QualCoder") == CodebookFormat::qualcoder));
    BOOST_TEST(!parse_codebook_format("word").has_value());
}

BOOST_AUTO_TEST_CASE(imports_store_yaml) {
    const auto yaml = import_codebook("codebook: X\ncodes:\n  - id: a\n    label: A # Kommentar\n", "x.yaml");
    BOOST_TEST(yaml.codebook.source == "codebook: X\ncodes:\n  - id: a\n    label: A # Kommentar\n");  // as written
    const auto csv_import = import_codebook("path,label\na,A\n", "x.csv");
    BOOST_TEST(csv_import.codebook.source.starts_with("codebook: x\nversion: 1\n"));
    BOOST_TEST(csv_import.codebook.source_path == "x.csv");
    BOOST_TEST(parse_yaml(csv_import.codebook.source, "s").codes.at(0).path == "a");
    // Export refuses the import-only formats.
    BOOST_CHECK_THROW(export_codebook(yaml.codebook, CodebookFormat::liwc), qcode::Error);
}

BOOST_AUTO_TEST_CASE(ids_from_names) {
    BOOST_TEST(id_from_name("Technische Hürden") == "technische_huerden");
    BOOST_TEST(id_from_name("Größe & Maß") == "groesse_mass");
    BOOST_TEST(id_from_name("ÄRGER über Öffnungszeiten") == "aerger_ueber_oeffnungszeiten");
    BOOST_TEST(id_from_name("Café, naïve") == "cafe_naive");
    BOOST_TEST(id_from_name("  --  ") == "code");
    BOOST_TEST(id_from_name("E-Akte (neu)") == "e_akte_neu");
    BOOST_TEST(id_from_name("Москва") == "moskva");
}

BOOST_AUTO_TEST_SUITE_END()
