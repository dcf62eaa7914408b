// The coding guide (Kodierleitfaden): table rows and the HTML page.
#include <boost/test/unit_test.hpp>

#include <string>
#include <variant>

#include "codebook/codebook.hpp"
#include "codebook/guide.hpp"
#include "codebook/guide_html.hpp"

using namespace qcode::codebook;

namespace {

const std::string fixture = std::string(QCODE_FIXTURES) + "/codebooks/mayring.yaml";

std::string cell(const qcode::Table& t, std::size_t row, const std::string& column) {
    return std::get<std::string>(t.rows.at(row).at(static_cast<std::size_t>(t.find_column(column))));
}

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto pos = s.find(what); pos != std::string::npos; pos = s.find(what, pos + 1)) ++n;
    return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(coding_guide_table)

BOOST_AUTO_TEST_CASE(columns_and_rows) {
    const auto t = coding_guide(load_yaml_file(fixture));
    BOOST_TEST(t.title == "Kodierleitfaden: Kommunale Datenwege");
    std::vector<std::string> names;
    for (const auto& c : t.columns) names.push_back(c.name);
    BOOST_TEST(names == (std::vector<std::string>{"Kategorie", "Bezeichnung", "Definition", "Ankerbeispiele",
                                                  "Kodierregeln", "Muster"}),
               boost::test_tools::per_element());
    BOOST_REQUIRE(t.rows.size() == 7u);
    BOOST_TEST(cell(t, 0, "Kategorie") == "huerden");
    // No definition: the description stands in.
    BOOST_TEST(cell(t, 0, "Definition") == "Hindernisse beim Datenaustausch.");
    BOOST_TEST(cell(t, 1, "Kategorie") == "huerden/technik");
    BOOST_TEST(cell(t, 1, "Bezeichnung") == "Technische Hürden");
    BOOST_TEST(cell(t, 1, "Definition") == "Jede Schilderung einer technischen Hürde im Datenaustausch.");
    BOOST_TEST(cell(t, 1, "Ankerbeispiele") == "„Das tippen wir alles ab.“\nMedienbruch pur, sag ich mal.");
    BOOST_TEST(cell(t, 1, "Kodierregeln") == "Nur aktuelle Zustände; frühere Probleme → nicht codieren.");
    BOOST_TEST(cell(t, 1, "Muster") ==
               "schnittstelle*; *schnittstelle*; \"händisch übertragen\"; medienbr?ch*\nausgenommen: \"keine probleme\"");
    BOOST_TEST(cell(t, 2, "Muster") == "personal*; \"zu wenig leute\"");
    BOOST_TEST(cell(t, 6, "Kategorie") == "sonstiges");
    BOOST_TEST(cell(t, 6, "Definition") == "");
}

BOOST_AUTO_TEST_CASE(html_page) {
    const auto cb = load_yaml_file(fixture);
    const auto h = coding_guide_html(cb);
    BOOST_TEST(h.starts_with("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">"));
    BOOST_TEST(h.find("<title>Kodierleitfaden: Kommunale Datenwege</title>") != std::string::npos);
    BOOST_TEST(h.find("<th>Kategorie</th><th>Definition</th><th>Ankerbeispiele</th><th>Kodierregeln</th><th>Muster</th>") !=
               std::string::npos);
    BOOST_TEST(count(h, "<table>") == 1u);
    BOOST_TEST(count(h, "<tr") == 8u);  // header + 7 codes
    // Escaped text, kept line breaks, anchors as a list, patterns as code.
    BOOST_TEST(h.find("Technik, Schnittstellen &amp; Infrastruktur.") == std::string::npos);  // description is not shown for technik
    BOOST_TEST(h.find("Was funktioniert — auch mit &#39;Zitaten&#39; und #Hashtag.") != std::string::npos);
    BOOST_TEST(h.find("<ul><li>„Das tippen wir alles ab.“</li><li>Medienbruch pur, sag ich mal.</li></ul>") != std::string::npos);
    BOOST_TEST(h.find("<code>&quot;händisch übertragen&quot;</code>") != std::string::npos);
    BOOST_TEST(h.find("<span class=\"ausgenommen\">ausgenommen: <code>&quot;keine probleme&quot;</code></span>") !=
               std::string::npos);
    BOOST_TEST(h.find("padding-left:1.75rem") != std::string::npos);  // depth 2
    BOOST_TEST(h.find("<script") == std::string::npos);
    BOOST_TEST(h.find("http") == std::string::npos);  // nothing external
    BOOST_TEST(html_escape("<a href=\"x\">&'") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
}

BOOST_AUTO_TEST_SUITE_END()
