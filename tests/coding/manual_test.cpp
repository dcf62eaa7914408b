#include <boost/test/unit_test.hpp>

#include <cstdlib>

#include "coding/manual.hpp"
#include "coding_fixture.hpp"
#include "error_of.hpp"

using namespace qcode;
using namespace qcode::coding;
using qcode::coding_test::error_of;
using qcode::coding_test::Project;

namespace {

Target at_unit(const std::string& code, std::uint32_t n, const std::string& doc = "interview_a",
               UnitKind kind = UnitKind::sentence) {
    Target t{code, doc, {}};
    t.where.unit = n;
    t.where.kind = kind;
    return t;
}

Target at_quote(const std::string& code, const std::string& q, std::uint32_t nth = 1) {
    Target t{code, "interview_a", {}};
    t.where.quote = q;
    t.where.nth = nth;
    return t;
}

Target at_range(const std::string& code, Span span) {
    Target t{code, "interview_a", {}};
    t.where.range = span;
    return t;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(manual_coding)

BOOST_AUTO_TEST_CASE(add_by_unit_range_and_quote) {
    Project p;
    const auto a = add(p.store, at_unit("huerden/technik", 2), "anna");
    BOOST_TEST(a.text == "Die Schnittstelle fehlt.");
    BOOST_TEST(!a.existed);
    const auto b = add(p.store, at_quote("akteure/jobcenter", "Jobcenter", 2), "anna");
    BOOST_TEST(b.text == "Jobcenter");
    const auto c = add(p.store, at_range("huerden/recht", Span{0, 2}), "ben");
    BOOST_TEST(c.text == "I:");
    const auto rows = p.store.codings();
    BOOST_TEST(rows.size() == 3u);
    for (const auto& r : rows) BOOST_TEST((r.origin == Origin::manual));
    BOOST_TEST(p.codings().at(0) == "interview_a huerden/recht ben manual [0,2)");
}

BOOST_AUTO_TEST_CASE(the_same_coding_twice_adds_nothing_but_another_coder_counts) {
    Project p;
    const auto a = add(p.store, at_unit("huerden/technik", 2), "anna");
    const auto again = add(p.store, at_unit("huerden/technik", 2), "anna");
    BOOST_TEST(again.existed);
    BOOST_TEST(again.coding == a.coding);
    add(p.store, at_unit("huerden/technik", 2), "ben");
    BOOST_TEST(p.store.codings().size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_memo_goes_with_the_coding) {
    Project p;
    const auto a = add(p.store, at_unit("huerden/technik", 2), "anna", "klar benannt");
    BOOST_TEST_REQUIRE(a.memo.has_value());
    const auto memos = p.store.memos(store::MemoTarget::coding, a.coding);
    BOOST_TEST_REQUIRE(memos.size() == 1u);
    BOOST_TEST(memos[0].author == "anna");
    BOOST_TEST(memos[0].text == "klar benannt");
    // Repeating the command does not repeat the memo.
    BOOST_TEST(!add(p.store, at_unit("huerden/technik", 2), "anna", "klar benannt").memo.has_value());
}

BOOST_AUTO_TEST_CASE(refused_input_names_it_and_changes_nothing) {
    Project p;
    add(p.store, at_unit("huerden/technik", 2), "anna", "memo");
    const auto before = p.snapshot();
    BOOST_TEST(error_of([&] { add(p.store, at_unit("huerden/technix", 2), "anna"); }).find("no code 'huerden/technix'") !=
               std::string::npos);
    BOOST_TEST(error_of([&] { add(p.store, at_unit("huerden/technik", 2, "interview_z"), "anna"); })
                   .find("no document 'interview_z'") != std::string::npos);
    BOOST_TEST(error_of([&] { add(p.store, at_unit("huerden/technik", 6), "anna"); }).find("no sentence 6") !=
               std::string::npos);
    BOOST_TEST(error_of([&] { add(p.store, at_quote("huerden/technik", "Fax"), "anna"); }).find("no \"Fax\"") !=
               std::string::npos);
    BOOST_TEST(error_of([&] { add(p.store, at_unit("huerden", 2), "anna"); }).find("codable: false") != std::string::npos);
    BOOST_TEST(error_of([&] { add(p.store, at_unit("huerden/technik", 2), ""); }).find("coder") != std::string::npos);
    BOOST_TEST(p.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(remove_touches_only_the_coders_codings_inside_the_place) {
    Project p;
    add(p.store, at_unit("huerden/technik", 2), "anna");
    add(p.store, at_unit("huerden/technik", 2), "ben");
    add(p.store, at_quote("huerden/technik", "Schnittstelle", 1), "anna");  // inside sentence 2
    add(p.store, at_unit("huerden/technik", 5), "anna");
    add(p.store, at_unit("akteure/jobcenter", 2), "anna");  // another code
    const auto r = remove(p.store, at_unit("huerden/technik", 2), "anna");
    BOOST_TEST(r.removed.size() == 2u);
    for (const auto& c : r.removed) BOOST_TEST(c.coder == "anna");
    const auto left = p.codings();
    BOOST_TEST(left.size() == 3u);
    BOOST_TEST(std::count(left.begin(), left.end(), "interview_a huerden/technik ben manual [54,78)") == 1);
}

BOOST_AUTO_TEST_CASE(remove_all_coders_and_auto_codings) {
    Project p;
    add(p.store, at_unit("huerden/technik", 2), "anna");
    add(p.store, at_unit("huerden/technik", 2), "ben");
    Coding automatic;
    automatic.document = p.document_id("interview_a");
    automatic.span = p.store.codings().front().span;
    automatic.code = p.code_id("huerden/technik");
    automatic.coder = "auto";
    automatic.origin = Origin::automatic;
    p.store.add_coding(automatic);
    // An autocoded unit is removed by naming its coder.
    BOOST_TEST(remove(p.store, at_unit("huerden/technik", 2), "auto").removed.size() == 1u);
    BOOST_TEST(remove(p.store, at_unit("huerden/technik", 2), "", true).removed.size() == 2u);
    BOOST_TEST(p.store.codings().empty());
}

BOOST_AUTO_TEST_CASE(nothing_to_remove_says_what_is_there) {
    Project p;
    add(p.store, at_unit("huerden/technik", 2), "ben");
    add(p.store, at_unit("huerden/technik", 3), "anna");
    const auto before = p.snapshot();
    const auto msg = error_of([&] { remove(p.store, at_unit("huerden/technik", 2), "anna"); });
    BOOST_TEST(msg.find("no coding of 'huerden/technik' by anna in 'interview_a' at sentence 2") != std::string::npos, msg);
    BOOST_TEST(msg.find("by ben at 54:78") != std::string::npos, msg);
    BOOST_TEST(error_of([&] { remove(p.store, at_quote("huerden/technik", "Schnittstelle"), "ben"); })
                   .find("there are codings by ben at 54:78") != std::string::npos);
    BOOST_TEST(p.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(removing_a_coding_removes_its_memos) {
    Project p;
    const auto a = add(p.store, at_unit("huerden/technik", 2), "anna", "eins");
    p.store.add_memo(store::MemoRow{0, store::MemoTarget::coding, a.coding, "ben", "zwei", {}});
    const auto r = remove(p.store, at_unit("huerden/technik", 2), "anna");
    BOOST_TEST(r.memos == 2);
    BOOST_TEST(p.store.memos().empty());
}

BOOST_AUTO_TEST_CASE(find_coding_needs_a_coder_when_several_coded_the_place) {
    Project p;
    add(p.store, at_unit("huerden/technik", 2), "anna");
    add(p.store, at_unit("huerden/technik", 2), "ben");
    BOOST_TEST(error_of([&] { find_coding(p.store, at_unit("huerden/technik", 2), std::nullopt); })
                   .find("by anna (manual), ben (manual); name one with --coder") != std::string::npos);
    BOOST_TEST(find_coding(p.store, at_unit("huerden/technik", 2), std::string("ben")).coder == "ben");
}

BOOST_AUTO_TEST_CASE(default_coder_from_the_environment) {
    ::setenv("QCODE_CODER", "carla", 1);
    BOOST_TEST(default_coder() == "carla");
    ::unsetenv("QCODE_CODER");
    BOOST_TEST(!default_coder().empty());
}

BOOST_AUTO_TEST_SUITE_END()
