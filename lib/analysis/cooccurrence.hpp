#pragma once
// Code co-occurrence (DESIGN §6): how often two codes meet, in a scope,
// with the measures methods sections cite.
#include <optional>
#include <string>
#include <string_view>

#include "analysis/code_segments.hpp"
#include "table/table.hpp"

namespace qcode::analysis {

enum class CoocScope { overlap, sentence, turn, paragraph, document };
std::optional<CoocScope> parse_cooc_scope(std::string_view s);
std::string_view to_string(CoocScope scope);

enum class Measure { count, jaccard, conditional, dice, ochiai };
std::optional<Measure> parse_measure(std::string_view s);
std::string_view to_string(Measure m);

struct CoocOptions {
    CoocScope scope = CoocScope::overlap;
    Measure measure = Measure::count;  // the matrix cell
    bool long_form = false;
    CodeSelection selection;  // with depth: the codes at that depth (and shallower leaves); else the leaves
};

struct PairCounts {
    std::int64_t n_a = 0, n_b = 0, count = 0;
};
double measure_value(Measure m, const PairCounts& p);

// Square matrix (code, n, one column per code) or, with long_form, one row
// per unordered pair: code_a, code_b, n_a, n_b, count, jaccard,
// conditional (P(B|A)), conditional_ba (P(A|B)), dice, ochiai.
Table cooccurrence_table(store::Store& store, const store::CodingFilter& filter, const CoocOptions& options);

}  // namespace qcode::analysis
