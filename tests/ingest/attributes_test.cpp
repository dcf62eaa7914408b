// import_attributes and the CSV reader behind it (DESIGN §3: first column
// names the document, the others are attributes).
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "ingest/attributes.hpp"
#include "ingest/csv_reader.hpp"
#include "ingest/import.hpp"
#include "store/store.hpp"
#include "support/temp_dir.hpp"

using namespace qcode;
using qcode::ingest::import_attributes;
using qcode::ingest::parse_csv;
using qcode::store::Store;
using qcode::testing::TempDir;

namespace {

struct Project {
    TempDir dir;
    Store store = Store::create((dir.path() / "p.qcode").string());

    void import_text(const std::string& name, const std::string& content) {
        ingest::import_files(store, {dir.write(name, content)}, {});
    }

    // document name → attribute name → value
    std::map<std::string, std::map<std::string, std::string>> values() {
        std::map<Id, std::string> names;
        for (const auto& d : store.documents()) names[d.id] = d.name;
        std::map<std::string, std::map<std::string, std::string>> out;
        for (const auto& a : store.attributes()) out[names[a.document]][a.name] = a.value;
        return out;
    }
};

using Strings = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(attributes)

BOOST_AUTO_TEST_CASE(sample_attribute_table) {
    Project p;
    std::vector<std::string> paths;
    const auto samples = std::filesystem::path(QCODE_SOURCE_DIR) / "samples";
    for (const auto& e : std::filesystem::directory_iterator(samples)) {
        const auto ext = e.path().extension();
        if (ext == ".txt" || ext == ".vtt" || ext == ".srt" || ext == ".docx") paths.push_back(e.path().string());
    }
    ingest::import_files(p.store, paths, {});

    const auto report = import_attributes(p.store, (samples / "attributes.csv").string());
    BOOST_TEST(report.documents == 11u);
    BOOST_TEST(report.values == 44u);  // 11 rows × 4 attribute columns
    const auto v = p.values();
    BOOST_TEST(v.size() == 11u);
    BOOST_TEST(v.at("10_sozialamt_suedtal").at("kommunentyp") == "Landkreis");
    BOOST_TEST(v.at("08_teams_jobcenter_weststadt").at("behoerde") == "Jobcenter");
    BOOST_TEST(v.at("01_abh_nordheim").at("behoerde") == "Ausl\xC3\xA4nderbeh\xC3\xB6rde");
    BOOST_TEST(v.at("01_abh_nordheim").at("kommune") == "Nordheim");
    BOOST_TEST(v.at("01_abh_nordheim").at("format") == "Experteninterview");
    BOOST_TEST(v.at("01_abh_nordheim").at("kommunentyp") == "kreisfreie Stadt");
    BOOST_TEST(v.at("02_jobcenter_suedtal").at("kommune") == "S\xC3\xBC" "dtal");
    BOOST_TEST(v.at("02_jobcenter_suedtal").at("kommunentyp") == "Landkreis");
    BOOST_TEST(v.at("06_fokusgruppe_weststadt").at("format") == "Fokusgruppe");
    BOOST_TEST(v.at("07_standesamt_nordheim").at("behoerde") == "Einb\xC3\xBCrgerungsbeh\xC3\xB6rde");
}

BOOST_AUTO_TEST_CASE(unknown_document_names_the_row) {
    Project p;
    p.import_text("a.txt", "I: Frage?\nB: Antwort.\n");
    const auto csv = p.dir.write("attr.csv", "document,kommune\na,Nordheim\nunbekannt,S\xC3\xBC" "dtal\n");
    try {
        import_attributes(p.store, csv);
        BOOST_FAIL("an unknown document must throw");
    } catch (const Error& e) {
        BOOST_TEST(e.file() == csv);
        BOOST_TEST(e.line() == 3);
        BOOST_TEST(std::string(e.what()).find("unbekannt") != std::string::npos);
    }
    BOOST_TEST(p.store.attributes().empty());  // row 2 was rolled back too
}

BOOST_AUTO_TEST_CASE(semicolons_bom_and_quoted_fields) {
    Project p;
    p.import_text("a.txt", "I: Frage?\nB: Antwort.\n");
    p.import_text("b.txt", "I: Frage?\nB: Antwort.\n");
    const auto csv = p.dir.write("attr.csv",
                                 "\xEF\xBB\xBF" "document;kommune;notiz\r\n"
                                 "a;\"Nord;heim\";\"sagt \"\"ja\"\"\"\r\n"
                                 "\"b\";S\xC3\xBC" "dtal;\"zwei\r\nZeilen\"\r\n");
    const auto report = import_attributes(p.store, csv);
    BOOST_TEST(report.documents == 2u);
    BOOST_TEST(report.values == 4u);
    const auto v = p.values();
    BOOST_TEST(v.at("a").at("kommune") == "Nord;heim");
    BOOST_TEST(v.at("a").at("notiz") == "sagt \"ja\"");
    BOOST_TEST(v.at("b").at("kommune") == "S\xC3\xBC" "dtal");
    BOOST_TEST(v.at("b").at("notiz") == "zwei\nZeilen");
}

BOOST_AUTO_TEST_CASE(row_line_counts_embedded_line_breaks) {
    Project p;
    p.import_text("a.txt", "I: Frage?\nB: Antwort.\n");
    const auto csv = p.dir.write("attr.csv", "document;notiz\na;\"zwei\nZeilen\"\nfehlt;x\n");
    try {
        import_attributes(p.store, csv);
        BOOST_FAIL("an unknown document must throw");
    } catch (const Error& e) {
        BOOST_TEST(e.line() == 4);
    }
}

BOOST_AUTO_TEST_CASE(short_rows_store_empty_values_long_rows_are_errors) {
    Project p;
    p.import_text("a.txt", "I: Frage?\nB: Antwort.\n");
    const auto short_csv = p.dir.write("short.csv", "document,kommune,behoerde\na,Nordheim\n");
    import_attributes(p.store, short_csv);
    const auto v = p.values();
    BOOST_TEST(v.at("a").at("kommune") == "Nordheim");
    BOOST_TEST(v.at("a").at("behoerde") == "");

    const auto long_csv = p.dir.write("long.csv", "document,kommune\na,Nordheim,zu viel\n");
    try {
        import_attributes(p.store, long_csv);
        BOOST_FAIL("a row longer than the header must throw");
    } catch (const Error& e) {
        BOOST_TEST(e.file() == long_csv);
        BOOST_TEST(e.line() == 2);
    }
}

BOOST_AUTO_TEST_CASE(reimport_overwrites_values) {
    Project p;
    p.import_text("a.txt", "I: Frage?\nB: Antwort.\n");
    import_attributes(p.store, p.dir.write("1.csv", "document,kommune\na,Nordheim\n"));
    import_attributes(p.store, p.dir.write("2.csv", "document,kommune\na,Weststadt\n"));
    BOOST_TEST(p.store.attributes().size() == 1u);
    BOOST_TEST(p.values().at("a").at("kommune") == "Weststadt");
}

BOOST_AUTO_TEST_CASE(bad_tables) {
    Project p;
    p.import_text("a.txt", "I: Frage?\nB: Antwort.\n");
    const auto empty = p.dir.write("empty.csv", "");
    BOOST_CHECK_THROW(import_attributes(p.store, empty), Error);
    const auto one_column = p.dir.write("one.csv", "document\na\n");
    BOOST_CHECK_THROW(import_attributes(p.store, one_column), Error);
    const auto unnamed = p.dir.write("unnamed.csv", "document,,kommune\na,x,y\n");
    BOOST_CHECK_THROW(import_attributes(p.store, unnamed), Error);
    const auto missing = (p.dir.path() / "missing.csv").string();
    try {
        import_attributes(p.store, missing);
        BOOST_FAIL("a missing table must throw");
    } catch (const Error& e) {
        BOOST_TEST(e.file() == missing);
    }
    BOOST_TEST(p.store.attributes().empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(csv_reader)

BOOST_AUTO_TEST_CASE(rows_fields_and_lines) {
    const auto rows = parse_csv("a,b,c\r\n1,\"2,5\",3\n\n\"x\ny\",z\n", "t.csv");
    BOOST_TEST_REQUIRE(rows.size() == 3u);  // the blank line is skipped
    BOOST_TEST(rows[0].line == 1);
    BOOST_TEST(rows[0].fields == (Strings{"a", "b", "c"}), boost::test_tools::per_element());
    BOOST_TEST(rows[1].line == 2);
    BOOST_TEST(rows[1].fields == (Strings{"1", "2,5", "3"}), boost::test_tools::per_element());
    BOOST_TEST(rows[2].line == 4);
    BOOST_TEST(rows[2].fields == (Strings{"x\ny", "z"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(separator_detection) {
    auto rows = parse_csv("a;b;c\n1;2,5;3\n", "t.csv");
    BOOST_TEST_REQUIRE(rows.size() == 2u);
    BOOST_TEST(rows[1].fields == (Strings{"1", "2,5", "3"}), boost::test_tools::per_element());
    rows = parse_csv("a\tb\n1\t2\n", "t.csv");
    BOOST_TEST_REQUIRE(rows.size() == 2u);
    BOOST_TEST(rows[1].fields == (Strings{"1", "2"}), boost::test_tools::per_element());
    rows = parse_csv("a;b\n1;2\n", "t.csv", ',');  // explicit separator wins
    BOOST_TEST(rows[1].fields == (Strings{"1;2"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(empty_fields_and_no_final_newline) {
    const auto rows = parse_csv("a,,c\n,,", "t.csv");
    BOOST_TEST_REQUIRE(rows.size() == 2u);
    BOOST_TEST(rows[0].fields == (Strings{"a", "", "c"}), boost::test_tools::per_element());
    BOOST_TEST(rows[1].fields == (Strings{"", "", ""}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(unclosed_quote_names_its_line) {
    try {
        parse_csv("a,b\n1,2\n3,\"offen\nnoch offen\n", "t.csv");
        BOOST_FAIL("an unclosed quote must throw");
    } catch (const Error& e) {
        BOOST_TEST(e.file() == "t.csv");
        BOOST_TEST(e.line() == 3);
    }
}

BOOST_AUTO_TEST_SUITE_END()
