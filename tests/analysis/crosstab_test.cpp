// crosstab: code × attribute counts, the chi-square test on them, and the
// notes that keep it honest, on the hand-worked project of tables_fixture.hpp.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "analysis/crosstab.hpp"
#include "core/error.hpp"
#include "tables_fixture.hpp"

using namespace qcode;
using namespace qcode::analysis_test;
using qcode::analysis::crosstab;
using qcode::analysis::CrosstabOptions;

namespace tt = boost::test_tools;

namespace {

CrosstabOptions on(const std::string& attribute, bool documents = false) {
    CrosstabOptions o;
    o.attribute = attribute;
    o.documents = documents;
    return o;
}

bool has_note(const Table& t, const std::string& start) {
    for (const auto& n : t.notes)
        if (n.starts_with(start)) return true;
    return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(crosstab_tests)

BOOST_AUTO_TEST_CASE(counts_and_test_by_kommune) {
    TablesProject p;
    const auto x = crosstab(p.store, {}, on("kommune"));
    const auto& t = x.table;
    BOOST_TEST(column_names(t) == (Strings{"code", "label", "Nord", "Süd", "total"}), tt::per_element());
    // The level codes (leaves): no row holds another.
    BOOST_TEST(keys(t) == (Strings{"a/a1", "a/a2", "b/b1/x", "c", "total"}), tt::per_element());
    BOOST_TEST(int_at(t, 0, "Nord") == 2);
    BOOST_TEST(int_at(t, 1, "Nord") == 3);
    BOOST_TEST(int_at(t, 2, "Nord") == 2);
    BOOST_TEST(int_at(t, 3, "Nord") == 2);
    BOOST_TEST(int_at(t, 3, "Süd") == 1);
    BOOST_TEST(int_at(t, 3, "total") == 3);
    BOOST_TEST(int_at(t, 4, "Nord") == 9);
    BOOST_TEST(int_at(t, 4, "Süd") == 1);
    BOOST_TEST(int_at(t, 4, "total") == 10);
    // Row totals 2, 3, 2, 3; column totals 9, 1; n = 10. Expected Süd 0.2,
    // 0.3, 0.2, 0.3, Nord 1.8, 2.7, 1.8, 2.7: chi² = 0.2 + 0.3 + 0.2 +
    // 0.49/0.3 + 0.04/1.8 + 0.09/2.7 + 0.04/1.8 + 0.49/2.7 = 70/27.
    BOOST_TEST(x.test.valid);
    BOOST_TEST(x.test.chi2 == 70.0 / 27.0, tt::tolerance(1e-9));
    BOOST_TEST(x.test.df == 3);
    BOOST_TEST(x.test.p == 0.4587896, tt::tolerance(1e-5));  // erfc(√(χ²/2)) + √(2χ²/π)·e^{−χ²/2}
    BOOST_TEST(x.test.cramers_v == std::sqrt(7.0 / 27.0), tt::tolerance(1e-9));
    BOOST_TEST(x.test.expected_below_5 == 8);
    BOOST_TEST(has_note(t, "chi² = 2.5926, df = 3, p = 0.459, Cramér's V = 0.5092 (n = 10 segments; 4 codes × 2 values)"));
    BOOST_TEST(has_note(t, "warning: 8 of 8 expected counts (100 %) are below 5 (smallest 0.20)"));
    // d1 [3,13) is a1 and a2.
    BOOST_TEST(has_note(t, "1 place(s) are counted in more than one row"));
}

BOOST_AUTO_TEST_CASE(documents_without_a_value_are_left_out) {
    TablesProject p;
    const auto x = crosstab(p.store, {}, on("typ"));
    const auto& t = x.table;
    BOOST_TEST(column_names(t) == (Strings{"code", "label", "abh", "jc", "total"}), tt::per_element());
    BOOST_TEST(int_at(t, row_of(t, "c"), "abh") == 2);
    BOOST_TEST(int_at(t, row_of(t, "c"), "total") == 2);  // d2 (typ "") is not in the table
    BOOST_TEST(int_at(t, row_of(t, "total"), "total") == 9);
    BOOST_TEST(has_note(t, "1 segment(s) in documents without a value for 'typ' are left out"));
    // [[2,0],[2,1],[1,1],[2,0]]: chi² = 9/4, df 3, V = √(2.25/9) = 0.5.
    BOOST_TEST(x.test.chi2 == 2.25, tt::tolerance(1e-9));
    BOOST_TEST(x.test.p == 0.5221672, tt::tolerance(1e-5));
    BOOST_TEST(x.test.cramers_v == 0.5, tt::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(documents_as_cells) {
    TablesProject p;
    const auto x = crosstab(p.store, {}, on("kommune", true));
    const auto& t = x.table;
    BOOST_TEST(int_at(t, row_of(t, "a/a1"), "Nord") == 1);
    BOOST_TEST(int_at(t, row_of(t, "a/a2"), "Nord") == 2);
    BOOST_TEST(int_at(t, row_of(t, "c"), "Nord") == 1);
    BOOST_TEST(int_at(t, row_of(t, "c"), "Süd") == 1);
    BOOST_TEST(has_note(t, "a document holding several codes counts in each of their rows"));
}

BOOST_AUTO_TEST_CASE(test_table_has_one_row) {
    TablesProject p;
    const auto x = crosstab(p.store, {}, on("kommune"));
    const auto s = x.test_table();
    BOOST_TEST(column_names(s) == (Strings{"chi2", "df", "p", "cramers_v", "n", "rows", "cols", "expected_below_5",
                                           "expected_below_5_pct", "min_expected"}),
               tt::per_element());
    BOOST_REQUIRE(s.rows.size() == 1u);
    BOOST_TEST(real_at(s, 0, "chi2") == 70.0 / 27.0, tt::tolerance(1e-9));
    BOOST_TEST(int_at(s, 0, "df") == 3);
    BOOST_TEST(int_at(s, 0, "n") == 10);
    BOOST_TEST(real_at(s, 0, "expected_below_5_pct") == 100.0);
    BOOST_TEST(real_at(s, 0, "min_expected") == 0.2, tt::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(depth_picks_the_rows) {
    TablesProject p;
    auto o = on("kommune");
    o.selection.depth = 1;
    const auto x = crosstab(p.store, {}, o);
    BOOST_TEST(keys(x.table) == (Strings{"a", "b", "c", "total"}), tt::per_element());
    BOOST_TEST(int_at(x.table, 0, "Nord") == 4);
}

BOOST_AUTO_TEST_CASE(no_test_with_one_value) {
    TablesProject p;
    store::CodingFilter f;
    f.where = {{"kommune", "Nord"}};
    const auto x = crosstab(p.store, f, on("kommune"));
    BOOST_TEST(!x.test.valid);
    BOOST_TEST(has_note(x.table, "no chi-square test"));
    BOOST_TEST(empty_at(x.test_table(), 0, "chi2"));
}

BOOST_AUTO_TEST_CASE(unknown_attribute_is_an_error) {
    TablesProject p;
    BOOST_CHECK_THROW(crosstab(p.store, {}, on("gibtsnicht")), Error);
}

BOOST_AUTO_TEST_SUITE_END()
