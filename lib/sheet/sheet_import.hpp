#pragma once
// `qcode sheet import`: reads a coding sheet back (XLSX or CSV) and makes
// one coder's manual codings match it. The import is a diff per row: on the
// row's unit, the coder's manual codings of exactly the unit's span become
// the codes the row lists — missing ones are added, ones no longer listed
// are removed. Nothing else is touched: other coders, automatic and
// imported codings, codings of other spans, units the sheet has no row for.
// So re-importing the same sheet changes nothing. Everything is checked
// before anything is written (one transaction): a row whose text differs
// from the unit's (the transcript changed since export), an unknown unit
// or code, a duplicated unit — each refuses the whole import, naming the
// row.
#include <string>
#include <vector>

#include "store/store.hpp"

namespace qcode::sheet {

// A sheet as rows of text cells, whatever the file format.
struct SheetRow {
    int row = 0;  // as the spreadsheet numbers it: the header is row 1
    std::vector<std::string> cells;
};

struct SheetData {
    std::vector<std::string> header;
    std::vector<SheetRow> rows;  // data rows, in order, blank ones left out
};

// Reads .xlsx (the worksheet "Coding", else the first) or .csv (separator
// detected: , ; or TAB; UTF-8 with or without BOM, or Windows-1252 as
// German Excel saves it). Throws qcode::Error naming the file.
SheetData read_sheet(const std::string& path);

struct ImportOptions {
    std::string coder;     // required
    bool dry_run = false;  // check and count, write nothing
};

struct ImportReport {
    std::size_t rows = 0;           // data rows that name a unit
    std::size_t changed_units = 0;  // units whose codings changed
    std::int64_t added = 0;
    std::int64_t removed = 0;
    std::vector<std::string> ignored_columns;  // empty or '#'-prefixed headers, and document/speaker/role/time
};

// Checks the whole sheet, then applies it in one transaction.
ImportReport import_sheet(store::Store& store, const std::string& path, const ImportOptions& options);

// import_sheet on rows already read (`file` names them in errors).
ImportReport import_sheet_data(store::Store& store, const SheetData& data, const std::string& file,
                               const ImportOptions& options);

}  // namespace qcode::sheet
