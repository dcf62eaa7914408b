// Codings, runs and the CodingFilter every table uses (DESIGN §2, §5).
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "core/error.hpp"
#include "store/store.hpp"
#include "store_fixture.hpp"

using namespace qcode;
using qcode::store::CodingFilter;
using qcode::store::Store;
using qcode::store_test::code;
using qcode::store_test::coding;
using qcode::store_test::Project;
using qcode::store_test::sample_document;

namespace {

// Two documents with attributes, two codes, one run and five codings:
//   c1 doc1 [0,5)   A anna manual
//   c2 doc1 [3,9)   B ben  manual
//   c3 doc1 [10,20) A auto automatic (run, rule "schnitt*")
//   c4 doc2 [0,4)   A anna manual
//   c5 doc2 [5,8)   B auto automatic
struct Coded : Project {
    Id doc1 = 0, doc2 = 0, a = 0, b = 0, run = 0;

    Coded() {
        doc1 = store.add_document(sample_document("doc1"));
        doc2 = store.add_document(sample_document("doc2"));
        store.set_attribute(doc1, "kommune", "Nordheim");
        store.set_attribute(doc2, "kommune", "S\xC3\xBC" "dtal");
        store.set_attribute(doc1, "format", "Interview");
        store.set_attribute(doc2, "format", "Interview");
        a = store.upsert_code(code("a"));
        b = store.upsert_code(code("b"));
        store::RunRow r;
        r.codebook_sha256 = std::string(64, 'c');
        r.options = "{\"unit\":\"sentence\"}";
        r.coder = "auto";
        run = store.add_run(r);
        auto c3 = coding(doc1, {10, 20}, a, "auto", Origin::automatic);
        c3.run = run;
        c3.rule = "schnitt*";
        auto c1 = coding(doc1, {0, 5}, a, "anna");
        c1.memo = "wichtig";
        store.add_codings({c1, coding(doc1, {3, 9}, b, "ben"), c3, coding(doc2, {0, 4}, a, "anna"),
                           coding(doc2, {5, 8}, b, "auto", Origin::automatic)});
    }

    // (document, start) pairs identify the five codings above.
    std::vector<std::pair<Id, std::uint32_t>> keys(const CodingFilter& f) {
        std::vector<std::pair<Id, std::uint32_t>> out;
        for (const auto& c : store.codings(f)) out.emplace_back(c.document, c.span.start);
        return out;
    }
};

using Keys = std::vector<std::pair<Id, std::uint32_t>>;

}  // namespace

BOOST_AUTO_TEST_SUITE(store_codings)

BOOST_AUTO_TEST_CASE(codings_read_back_with_every_field) {
    Coded p;
    const auto all = p.store.codings();
    BOOST_TEST_REQUIRE(all.size() == 5u);
    // Ordered by document, start, end, code.
    BOOST_TEST((p.keys({}) == Keys{{p.doc1, 0}, {p.doc1, 3}, {p.doc1, 10}, {p.doc2, 0}, {p.doc2, 5}}));

    BOOST_TEST((all[0].span == Span{0, 5}));
    BOOST_TEST(all[0].code == p.a);
    BOOST_TEST(all[0].coder == "anna");
    BOOST_TEST(static_cast<int>(all[0].origin) == static_cast<int>(Origin::manual));
    BOOST_TEST(!all[0].run.has_value());
    BOOST_TEST(all[0].rule == "");
    BOOST_TEST(all[0].memo == "wichtig");
    BOOST_TEST(all[0].created_at.size() == 20u);

    BOOST_TEST((all[2].span == Span{10, 20}));
    BOOST_TEST(static_cast<int>(all[2].origin) == static_cast<int>(Origin::automatic));
    BOOST_TEST(all[2].run.value_or(-1) == p.run);
    BOOST_TEST(all[2].rule == "schnitt*");
    BOOST_TEST(all[2].coder == "auto");

    const auto c = p.store.counts();
    BOOST_TEST(c.codings == 5);
    BOOST_TEST(c.coders == 3);
    BOOST_TEST(c.runs == 1);
    BOOST_TEST(c.codes == 2);
}

BOOST_AUTO_TEST_CASE(filter_by_coder) {
    Coded p;
    CodingFilter f;
    f.coders = {"anna"};
    BOOST_TEST((p.keys(f) == Keys{{p.doc1, 0}, {p.doc2, 0}}));
    f.coders = {"anna", "ben"};
    BOOST_TEST((p.keys(f) == Keys{{p.doc1, 0}, {p.doc1, 3}, {p.doc2, 0}}));
    f.coders = {"nobody"};
    BOOST_TEST(p.keys(f).empty());
}

BOOST_AUTO_TEST_CASE(filter_by_origin) {
    Coded p;
    CodingFilter f;
    f.origins = {Origin::automatic};
    BOOST_TEST((p.keys(f) == Keys{{p.doc1, 10}, {p.doc2, 5}}));
    f.origins = {Origin::manual};
    BOOST_TEST((p.keys(f) == Keys{{p.doc1, 0}, {p.doc1, 3}, {p.doc2, 0}}));
    f.origins = {Origin::imported};
    BOOST_TEST(p.keys(f).empty());
}

BOOST_AUTO_TEST_CASE(filter_by_attribute) {
    Coded p;
    CodingFilter f;
    f.where = {{"kommune", "Nordheim"}};
    BOOST_TEST((p.keys(f) == Keys{{p.doc1, 0}, {p.doc1, 3}, {p.doc1, 10}}));
    f.where = {{"kommune", "S\xC3\xBC" "dtal"}};
    BOOST_TEST((p.keys(f) == Keys{{p.doc2, 0}, {p.doc2, 5}}));
    f.where = {{"format", "Interview"}, {"kommune", "S\xC3\xBC" "dtal"}};  // all must hold
    BOOST_TEST((p.keys(f) == Keys{{p.doc2, 0}, {p.doc2, 5}}));
    f.where = {{"format", "Fokusgruppe"}, {"kommune", "S\xC3\xBC" "dtal"}};
    BOOST_TEST(p.keys(f).empty());
    f.where = {{"kommune", "nordheim"}};  // values compare exactly
    BOOST_TEST(p.keys(f).empty());
}

BOOST_AUTO_TEST_CASE(filter_by_document) {
    Coded p;
    CodingFilter f;
    f.documents = {"doc2"};
    BOOST_TEST((p.keys(f) == Keys{{p.doc2, 0}, {p.doc2, 5}}));
    f.documents = {"doc1", "doc2"};
    BOOST_TEST(p.keys(f).size() == 5u);
    f.documents = {"doc3"};
    BOOST_TEST(p.keys(f).empty());
}

BOOST_AUTO_TEST_CASE(filters_combine) {
    Coded p;
    CodingFilter f;
    f.coders = {"anna", "auto"};
    f.origins = {Origin::manual};
    f.where = {{"kommune", "Nordheim"}};
    BOOST_TEST((p.keys(f) == Keys{{p.doc1, 0}}));
    f.where.clear();
    f.documents = {"doc2"};
    BOOST_TEST((p.keys(f) == Keys{{p.doc2, 0}}));
}

BOOST_AUTO_TEST_CASE(delete_auto_codings_leaves_manual_ones) {
    Coded p;
    BOOST_TEST(p.store.delete_auto_codings("anna") == 0);  // anna's codings are manual
    BOOST_TEST(p.store.codings().size() == 5u);
    BOOST_TEST(p.store.delete_auto_codings("auto") == 2);
    BOOST_TEST((p.keys({}) == Keys{{p.doc1, 0}, {p.doc1, 3}, {p.doc2, 0}}));
    BOOST_TEST(p.store.delete_auto_codings("auto") == 0);
}

BOOST_AUTO_TEST_CASE(a_rerun_can_replace_many_codings_inside_a_transaction) {
    // A re-run deletes every earlier auto coding inside its transaction; with
    // 200,000 of them the statement journal grows past a few MiB. A spill
    // limit set with sqlite3_config once made this fail with "database or
    // disk is full" on the second autocode of a 10 MB project.
    Coded p;
    std::vector<Coding> many;
    for (std::uint32_t i = 0; i < 200'000; ++i) {
        auto c = coding(p.doc1, {i % 50, i % 50 + 1 + i}, i % 2 ? p.a : p.b, "auto", Origin::automatic);
        c.run = p.run;
        c.rule = "schnittstelle* NEAR/5 fachverfahren*";
        many.push_back(std::move(c));
    }
    {
        auto tx = p.store.transaction();
        p.store.add_codings(many);
        tx->commit();
    }
    auto outer = p.store.transaction();  // the command's, as in qcode autocode
    auto tx = p.store.transaction();     // the run's, nested
    BOOST_TEST(p.store.delete_auto_codings("auto") == 200'002);
    tx->commit();
    outer->commit();
    BOOST_TEST(p.store.codings().size() == 3u);  // the manual ones
}

BOOST_AUTO_TEST_CASE(delete_auto_codings_is_per_coder) {
    Coded p;
    p.store.add_codings({coding(p.doc1, {30, 40}, p.b, "robot2", Origin::automatic)});
    BOOST_TEST(p.store.delete_auto_codings("auto") == 2);
    const auto left = p.store.codings();
    BOOST_TEST_REQUIRE(left.size() == 4u);
    BOOST_TEST(left[2].coder == "robot2");  // doc1 [30,40), before doc2's codings
}

BOOST_AUTO_TEST_CASE(empty_coding_is_refused) {
    Coded p;
    BOOST_CHECK_THROW(p.store.add_codings({coding(p.doc1, {5, 5}, p.a, "anna")}), Error);
    BOOST_CHECK_THROW(p.store.add_codings({coding(p.doc1, {6, 5}, p.a, "anna")}), Error);
}

BOOST_AUTO_TEST_CASE(runs_round_trip) {
    Coded p;
    p.store.set_run_codings(p.run, 2);
    store::RunRow r2;
    r2.codebook_sha256 = std::string(64, 'e');
    r2.options = "{}";
    r2.coder = "auto2";
    r2.started_at = "2025-05-01T10:00:00Z";
    const Id run2 = p.store.add_run(r2);
    const auto runs = p.store.runs();
    BOOST_TEST_REQUIRE(runs.size() == 2u);
    BOOST_TEST(runs[0].id == p.run);
    BOOST_TEST(runs[0].codings == 2);
    BOOST_TEST(runs[0].coder == "auto");
    BOOST_TEST(runs[0].options == "{\"unit\":\"sentence\"}");
    BOOST_TEST(runs[0].started_at.size() == 20u);
    BOOST_TEST(runs[1].id == run2);
    BOOST_TEST(runs[1].started_at == "2025-05-01T10:00:00Z");
    BOOST_TEST(runs[1].codings == 0);
}

BOOST_AUTO_TEST_SUITE_END()
