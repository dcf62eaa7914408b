#pragma once
// Code co-occurrence (DESIGN §6): how often two codes meet, in a scope,
// with the measures methods sections cite.
#include <optional>
#include <string>
#include <string_view>

#include "analysis/code_segments.hpp"
#include "table/table.hpp"

namespace qcode::analysis {

enum class CoocScope { overlap, sentence, turn, paragraph, window, document };
std::optional<CoocScope> parse_cooc_scope(std::string_view s);  // the plain names; "window" for window
std::string_view to_string(CoocScope scope);

// A scope as the command line names it: "overlap" … "document", or
// "window:N" (N ≥ 0 sentences).
struct ScopeSpec {
    CoocScope scope = CoocScope::overlap;
    int window = 0;
};
std::optional<ScopeSpec> parse_scope_spec(std::string_view s);

enum class Measure { count, jaccard, conditional, dice, ochiai };
std::optional<Measure> parse_measure(std::string_view s);
std::string_view to_string(Measure m);

struct CoocOptions {
    CoocScope scope = CoocScope::overlap;
    Measure measure = Measure::count;  // the matrix cell
    bool long_form = false;
    CodeSelection selection;  // with depth: the codes at that depth (and shallower leaves); else the leaves
    int window = 0;           // scope window: sentences apart at most
    // Cross two subtrees (rows × columns) instead of all codes with all:
    // the level codes (see level_codes) under each path; depth as above.
    std::optional<std::string> rows, cols;
    // Adds a `flag` column marking pairs whose n differ more than
    // kImbalanceRatio-fold (ATLAS.ti warns that the c-coefficient is then
    // distorted; conditional is not).
    bool flag = false;
    // Hides pairs whose count is below this (long form: drops the row;
    // matrix: empties the cell, drops codes left without a pair).
    std::int64_t min = 0;
};

inline constexpr double kImbalanceRatio = 5.0;

// n_a, n_b: places holding A resp. B; count: places of A that meet B. In
// every scope but window, count is symmetric (count_ba stays -1). In window
// scope count_ba = B-sentences with an A-sentence within N, and the
// symmetric measures use both: Jaccard with n12 = (count + count_ba) / 2,
// Dice = (count + count_ba) / (n_a + n_b), Ochiai = √(P(B|A)·P(A|B)) —
// each equal to the usual formula when count = count_ba.
struct PairCounts {
    std::int64_t n_a = 0, n_b = 0, count = 0;
    std::int64_t count_ba = -1;
};
double measure_value(Measure m, const PairCounts& p);
// True when one n is more than kImbalanceRatio times the other (both > 0).
bool imbalanced(const PairCounts& p);

// Square matrix (code, n, one column per code) or, with long_form, one row
// per unordered pair: code_a, code_b, n_a, n_b, count, jaccard,
// conditional (P(B|A)), conditional_ba (P(A|B)), dice, ochiai; in window
// scope then count_ba; with `flag` then flag. With rows/cols the matrix has
// the row codes as rows and the column codes as columns, and long form
// lists row code × column code.
Table cooccurrence_table(store::Store& store, const store::CodingFilter& filter, const CoocOptions& options);

}  // namespace qcode::analysis
