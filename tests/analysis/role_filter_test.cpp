// The role filter (CodingFilter::roles, `--role`): a coding belongs to the
// turn holding its start, or, when its start lies in a speaker label, the
// first turn it reaches; codings touching no turn have no role. The store's
// SQL and analysis::owning_turn must agree.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "analysis/code_segments.hpp"
#include "analysis/frequency.hpp"
#include "tables_fixture.hpp"

using namespace qcode;
using namespace qcode::analysis_test;
using qcode::analysis::frequency_table;

namespace tt = boost::test_tools;

namespace {

store::CodingFilter roles(std::vector<Role> r) {
    store::CodingFilter f;
    f.roles = std::move(r);
    return f;
}

std::vector<Span> spans_in(store::Store& s, const store::CodingFilter& f, Id doc) {
    std::vector<Span> out;
    for (const auto& c : s.codings(f))
        if (c.document == doc) out.push_back(c.span);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(role_filter)

BOOST_AUTO_TEST_CASE(respondents_and_interviewers) {
    TablesProject p;
    const auto r = frequency_table(p.store, roles({Role::respondent}), {});
    BOOST_TEST(int_at(r, row_of(r, "c"), "segments") == 2);  // d1 [25,35), d2; not the interviewer's [39,44)
    BOOST_TEST(int_at(r, row_of(r, "a"), "segments") == 4);
    const auto i = frequency_table(p.store, roles({Role::interviewer}), {});
    BOOST_TEST(int_at(i, row_of(i, "c"), "segments") == 1);
    BOOST_TEST(int_at(i, row_of(i, "a"), "segments") == 0);
    // The base of documents_pct stays all admitted documents.
    BOOST_TEST(real_at(i, row_of(i, "c"), "documents_pct") == 100.0 / 3, tt::tolerance(1e-9));
    const auto both = frequency_table(p.store, roles({Role::interviewer, Role::respondent}), {});
    BOOST_TEST(int_at(both, row_of(both, "c"), "segments") == 3);
    BOOST_TEST(int_at(frequency_table(p.store, roles({Role::moderator}), {}), 0, "segments") == 0);
}

BOOST_AUTO_TEST_CASE(a_coding_starting_in_a_label_belongs_to_the_next_turn) {
    Project p;
    p.code("c", p.d1, 0, 13);   // from the label "B:" into B's turn
    p.code("c", p.d1, 36, 44);  // from the label "I:" into I's turn
    p.code("c", p.d1, 30, 41);  // starts in B's turn, ends in I's: B's
    p.code("a/a1", p.d1, 0, 2);   // the label only: no turn, no role
    p.code("a/a1", p.d1, 35, 38); // the line end and "I:" only
    BOOST_TEST(spans_in(p.store, roles({Role::respondent}), p.d1) == (std::vector<Span>{{0, 13}, {30, 41}}),
               tt::per_element());
    BOOST_TEST(spans_in(p.store, roles({Role::interviewer}), p.d1) == (std::vector<Span>{{36, 44}}), tt::per_element());

    // owning_turn gives the same answer for each.
    const auto turns = p.store.units(UnitKind::turn, p.d1);
    auto role_of = [&](Span s) -> std::string {
        const auto* t = analysis::owning_turn(turns, s);
        return t && t->role ? std::string(to_string(*t->role)) : "none";
    };
    BOOST_TEST(role_of({0, 13}) == "respondent");
    BOOST_TEST(role_of({36, 44}) == "interviewer");
    BOOST_TEST(role_of({30, 41}) == "respondent");
    BOOST_TEST(role_of({0, 2}) == "none");
    BOOST_TEST(role_of({35, 38}) == "none");
}

BOOST_AUTO_TEST_CASE(roles_combine_with_the_other_filters) {
    TablesProject p;
    auto f = roles({Role::respondent});
    f.coders = {"anna"};
    f.where = {{"kommune", "Nord"}};
    const auto t = frequency_table(p.store, f, {});
    BOOST_TEST(int_at(t, row_of(t, "c"), "segments") == 0);  // d1 [25,35) is auto's, d2 is Süd
    BOOST_TEST(int_at(t, row_of(t, "a"), "segments") == 4);
}

BOOST_AUTO_TEST_SUITE_END()
