// cooccurrence_table (DESIGN §6, docs/tables.md): overlap counts clusters of
// overlapping places (a code's segments, overlaps merged) holding both codes, unit scopes count units holding both codes, the
// measures of a worked pair, matrix and long forms, and code choice.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "analysis/cooccurrence.hpp"
#include "analysis_fixture.hpp"
#include "core/error.hpp"

using namespace qcode;
using namespace qcode::analysis_test;
using qcode::analysis::CoocOptions;
using qcode::analysis::CoocScope;
using qcode::analysis::cooccurrence_table;
using qcode::analysis::Measure;
using qcode::store::CodingFilter;

namespace tt = boost::test_tools;

namespace {

CoocOptions long_form(CoocScope scope = CoocScope::overlap) {
    CoocOptions o;
    o.scope = scope;
    o.long_form = true;
    return o;
}

CoocOptions matrix(Measure m, CoocScope scope = CoocScope::overlap) {
    CoocOptions o;
    o.scope = scope;
    o.measure = m;
    return o;
}

// count, n_a, n_b of the pair (a, b) in long form, with n_a belonging to `a`.
struct Pair {
    std::int64_t count, n_a, n_b;
};

Pair pair_of(const Table& t, const std::string& a, const std::string& b) {
    const auto r = pair_row(t, a, b);
    const bool swapped = text_at(t, r, "code_a") != a;
    const auto na = int_at(t, r, "n_a"), nb = int_at(t, r, "n_b");
    return Pair{int_at(t, r, "count"), swapped ? nb : na, swapped ? na : nb};
}

std::int64_t count_of(const Table& t, const std::string& a, const std::string& b) { return pair_of(t, a, b).count; }

}  // namespace

BOOST_AUTO_TEST_SUITE(cooccurrence_overlap)

BOOST_AUTO_TEST_CASE(partial_overlap_counts_once) {
    Project p;
    p.code("a/a1", p.d1, 0, 10);
    p.code("c", p.d1, 5, 15);
    const auto t = cooccurrence_table(p.store, {}, long_form());
    const auto pr = pair_of(t, "a/a1", "c");
    BOOST_TEST(pr.count == 1);
    BOOST_TEST(pr.n_a == 1);
    BOOST_TEST(pr.n_b == 1);
    BOOST_TEST(count_of(t, "a/a2", "c") == 0);
}

BOOST_AUTO_TEST_CASE(touching_segments_do_not_overlap) {
    Project p;
    p.code("a/a1", p.d1, 3, 13);
    p.code("c", p.d1, 13, 24);  // starts where a1 ends: half-open ranges do not meet
    p.code("a/a2", p.d2, 3, 13);
    p.code("c", p.d1, 3, 13);   // same range, other document than a2
    const auto t = cooccurrence_table(p.store, {}, long_form());
    BOOST_TEST(count_of(t, "a/a1", "c") == 1);  // only the identical [3,13) in d1
    BOOST_TEST(count_of(t, "a/a2", "c") == 0);  // different documents never overlap
}

BOOST_AUTO_TEST_CASE(overlapping_b_segments_are_one_place) {
    Project p;
    p.code("a/a1", p.d1, 3, 13);
    p.code("c", p.d1, 5, 10);
    p.code("c", p.d1, 8, 20);  // overlaps [5,10): together one place [5,20)
    const auto t = cooccurrence_table(p.store, {}, long_form());
    const auto pr = pair_of(t, "a/a1", "c");
    BOOST_TEST(pr.count == 1);
    BOOST_TEST(pr.n_a == 1);
    BOOST_TEST(pr.n_b == 1);
}

BOOST_AUTO_TEST_CASE(one_a_segment_meeting_two_b_places_counts_once) {
    // Counting intersection ranges would give 2 here and a Jaccard of
    // 2 / (1 + 2 - 2) = 2; a cluster counts once, so every measure stays <= 1.
    Project p;
    p.code("a/a1", p.d1, 3, 13);
    p.code("c", p.d1, 4, 6);
    p.code("c", p.d1, 8, 10);
    const auto t = cooccurrence_table(p.store, {}, long_form());
    const auto pr = pair_of(t, "a/a1", "c");
    BOOST_TEST(pr.count == 1);
    BOOST_TEST(pr.n_a == 1);
    BOOST_TEST(pr.n_b == 2);
    const auto r = pair_row(t, "a/a1", "c");
    BOOST_TEST(real_at(t, r, "jaccard") == 0.5, tt::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(a_chain_of_alternating_segments_is_one_cluster) {
    // a [0,4) meets c [3,8) meets a [7,12): one stretch of text where the two
    // codes overlap, however many segments make it up.
    Project p;
    p.code("a/a1", p.d1, 0, 4);
    p.code("c", p.d1, 3, 8);
    p.code("a/a1", p.d1, 7, 12);
    p.code("c", p.d1, 20, 25);  // alone
    const auto pr = pair_of(cooccurrence_table(p.store, {}, long_form()), "a/a1", "c");
    BOOST_TEST(pr.count == 1);
    BOOST_TEST(pr.n_a == 2);
    BOOST_TEST(pr.n_b == 2);
}

BOOST_AUTO_TEST_CASE(b_segments_starting_before_the_a_segment) {
    Project p;
    p.code("c", p.d1, 0, 10);
    p.code("c", p.d1, 2, 12);
    p.code("c", p.d1, 4, 5);   // inside the two above: all one place [0,12)
    p.code("a/a1", p.d1, 5, 20);
    const auto t = cooccurrence_table(p.store, {}, long_form());
    const auto pr = pair_of(t, "a/a1", "c");
    BOOST_TEST(pr.count == 1);
    BOOST_TEST(pr.n_a == 1);
    BOOST_TEST(pr.n_b == 1);
}

BOOST_AUTO_TEST_CASE(overlapping_a_segments_meeting_one_b_segment) {
    Project p;
    p.code("a/a1", p.d1, 3, 13);
    p.code("a/a1", p.d1, 5, 20);  // with [3,13) one place [3,20)
    p.code("c", p.d1, 5, 10);
    const auto t = cooccurrence_table(p.store, {}, long_form());
    const auto pr = pair_of(t, "a/a1", "c");
    BOOST_TEST(pr.count == 1);
    BOOST_TEST(pr.n_a == 1);
    BOOST_TEST(pr.n_b == 1);
}

BOOST_AUTO_TEST_CASE(places_in_several_documents) {
    Project p;
    p.code("a/a1", p.d1, 3, 13);
    p.code("a/a1", p.d1, 4, 40);  // d1: one a1 place [3,40) ...
    p.code("c", p.d1, 10, 11);    // ... holding both c places
    p.code("c", p.d1, 30, 33);
    p.code("c", p.d2, 3, 13);
    p.code("a/a1", p.d2, 5, 6);
    p.code("a/a1", p.d3, 0, 5);   // d3: a1 without c
    const auto pr = pair_of(cooccurrence_table(p.store, {}, long_form()), "a/a1", "c");
    BOOST_TEST(pr.count == 2);  // d1 and d2
    BOOST_TEST(pr.n_a == 3);
    BOOST_TEST(pr.n_b == 3);
}

BOOST_AUTO_TEST_CASE(n_counts_distinct_segments_across_coders) {
    Project p;
    p.code("a/a1", p.d1, 3, 13, "anna");
    p.code("a/a1", p.d1, 3, 13, "ben");
    p.code("a/a1", p.d2, 3, 13, "ben");
    p.code("c", p.d1, 3, 13, "ben");
    p.code("c", p.d1, 3, 13, "anna");
    const auto t = cooccurrence_table(p.store, {}, long_form());
    const auto pr = pair_of(t, "a/a1", "c");
    BOOST_TEST(pr.n_a == 2);
    BOOST_TEST(pr.n_b == 1);
    BOOST_TEST(pr.count == 1);

    CodingFilter anna;
    anna.coders = {"anna"};
    const auto only_anna = cooccurrence_table(p.store, anna, long_form());
    BOOST_TEST(pair_of(only_anna, "a/a1", "c").n_a == 1);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(cooccurrence_measures)

namespace {

// a/a1: 4 segments (d1 s1, s2, s3; d2), c: 2 segments (d1 [5,8) inside s1; d3).
// n1 = 4, n2 = 2, n12 = 1.
void worked_pair(Project& p) {
    p.code("a/a1", p.d1, 3, 13);
    p.code("a/a1", p.d1, 14, 24);
    p.code("a/a1", p.d1, 25, 35);
    p.code("a/a1", p.d2, 3, 13);
    p.code("c", p.d1, 5, 8);
    p.code("c", p.d3, 3, 13);
}

}  // namespace

BOOST_AUTO_TEST_CASE(long_form_columns_and_measures) {
    Project p;
    worked_pair(p);
    const auto t = cooccurrence_table(p.store, {}, long_form());
    BOOST_TEST(column_names(t) == (Strings{"code_a", "code_b", "n_a", "n_b", "count", "jaccard", "conditional",
                                           "conditional_ba", "dice", "ochiai"}),
               tt::per_element());
    const auto r = pair_row(t, "a/a1", "c");
    BOOST_TEST(text_at(t, r, "code_a") == "a/a1");  // codebook order
    BOOST_TEST(text_at(t, r, "code_b") == "c");
    BOOST_TEST(int_at(t, r, "n_a") == 4);
    BOOST_TEST(int_at(t, r, "n_b") == 2);
    BOOST_TEST(int_at(t, r, "count") == 1);
    BOOST_TEST(real_at(t, r, "jaccard") == 0.2, tt::tolerance(1e-12));          // 1 / (4 + 2 − 1)
    BOOST_TEST(real_at(t, r, "conditional") == 0.25, tt::tolerance(1e-12));     // 1 / 4
    BOOST_TEST(real_at(t, r, "conditional_ba") == 0.5, tt::tolerance(1e-12));   // 1 / 2
    BOOST_TEST(real_at(t, r, "dice") == 1.0 / 3.0, tt::tolerance(1e-12));       // 2 / (4 + 2)
    BOOST_TEST(real_at(t, r, "ochiai") == 1.0 / std::sqrt(8.0), tt::tolerance(1e-12));  // 1 / √(4·2)
}

BOOST_AUTO_TEST_CASE(long_form_has_each_unordered_pair_once) {
    Project p;
    worked_pair(p);
    const auto t = cooccurrence_table(p.store, {}, long_form());
    // Leaves a/a1, a/a2, b/b1/x, c: 4·3/2 pairs, code_a before code_b in codebook order.
    BOOST_TEST_REQUIRE(t.rows.size() == 6u);
    const Strings order{"a/a1", "a/a2", "b/b1/x", "c"};
    std::vector<std::pair<std::string, std::string>> seen;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const auto a = text_at(t, r, "code_a"), b = text_at(t, r, "code_b");
        const auto ia = std::find(order.begin(), order.end(), a) - order.begin();
        const auto ib = std::find(order.begin(), order.end(), b) - order.begin();
        BOOST_TEST(ia < ib);
        seen.emplace_back(a, b);
    }
    std::sort(seen.begin(), seen.end());
    BOOST_TEST((std::adjacent_find(seen.begin(), seen.end()) == seen.end()));
    // A pair of codes without segments: measures are 0, not NaN.
    const auto r = pair_row(t, "a/a2", "b/b1/x");
    BOOST_TEST(int_at(t, r, "count") == 0);
    for (const char* m : {"jaccard", "conditional", "conditional_ba", "dice", "ochiai"})
        BOOST_TEST(real_at(t, r, m) == 0.0);
}

BOOST_AUTO_TEST_CASE(matrix_of_counts_is_symmetric_with_empty_diagonal) {
    Project p;
    worked_pair(p);
    p.code("a/a2", p.d1, 6, 30);  // bridges three a1 places and meets c in [6,8): one cluster each
    const auto t = cooccurrence_table(p.store, {}, matrix(Measure::count));
    const Strings codes{"a/a1", "a/a2", "b/b1/x", "c"};
    Strings expected_columns{"code", "n"};
    expected_columns.insert(expected_columns.end(), codes.begin(), codes.end());
    BOOST_TEST(column_names(t) == expected_columns, tt::per_element());
    BOOST_TEST(keys(t) == codes, tt::per_element());
    BOOST_TEST(int_at(t, row_of(t, "a/a1"), "n") == 4);
    BOOST_TEST(int_at(t, row_of(t, "a/a2"), "n") == 1);
    BOOST_TEST(int_at(t, row_of(t, "c"), "n") == 2);
    BOOST_TEST(int_at(t, row_of(t, "b/b1/x"), "n") == 0);
    for (const auto& a : codes) {
        BOOST_TEST(empty_at(t, row_of(t, a), a));
        for (const auto& b : codes)
            if (a != b) BOOST_TEST(int_at(t, row_of(t, a), b) == int_at(t, row_of(t, b), a));
    }
    BOOST_TEST(int_at(t, row_of(t, "a/a1"), "c") == 1);
    BOOST_TEST(int_at(t, row_of(t, "a/a1"), "a/a2") == 1);
    BOOST_TEST(int_at(t, row_of(t, "a/a2"), "c") == 1);
    BOOST_TEST(int_at(t, row_of(t, "b/b1/x"), "c") == 0);
}

BOOST_AUTO_TEST_CASE(matrix_cells_for_each_measure) {
    Project p;
    worked_pair(p);
    const auto a1 = std::string("a/a1"), c = std::string("c");
    auto value = [&](Measure m, const std::string& row, const std::string& col) {
        const auto t = cooccurrence_table(p.store, {}, matrix(m));
        BOOST_TEST(empty_at(t, row_of(t, row), row));
        return real_at(t, row_of(t, row), col);
    };
    BOOST_TEST(value(Measure::jaccard, a1, c) == 0.2, tt::tolerance(1e-12));
    BOOST_TEST(value(Measure::jaccard, c, a1) == 0.2, tt::tolerance(1e-12));
    // conditional: P(column | row) = count / n of the row code.
    BOOST_TEST(value(Measure::conditional, a1, c) == 0.25, tt::tolerance(1e-12));
    BOOST_TEST(value(Measure::conditional, c, a1) == 0.5, tt::tolerance(1e-12));
    BOOST_TEST(value(Measure::dice, a1, c) == 1.0 / 3.0, tt::tolerance(1e-12));
    BOOST_TEST(value(Measure::dice, c, a1) == 1.0 / 3.0, tt::tolerance(1e-12));
    BOOST_TEST(value(Measure::ochiai, a1, c) == 1.0 / std::sqrt(8.0), tt::tolerance(1e-12));
    BOOST_TEST(value(Measure::ochiai, c, a1) == 1.0 / std::sqrt(8.0), tt::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(measure_value_formulas) {
    const analysis::PairCounts p{6, 3, 2};  // n1 = 6, n2 = 3, n12 = 2
    BOOST_TEST(analysis::measure_value(Measure::count, p) == 2.0);
    BOOST_TEST(analysis::measure_value(Measure::jaccard, p) == 2.0 / 7.0, tt::tolerance(1e-12));
    BOOST_TEST(analysis::measure_value(Measure::conditional, p) == 2.0 / 6.0, tt::tolerance(1e-12));
    BOOST_TEST(analysis::measure_value(Measure::dice, p) == 4.0 / 9.0, tt::tolerance(1e-12));
    BOOST_TEST(analysis::measure_value(Measure::ochiai, p) == 2.0 / std::sqrt(18.0), tt::tolerance(1e-12));
    const analysis::PairCounts zero{0, 0, 0};
    for (auto m : {Measure::jaccard, Measure::conditional, Measure::dice, Measure::ochiai})
        BOOST_TEST(analysis::measure_value(m, zero) == 0.0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(cooccurrence_scopes)

namespace {

// d1 sentences s1 [3,13) s2 [14,24) s3 [25,35) s4 [39,44); paragraphs
// p1 [3,24) p2 [25,35) p3 [39,44); turns t1 [3,35) t2 [39,44).
//   a/a1   [3,8)              s1       p1  t1
//   c      [10,20) [40,43)    s1 s2 s4 p1 p3  t1 t2
//   a/a2   [16,18)            s2       p1  t1
//   b/b1/x [13,14) [30,33)    s3 (the space between s1 and s2 is in no sentence) p1 p2  t1
void scoped(Project& p) {
    p.code("a/a1", p.d1, 3, 8);
    p.code("c", p.d1, 10, 20);
    p.code("c", p.d1, 40, 43);
    p.code("a/a2", p.d1, 16, 18);
    p.code("b/b1/x", p.d1, 13, 14);
    p.code("b/b1/x", p.d1, 30, 33);
}

}  // namespace

BOOST_AUTO_TEST_CASE(fixture_units_are_as_assumed) {
    Project p;
    auto spans = [&](UnitKind k) {
        std::vector<Span> out;
        for (const auto& u : p.store.units(k, p.d1)) out.push_back(u.span);
        return out;
    };
    BOOST_TEST(spans(UnitKind::sentence) == (std::vector<Span>{{3, 13}, {14, 24}, {25, 35}, {39, 44}}),
               tt::per_element());
    BOOST_TEST(spans(UnitKind::paragraph) == (std::vector<Span>{{3, 24}, {25, 35}, {39, 44}}), tt::per_element());
    BOOST_TEST(spans(UnitKind::turn) == (std::vector<Span>{{3, 35}, {39, 44}}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(sentence_scope) {
    Project p;
    scoped(p);
    const auto t = cooccurrence_table(p.store, {}, long_form(CoocScope::sentence));
    // A coding spanning s1 and s2 puts c in both.
    BOOST_TEST(count_of(t, "a/a1", "c") == 1);  // s1
    BOOST_TEST(count_of(t, "a/a2", "c") == 1);  // s2
    BOOST_TEST(count_of(t, "a/a1", "a/a2") == 0);
    BOOST_TEST(count_of(t, "b/b1/x", "c") == 0);
    BOOST_TEST(count_of(t, "a/a1", "b/b1/x") == 0);
    BOOST_TEST(pair_of(t, "a/a1", "c").n_b == 3);       // s1, s2, s4
    BOOST_TEST(pair_of(t, "b/b1/x", "c").n_a == 1);     // s3 only
    BOOST_TEST(pair_of(t, "a/a1", "c").n_a == 1);
    const auto r = pair_row(t, "a/a1", "c");
    BOOST_TEST(real_at(t, r, "jaccard") == 1.0 / 3.0, tt::tolerance(1e-12));  // 1 / (1 + 3 − 1)
    BOOST_TEST(real_at(t, r, "conditional") == 1.0, tt::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(paragraph_scope) {
    Project p;
    scoped(p);
    const auto t = cooccurrence_table(p.store, {}, long_form(CoocScope::paragraph));
    BOOST_TEST(count_of(t, "a/a1", "c") == 1);
    BOOST_TEST(count_of(t, "a/a2", "c") == 1);
    BOOST_TEST(count_of(t, "a/a1", "a/a2") == 1);
    BOOST_TEST(count_of(t, "b/b1/x", "c") == 1);     // p1 holds [13,14)
    BOOST_TEST(count_of(t, "a/a1", "b/b1/x") == 1);
    BOOST_TEST(pair_of(t, "b/b1/x", "c").n_a == 2);  // p1, p2
    BOOST_TEST(pair_of(t, "b/b1/x", "c").n_b == 2);  // p1, p3
}

BOOST_AUTO_TEST_CASE(turn_scope) {
    Project p;
    scoped(p);
    const auto t = cooccurrence_table(p.store, {}, long_form(CoocScope::turn));
    for (const auto& [a, b] : std::vector<std::pair<std::string, std::string>>{
             {"a/a1", "c"}, {"a/a2", "c"}, {"a/a1", "a/a2"}, {"b/b1/x", "c"}, {"a/a1", "b/b1/x"}, {"a/a2", "b/b1/x"}})
        BOOST_TEST_CONTEXT(a << " × " << b) { BOOST_TEST(count_of(t, a, b) == 1); }
    BOOST_TEST(pair_of(t, "a/a1", "c").n_b == 2);  // t1, t2
    BOOST_TEST(pair_of(t, "a/a1", "c").n_a == 1);
}

BOOST_AUTO_TEST_CASE(overlap_scope_on_the_same_codings) {
    Project p;
    scoped(p);
    const auto t = cooccurrence_table(p.store, {}, long_form());
    BOOST_TEST(count_of(t, "a/a1", "c") == 0);  // [3,8) and [10,20) do not meet
    BOOST_TEST(count_of(t, "a/a2", "c") == 1);  // [16,18)
    BOOST_TEST(count_of(t, "b/b1/x", "c") == 1);  // [13,14)
    BOOST_TEST(pair_of(t, "a/a1", "c").n_b == 2);
}

BOOST_AUTO_TEST_CASE(codings_in_several_documents_per_unit_scope) {
    Project p;
    p.code("a/a1", p.d2, 3, 6);
    p.code("c", p.d2, 8, 12);   // same sentence of d2, no overlap
    p.code("c", p.d3, 3, 6);
    p.code("a/a1", p.d3, 8, 12);
    p.code("a/a1", p.d1, 3, 5);
    const auto t = cooccurrence_table(p.store, {}, long_form(CoocScope::sentence));
    const auto pr = pair_of(t, "a/a1", "c");
    BOOST_TEST(pr.count == 2);
    BOOST_TEST(pr.n_a == 3);
    BOOST_TEST(pr.n_b == 2);
    BOOST_TEST(count_of(cooccurrence_table(p.store, {}, long_form()), "a/a1", "c") == 0);
}

BOOST_AUTO_TEST_CASE(document_scope) {
    Project p;
    p.code("a/a1", p.d1, 3, 13);
    p.code("a/a1", p.d1, 25, 35);
    p.code("a/a1", p.d3, 3, 13);
    p.code("c", p.d1, 39, 44);
    p.code("c", p.d2, 3, 13);
    p.code("b/b1/x", p.d3, 3, 5);
    const auto t = cooccurrence_table(p.store, {}, long_form(CoocScope::document));
    const auto ac = pair_of(t, "a/a1", "c");
    BOOST_TEST(ac.count == 1);  // d1
    BOOST_TEST(ac.n_a == 2);    // d1, d3
    BOOST_TEST(ac.n_b == 2);    // d1, d2
    BOOST_TEST(count_of(t, "a/a1", "b/b1/x") == 1);  // d3
    BOOST_TEST(count_of(t, "b/b1/x", "c") == 0);
    BOOST_TEST(pair_of(t, "b/b1/x", "c").n_a == 1);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(cooccurrence_selection)

BOOST_AUTO_TEST_CASE(leaves_by_default_and_no_ancestor_pairs) {
    Project p;
    p.code("a/a1", p.d1, 3, 13);
    p.code("a", p.d1, 3, 13);
    const auto t = cooccurrence_table(p.store, {}, matrix(Measure::count));
    BOOST_TEST(keys(t) == (Strings{"a/a1", "a/a2", "b/b1/x", "c"}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(depth_selects_codes_at_that_depth_and_shallower_leaves) {
    Project p;
    p.code("a/a1", p.d1, 3, 13);
    p.code("a/a2", p.d1, 14, 24);
    p.code("c", p.d1, 5, 20);
    p.code("b/b1/x", p.d1, 18, 30);

    CoocOptions one = long_form();
    one.selection.depth = 1;
    const auto t1 = cooccurrence_table(p.store, {}, one);
    const auto ac = pair_of(t1, "a", "c");
    BOOST_TEST(ac.n_a == 2);    // a rolls up a1 and a2
    BOOST_TEST(ac.count == 1);  // c [5,20) bridges both a places: one stretch where they overlap
    BOOST_TEST(count_of(t1, "b", "c") == 1);  // [18,20)
    BOOST_TEST(count_of(t1, "a", "b") == 1);  // [18,24)
    BOOST_TEST(t1.rows.size() == 3u);

    CoocOptions two = matrix(Measure::count);
    two.selection.depth = 2;
    const auto t2 = cooccurrence_table(p.store, {}, two);
    BOOST_TEST(keys(t2) == (Strings{"a/a1", "a/a2", "b/b1", "c"}), tt::per_element());  // c: a shallower leaf
    BOOST_TEST(int_at(t2, row_of(t2, "b/b1"), "n") == 1);  // x rolled up
    BOOST_TEST(int_at(t2, row_of(t2, "b/b1"), "c") == 1);

    CoocOptions leaves = long_form();
    const auto t0 = cooccurrence_table(p.store, {}, leaves);
    BOOST_TEST(count_of(t0, "a/a1", "c") == 1);
    BOOST_TEST(count_of(t0, "a/a2", "c") == 1);
}

BOOST_AUTO_TEST_CASE(root_restricts_to_a_subtree) {
    Project p;
    p.code("a/a1", p.d1, 3, 13);
    p.code("a/a2", p.d1, 5, 10);
    CoocOptions o = long_form();
    o.selection.root = "a";
    const auto t = cooccurrence_table(p.store, {}, o);
    BOOST_TEST_REQUIRE(t.rows.size() == 1u);
    BOOST_TEST(text_at(t, 0, "code_a") == "a/a1");
    BOOST_TEST(text_at(t, 0, "code_b") == "a/a2");
    BOOST_TEST(int_at(t, 0, "count") == 1);
}

BOOST_AUTO_TEST_CASE(no_selection_pairs_an_ancestor_with_a_descendant) {
    Project p;
    p.code("a/a1", p.d1, 3, 13);
    p.code("b/b1/x", p.d1, 3, 13);
    for (std::optional<int> depth : {std::optional<int>{}, std::optional<int>{1}, std::optional<int>{2},
                                     std::optional<int>{3}}) {
        for (std::optional<std::string> root : {std::optional<std::string>{}, std::optional<std::string>{"b"}}) {
            CoocOptions o = long_form();
            o.selection.depth = depth;
            o.selection.root = root;
            const auto t = cooccurrence_table(p.store, {}, o);
            for (std::size_t r = 0; r < t.rows.size(); ++r) {
                const auto a = text_at(t, r, "code_a"), b = text_at(t, r, "code_b");
                BOOST_TEST_CONTEXT("depth " << depth.value_or(0) << " root " << root.value_or("-") << ": " << a
                                            << " × " << b) {
                    BOOST_TEST(!is_ancestor(a, b));
                    BOOST_TEST(!is_ancestor(b, a));
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(unknown_root_is_an_error) {
    Project p;
    CoocOptions o;
    o.selection.root = "nope";
    BOOST_CHECK_THROW(cooccurrence_table(p.store, {}, o), qcode::Error);
}

BOOST_AUTO_TEST_SUITE_END()
