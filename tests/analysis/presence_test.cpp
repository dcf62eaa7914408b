// presence_table: one row per unit or document, one 0/1 column per code.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "analysis/presence.hpp"
#include "tables_fixture.hpp"

using namespace qcode;
using namespace qcode::analysis_test;
using qcode::analysis::PresenceOptions;
using qcode::analysis::presence_table;

namespace tt = boost::test_tools;

namespace {

// The code columns of row r as a string of 0/1 in tree order a a1 a2 b b1 x c.
std::string bits(const Table& t, std::size_t r) {
    std::string out;
    for (const auto* code : {"a", "a/a1", "a/a2", "b", "b/b1", "b/b1/x", "c"}) out += std::to_string(int_at(t, r, code));
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(presence)

BOOST_AUTO_TEST_CASE(one_row_per_sentence) {
    TablesProject p;
    const auto t = presence_table(p.store, {}, PresenceOptions{});
    BOOST_TEST(column_names(t) == (Strings{"document", "sentence", "start", "end", "speaker", "role", "a", "a/a1",
                                           "a/a2", "b", "b/b1", "b/b1/x", "c"}),
               tt::per_element());
    BOOST_REQUIRE(t.rows.size() == 6u);  // d1: 4 sentences, d2: 1, d3: 1
    BOOST_TEST(text_at(t, 0, "document") == "d1");
    BOOST_TEST(int_at(t, 0, "sentence") == 1);
    BOOST_TEST(int_at(t, 0, "start") == 3);
    BOOST_TEST(int_at(t, 0, "end") == 13);
    BOOST_TEST(text_at(t, 0, "speaker") == "B");
    BOOST_TEST(text_at(t, 0, "role") == "respondent");
    BOOST_TEST(bits(t, 0) == "1111110");  // s1: a1, a2, x
    BOOST_TEST(bits(t, 1) == "1111110");  // s2: a1 [14,24), a2 [10,16), x [8,20)
    BOOST_TEST(bits(t, 2) == "0000001");  // s3: c (auto)
    BOOST_TEST(bits(t, 3) == "0000001");  // s4: c, the interviewer
    BOOST_TEST(text_at(t, 3, "role") == "interviewer");
    BOOST_TEST(text_at(t, 4, "document") == "d2");
    BOOST_TEST(bits(t, 4) == "0000001");
    BOOST_TEST(bits(t, 5) == "1011110");  // d3: a2, x
}

BOOST_AUTO_TEST_CASE(by_document) {
    TablesProject p;
    PresenceOptions o;
    o.unit = std::nullopt;
    const auto t = presence_table(p.store, {}, o);
    BOOST_TEST(column_names(t) == (Strings{"document", "a", "a/a1", "a/a2", "b", "b/b1", "b/b1/x", "c"}),
               tt::per_element());
    BOOST_TEST(bits(t, 0) == "1111111");
    BOOST_TEST(bits(t, 1) == "0000001");
    BOOST_TEST(bits(t, 2) == "1011110");
}

BOOST_AUTO_TEST_CASE(turns_with_text_and_attributes) {
    TablesProject p;
    PresenceOptions o;
    o.unit = UnitKind::turn;
    o.text = true;
    o.attributes = true;
    const auto t = presence_table(p.store, {}, o);
    BOOST_TEST(column_names(t) == (Strings{"document", "turn", "start", "end", "speaker", "role", "text", "kommune",
                                           "typ", "a", "a/a1", "a/a2", "b", "b/b1", "b/b1/x", "c"}),
               tt::per_element());
    BOOST_REQUIRE(t.rows.size() == 4u);
    BOOST_TEST(text_at(t, 0, "text") == "Aaaa aaaa. Bbbb bbbb.\nCccc cccc.");
    BOOST_TEST(text_at(t, 0, "kommune") == "Nord");
    BOOST_TEST(bits(t, 0) == "1111111");
    BOOST_TEST(text_at(t, 2, "typ") == "");  // d2's empty value
    BOOST_TEST(text_at(t, 2, "kommune") == "Süd");
}

BOOST_AUTO_TEST_CASE(role_filter_keeps_that_roles_units) {
    TablesProject p;
    store::CodingFilter f;
    f.roles = {Role::respondent};
    const auto t = presence_table(p.store, f, PresenceOptions{});
    BOOST_TEST(t.rows.size() == 5u);  // d1 s4 (the interviewer) is gone
    for (std::size_t r = 0; r < t.rows.size(); ++r) BOOST_TEST(text_at(t, r, "role") == "respondent");
}

BOOST_AUTO_TEST_CASE(root_picks_the_code_columns) {
    TablesProject p;
    PresenceOptions o;
    o.selection.root = "b";
    const auto t = presence_table(p.store, {}, o);
    BOOST_TEST(column_names(t) == (Strings{"document", "sentence", "start", "end", "speaker", "role", "b", "b/b1",
                                           "b/b1/x"}),
               tt::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
