// Autocoding runs in the store: what a run row records, which codings of a
// run are still present, replacement by the coder's next run, undo.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "store/store.hpp"
#include "store_fixture.hpp"

using namespace qcode;
using qcode::store::RunRow;
using qcode::store::Store;
using qcode::store_test::code;
using qcode::store_test::coding;
using qcode::store_test::Project;
using qcode::store_test::sample_document;

namespace {

// One document, one code; runs are added by the tests.
struct Runs : Project {
    Id doc = 0, a = 0;

    Runs() {
        doc = store.add_document(sample_document());
        a = store.upsert_code(code("a"));
    }

    Id add_run(const std::string& coder, const std::string& sha = std::string(64, 'c'), const std::string& name = {}) {
        RunRow r;
        r.codebook_sha256 = sha;
        r.options = "unit=sentence";
        r.coder = coder;
        r.codebook_name = name;
        return store.add_run(r);
    }

    // `n` automatic codings of `run` at [i, i+1).
    void auto_codings(Id run, const std::string& coder, int n) {
        std::vector<Coding> cs;
        for (int i = 0; i < n; ++i) {
            auto c = coding(doc, {std::uint32_t(i), std::uint32_t(i + 1)}, a, coder, Origin::automatic);
            c.run = run;
            c.rule = "a*";
            cs.push_back(c);
        }
        store.add_codings(cs);
        store.set_run_codings(run, n);
    }

    RunRow run(Id id) {
        const auto r = store.find_run(id);
        BOOST_TEST_REQUIRE(r.has_value());
        return *r;
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(store_runs)

BOOST_AUTO_TEST_CASE(present_counts_the_run_s_codings_left) {
    Runs p;
    const auto r1 = p.add_run("auto");
    p.auto_codings(r1, "auto", 3);
    const auto r2 = p.add_run("other");
    p.auto_codings(r2, "other", 2);
    BOOST_TEST(p.run(r1).codings == 3);
    BOOST_TEST(p.run(r1).present == 3);
    BOOST_TEST(p.run(r2).present == 2);
    // A hand edit removes one of run 1's codings: made 3, present 2.
    const auto first = p.store.codings().at(0);
    BOOST_TEST_REQUIRE(first.run.value_or(0) == r1);
    BOOST_TEST(p.store.delete_coding(first.id));
    BOOST_TEST(p.run(r1).codings == 3);
    BOOST_TEST(p.run(r1).present == 2);
    BOOST_TEST(p.run(r2).present == 2);
}

BOOST_AUTO_TEST_CASE(delete_run_codings_takes_only_that_run_s_automatic_codings) {
    Runs p;
    const auto r1 = p.add_run("auto");
    p.auto_codings(r1, "auto", 3);
    const auto r2 = p.add_run("other");
    p.auto_codings(r2, "other", 2);
    // Codings that name run 1 but are not automatic (as a merge or a
    // hand-made database might leave them) are never taken by an undo.
    auto manual = coding(p.doc, {20, 25}, p.a, "auto", Origin::manual);
    manual.run = r1;
    auto imported = coding(p.doc, {26, 28}, p.a, "auto", Origin::imported);
    imported.run = r1;
    // The same coder's automatic coding without a run (merged from elsewhere).
    const auto loose = coding(p.doc, {30, 33}, p.a, "auto", Origin::automatic);
    p.store.add_codings({manual, imported, loose});
    BOOST_TEST(p.store.codings().size() == 8u);

    BOOST_TEST(p.store.delete_run_codings(r1) == 3);
    const auto left = p.store.codings();
    BOOST_TEST_REQUIRE(left.size() == 5u);
    BOOST_TEST(std::count_if(left.begin(), left.end(), [&](const auto& c) { return c.run == r2; }) == 2);
    BOOST_TEST(std::count_if(left.begin(), left.end(), [&](const auto& c) { return c.origin == Origin::manual; }) == 1);
    BOOST_TEST(std::count_if(left.begin(), left.end(), [&](const auto& c) { return c.origin == Origin::imported; }) == 1);
    BOOST_TEST(std::count_if(left.begin(), left.end(), [&](const auto& c) { return !c.run; }) == 1);
    BOOST_TEST(p.store.delete_run_codings(r1) == 0);
    BOOST_TEST(p.store.delete_run_codings(999) == 0);
}

BOOST_AUTO_TEST_CASE(memos_on_a_run_s_codings_are_counted_and_go_with_them) {
    Runs p;
    const auto r1 = p.add_run("auto");
    p.auto_codings(r1, "auto", 2);
    const auto r2 = p.add_run("other");
    p.auto_codings(r2, "other", 1);
    const auto codings = p.store.codings();
    auto memo_on = [&](Id coding_id) {
        store::MemoRow m;
        m.target_kind = store::MemoTarget::coding;
        m.target = coding_id;
        m.author = "anna";
        m.text = "Notiz";
        p.store.add_memo(m);
    };
    for (const auto& c : codings) memo_on(c.id);  // two on run 1, one on run 2
    BOOST_TEST(p.store.count_run_coding_memos(r1) == 2);
    BOOST_TEST(p.store.count_run_coding_memos(r2) == 1);
    p.store.delete_run_codings(r1);
    BOOST_TEST(p.store.count_run_coding_memos(r1) == 0);
    BOOST_TEST(p.store.memos().size() == 1u);
}

BOOST_AUTO_TEST_CASE(the_coder_s_next_run_replaces_an_earlier_one) {
    Runs p;
    const auto r1 = p.add_run("auto");
    const auto r2 = p.add_run("other");
    const auto r3 = p.add_run("auto");
    const auto r4 = p.add_run("auto");
    const auto runs = p.store.runs();
    BOOST_TEST_REQUIRE(runs.size() == 4u);
    BOOST_TEST(runs[0].id == r1);
    BOOST_TEST(runs[0].replaced_by.value_or(0) == r3);  // the next one, not the last one
    BOOST_TEST(!runs[1].replaced_by.has_value());        // another coder's run replaces nothing of it
    BOOST_TEST(runs[2].replaced_by.value_or(0) == r4);
    BOOST_TEST(!runs[3].replaced_by.has_value());
    BOOST_TEST(r2 != r1);
}

BOOST_AUTO_TEST_CASE(an_undone_run_is_not_replaced_by_a_later_one) {
    Runs p;
    const auto r1 = p.add_run("auto");
    p.store.set_run_undone(r1, "2025-05-01T10:00:00Z");
    const auto r2 = p.add_run("auto");
    BOOST_TEST(p.run(r1).undone_at.value_or("") == "2025-05-01T10:00:00Z");
    BOOST_TEST(!p.run(r1).replaced_by.has_value());
    BOOST_TEST(!p.run(r2).undone_at.has_value());
    p.store.set_run_undone(r2);
    BOOST_TEST(p.run(r2).undone_at.value_or("").size() == 20u);  // now, ISO 8601 UTC
}

BOOST_AUTO_TEST_CASE(find_run_of_an_unknown_id_is_nothing) {
    Runs p;
    BOOST_TEST(!p.store.find_run(1).has_value());
    const auto r = p.add_run("auto");
    BOOST_TEST(p.store.find_run(r).has_value());
    BOOST_TEST(!p.store.find_run(r + 1).has_value());
}

BOOST_AUTO_TEST_CASE(codebook_name_from_the_run_or_the_installed_codebook) {
    Runs p;
    const std::string sha(64, 'd');
    p.store.set_codebook(store::CodebookSource{"AZR-Nutzung", "/x/azr.yaml", sha, "codebook: AZR-Nutzung\n", {}});
    const auto named = p.add_run("auto", sha, "Eigener Name");
    const auto installed = p.add_run("auto", sha);
    const auto other = p.add_run("auto", std::string(64, 'e'));
    BOOST_TEST(p.run(named).codebook_name == "Eigener Name");
    BOOST_TEST(p.run(installed).codebook_name == "AZR-Nutzung");
    BOOST_TEST(p.run(other).codebook_name == "");  // another codebook's hash: no name to give
    BOOST_TEST(p.run(installed).codebook_sha256 == sha);
}

BOOST_AUTO_TEST_SUITE_END()
