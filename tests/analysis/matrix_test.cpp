// matrix_table: code × document / attribute value, the four cell kinds,
// and the totals, on the hand-worked project of tables_fixture.hpp.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "analysis/matrix.hpp"
#include "tables_fixture.hpp"

using namespace qcode;
using namespace qcode::analysis_test;
using qcode::analysis::MatrixCells;
using qcode::analysis::MatrixOptions;
using qcode::analysis::matrix_table;

namespace tt = boost::test_tools;

namespace {

MatrixOptions by_typ(MatrixCells cells) {
    MatrixOptions o;
    o.cols = *analysis::parse_group_by("attr:typ");
    o.cells = cells;
    return o;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(matrix)

BOOST_AUTO_TEST_CASE(parse_cells) {
    BOOST_TEST((analysis::parse_matrix_cells("row-pct") == MatrixCells::row_pct));
    BOOST_TEST((analysis::parse_matrix_cells("col-pct") == MatrixCells::col_pct));
    BOOST_TEST((analysis::parse_matrix_cells("documents") == MatrixCells::documents));
    BOOST_TEST(!analysis::parse_matrix_cells("percent"));
}

BOOST_AUTO_TEST_CASE(code_by_document_segments) {
    TablesProject p;
    const auto t = matrix_table(p.store, {}, MatrixOptions{});
    BOOST_TEST(column_names(t) == (Strings{"code", "label", "d1", "d2", "d3", "total"}), tt::per_element());
    BOOST_TEST(keys(t) == (Strings{"a", "a/a1", "a/a2", "b", "b/b1", "b/b1/x", "c", "total"}), tt::per_element());
    const auto a = row_of(t, "a");
    BOOST_TEST(int_at(t, a, "d1") == 3);
    BOOST_TEST(int_at(t, a, "d2") == 0);
    BOOST_TEST(int_at(t, a, "d3") == 1);
    BOOST_TEST(int_at(t, a, "total") == 4);
    const auto total = row_of(t, "total");
    BOOST_TEST(text_at(t, total, "label") == "(any code)");
    // d1: [3,13) [8,20) [10,16) [14,24) [25,35) [39,44) — [3,13) coded by a1 and a2 counts once.
    BOOST_TEST(int_at(t, total, "d1") == 6);
    BOOST_TEST(int_at(t, total, "d2") == 1);
    BOOST_TEST(int_at(t, total, "d3") == 2);
    BOOST_TEST(int_at(t, total, "total") == 9);  // the leaves sum to 2 + 3 + 2 + 3 = 10
}

BOOST_AUTO_TEST_CASE(code_by_attribute_with_an_empty_value) {
    TablesProject p;
    const auto t = matrix_table(p.store, {}, by_typ(MatrixCells::segments));
    BOOST_TEST(column_names(t) == (Strings{"code", "label", "abh", "jc", "(no value)", "total"}), tt::per_element());
    const auto expect = [&](const std::string& code, std::vector<std::int64_t> v) {
        const auto r = row_of(t, code);
        BOOST_TEST_CONTEXT(code) {
            BOOST_TEST(int_at(t, r, "abh") == v[0]);
            BOOST_TEST(int_at(t, r, "jc") == v[1]);
            BOOST_TEST(int_at(t, r, "(no value)") == v[2]);
            BOOST_TEST(int_at(t, r, "total") == v[3]);
        }
    };
    expect("a", {3, 1, 0, 4});
    expect("a/a1", {2, 0, 0, 2});
    expect("a/a2", {2, 1, 0, 3});
    expect("b", {1, 1, 0, 2});
    expect("b/b1/x", {1, 1, 0, 2});
    expect("c", {2, 0, 1, 3});
    expect("total", {6, 2, 1, 9});
}

BOOST_AUTO_TEST_CASE(documents_presence) {
    TablesProject p;
    const auto t = matrix_table(p.store, {}, by_typ(MatrixCells::documents));
    const auto a = row_of(t, "a");
    BOOST_TEST(int_at(t, a, "abh") == 1);
    BOOST_TEST(int_at(t, a, "jc") == 1);
    BOOST_TEST(int_at(t, a, "(no value)") == 0);
    BOOST_TEST(int_at(t, a, "total") == 2);
    const auto total = row_of(t, "total");
    BOOST_TEST(int_at(t, total, "abh") == 1);
    BOOST_TEST(int_at(t, total, "(no value)") == 1);
    BOOST_TEST(int_at(t, total, "total") == 3);
    // By document: 0/1.
    MatrixOptions o;
    o.cells = MatrixCells::documents;
    const auto d = matrix_table(p.store, {}, o);
    BOOST_TEST(int_at(d, row_of(d, "c"), "d1") == 1);
    BOOST_TEST(int_at(d, row_of(d, "c"), "d3") == 0);
    BOOST_TEST(int_at(d, row_of(d, "c"), "total") == 2);
}

BOOST_AUTO_TEST_CASE(row_percentages) {
    TablesProject p;
    const auto t = matrix_table(p.store, {}, by_typ(MatrixCells::row_pct));
    BOOST_TEST((t.columns[2].type == ColumnType::percent));
    const auto a = row_of(t, "a");
    BOOST_TEST(real_at(t, a, "abh") == 75.0);
    BOOST_TEST(real_at(t, a, "jc") == 25.0);
    BOOST_TEST(real_at(t, a, "(no value)") == 0.0);
    BOOST_TEST(real_at(t, a, "total") == 100.0);
    const auto c = row_of(t, "c");
    BOOST_TEST(real_at(t, c, "abh") == 200.0 / 3, tt::tolerance(1e-9));
    BOOST_TEST(real_at(t, c, "(no value)") == 100.0 / 3, tt::tolerance(1e-9));
    const auto total = row_of(t, "total");
    BOOST_TEST(real_at(t, total, "abh") == 600.0 / 9, tt::tolerance(1e-9));
    BOOST_TEST(real_at(t, total, "jc") == 200.0 / 9, tt::tolerance(1e-9));
    BOOST_TEST(real_at(t, total, "total") == 100.0);
}

BOOST_AUTO_TEST_CASE(column_percentages) {
    TablesProject p;
    const auto t = matrix_table(p.store, {}, by_typ(MatrixCells::col_pct));
    const auto a = row_of(t, "a");
    BOOST_TEST(real_at(t, a, "abh") == 50.0);  // 3 of 6
    BOOST_TEST(real_at(t, a, "jc") == 50.0);   // 1 of 2
    BOOST_TEST(real_at(t, a, "(no value)") == 0.0);
    BOOST_TEST(real_at(t, a, "total") == 400.0 / 9, tt::tolerance(1e-9));
    const auto total = row_of(t, "total");
    for (const auto* col : {"abh", "jc", "(no value)", "total"}) BOOST_TEST(real_at(t, total, col) == 100.0);
}

BOOST_AUTO_TEST_CASE(a_zero_base_leaves_the_cell_empty) {
    Project p;
    p.code("c", p.d1, 3, 13);
    MatrixOptions o;
    o.cells = MatrixCells::row_pct;
    const auto t = matrix_table(p.store, {}, o);
    BOOST_TEST(empty_at(t, row_of(t, "a"), "d1"));
    BOOST_TEST(empty_at(t, row_of(t, "a"), "total"));
    BOOST_TEST(real_at(t, row_of(t, "c"), "d1") == 100.0);
}

BOOST_AUTO_TEST_CASE(selection_and_filters) {
    TablesProject p;
    MatrixOptions o;
    o.selection.depth = 1;
    store::CodingFilter f;
    f.origins = {Origin::manual};
    const auto t = matrix_table(p.store, f, o);
    BOOST_TEST(keys(t) == (Strings{"a", "b", "c", "total"}), tt::per_element());
    BOOST_TEST(int_at(t, row_of(t, "c"), "d1") == 1);  // the auto coding [25,35) is filtered out
    BOOST_TEST(int_at(t, row_of(t, "total"), "d1") == 5);
}

BOOST_AUTO_TEST_CASE(columns_by_role) {
    TablesProject p;
    MatrixOptions o;
    o.cols = *analysis::parse_group_by("role");
    const auto t = matrix_table(p.store, {}, o);
    BOOST_TEST(column_names(t) == (Strings{"code", "label", "interviewer", "respondent", "total"}), tt::per_element());
    BOOST_TEST(int_at(t, row_of(t, "c"), "interviewer") == 1);
    BOOST_TEST(int_at(t, row_of(t, "c"), "respondent") == 2);
}

BOOST_AUTO_TEST_SUITE_END()
