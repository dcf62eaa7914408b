#pragma once
// Code × group matrices (MAXQDA's Code Matrix Browser): codes as rows, the
// documents or the values of a document attribute as columns, with totals.
#include <optional>
#include <string_view>

#include "analysis/code_segments.hpp"
#include "analysis/groups.hpp"
#include "table/table.hpp"

namespace qcode::analysis {

enum class MatrixCells {
    segments,   // distinct segments of the code in the group
    documents,  // documents of the group holding the code (by document: 0/1 presence)
    row_pct,    // segments as a share of the row's segments
    col_pct,    // segments as a share of the column's total (the `total` row)
};
std::optional<MatrixCells> parse_matrix_cells(std::string_view s);  // segments, documents, row-pct, col-pct
std::string_view to_string(MatrixCells cells);

struct MatrixOptions {
    CodeSelection selection;  // rows: every code of the selection, in tree order, rolled up (as freq)
    GroupBy cols;             // columns: document (default), attr:NAME, speaker, role
    MatrixCells cells = MatrixCells::segments;
};

// Columns: code, label, one per group, total. Rows: the codes, then a row
// with code "total" (label "(any code)") counting the distinct places
// coded with any listed code — the column sum only when no two listed codes
// share a place, since parents roll up their children. In the % forms the
// total column (row-pct) or the total row (col-pct) is 100, cells whose
// base is 0 are empty, and the other total is the share of the grand total.
Table matrix_table(store::Store& store, const store::CodingFilter& filter, const MatrixOptions& options);

}  // namespace qcode::analysis
