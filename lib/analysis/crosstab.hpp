#pragma once
// Code × attribute cross table with the chi-square test of independence —
// the table researchers otherwise copy into SPSS or R.
#include <string>

#include "analysis/code_segments.hpp"
#include "analysis/statistics.hpp"
#include "table/table.hpp"

namespace qcode::analysis {

struct CrosstabOptions {
    std::string attribute;
    // Rows: the level codes (leaves; with depth N the codes at depth N and
    // shallower leaves), so that no row contains another.
    CodeSelection selection;
    bool documents = false;  // cells count documents holding the code instead of segments
};

struct Crosstab {
    Table table;      // code, label, one column per attribute value, total; then a "total" row
    ChiSquare test;   // on the code rows × value columns (documents without a value left out)
    Table test_table() const;  // one row: chi2, df, p, cramers_v, n, rows, cols, expected_below_5, expected_below_5_pct, min_expected
};

// Throws qcode::Error when no admitted document has the attribute.
Crosstab crosstab(store::Store& store, const store::CodingFilter& filter, const CrosstabOptions& options);

}  // namespace qcode::analysis
