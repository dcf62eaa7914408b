#include <boost/test/unit_test.hpp>

#include "coding/manual.hpp"
#include "coding/memos.hpp"
#include "coding_fixture.hpp"
#include "error_of.hpp"
#include "ingest/import.hpp"

using namespace qcode;
using namespace qcode::coding;
using qcode::coding_test::error_of;
using qcode::coding_test::Project;

namespace {

Target sentence(const std::string& code, std::uint32_t n) {
    Target t{code, "interview_a", {}};
    t.where.unit = n;
    return t;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(memos)

BOOST_AUTO_TEST_CASE(memos_on_documents_codes_and_codings) {
    Project p;
    add(p.store, sentence("huerden/technik", 2), "anna");
    add_document_memo(p.store, "interview_a", "anna", "Gespräch im Amt, 45 Minuten");
    add_code_memo(p.store, "huerden/technik", "ben", "Auch Faxgeräte?");
    add_coding_memo(p.store, sentence("huerden/technik", 2), std::nullopt, "ben", "Zustimmung");

    const auto doc = document_memos(p.store, "interview_a");
    BOOST_TEST_REQUIRE(doc.size() == 1u);
    BOOST_TEST(doc[0].target() == "document interview_a");
    BOOST_TEST(doc[0].memo.author == "anna");
    BOOST_TEST(!doc[0].memo.created_at.empty());
    BOOST_TEST(code_memos(p.store, "huerden/technik").at(0).memo.text == "Auch Faxgeräte?");
    const auto coding = coding_memos(p.store, sentence("huerden/technik", 2), std::string("anna"));
    BOOST_TEST_REQUIRE(coding.size() == 1u);
    BOOST_TEST(coding[0].target() == "coding huerden/technik in interview_a 54:78 by anna");
}

BOOST_AUTO_TEST_CASE(list_filters_and_table) {
    Project p;
    add(p.store, sentence("huerden/technik", 2), "anna");
    add(p.store, sentence("akteure/jobcenter", 5), "anna");
    add_document_memo(p.store, "interview_a", "anna", "a");
    add_document_memo(p.store, "interview_b", "ben", "b");
    add_code_memo(p.store, "huerden/technik", "ben", "c");
    add_coding_memo(p.store, sentence("huerden/technik", 2), std::nullopt, "anna", "d");
    add_coding_memo(p.store, sentence("akteure/jobcenter", 5), std::nullopt, "anna", "e");

    auto texts = [&](const MemoFilter& f) {
        std::string s;
        for (const auto& m : list_memos(p.store, f)) s += m.memo.text;
        return s;
    };
    BOOST_TEST(texts({}) == "abcde");
    BOOST_TEST(texts({store::MemoTarget::coding, "", "", ""}) == "de");
    BOOST_TEST(texts({std::nullopt, "interview_a", "", ""}) == "ade");
    BOOST_TEST(texts({std::nullopt, "", "huerden/technik", ""}) == "cd");
    BOOST_TEST(texts({std::nullopt, "", "", "ben"}) == "bc");
    BOOST_TEST(error_of([&] { list_memos(p.store, {std::nullopt, "nix", "", ""}); }).find("no document 'nix'") !=
               std::string::npos);

    const auto t = memo_table(list_memos(p.store));
    BOOST_TEST(t.rows.size() == 5u);
    BOOST_TEST(t.find_column("text") == 9);
    BOOST_TEST(std::get<std::string>(t.rows[3][1]) == "coding");
    BOOST_TEST(std::get<std::int64_t>(t.rows[3][5]) == 54);
    BOOST_TEST(std::holds_alternative<std::monostate>(t.rows[0][5]));
}

BOOST_AUTO_TEST_CASE(refused_memos_change_nothing) {
    Project p;
    add(p.store, sentence("huerden/technik", 2), "anna");
    add(p.store, sentence("huerden/technik", 2), "ben");
    const auto before = p.snapshot();
    BOOST_TEST(error_of([&] { add_document_memo(p.store, "nix", "anna", "x"); }).find("no document 'nix'") != std::string::npos);
    BOOST_TEST(error_of([&] { add_code_memo(p.store, "nix", "anna", "x"); }).find("no code 'nix'") != std::string::npos);
    BOOST_TEST(error_of([&] { add_code_memo(p.store, "huerden", "anna", "  \n"); }).find("needs some text") != std::string::npos);
    BOOST_TEST(error_of([&] { add_code_memo(p.store, "huerden", "", "x"); }).find("author") != std::string::npos);
    // Two coders coded sentence 2: the memo must say whose coding.
    BOOST_TEST(error_of([&] { add_coding_memo(p.store, sentence("huerden/technik", 2), std::nullopt, "anna", "x"); })
                   .find("name one with --coder") != std::string::npos);
    BOOST_TEST(error_of([&] { add_coding_memo(p.store, sentence("huerden/technik", 3), std::nullopt, "anna", "x"); })
                   .find("no coding of 'huerden/technik'") != std::string::npos);
    BOOST_TEST(error_of([&] { remove_memo(p.store, 99); }).find("no memo #99") != std::string::npos);
    BOOST_TEST(p.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(memos_follow_their_target_out) {
    // Ids of deleted rows come back; a memo must not reattach to a newcomer.
    Project p;
    const auto a = add(p.store, sentence("huerden/technik", 2), "anna");
    add_coding_memo(p.store, sentence("huerden/technik", 2), std::nullopt, "anna", "weg damit");
    add_document_memo(p.store, "interview_b", "anna", "auch weg");
    p.store.delete_coding(a.coding);
    BOOST_TEST(p.store.memos().size() == 1u);
    const auto b = add(p.store, sentence("huerden/technik", 3), "anna");
    BOOST_TEST(p.store.memos(store::MemoTarget::coding, b.coding).empty());
    // import --replace drops the document (cascading to codings): memos go too.
    p.store.remove_document(p.document_id("interview_b"));
    BOOST_TEST(p.store.memos().empty());
}

BOOST_AUTO_TEST_CASE(cascaded_coding_deletes_take_their_memos) {
    Project p;
    add(p.store, sentence("huerden/technik", 2), "anna", "mit Memo");
    p.store.remove_document(p.document_id("interview_a"));  // cascades to the coding
    BOOST_TEST(p.store.memos().empty());
}

BOOST_AUTO_TEST_SUITE_END()
