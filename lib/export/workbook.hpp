#pragma once
// `qcode export xlsx`: one workbook with every table a report needs, each
// sheet holding the same columns, under the same names, as the matching
// `--format csv` table (docs/tables.md, "Workbook").
#include <string>
#include <vector>

#include "analysis/code_segments.hpp"
#include "export/writer.hpp"
#include "store/store.hpp"

namespace qcode::exports {

struct WorkbookOptions {
    store::CodingFilter filter;           // applies to every sheet
    analysis::CodeSelection selection;    // root/depth, as the tables take them
};

struct WorkbookSheets {
    std::vector<Table> sheets;  // titles are the sheet names
    std::vector<XlsxSheetStyle> styles;
};

// The sheets, in order: Codebook (= codebook show), Frequencies (= freq),
// "Frequencies by NAME" for each attribute (= freq --by attr:NAME),
// Co-occurrence (= cooc), Code×Document (= matrix), Segments, Documents,
// Memos (= memo list; every memo, whatever the filter).
WorkbookSheets workbook_sheets(store::Store& store, const WorkbookOptions& options);

// Writes workbook_sheets to `path`. Throws qcode::Error naming the path
// when it cannot be written.
void write_workbook(store::Store& store, const std::string& path, const WorkbookOptions& options);

}  // namespace qcode::exports
