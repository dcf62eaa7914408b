#pragma once
// Code frequencies (DESIGN §6): per code the distinct coded segments of its
// subtree, the documents containing it and their share of all documents.
#include <optional>

#include "analysis/code_segments.hpp"
#include "analysis/groups.hpp"
#include "table/table.hpp"

namespace qcode::analysis {

// Columns: code, label, depth, segments, documents, documents_pct.
Table frequency_table(store::Store& store, const store::CodingFilter& filter, const CodeSelection& selection);

struct FrequencyOptions {
    CodeSelection selection;
    // Adds per group: segments:G, and (except by document) documents:G and
    // documents_pct:G — the share of the group's documents.
    std::optional<GroupBy> by;
    // Adds words (coded words, see WordCounter) and words_pct (their share
    // of all words spoken in the admitted documents); with `by` also words:G.
    bool words = false;
};

// The columns above, then words and words_pct (with `words`), then the
// group columns (with `by`), in group order. frequency_table is this
// without `by` and `words`.
Table frequencies(store::Store& store, const store::CodingFilter& filter, const FrequencyOptions& options);

}  // namespace qcode::analysis
