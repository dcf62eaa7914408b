// The runs table (autocode::runs_table): one row per run with its codebook,
// options, codings made and still present, and whether it was replaced or
// undone.
#include <boost/test/unit_test.hpp>

#include <string>
#include <variant>
#include <vector>

#include "autocode/run.hpp"
#include "autocode/runs.hpp"
#include "autocode/undo.hpp"
#include "autocode_fixture.hpp"

using namespace qcode;
using qcode::autocode_test::Project;

namespace {

struct Coded : Project {
    codebook::Codebook cb;
    Coded() {
        import("a.txt", "B: Die Schnittstelle fehlt. Die Akte auch.\nB: Schnittstelle!\n");
        cb = install({{"s", {"schnittstelle*"}}, {"k", {"akte*"}}});
    }
    Id run(const std::string& coder, std::optional<UnitKind> unit = std::nullopt) {
        autocode::Options o;
        o.coder = coder;
        o.unit = unit;
        return *autocode::run(store, cb, o).run;
    }
};

Cell cell(const Table& t, std::size_t row, const std::string& column) {
    const auto c = t.find_column(column);
    BOOST_TEST_REQUIRE(c >= 0);
    return t.rows.at(row).at(static_cast<std::size_t>(c));
}
std::string cell_text(const Table& t, std::size_t row, const std::string& column) {
    const auto c = cell(t, row, column);
    return std::holds_alternative<std::monostate>(c) ? "<none>" : std::get<std::string>(c);
}
std::int64_t number(const Table& t, std::size_t row, const std::string& column) {
    const auto c = cell(t, row, column);
    return std::holds_alternative<std::monostate>(c) ? -1 : std::get<std::int64_t>(c);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(autocode_runs_table)

BOOST_AUTO_TEST_CASE(columns_and_an_empty_project) {
    Coded p;
    const auto t = autocode::runs_table(p.store);
    std::vector<std::string> names;
    for (const auto& c : t.columns) names.push_back(c.name);
    BOOST_TEST(names == (std::vector<std::string>{"run", "started_at", "coder", "codebook", "codebook_sha256", "options",
                                                  "codings", "present", "status", "replaced_by", "undone_at"}),
               boost::test_tools::per_element());
    BOOST_TEST(t.rows.empty());
}

BOOST_AUTO_TEST_CASE(active_replaced_and_undone_runs) {
    Coded p;
    const auto r1 = p.run("robot");
    const auto r2 = p.run("other", UnitKind::turn);
    const auto r3 = p.run("robot");  // replaces r1
    autocode::undo(p.store, r2);
    // A hand edit takes one of r3's codings away.
    for (const auto& c : p.store.codings())
        if (c.run == r3) {
            p.store.delete_coding(c.id);
            break;
        }
    const auto t = autocode::runs_table(p.store);
    BOOST_TEST_REQUIRE(t.rows.size() == 3u);
    BOOST_TEST(number(t, 0, "run") == r1);
    BOOST_TEST(cell_text(t, 0, "coder") == "robot");
    BOOST_TEST(cell_text(t, 0, "codebook") == "Test");
    BOOST_TEST(cell_text(t, 0, "codebook_sha256") == p.cb.sha256.substr(0, 12));
    BOOST_TEST(cell_text(t, 0, "options").find("unit=sentence") == 0u);
    BOOST_TEST(cell_text(t, 0, "started_at").size() == 20u);
    BOOST_TEST(number(t, 0, "codings") == 3);
    BOOST_TEST(number(t, 0, "present") == 0);
    BOOST_TEST(cell_text(t, 0, "status") == "replaced");
    BOOST_TEST(number(t, 0, "replaced_by") == r3);
    BOOST_TEST(cell_text(t, 0, "undone_at") == "<none>");

    BOOST_TEST(number(t, 1, "run") == r2);
    BOOST_TEST(cell_text(t, 1, "options").find("unit=turn") == 0u);
    BOOST_TEST(number(t, 1, "codings") == 3);  // s in both turns, k in the first
    BOOST_TEST(number(t, 1, "present") == 0);
    BOOST_TEST(cell_text(t, 1, "status") == "undone");
    BOOST_TEST(number(t, 1, "replaced_by") == -1);
    BOOST_TEST(cell_text(t, 1, "undone_at").size() == 20u);

    BOOST_TEST(number(t, 2, "run") == r3);
    BOOST_TEST(number(t, 2, "codings") == 3);
    BOOST_TEST(number(t, 2, "present") == 2);
    BOOST_TEST(cell_text(t, 2, "status") == "active");
}

BOOST_AUTO_TEST_CASE(only_the_runs_of_some_coders) {
    Coded p;
    p.run("robot");
    const auto other = p.run("other");
    p.run("third");
    const auto t = autocode::runs_table(p.store, {"other"});
    BOOST_TEST_REQUIRE(t.rows.size() == 1u);
    BOOST_TEST(number(t, 0, "run") == other);
    BOOST_TEST(autocode::runs_table(p.store, {"nobody"}).rows.empty());
}

BOOST_AUTO_TEST_SUITE_END()
