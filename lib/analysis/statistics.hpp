#pragma once
// The chi-square test of independence for cross tables, with what a methods
// section reports: chi², degrees of freedom, p-value, Cramér's V, and the
// expected counts behind Cochran's rule. The p-value comes from the
// regularized upper incomplete gamma function, implemented here (no
// statistics library in the dependency list).
#include <cstdint>
#include <vector>

namespace qcode::analysis {

// P(a, x) = γ(a, x) / Γ(a) and Q(a, x) = 1 − P(a, x), for a > 0, x ≥ 0;
// series for x < a + 1, Lentz's continued fraction otherwise (both to
// about 1e-15 relative). NaN for arguments outside the domain.
double regularized_gamma_p(double a, double x);
double regularized_gamma_q(double a, double x);

// Upper-tail probability of the chi-square distribution: P(X ≥ chi2) with
// df degrees of freedom = Q(df/2, chi2/2).
double chi_square_p(double chi2, double df);

struct ChiSquare {
    bool valid = false;          // false: fewer than two non-empty rows or columns
    double chi2 = 0;             // Pearson's, without continuity correction
    std::int64_t df = 0;         // (rows − 1)(columns − 1) over non-empty rows/columns
    double p = 1;
    double cramers_v = 0;        // √(chi² / (n · (min(rows, columns) − 1)))
    double n = 0;                // total count
    std::int64_t rows = 0, cols = 0;  // non-empty rows and columns (those tested)
    std::int64_t cells = 0;           // rows · cols
    std::int64_t expected_below_5 = 0;
    double min_expected = 0;
    // Cochran's rule: at most 20 % of expected counts below 5, none below 1.
    bool cochran_ok() const { return expected_below_5 * 5 <= cells && min_expected >= 1; }
};

// Pearson's chi-square test of independence on a table of counts (rows ×
// columns, all rows equally long). Rows and columns whose total is 0 are
// left out (their expected counts would be 0).
ChiSquare chi_square_test(const std::vector<std::vector<double>>& observed);

}  // namespace qcode::analysis
