#pragma once
// Plain listings of what a project holds — coded segments and documents
// with their attributes — as Tables (the Segments and Documents sheets of
// the workbook).
#include <set>
#include <string>
#include <vector>

#include "analysis/code_segments.hpp"
#include "table/table.hpp"

namespace qcode::analysis {

// One row per coding the filter admits whose code lies in the selection's
// root subtree (depth does not cut a list of codings), by document name
// and position: document, code, start, end, coder, origin, speaker (of the
// owning turn; empty outside turns), text (the coded text).
Table codings_table(store::Store& store, const store::CodingFilter& filter, const CodeSelection& selection);

// One row per admitted document: document, format, imported_at, length
// (code points), speakers, turns, sentences, then one column per attribute
// (see attribute_columns), empty where the document has no value.
Table documents_table(store::Store& store, const store::CodingFilter& filter);

// The attribute names of the project, collated; each with the column name a
// table gives it: the name itself, or "attr:NAME" when `taken` (the table's
// other columns) already holds the name.
struct AttributeColumn {
    std::string attribute;
    std::string column;
};
std::vector<AttributeColumn> attribute_columns(store::Store& store, const std::set<std::string>& taken);

}  // namespace qcode::analysis
