// The regularized incomplete gamma function against closed forms and
// chi-square table values, and the chi-square test on textbook tables.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <vector>

#include "analysis/statistics.hpp"

using namespace qcode::analysis;

namespace tt = boost::test_tools;

BOOST_AUTO_TEST_SUITE(statistics)

BOOST_AUTO_TEST_CASE(gamma_closed_forms) {
    // Q(1, x) = e^{-x}; P(1/2, x) = erf(√x); P + Q = 1.
    for (double x : {0.001, 0.1, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0}) {
        BOOST_TEST_CONTEXT("x = " << x) {
            BOOST_TEST(regularized_gamma_q(1.0, x) == std::exp(-x), tt::tolerance(1e-12));
            BOOST_TEST(regularized_gamma_p(0.5, x) == std::erf(std::sqrt(x)), tt::tolerance(1e-12));
            BOOST_TEST(regularized_gamma_p(3.7, x) + regularized_gamma_q(3.7, x) == 1.0, tt::tolerance(1e-12));
            // Q(2, x) = e^{-x} (1 + x)
            BOOST_TEST(regularized_gamma_q(2.0, x) == std::exp(-x) * (1 + x), tt::tolerance(1e-12));
        }
    }
    BOOST_TEST(regularized_gamma_p(2.0, 0.0) == 0.0);
    BOOST_TEST(regularized_gamma_q(2.0, 0.0) == 1.0);
    BOOST_TEST(std::isnan(regularized_gamma_q(0.0, 1.0)));
    BOOST_TEST(std::isnan(regularized_gamma_q(1.0, -1.0)));
}

BOOST_AUTO_TEST_CASE(chi_square_critical_values) {
    // The 5 % and 1 % points every chi-square table lists.
    BOOST_TEST(chi_square_p(3.841459, 1) == 0.05, tt::tolerance(1e-5));
    BOOST_TEST(chi_square_p(5.991465, 2) == 0.05, tt::tolerance(1e-5));
    BOOST_TEST(chi_square_p(11.070498, 5) == 0.05, tt::tolerance(1e-5));
    BOOST_TEST(chi_square_p(6.634897, 1) == 0.01, tt::tolerance(1e-5));
    BOOST_TEST(chi_square_p(23.209251, 10) == 0.01, tt::tolerance(1e-5));
    BOOST_TEST(chi_square_p(124.342113, 100) == 0.05, tt::tolerance(1e-5));
    // As the issue puts it, with three decimals.
    BOOST_TEST(std::abs(chi_square_p(3.841, 1) - 0.05) < 1e-4);
    BOOST_TEST(std::abs(chi_square_p(11.07, 5) - 0.05) < 1e-4);
    // df 2: p = e^{-chi²/2}; chi² = 0: p = 1.
    BOOST_TEST(chi_square_p(4.2, 2) == std::exp(-2.1), tt::tolerance(1e-12));
    BOOST_TEST(chi_square_p(0.0, 3) == 1.0);
}

BOOST_AUTO_TEST_CASE(two_by_two_textbook_table) {
    // [[10, 20], [30, 40]]: row totals 30, 70; column totals 40, 60; n = 100.
    // Expected 12, 18, 28, 42; chi² = 4/12 + 4/18 + 4/28 + 4/42 = 0.793651.
    const auto r = chi_square_test({{10, 20}, {30, 40}});
    BOOST_TEST(r.valid);
    BOOST_TEST(r.chi2 == 0.7936508, tt::tolerance(1e-6));
    BOOST_TEST(r.df == 1);
    BOOST_TEST(r.p == 0.3729985, tt::tolerance(1e-5));  // erfc(√(chi²/2))
    BOOST_TEST(r.cramers_v == 0.0890871, tt::tolerance(1e-5));
    BOOST_TEST(r.n == 100.0);
    BOOST_TEST(r.expected_below_5 == 0);
    BOOST_TEST(r.min_expected == 12.0, tt::tolerance(1e-12));
    BOOST_TEST(r.cochran_ok());
}

BOOST_AUTO_TEST_CASE(agresti_party_identification_by_gender) {
    // Agresti, An Introduction to Categorical Data Analysis, 2nd ed., Table
    // 2.5: X² = 30.1 with df 2.
    const auto r = chi_square_test({{762, 327, 468}, {484, 239, 477}});
    BOOST_TEST(r.chi2 == 30.07015, tt::tolerance(1e-6));
    BOOST_TEST(r.df == 2);
    BOOST_TEST(r.p == std::exp(-r.chi2 / 2), tt::tolerance(1e-9));
    BOOST_TEST(r.cramers_v == 0.1044358, tt::tolerance(1e-5));
}

BOOST_AUTO_TEST_CASE(small_expected_counts_and_empty_lines) {
    // A zero row and a zero column drop out: a 2×2 test remains.
    const auto r = chi_square_test({{10, 0, 20}, {0, 0, 0}, {30, 0, 40}});
    BOOST_TEST(r.rows == 2);
    BOOST_TEST(r.cols == 2);
    BOOST_TEST(r.chi2 == 0.7936508, tt::tolerance(1e-6));
    // Expected 0.2 … 2.7: all below 5 (the crosstab fixture's table).
    const auto s = chi_square_test({{2, 0}, {3, 0}, {2, 0}, {2, 1}});
    BOOST_TEST(s.chi2 == 70.0 / 27.0, tt::tolerance(1e-9));
    BOOST_TEST(s.df == 3);
    BOOST_TEST(s.expected_below_5 == 8);
    BOOST_TEST(s.min_expected == 0.2, tt::tolerance(1e-9));
    BOOST_TEST(!s.cochran_ok());
}

BOOST_AUTO_TEST_CASE(no_test_without_two_rows_and_columns) {
    BOOST_TEST(!chi_square_test({{5, 7}}).valid);
    BOOST_TEST(!chi_square_test({{5, 0}, {3, 0}}).valid);
    BOOST_TEST(!chi_square_test({}).valid);
}

BOOST_AUTO_TEST_SUITE_END()
