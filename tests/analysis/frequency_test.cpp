// frequency_table (DESIGN §6, docs/tables.md): distinct segments rolled up
// over the subtree, documents and their share, code selection and filters.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "analysis/code_segments.hpp"
#include "analysis/frequency.hpp"
#include "analysis_fixture.hpp"
#include "core/error.hpp"

using namespace qcode;
using namespace qcode::analysis_test;
using qcode::analysis::CodeSelection;
using qcode::analysis::frequency_table;
using qcode::store::CodingFilter;

namespace tt = boost::test_tools;

BOOST_AUTO_TEST_SUITE(frequency)

BOOST_AUTO_TEST_CASE(columns_and_rows_in_tree_order) {
    Project p;
    const auto t = frequency_table(p.store, {}, {});
    BOOST_TEST(column_names(t) == (Strings{"code", "label", "depth", "segments", "documents", "documents_pct"}),
               tt::per_element());
    // Every code, also without segments.
    BOOST_TEST(keys(t) == (Strings{"a", "a/a1", "a/a2", "b", "b/b1", "b/b1/x", "c"}), tt::per_element());
    const auto x = row_of(t, "b/b1/x");
    BOOST_TEST(text_at(t, x, "label") == "X");
    BOOST_TEST(int_at(t, x, "depth") == 3);
    BOOST_TEST(int_at(t, row_of(t, "a"), "depth") == 1);
    BOOST_TEST(int_at(t, x, "segments") == 0);
    BOOST_TEST(int_at(t, x, "documents") == 0);
    BOOST_TEST(real_at(t, x, "documents_pct") == 0.0);
}

BOOST_AUTO_TEST_CASE(roll_up_counts_distinct_segments) {
    Project p;
    p.code("a/a1", p.d1, 3, 13);
    p.code("a/a2", p.d1, 3, 13);          // the same place as a1: once for a
    p.code("a/a2", p.d1, 14, 24);
    p.code("a/a1", p.d1, 3, 13, "ben");   // the same place by a second coder: once for a1
    p.code("a/a1", p.d1, 3, 12);          // a different range: a segment of its own
    p.code("b/b1/x", p.d1, 25, 35);
    p.code("b/b1/x", p.d1, 25, 35, "ben");
    const auto t = frequency_table(p.store, {}, {});
    BOOST_TEST(int_at(t, row_of(t, "a/a1"), "segments") == 2);  // [3,12), [3,13)
    BOOST_TEST(int_at(t, row_of(t, "a/a2"), "segments") == 2);  // [3,13), [14,24)
    BOOST_TEST(int_at(t, row_of(t, "a"), "segments") == 3);     // [3,12), [3,13), [14,24)
    BOOST_TEST(int_at(t, row_of(t, "b/b1/x"), "segments") == 1);
    BOOST_TEST(int_at(t, row_of(t, "b/b1"), "segments") == 1);  // two levels up
    BOOST_TEST(int_at(t, row_of(t, "b"), "segments") == 1);
    BOOST_TEST(int_at(t, row_of(t, "c"), "segments") == 0);
}

BOOST_AUTO_TEST_CASE(parent_coded_itself_and_through_a_child) {
    Project p;
    p.code("a", p.d1, 3, 13);     // the parent coded directly ...
    p.code("a/a1", p.d1, 3, 13);  // ... and a child at the same place
    p.code("a/a1", p.d2, 3, 13);
    const auto t = frequency_table(p.store, {}, {});
    BOOST_TEST(int_at(t, row_of(t, "a"), "segments") == 2);
    BOOST_TEST(int_at(t, row_of(t, "a"), "documents") == 2);
    BOOST_TEST(int_at(t, row_of(t, "a/a1"), "segments") == 2);
    BOOST_TEST(int_at(t, row_of(t, "a/a2"), "segments") == 0);  // no roll-down
}

BOOST_AUTO_TEST_CASE(documents_and_their_share_of_three) {
    Project p;
    p.code("c", p.d1, 3, 13);
    p.code("c", p.d1, 14, 24);
    p.code("c", p.d2, 3, 13);
    p.code("a/a1", p.d3, 3, 13);
    p.code("b/b1/x", p.d1, 3, 5);
    p.code("b/b1/x", p.d2, 3, 5);
    p.code("b/b1/x", p.d3, 3, 5);
    const auto t = frequency_table(p.store, {}, {});
    const auto c = row_of(t, "c");
    BOOST_TEST(int_at(t, c, "segments") == 3);
    BOOST_TEST(int_at(t, c, "documents") == 2);
    BOOST_TEST(real_at(t, c, "documents_pct") == 200.0 / 3.0, tt::tolerance(1e-9));
    const auto a1 = row_of(t, "a/a1");
    BOOST_TEST(int_at(t, a1, "documents") == 1);
    BOOST_TEST(real_at(t, a1, "documents_pct") == 33.333333333, tt::tolerance(1e-9));
    BOOST_TEST(real_at(t, row_of(t, "a"), "documents_pct") == 100.0 / 3.0, tt::tolerance(1e-9));
    BOOST_TEST(int_at(t, row_of(t, "b"), "documents") == 3);
    BOOST_TEST(real_at(t, row_of(t, "b"), "documents_pct") == 100.0, tt::tolerance(1e-9));
    BOOST_TEST(real_at(t, row_of(t, "a/a2"), "documents_pct") == 0.0);
}

BOOST_AUTO_TEST_CASE(root_and_depth_select_codes) {
    Project p;
    p.code("b/b1/x", p.d1, 3, 13);
    p.code("a/a1", p.d1, 14, 24);
    p.code("a/a2", p.d2, 3, 13);

    auto sel = [](std::optional<std::string> root, std::optional<int> depth) {
        CodeSelection s;
        s.root = std::move(root);
        s.depth = depth;
        return s;
    };
    BOOST_TEST(keys(frequency_table(p.store, {}, sel("b", {}))) == (Strings{"b", "b/b1", "b/b1/x"}), tt::per_element());
    BOOST_TEST(keys(frequency_table(p.store, {}, sel("a/a1", {}))) == Strings{"a/a1"}, tt::per_element());
    BOOST_TEST(keys(frequency_table(p.store, {}, sel("b", 2))) == (Strings{"b", "b/b1"}), tt::per_element());

    // Depth is absolute (1 = top level), and the shown parents still roll up.
    const auto top = frequency_table(p.store, {}, sel({}, 1));
    BOOST_TEST(keys(top) == (Strings{"a", "b", "c"}), tt::per_element());
    BOOST_TEST(int_at(top, row_of(top, "a"), "segments") == 2);
    BOOST_TEST(int_at(top, row_of(top, "b"), "segments") == 1);
    BOOST_TEST(int_at(top, row_of(top, "a"), "documents") == 2);
    BOOST_TEST(int_at(top, row_of(top, "a"), "depth") == 1);

    const auto two = frequency_table(p.store, {}, sel({}, 2));
    BOOST_TEST(keys(two) == (Strings{"a", "a/a1", "a/a2", "b", "b/b1", "c"}), tt::per_element());
    BOOST_TEST(int_at(two, row_of(two, "b/b1"), "segments") == 1);

    // A root deeper than the depth leaves nothing.
    BOOST_TEST(frequency_table(p.store, {}, sel("b/b1/x", 2)).rows.empty());
}

BOOST_AUTO_TEST_CASE(unknown_root_is_an_error) {
    Project p;
    BOOST_CHECK_THROW(frequency_table(p.store, {}, CodeSelection{std::string("zzz"), std::nullopt}), qcode::Error);
    // A prefix of a path is not a code.
    BOOST_CHECK_THROW(frequency_table(p.store, {}, CodeSelection{std::string("b/b"), std::nullopt}), qcode::Error);
    BOOST_CHECK_THROW(analysis::code_segments(p.store, {}, CodeSelection{std::string("x"), std::nullopt}),
                      qcode::Error);
}

BOOST_AUTO_TEST_CASE(root_does_not_take_a_sibling_sharing_its_prefix) {
    Project p(R"(codebook: Prefix
codes:
  - id: b
    label: B
    children:
      - id: b1
        label: B1
      - id: b10
        label: B10
)");
    const auto t = frequency_table(p.store, {}, CodeSelection{std::string("b/b1"), std::nullopt});
    BOOST_TEST(keys(t) == Strings{"b/b1"}, tt::per_element());
}

BOOST_AUTO_TEST_CASE(coder_and_origin_filters) {
    Project p;
    p.code("c", p.d1, 3, 13, "anna");
    p.code("c", p.d1, 14, 24, "ben");
    p.code("c", p.d2, 3, 13, "ben");
    p.code("c", p.d3, 3, 13, "auto", Origin::automatic);
    p.code("a/a1", p.d3, 3, 13, "auto", Origin::automatic);

    CodingFilter anna;
    anna.coders = {"anna"};
    auto t = frequency_table(p.store, anna, {});
    BOOST_TEST(int_at(t, row_of(t, "c"), "segments") == 1);
    BOOST_TEST(int_at(t, row_of(t, "c"), "documents") == 1);
    // The coder filter selects codings, not documents: the base stays 3.
    BOOST_TEST(real_at(t, row_of(t, "c"), "documents_pct") == 100.0 / 3.0, tt::tolerance(1e-9));

    CodingFilter two;
    two.coders = {"anna", "ben"};
    t = frequency_table(p.store, two, {});
    BOOST_TEST(int_at(t, row_of(t, "c"), "segments") == 3);
    BOOST_TEST(int_at(t, row_of(t, "c"), "documents") == 2);

    CodingFilter manual;
    manual.origins = {Origin::manual};
    t = frequency_table(p.store, manual, {});
    BOOST_TEST(int_at(t, row_of(t, "c"), "segments") == 3);
    BOOST_TEST(int_at(t, row_of(t, "a/a1"), "segments") == 0);
    BOOST_TEST(int_at(t, row_of(t, "a"), "segments") == 0);

    CodingFilter automatic;
    automatic.origins = {Origin::automatic};
    t = frequency_table(p.store, automatic, {});
    BOOST_TEST(int_at(t, row_of(t, "c"), "segments") == 1);
    BOOST_TEST(int_at(t, row_of(t, "a"), "segments") == 1);
    BOOST_TEST(int_at(t, row_of(t, "a"), "documents") == 1);

    // No filter: all four places of c.
    t = frequency_table(p.store, {}, {});
    BOOST_TEST(int_at(t, row_of(t, "c"), "segments") == 4);
    BOOST_TEST(int_at(t, row_of(t, "c"), "documents") == 3);
}

BOOST_AUTO_TEST_CASE(where_filter_changes_the_base_of_the_share) {
    Project p;
    p.store.set_attribute(p.d1, "kommune", "Nordheim");
    p.store.set_attribute(p.d2, "kommune", "Nordheim");
    p.store.set_attribute(p.d3, "kommune", "Südtal");
    p.code("c", p.d1, 3, 13);
    p.code("c", p.d3, 3, 13);
    p.code("a/a1", p.d3, 3, 13);

    CodingFilter nord;
    nord.where = {{"kommune", "Nordheim"}};
    auto t = frequency_table(p.store, nord, {});
    BOOST_TEST(int_at(t, row_of(t, "c"), "segments") == 1);
    BOOST_TEST(int_at(t, row_of(t, "c"), "documents") == 1);
    BOOST_TEST(real_at(t, row_of(t, "c"), "documents_pct") == 50.0, tt::tolerance(1e-9));  // 1 of 2
    BOOST_TEST(int_at(t, row_of(t, "a/a1"), "segments") == 0);
    BOOST_TEST(real_at(t, row_of(t, "a/a1"), "documents_pct") == 0.0);

    CodingFilter sued;
    sued.where = {{"kommune", "Südtal"}};
    t = frequency_table(p.store, sued, {});
    BOOST_TEST(int_at(t, row_of(t, "c"), "documents") == 1);
    BOOST_TEST(real_at(t, row_of(t, "c"), "documents_pct") == 100.0, tt::tolerance(1e-9));  // 1 of 1
    BOOST_TEST(real_at(t, row_of(t, "a"), "documents_pct") == 100.0, tt::tolerance(1e-9));

    CodingFilter nobody;
    nobody.where = {{"kommune", "Westdorf"}};
    t = frequency_table(p.store, nobody, {});
    BOOST_TEST(int_at(t, row_of(t, "c"), "documents") == 0);
    BOOST_TEST(real_at(t, row_of(t, "c"), "documents_pct") == 0.0);  // no documents: 0, not NaN
}

BOOST_AUTO_TEST_SUITE_END()
