#include <boost/test/unit_test.hpp>

#include "coding/manual.hpp"
#include "coding/memos.hpp"
#include "coding/merge.hpp"
#include "coding_fixture.hpp"
#include "error_of.hpp"

using namespace qcode;
using namespace qcode::coding;
using qcode::coding_test::error_of;
using qcode::coding_test::Project;

namespace {

Target sentence(const std::string& code, std::uint32_t n, const std::string& doc = "interview_a") {
    Target t{code, doc, {}};
    t.where.unit = n;
    return t;
}

// Two coders' projects from the same transcripts and codebook, coded blind;
// both coded sentence 2 with huerden/technik.
struct TwoCoders {
    Project anna, ben;
    TwoCoders() {
        add(anna.store, sentence("huerden/technik", 2), "anna");
        add(anna.store, sentence("huerden/recht", 4), "anna");
        add(ben.store, sentence("huerden/technik", 2), "ben", "eindeutig");
        add(ben.store, sentence("huerden/technik", 5), "ben");
        add(ben.store, sentence("huerden/technik", 2, "interview_b"), "ben");
        add_document_memo(ben.store, "interview_a", "ben", "Interview im Amt");
        add_code_memo(ben.store, "huerden/technik", "ben", "Auch Fax");
        // What anna already has from ben (an earlier exchange): no duplicate.
        add(anna.store, sentence("huerden/technik", 5), "ben");
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(merge_projects)

BOOST_AUTO_TEST_CASE(two_coders_overlapping_codings) {
    TwoCoders t;
    const auto ben_before = testing::read_file(t.ben.file);
    const auto r = merge_project(t.anna.store, t.ben.file);
    BOOST_TEST(r.documents_matched == 2u);
    BOOST_TEST(r.codings_added == 2u);    // sentence 2 of a, sentence 2 of b
    BOOST_TEST(r.codings_present == 1u);  // sentence 5, already here
    BOOST_TEST(r.memos_added == 3u);
    BOOST_TEST(r.codes_created.empty());
    BOOST_TEST(r.conflicts.empty());
    BOOST_TEST((r.coders == std::vector<std::string>{"ben"}));
    const auto rows = t.anna.codings();
    BOOST_TEST(rows.size() == 5u);
    BOOST_TEST(std::count(rows.begin(), rows.end(), "interview_a huerden/technik anna manual [54,78)") == 1);
    BOOST_TEST(std::count(rows.begin(), rows.end(), "interview_a huerden/technik ben manual [54,78)") == 1);
    // Ben's memo is on ben's coding here.
    const auto memo = coding_memos(t.anna.store, sentence("huerden/technik", 2), std::string("ben"));
    BOOST_TEST_REQUIRE(memo.size() == 1u);
    BOOST_TEST(memo[0].memo.text == "eindeutig");
    BOOST_TEST(document_memos(t.anna.store, "interview_a").size() == 1u);
    BOOST_TEST(code_memos(t.anna.store, "huerden/technik").size() == 1u);
    // The other project was only read.
    BOOST_TEST(testing::read_file(t.ben.file) == ben_before);
}

BOOST_AUTO_TEST_CASE(merging_twice_adds_nothing) {
    TwoCoders t;
    merge_project(t.anna.store, t.ben.file);
    const auto before = t.anna.snapshot();
    const auto r = merge_project(t.anna.store, t.ben.file);
    BOOST_TEST(r.codings_added == 0u);
    BOOST_TEST(r.codings_present == 3u);  // all of ben's
    BOOST_TEST(r.memos_added == 0u);
    BOOST_TEST(r.memos_present == 3u);
    BOOST_TEST(t.anna.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(missing_codes_are_created_under_existing_parents) {
    TwoCoders t;
    store::CodeRow row;
    row.path = "huerden/personal";
    row.label = "Personalmangel";
    row.color = "#123456";
    t.ben.store.upsert_code(row);
    row.path = "huerden/personal/fluktuation";
    row.label = "Fluktuation";
    t.ben.store.upsert_code(row);
    row.path = "huerden/personal/unbenutzt";
    t.ben.store.upsert_code(row);
    add(t.ben.store, sentence("huerden/personal/fluktuation", 3), "ben");
    const auto r = merge_project(t.anna.store, t.ben.file);
    BOOST_TEST((r.codes_created == std::vector<std::string>{"huerden/personal", "huerden/personal/fluktuation"}));
    const auto c = t.anna.store.find_code("huerden/personal");
    BOOST_TEST_REQUIRE(c.has_value());
    BOOST_TEST(c->label == "Personalmangel");
    BOOST_TEST(c->color == "#123456");
    BOOST_TEST((c->parent == t.anna.code_id("huerden")));
    BOOST_TEST(!t.anna.store.find_code("huerden/personal/unbenutzt"));
}

BOOST_AUTO_TEST_CASE(conflicts_and_missing_documents_are_reported_and_skipped) {
    TwoCoders t;
    // interview_b differs in anna's project; interview_c exists only in ben's.
    ingest::ImportOptions replace;
    replace.replace = true;
    ingest::import_files(t.anna.store, {t.anna.dir.write("interview_b.txt", coding_test::kOther + "B: Noch etwas.\n")}, replace);
    t.ben.import("interview_c.txt", "B: Ganz anders. Die Schnittstelle.\n");
    add(t.ben.store, sentence("huerden/technik", 2, "interview_c"), "ben");
    const auto r = merge_project(t.anna.store, t.ben.file);
    BOOST_TEST(r.documents_matched == 1u);
    BOOST_TEST_REQUIRE(r.conflicts.size() == 1u);
    BOOST_TEST(r.conflicts[0].document == "interview_b");
    BOOST_TEST(r.conflicts[0].codings == 1u);
    BOOST_TEST(r.conflicts[0].reason.find("different text") != std::string::npos);
    BOOST_TEST_REQUIRE(r.missing.size() == 1u);
    BOOST_TEST(r.missing[0].document == "interview_c");
    BOOST_TEST(r.missing[0].codings == 1u);
    BOOST_TEST(r.codings_added == 1u);  // only interview_a sentence 2
    // Nothing of anna's interview_b was touched.
    for (const auto& row : t.anna.codings()) BOOST_TEST(row.find("interview_b") == std::string::npos, row);
}

BOOST_AUTO_TEST_CASE(documents_match_by_content_not_name) {
    TwoCoders t;
    // Ben imported interview_a under another name: same bytes, same text.
    Project carl(false);
    carl.import("a_kopie.txt", coding_test::kInterview);
    codebook::install(carl.store, codebook::parse_yaml(coding_test::kCodebook, "test.yaml"));
    Target tgt{"huerden/recht", "a_kopie", {}};
    tgt.where.unit = 4;
    add(carl.store, tgt, "carl");
    const auto r = merge_project(t.anna.store, carl.file);
    BOOST_TEST(r.codings_added == 1u);
    BOOST_TEST(r.missing.size() == 0u);
    const auto rows = t.anna.codings();
    BOOST_TEST(std::count(rows.begin(), rows.end(), "interview_a huerden/recht carl manual [113,136)") == 1);
}

BOOST_AUTO_TEST_CASE(refused_merges_change_nothing) {
    TwoCoders t;
    const auto before = t.anna.snapshot();
    BOOST_TEST(error_of([&] { merge_project(t.anna.store, t.anna.file); }).find("the project itself") != std::string::npos);
    BOOST_TEST(error_of([&] { merge_project(t.anna.store, (t.anna.dir.path() / "nix.qcode").string()); })
                   .find("nix.qcode") != std::string::npos);
    const auto notes = t.anna.dir.write("notes.qcode", "keine Datenbank");
    BOOST_TEST(error_of([&] { merge_project(t.anna.store, notes); }).find("notes.qcode") != std::string::npos);
    BOOST_TEST(t.anna.snapshot() == before);
}

BOOST_AUTO_TEST_SUITE_END()
