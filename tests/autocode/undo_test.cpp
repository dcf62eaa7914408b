// autocode::undo and re-runs: an undo takes back exactly one run's
// codings, a refused undo changes nothing, and running the same codebook
// again as the same coder gives the same codings, not twice as many
// (issue #4, "Runs").
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "autocode/run.hpp"
#include "autocode/undo.hpp"
#include "autocode_fixture.hpp"
#include "core/error.hpp"
#include "support/temp_dir.hpp"

using namespace qcode;
using qcode::autocode_test::Project;

namespace {

// Three respondent sentences hold "Schnittstelle", one "Akte".
struct Coded : Project {
    codebook::Codebook cb;
    Coded() {
        import("a.txt", "I: Schnittstelle?\nB: Die Schnittstelle fehlt. Die Akte auch.\nB: Schnittstelle!\n");
        import("b.txt", "B: Keine Schnittstelle.\n");
        cb = install({{"s", {"schnittstelle*"}}, {"k", {"akte*"}}});
    }

    Id run(const std::string& coder) {
        autocode::Options o;
        o.coder = coder;
        const auto report = autocode::run(store, cb, o);
        BOOST_TEST_REQUIRE(report.run.has_value());
        return *report.run;
    }

    Id add_coding(const std::string& coder, Origin origin, Span span) {
        Coding c;
        c.document = document_id("b");
        c.span = span;
        c.code = code_id("s");
        c.coder = coder;
        c.origin = origin;
        return store.add_coding(c);
    }

    std::vector<Id> coding_ids() {
        std::vector<Id> out;
        for (const auto& c : store.codings()) out.push_back(c.id);
        return out;
    }

    std::string error_of(Id run) {
        try {
            autocode::undo(store, run);
        } catch (const Error& e) {
            return e.what();
        }
        BOOST_FAIL("undo of run " << run << " should be refused");
        return {};
    }
};

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(autocode_undo)

BOOST_AUTO_TEST_CASE(undo_removes_exactly_that_run_s_codings) {
    Coded p;
    const auto robot = p.run("robot");
    const auto robot2 = p.run("robot2");
    // Hand-made and imported codings, one under the run's coder name.
    p.add_coding("robot", Origin::manual, {3, 8});
    p.add_coding("anna", Origin::manual, {3, 8});
    p.add_coding("robot", Origin::imported, {9, 22});
    BOOST_TEST_REQUIRE(p.store.codings().size() == 11u);  // 4 + 4 + 3

    const auto report = autocode::undo(p.store, robot);
    BOOST_TEST(report.run == robot);
    BOOST_TEST(report.coder == "robot");
    BOOST_TEST(report.codings == 4);
    BOOST_TEST(report.memos == 0);
    const auto left = p.store.codings();
    BOOST_TEST(left.size() == 7u);
    for (const auto& c : left) {
        BOOST_TEST((c.run != std::optional<Id>(robot)));
        if (c.origin == Origin::automatic) BOOST_TEST(c.coder == "robot2");
    }
    BOOST_TEST(std::count_if(left.begin(), left.end(), [&](const auto& c) { return c.run == robot2; }) == 4);
    BOOST_TEST(std::count_if(left.begin(), left.end(), [](const auto& c) { return c.origin != Origin::automatic; }) == 3);

    const auto undone = p.store.find_run(robot);
    BOOST_TEST_REQUIRE(undone.has_value());
    BOOST_TEST(undone->undone_at.has_value());
    BOOST_TEST(undone->codings == 4);  // what it made stays on record
    BOOST_TEST(undone->present == 0);
    BOOST_TEST(!p.store.find_run(robot2)->undone_at.has_value());
}

BOOST_AUTO_TEST_CASE(memos_on_the_run_s_codings_go_with_them) {
    Coded p;
    const auto r = p.run("robot");
    store::MemoRow m;
    m.target_kind = store::MemoTarget::coding;
    m.target = p.store.codings().at(0).id;
    m.author = "anna";
    m.text = "stimmt so nicht";
    p.store.add_memo(m);
    const auto report = autocode::undo(p.store, r);
    BOOST_TEST(report.codings == 4);
    BOOST_TEST(report.memos == 1);
    BOOST_TEST(p.store.memos().empty());
}

BOOST_AUTO_TEST_CASE(a_replaced_run_cannot_be_undone_the_replacing_one_can) {
    Coded p;
    const auto first = p.run("robot");
    const auto second = p.run("robot");
    const auto before = p.coding_ids();
    const auto message = p.error_of(first);
    BOOST_TEST(contains(message, "run " + std::to_string(first) + " was replaced by run " + std::to_string(second)));
    BOOST_TEST(contains(message, "undo run " + std::to_string(second)));
    BOOST_TEST(p.coding_ids() == before, boost::test_tools::per_element());
    BOOST_TEST(!p.store.find_run(first)->undone_at.has_value());

    BOOST_TEST(autocode::undo(p.store, second).codings == 4);
    BOOST_TEST(p.store.codings().empty());  // the first run's codings do not come back
    const auto runs = p.store.runs();
    BOOST_TEST_REQUIRE(runs.size() == 2u);
    BOOST_TEST(runs[0].replaced_by.value_or(0) == second);
    BOOST_TEST(runs[0].present == 0);
    BOOST_TEST(runs[1].undone_at.has_value());
}

BOOST_AUTO_TEST_CASE(unknown_and_already_undone_runs_are_refused_unchanged) {
    Coded p;
    const auto r = p.run("robot");
    const auto before = p.coding_ids();
    const auto unknown = p.error_of(r + 41);
    BOOST_TEST(contains(unknown, "no autocoding run " + std::to_string(r + 41)));
    BOOST_TEST(contains(unknown, "qcode runs"));
    BOOST_TEST(contains(unknown, p.store.path()));
    BOOST_TEST(p.coding_ids() == before, boost::test_tools::per_element());
    BOOST_TEST(!p.store.find_run(r)->undone_at.has_value());

    autocode::undo(p.store, r);
    const auto at = p.store.find_run(r)->undone_at.value_or("");
    const auto twice = p.error_of(r);
    BOOST_TEST(contains(twice, "run " + std::to_string(r) + " was already undone (" + at + ")"));
    BOOST_TEST(p.store.find_run(r)->undone_at.value_or("") == at);
}

BOOST_AUTO_TEST_CASE(undo_inside_a_failed_transaction_leaves_everything) {
    Coded p;
    const auto r = p.run("robot");
    const auto before = p.coding_ids();
    {
        auto outer = p.store.transaction();
        BOOST_TEST(autocode::undo(p.store, r).codings == 4);
        BOOST_TEST(p.store.codings().empty());
    }  // not committed: rolls back, the undo with it
    BOOST_TEST(p.coding_ids() == before, boost::test_tools::per_element());
    BOOST_TEST(!p.store.find_run(r)->undone_at.has_value());
}

BOOST_AUTO_TEST_CASE(a_new_run_after_an_undo_codes_again) {
    Coded p;
    const auto first = p.run("robot");
    autocode::undo(p.store, first);
    const auto second = p.run("robot");
    BOOST_TEST(p.store.codings().size() == 4u);
    const auto runs = p.store.runs();
    BOOST_TEST_REQUIRE(runs.size() == 2u);
    BOOST_TEST(runs[0].undone_at.has_value());
    BOOST_TEST(!runs[0].replaced_by.has_value());  // undone before the second run: not replaced
    BOOST_TEST(runs[1].id == second);
    BOOST_TEST(runs[1].present == 4);
}

BOOST_AUTO_TEST_CASE(the_same_codebook_twice_gives_the_same_codings_once) {
    Coded p;
    using Key = std::tuple<Id, std::uint32_t, std::uint32_t, Id, std::string, std::string, Origin>;
    auto keys = [&] {
        std::vector<Key> out;
        for (const auto& c : p.store.codings())
            out.emplace_back(c.document, c.span.start, c.span.end, c.code, c.coder, c.rule, c.origin);
        std::sort(out.begin(), out.end());
        return out;
    };
    p.add_coding("anna", Origin::manual, {3, 8});
    const auto first = p.run("robot");
    const auto after_first = keys();
    BOOST_TEST_REQUIRE(after_first.size() == 5u);
    const auto second = p.run("robot");
    BOOST_TEST((keys() == after_first));  // same places, codes, rules; nothing twice
    for (const auto& c : p.store.codings())
        if (c.origin == Origin::automatic) BOOST_TEST(c.run.value_or(0) == second);
    const auto runs = p.store.runs();
    BOOST_TEST_REQUIRE(runs.size() == 2u);
    BOOST_TEST(runs[0].id == first);
    BOOST_TEST(runs[0].codings == 4);
    BOOST_TEST(runs[0].present == 0);
    BOOST_TEST(runs[0].replaced_by.value_or(0) == second);
    BOOST_TEST(runs[1].codings == 4);
    BOOST_TEST(runs[1].present == 4);
    BOOST_TEST(!runs[1].replaced_by.has_value());
}

BOOST_AUTO_TEST_SUITE_END()
