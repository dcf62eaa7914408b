// The dry run's table (autocode::preview_table): per code the hits, units
// and documents a run would code, and keyword-in-context lines cut from the
// coded unit with the words that fired as the keyword; nothing is written.
#include <boost/test/unit_test.hpp>

#include <string>
#include <variant>
#include <vector>

#include "autocode/preview.hpp"
#include "autocode/run.hpp"
#include "autocode_fixture.hpp"

using namespace qcode;
using qcode::autocode_test::Project;

namespace {

struct Previewed : Project {
    codebook::Codebook cb;
    Previewed() {
        // a: sentences 1 (I), 2 "Für die Ausländerbehörde fehlt die Schnittstelle.", 3 "Die Akte auch.",
        //    4 "Wieder keine Schnittstelle, nur Papier."; b: one sentence.
        import("a.txt",
               "I: Gibt es eine Schnittstelle?\n"
               "B: Für die Ausländerbehörde fehlt die Schnittstelle. Die Akte auch.\n"
               "B: Wieder keine Schnittstelle, nur Papier.\n");
        import("b.txt", "B: Die Schnittstelle zum Fachverfahren fehlt seit Jahren.\n");
        cb = install({{"s", {"akte*", "schnittstelle*"}}, {"leer", {"faxgerät"}}, {"k", {"papier"}}});
    }

    Table preview(std::size_t examples = 3, std::size_t window = 40) {
        autocode::Options o;
        o.dry_run = true;
        const auto report = autocode::run(store, cb, o);
        autocode::PreviewOptions po;
        po.examples = examples;
        po.window = window;
        return autocode::preview_table(store, cb, report, po);
    }
};

std::string cell_text(const Table& t, std::size_t row, const std::string& column) {
    const auto c = t.find_column(column);
    BOOST_TEST_REQUIRE(c >= 0);
    const auto& cell = t.rows.at(row).at(static_cast<std::size_t>(c));
    if (std::holds_alternative<std::monostate>(cell)) return "<none>";
    return std::get<std::string>(cell);
}

std::int64_t number(const Table& t, std::size_t row, const std::string& column) {
    const auto c = t.find_column(column);
    BOOST_TEST_REQUIRE(c >= 0);
    return std::get<std::int64_t>(t.rows.at(row).at(static_cast<std::size_t>(c)));
}

// "left [keyword] right" of one row.
std::string line(const Table& t, std::size_t row) {
    return cell_text(t, row, "left") + " [" + cell_text(t, row, "keyword") + "] " + cell_text(t, row, "right");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(autocode_preview)

BOOST_AUTO_TEST_CASE(columns) {
    Previewed p;
    const auto t = p.preview();
    std::vector<std::string> names;
    for (const auto& c : t.columns) names.push_back(c.name);
    BOOST_TEST(names == (std::vector<std::string>{"code", "hits", "units", "documents", "document", "unit", "rule",
                                                  "left", "keyword", "right"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(counts_and_keyword_in_context_per_code) {
    Previewed p;
    const auto t = p.preview();
    // s: sentences a2, a3, a4 and b1 (the interviewer's question is not looked at);
    // leer: nothing; k: a4.
    BOOST_TEST_REQUIRE(t.rows.size() == 5u);  // 3 examples of s, one row each for leer and k
    for (std::size_t r = 0; r < 3; ++r) {
        BOOST_TEST(cell_text(t, r, "code") == "s");
        BOOST_TEST(number(t, r, "hits") == 4);
        BOOST_TEST(number(t, r, "units") == 4);
        BOOST_TEST(number(t, r, "documents") == 2);
    }
    // The first hit of each document first, then shown in document order: a2, a3, b1.
    BOOST_TEST(cell_text(t, 0, "document") == "a");
    BOOST_TEST(cell_text(t, 0, "unit") == "sentence 2");
    BOOST_TEST(cell_text(t, 0, "rule") == "schnittstelle*");
    // Context from the coded sentence only: not the question before it, not "Die Akte auch." after it.
    BOOST_TEST(line(t, 0) == "Für die Ausländerbehörde fehlt die [Schnittstelle] .");
    BOOST_TEST(cell_text(t, 1, "unit") == "sentence 3");
    BOOST_TEST(cell_text(t, 1, "rule") == "akte*");
    BOOST_TEST(line(t, 1) == "Die [Akte] auch.");
    BOOST_TEST(cell_text(t, 2, "document") == "b");
    BOOST_TEST(cell_text(t, 2, "unit") == "sentence 1");
    BOOST_TEST(line(t, 2) == "Die [Schnittstelle] zum Fachverfahren fehlt seit Jahren.");

    BOOST_TEST(cell_text(t, 3, "code") == "leer");
    BOOST_TEST(number(t, 3, "hits") == 0);
    BOOST_TEST(number(t, 3, "units") == 0);
    BOOST_TEST(cell_text(t, 3, "document") == "<none>");
    BOOST_TEST(cell_text(t, 3, "keyword") == "<none>");

    BOOST_TEST(cell_text(t, 4, "code") == "k");
    BOOST_TEST(number(t, 4, "hits") == 1);
    BOOST_TEST(line(t, 4) == "Wieder keine Schnittstelle, nur [Papier] .");
    BOOST_TEST_REQUIRE(t.notes.size() == 1u);
    BOOST_TEST(t.notes[0].find("dry run: 5 codings in 4 units of 2 documents") == 0u);
}

BOOST_AUTO_TEST_CASE(examples_limit_and_none) {
    Previewed p;
    const auto one = p.preview(1);
    BOOST_TEST_REQUIRE(one.rows.size() == 3u);
    BOOST_TEST(cell_text(one, 0, "unit") == "sentence 2");
    const auto all = p.preview(10);
    BOOST_TEST_REQUIRE(all.rows.size() == 6u);  // 4 of s, leer, k
    BOOST_TEST(cell_text(all, 2, "unit") == "sentence 4");
    BOOST_TEST(line(all, 2) == "Wieder keine [Schnittstelle] , nur Papier.");
    BOOST_TEST(cell_text(all, 3, "document") == "b");
    // No examples: one row per code with the counts only.
    const auto none = p.preview(0);
    BOOST_TEST_REQUIRE(none.rows.size() == 3u);
    BOOST_TEST(number(none, 0, "hits") == 4);
    BOOST_TEST(cell_text(none, 0, "keyword") == "<none>");
}

BOOST_AUTO_TEST_CASE(narrow_window_cuts_at_words) {
    Previewed p;
    const auto t = p.preview(3, 12);
    // "Für die Ausländerbehörde fehlt die " — 12 characters back ("e fehlt die ") reach into
    // "Ausländerbehörde": the piece of it is dropped.
    BOOST_TEST(line(t, 0) == "…fehlt die [Schnittstelle] .");
    BOOST_TEST(line(t, 2) == "Die [Schnittstelle] zum…");
}

BOOST_AUTO_TEST_CASE(a_dry_run_and_its_preview_write_nothing) {
    Previewed p;
    autocode::Options o;
    o.coder = "robot";
    autocode::run(p.store, p.cb, o);  // a stored run for the dry run to leave alone
    const auto changes = p.store.database().getTotalChanges();
    const auto codings = p.store.codings().size();
    const auto t = p.preview();
    BOOST_TEST(!t.rows.empty());
    BOOST_TEST(p.store.database().getTotalChanges() == changes);
    BOOST_TEST(p.store.codings().size() == codings);
    BOOST_TEST(p.store.runs().size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
