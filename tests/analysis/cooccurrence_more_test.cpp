// Co-occurrence beyond the basics: the window:N scope (asymmetric counts
// and the measures built from both directions), crossing two subtrees
// (--rows/--cols), the imbalance flag and --min.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <string>
#include <tuple>
#include <vector>

#include "analysis/cooccurrence.hpp"
#include "core/error.hpp"
#include "tables_fixture.hpp"

using namespace qcode;
using namespace qcode::analysis_test;
using qcode::analysis::CoocOptions;
using qcode::analysis::CoocScope;
using qcode::analysis::cooccurrence_table;
using qcode::analysis::Measure;
using qcode::analysis::PairCounts;

namespace tt = boost::test_tools;

namespace {

CoocOptions window(int n, bool long_form = true) {
    CoocOptions o;
    o.scope = CoocScope::window;
    o.window = n;
    o.long_form = long_form;
    return o;
}

// a1 in s2 of d1; c in s1, s3, s4 of d1 and in d2 (sentence positions:
// d1 s1=0 s2=1 s3=2 s4=3; d2 s1=0).
void windowed(Project& p) {
    p.code("a/a1", p.d1, 14, 24);
    p.code("c", p.d1, 3, 13);
    p.code("c", p.d1, 25, 35);
    p.code("c", p.d1, 39, 44);
    p.code("c", p.d2, 3, 13);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cooccurrence_window)

BOOST_AUTO_TEST_CASE(parse_scope_spec) {
    BOOST_TEST((analysis::parse_scope_spec("window:3")->scope == CoocScope::window));
    BOOST_TEST(analysis::parse_scope_spec("window:3")->window == 3);
    BOOST_TEST(analysis::parse_scope_spec("window:0")->window == 0);
    BOOST_TEST((analysis::parse_scope_spec("turn")->scope == CoocScope::turn));
    BOOST_TEST(!analysis::parse_scope_spec("window"));
    BOOST_TEST(!analysis::parse_scope_spec("window:"));
    BOOST_TEST(!analysis::parse_scope_spec("window:-1"));
    BOOST_TEST(!analysis::parse_scope_spec("window:2x"));
    BOOST_TEST(!analysis::parse_scope_spec("nonsense"));
}

BOOST_AUTO_TEST_CASE(counts_from_each_side) {
    Project p;
    windowed(p);
    const auto t = cooccurrence_table(p.store, {}, window(1));
    BOOST_TEST(column_names(t) == (Strings{"code_a", "code_b", "n_a", "n_b", "count", "jaccard", "conditional",
                                           "conditional_ba", "dice", "ochiai", "count_ba"}),
               tt::per_element());
    const auto r = pair_row(t, "a/a1", "c");
    BOOST_TEST(text_at(t, r, "code_a") == "a/a1");
    BOOST_TEST(int_at(t, r, "n_a") == 1);       // s2
    BOOST_TEST(int_at(t, r, "n_b") == 4);       // d1 s1 s3 s4, d2 s1
    BOOST_TEST(int_at(t, r, "count") == 1);     // s2 has c in s1 (and s3)
    BOOST_TEST(int_at(t, r, "count_ba") == 2);  // s1 and s3 have a1 in s2; s4 is 2 away; d2 has none
    BOOST_TEST(real_at(t, r, "conditional") == 1.0);
    BOOST_TEST(real_at(t, r, "conditional_ba") == 0.5);
    BOOST_TEST(real_at(t, r, "jaccard") == 1.5 / 3.5, tt::tolerance(1e-12));  // n12 = (1 + 2) / 2
    BOOST_TEST(real_at(t, r, "dice") == 3.0 / 5.0, tt::tolerance(1e-12));
    BOOST_TEST(real_at(t, r, "ochiai") == std::sqrt(0.5), tt::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(wider_window_and_zero_window) {
    Project p;
    windowed(p);
    const auto t2 = cooccurrence_table(p.store, {}, window(2));
    const auto r2 = pair_row(t2, "a/a1", "c");
    BOOST_TEST(int_at(t2, r2, "count") == 1);
    BOOST_TEST(int_at(t2, r2, "count_ba") == 3);  // s4 now within 2
    // window:0 is the sentence scope: no sentence holds both.
    const auto t0 = cooccurrence_table(p.store, {}, window(0));
    const auto r0 = pair_row(t0, "a/a1", "c");
    BOOST_TEST(int_at(t0, r0, "count") == 0);
    BOOST_TEST(int_at(t0, r0, "count_ba") == 0);
}

BOOST_AUTO_TEST_CASE(window_zero_equals_sentence_scope) {
    TablesProject p;
    CoocOptions sentence;
    sentence.scope = CoocScope::sentence;
    sentence.long_form = true;
    const auto s = cooccurrence_table(p.store, {}, sentence);
    const auto w = cooccurrence_table(p.store, {}, window(0));
    BOOST_REQUIRE(s.rows.size() == w.rows.size());
    for (std::size_t r = 0; r < s.rows.size(); ++r)
        for (const auto* col : {"n_a", "n_b", "count"}) BOOST_TEST(int_at(s, r, col) == int_at(w, r, col));
    for (std::size_t r = 0; r < w.rows.size(); ++r) BOOST_TEST(int_at(w, r, "count_ba") == int_at(w, r, "count"));
}

BOOST_AUTO_TEST_CASE(matrix_cells_are_seen_from_the_row) {
    Project p;
    windowed(p);
    const auto t = cooccurrence_table(p.store, {}, window(1, false));
    BOOST_TEST(int_at(t, row_of(t, "a/a1"), "c") == 1);
    BOOST_TEST(int_at(t, row_of(t, "c"), "a/a1") == 2);
    auto jac = window(1, false);
    jac.measure = Measure::jaccard;
    const auto j = cooccurrence_table(p.store, {}, jac);
    BOOST_TEST(real_at(j, row_of(j, "a/a1"), "c") == real_at(j, row_of(j, "c"), "a/a1"));  // symmetric measure
    BOOST_TEST(t.title == "Co-occurrence (window:1)");
}

BOOST_AUTO_TEST_CASE(symmetric_counts_give_the_usual_measures) {
    const PairCounts sym{6, 3, 2, 2};
    const PairCounts plain{6, 3, 2};
    for (auto m : {Measure::count, Measure::jaccard, Measure::conditional, Measure::dice, Measure::ochiai})
        BOOST_TEST(analysis::measure_value(m, sym) == analysis::measure_value(m, plain), tt::tolerance(1e-12));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(cooccurrence_crossed)

BOOST_AUTO_TEST_CASE(rows_and_cols_cross_two_subtrees) {
    TablesProject p;
    CoocOptions o;
    o.rows = "a";
    o.cols = "b";
    const auto t = cooccurrence_table(p.store, {}, o);
    BOOST_TEST(column_names(t) == (Strings{"code", "n", "b/b1/x"}), tt::per_element());
    BOOST_TEST(keys(t) == (Strings{"a/a1", "a/a2"}), tt::per_element());
    // a1 places [3,13) [14,24) × x [8,20): x bridges both, one cluster
    BOOST_TEST(int_at(t, 0, "b/b1/x") == 1);
    BOOST_TEST(int_at(t, 0, "n") == 2);
    // a2 places [3,16) (= [3,13) ∪ [10,16)), d3 [3,13) × x [8,20), d3 [5,10): one cluster per document
    BOOST_TEST(int_at(t, 1, "b/b1/x") == 2);
    BOOST_TEST(int_at(t, 1, "n") == 2);
}

BOOST_AUTO_TEST_CASE(crossed_long_form_and_depth) {
    TablesProject p;
    CoocOptions o;
    o.rows = "a";
    o.cols = "b";
    o.long_form = true;
    o.selection.depth = 1;  // a and b themselves
    const auto t = cooccurrence_table(p.store, {}, o);
    BOOST_REQUIRE(t.rows.size() == 1u);
    BOOST_TEST(text_at(t, 0, "code_a") == "a");
    BOOST_TEST(text_at(t, 0, "code_b") == "b");
    BOOST_TEST(int_at(t, 0, "n_a") == 2);    // d1 [3,24) (a1 and a2 segments chained), d3 [3,13)
    BOOST_TEST(int_at(t, 0, "n_b") == 2);
    BOOST_TEST(int_at(t, 0, "count") == 2);  // one cluster in d1, one in d3
}

BOOST_AUTO_TEST_CASE(only_rows_crosses_with_everything) {
    TablesProject p;
    CoocOptions o;
    o.rows = "c";
    const auto t = cooccurrence_table(p.store, {}, o);
    BOOST_TEST(keys(t) == (Strings{"c"}), tt::per_element());
    BOOST_TEST(column_names(t) == (Strings{"code", "n", "a/a1", "a/a2", "b/b1/x", "c"}), tt::per_element());
    BOOST_TEST(empty_at(t, 0, "c"));  // never with itself
}

BOOST_AUTO_TEST_CASE(unknown_rows_path_is_an_error) {
    TablesProject p;
    CoocOptions o;
    o.rows = "nix";
    BOOST_CHECK_THROW(cooccurrence_table(p.store, {}, o), Error);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(cooccurrence_flag_and_min)

BOOST_AUTO_TEST_CASE(imbalance_is_more_than_five_fold) {
    BOOST_TEST(!analysis::imbalanced(PairCounts{1, 5, 0}));
    BOOST_TEST(analysis::imbalanced(PairCounts{1, 6, 0}));
    BOOST_TEST(analysis::imbalanced(PairCounts{12, 2, 1}));
    BOOST_TEST(!analysis::imbalanced(PairCounts{0, 10, 0}));  // an unused code is no distortion
}

BOOST_AUTO_TEST_CASE(flag_column_in_long_and_matrix_form) {
    Project p;
    p.code("a/a1", p.d1, 3, 13);  // 1 segment
    p.code("a/a2", p.d1, 3, 13);
    p.code("a/a2", p.d2, 3, 13);  // 2 segments
    for (auto [doc, s, e] : std::vector<std::tuple<Id, std::uint32_t, std::uint32_t>>{
             {p.d1, 3, 13}, {p.d1, 14, 24}, {p.d1, 25, 35}, {p.d1, 39, 44}, {p.d2, 3, 13}, {p.d3, 3, 13}})
        p.code("c", doc, s, e);  // 6 segments
    CoocOptions o;
    o.long_form = true;
    o.flag = true;
    const auto t = cooccurrence_table(p.store, {}, o);
    BOOST_TEST(t.columns.back().name == "flag");
    BOOST_TEST(text_at(t, pair_row(t, "a/a1", "c"), "flag") == "n_b > 5×n_a");  // 6 > 5 · 1
    BOOST_TEST(text_at(t, pair_row(t, "a/a2", "c"), "flag") == "");             // 6 ≤ 5 · 2
    BOOST_TEST(text_at(t, pair_row(t, "a/a1", "a/a2"), "flag") == "");

    CoocOptions m;
    m.flag = true;
    const auto mt = cooccurrence_table(p.store, {}, m);
    BOOST_TEST(text_at(mt, row_of(mt, "a/a1"), "flag") == "c");
    BOOST_TEST(text_at(mt, row_of(mt, "c"), "flag") == "a/a1");
    BOOST_TEST(text_at(mt, row_of(mt, "a/a2"), "flag") == "");

    // Without the flag option: no column, but a note.
    const auto plain = cooccurrence_table(p.store, {}, CoocOptions{});
    BOOST_TEST(plain.find_column("flag") == -1);
    bool noted = false;
    for (const auto& n : plain.notes) noted = noted || n.starts_with("1 pair(s) join codes whose n differ more than 5-fold");
    BOOST_TEST(noted);
}

BOOST_AUTO_TEST_CASE(min_hides_weaker_pairs) {
    TablesProject p;
    // Overlap counts: a1×a2 1 (d1 [3,24) is one chain), a1×x 1, a2×x 2 (d1, d3), all × c 0.
    CoocOptions o;
    o.long_form = true;
    o.min = 2;
    const auto t = cooccurrence_table(p.store, {}, o);
    BOOST_REQUIRE(t.rows.size() == 1u);
    BOOST_TEST(int_at(t, pair_row(t, "a/a2", "b/b1/x"), "count") == 2);

    CoocOptions m;
    m.min = 2;
    const auto mt = cooccurrence_table(p.store, {}, m);
    // a1 and c have no pair left: gone as rows and columns.
    BOOST_TEST(keys(mt) == (Strings{"a/a2", "b/b1/x"}), tt::per_element());
    BOOST_TEST(column_names(mt) == (Strings{"code", "n", "a/a2", "b/b1/x"}), tt::per_element());
    BOOST_TEST(int_at(mt, row_of(mt, "b/b1/x"), "a/a2") == 2);
    BOOST_TEST(int_at(mt, row_of(mt, "a/a2"), "b/b1/x") == 2);
}

BOOST_AUTO_TEST_SUITE_END()
