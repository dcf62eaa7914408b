#pragma once
// `qcode autocode --dry-run`: what a run would code, per code, with a few
// keyword-in-context lines to judge the rules by before anything is stored.
#include <cstddef>

#include "autocode/run.hpp"
#include "codebook/codebook.hpp"
#include "store/store.hpp"
#include "table/table.hpp"

namespace qcode::autocode {

struct PreviewOptions {
    std::size_t examples = 3;  // KWIC lines per code, at most
    std::size_t window = 40;   // characters of context on each side, at most
};

// Reads the store (document texts), writes nothing. Codes: every code of
// `cb` with patterns, in codebook order. Per code, the counts hits (the
// codings the run would make), units (distinct units coded) and documents,
// and one row per example — the first hit of each document in turn, then
// the following ones, up to `examples`, shown in document order — or one
// row without an example when there is none (no hits, or examples = 0).
// Columns: code, hits, units, documents, document, unit ("sentence 4"),
// rule (the pattern that fired), left, keyword (the words that fired),
// right — the context coming from the coded unit only (core/kwic_line).
// A note sums up the run (codings, units, documents).
Table preview_table(store::Store& store, const codebook::Codebook& cb, const Report& report,
                    const PreviewOptions& options = {});

}  // namespace qcode::autocode
