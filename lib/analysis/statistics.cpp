#include "analysis/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace qcode::analysis {

namespace {

constexpr double kEpsilon = 1e-15;
constexpr int kMaxIterations = 10000;
constexpr double kTiny = 1e-300;

// P(a, x) by its series: e^{-x} x^a / Γ(a+1) · Σ x^n / ((a+1)…(a+n)).
double gamma_p_series(double a, double x) {
    double term = 1.0 / a, sum = term;
    for (int n = 1; n < kMaxIterations; ++n) {
        term *= x / (a + n);
        sum += term;
        if (std::fabs(term) < std::fabs(sum) * kEpsilon) break;
    }
    return sum * std::exp(-x + a * std::log(x) - std::lgamma(a));
}

// Q(a, x) by its continued fraction (modified Lentz).
double gamma_q_fraction(double a, double x) {
    double b = x + 1 - a, c = 1 / kTiny, d = 1 / b, h = d;
    for (int i = 1; i < kMaxIterations; ++i) {
        const double an = -i * (i - a);
        b += 2;
        d = an * d + b;
        if (std::fabs(d) < kTiny) d = kTiny;
        c = b + an / c;
        if (std::fabs(c) < kTiny) c = kTiny;
        d = 1 / d;
        const double delta = d * c;
        h *= delta;
        if (std::fabs(delta - 1) < kEpsilon) break;
    }
    return std::exp(-x + a * std::log(x) - std::lgamma(a)) * h;
}

}  // namespace

double regularized_gamma_p(double a, double x) {
    if (!(a > 0) || !(x >= 0) || std::isinf(a)) return std::numeric_limits<double>::quiet_NaN();
    if (x == 0) return 0;
    if (std::isinf(x)) return 1;
    return x < a + 1 ? gamma_p_series(a, x) : 1 - gamma_q_fraction(a, x);
}

double regularized_gamma_q(double a, double x) {
    if (!(a > 0) || !(x >= 0) || std::isinf(a)) return std::numeric_limits<double>::quiet_NaN();
    if (x == 0) return 1;
    if (std::isinf(x)) return 0;
    return x < a + 1 ? 1 - gamma_p_series(a, x) : gamma_q_fraction(a, x);
}

double chi_square_p(double chi2, double df) {
    if (!(df > 0)) return std::numeric_limits<double>::quiet_NaN();
    return regularized_gamma_q(df / 2, std::max(0.0, chi2) / 2);
}

ChiSquare chi_square_test(const std::vector<std::vector<double>>& observed) {
    ChiSquare r;
    const std::size_t ncols = observed.empty() ? 0 : observed.front().size();
    std::vector<double> row_total, col_total(ncols, 0.0);
    std::vector<std::size_t> rows, cols;
    for (const auto& row : observed) {
        double t = 0;
        for (std::size_t c = 0; c < ncols; ++c) {
            t += row[c];
            col_total[c] += row[c];
        }
        row_total.push_back(t);
    }
    for (std::size_t i = 0; i < observed.size(); ++i)
        if (row_total[i] > 0) rows.push_back(i);
    for (std::size_t c = 0; c < ncols; ++c)
        if (col_total[c] > 0) cols.push_back(c);
    for (auto i : rows) r.n += row_total[i];
    r.rows = static_cast<std::int64_t>(rows.size());
    r.cols = static_cast<std::int64_t>(cols.size());
    r.cells = r.rows * r.cols;
    if (rows.size() < 2 || cols.size() < 2) return r;

    r.min_expected = std::numeric_limits<double>::infinity();
    for (auto i : rows)
        for (auto c : cols) {
            const double expected = row_total[i] * col_total[c] / r.n;
            const double diff = observed[i][c] - expected;
            r.chi2 += diff * diff / expected;
            if (expected < 5) ++r.expected_below_5;
            r.min_expected = std::min(r.min_expected, expected);
        }
    r.df = (r.rows - 1) * (r.cols - 1);
    r.p = chi_square_p(r.chi2, static_cast<double>(r.df));
    r.cramers_v = std::sqrt(r.chi2 / (r.n * static_cast<double>(std::min(r.rows, r.cols) - 1)));
    r.valid = true;
    return r;
}

}  // namespace qcode::analysis
