// The code tree and the codebook source (DESIGN §2).
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "core/error.hpp"
#include "store/store.hpp"
#include "store_fixture.hpp"
#include "support/temp_dir.hpp"

using namespace qcode;
using qcode::store::Store;
using qcode::store_test::code;
using qcode::store_test::coding;
using qcode::store_test::Project;
using qcode::store_test::sample_document;
using qcode::testing::TempDir;

namespace {

std::vector<std::string> paths(const std::vector<store::CodeRow>& codes) {
    std::vector<std::string> out;
    for (const auto& c : codes) out.push_back(c.path);
    return out;
}

using Strings = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(store_codes)

BOOST_AUTO_TEST_CASE(upsert_links_the_parent_by_path) {
    Project p;
    const Id root = p.store.upsert_code(code("huerden"));
    const Id mid = p.store.upsert_code(code("huerden/technik"));
    const Id leaf = p.store.upsert_code(code("huerden/technik/schnittstellen"));
    BOOST_TEST(root != mid);
    BOOST_TEST(mid != leaf);

    const auto found = p.store.find_code("huerden/technik/schnittstellen");
    BOOST_TEST_REQUIRE(found.has_value());
    BOOST_TEST(found->id == leaf);
    BOOST_TEST(found->parent.value_or(-1) == mid);
    BOOST_TEST(found->depth() == 3);
    BOOST_TEST(found->id_part() == "schnittstellen");
    const auto top = p.store.find_code("huerden");
    BOOST_TEST_REQUIRE(top.has_value());
    BOOST_TEST(!top->parent.has_value());
    BOOST_TEST(top->depth() == 1);
    BOOST_TEST(top->id_part() == "huerden");
    BOOST_TEST(!p.store.find_code("technik").has_value());
}

BOOST_AUTO_TEST_CASE(upsert_without_parent_is_an_error) {
    Project p;
    BOOST_CHECK_THROW(p.store.upsert_code(code("huerden/technik")), Error);
    BOOST_TEST(p.store.codes().empty());
}

BOOST_AUTO_TEST_CASE(upsert_updates_in_place) {
    Project p;
    p.store.upsert_code(code("huerden"));
    auto c = code("huerden/technik");
    c.anchor_examples = {"Beispiel eins", "Beispiel zwei"};
    const Id first = p.store.upsert_code(c);

    c.label = "Technische H\xC3\xBCrden";
    c.description = "Technik";
    c.color = "#d62728";
    c.codable = false;
    c.definition = "Definition";
    c.coding_rules = "Regel";
    c.anchor_examples = {"Nur noch eins"};
    const Id second = p.store.upsert_code(c);
    BOOST_TEST(first == second);

    BOOST_TEST(p.store.codes().size() == 2u);
    const auto stored = p.store.find_code("huerden/technik");
    BOOST_TEST_REQUIRE(stored.has_value());
    BOOST_TEST(stored->label == "Technische H\xC3\xBCrden");
    BOOST_TEST(stored->description == "Technik");
    BOOST_TEST(stored->color == "#d62728");
    BOOST_TEST(!stored->codable);
    BOOST_TEST(stored->definition == "Definition");
    BOOST_TEST(stored->coding_rules == "Regel");
    BOOST_TEST(stored->anchor_examples == (Strings{"Nur noch eins"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(codes_in_tree_order_siblings_by_ordinal) {
    Project p;
    p.store.upsert_code(code("b", 2));
    p.store.upsert_code(code("a", 1));
    p.store.upsert_code(code("b/z", 1));
    p.store.upsert_code(code("a/y", 2));
    p.store.upsert_code(code("a/x", 1));
    p.store.upsert_code(code("a/x/deep", 1));
    BOOST_TEST(paths(p.store.codes()) == (Strings{"a", "a/x", "a/x/deep", "a/y", "b", "b/z"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(prune_keeps_coded_codes_and_their_ancestors) {
    Project p;
    const Id doc = p.store.add_document(sample_document());
    p.store.upsert_code(code("huerden", 1));
    p.store.upsert_code(code("huerden/technik", 1));
    const Id leaf = p.store.upsert_code(code("huerden/technik/schnittstellen", 1));
    auto personal = code("huerden/personal", 2);
    personal.anchor_examples = {"Uns fehlen Leute."};
    p.store.upsert_code(personal);
    p.store.upsert_code(code("erfolg", 2));
    p.store.upsert_code(code("erfolg/kooperation", 1));
    p.store.add_codings({coding(doc, {29, 33}, leaf, "anna")});

    const auto kept = p.store.prune_codes({"erfolg"});
    BOOST_TEST(kept == (Strings{"huerden/technik/schnittstellen"}), boost::test_tools::per_element());
    BOOST_TEST(paths(p.store.codes()) ==
                   (Strings{"huerden", "huerden/technik", "huerden/technik/schnittstellen", "erfolg"}),
               boost::test_tools::per_element());
    BOOST_TEST(p.store.codings().size() == 1u);
    // The removed code's anchor examples went with it.
    SQLite::Statement q(p.store.database(), "SELECT count(*) FROM anchor_example");
    q.executeStep();
    BOOST_TEST(q.getColumn(0).getInt() == 0);
}

BOOST_AUTO_TEST_CASE(prune_with_everything_kept_removes_nothing) {
    Project p;
    p.store.upsert_code(code("a"));
    p.store.upsert_code(code("a/b"));
    const auto kept = p.store.prune_codes({"a", "a/b"});
    BOOST_TEST(kept.empty());
    BOOST_TEST(p.store.codes().size() == 2u);
}

BOOST_AUTO_TEST_CASE(prune_keeps_ancestors_of_kept_paths) {
    Project p;
    p.store.upsert_code(code("a"));
    p.store.upsert_code(code("a/b"));
    p.store.upsert_code(code("a/c"));
    const auto kept = p.store.prune_codes({"a/b"});
    BOOST_TEST(kept.empty());
    BOOST_TEST(paths(p.store.codes()) == (Strings{"a", "a/b"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(codebook_source_round_trip) {
    Project p;
    BOOST_TEST(!p.store.codebook().has_value());
    p.store.set_codebook({"AZR", "/cb/azr.yaml", std::string(64, 'c'), "codebook: AZR\n", ""});
    auto cb = p.store.codebook();
    BOOST_TEST_REQUIRE(cb.has_value());
    BOOST_TEST(cb->name == "AZR");
    BOOST_TEST(cb->source_path == "/cb/azr.yaml");
    BOOST_TEST(cb->sha256 == std::string(64, 'c'));
    BOOST_TEST(cb->source == "codebook: AZR\n");
    BOOST_TEST(cb->imported_at.size() == 20u);  // filled in when empty

    p.store.set_codebook({"AZR v2", "/cb/azr2.yaml", std::string(64, 'd'), "codebook: AZR v2\n", "2025-01-01T00:00:00Z"});
    cb = p.store.codebook();
    BOOST_TEST_REQUIRE(cb.has_value());
    BOOST_TEST(cb->name == "AZR v2");
    BOOST_TEST(cb->imported_at == "2025-01-01T00:00:00Z");
}

BOOST_AUTO_TEST_SUITE_END()
