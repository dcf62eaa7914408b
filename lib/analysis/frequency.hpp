#pragma once
// Code frequencies (DESIGN §6): per code the distinct coded segments of its
// subtree, the documents containing it and their share of all documents.
#include "analysis/code_segments.hpp"
#include "table/table.hpp"

namespace qcode::analysis {

// Columns: code, label, depth, segments, documents, documents_pct.
Table frequency_table(store::Store& store, const store::CodingFilter& filter, const CodeSelection& selection);

}  // namespace qcode::analysis
