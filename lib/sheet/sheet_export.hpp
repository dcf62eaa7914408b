#pragma once
// `qcode sheet export`: a coding sheet — one row per unit, with its stable
// unit id, document, speaker, role, time and text, and either one `codes`
// column (code paths separated by ';') or one 0/1 column per code — for
// coders who work in Excel or LibreOffice. `sheet import` reads it back.
#include <string>
#include <vector>

#include "store/store.hpp"
#include "table/table.hpp"

namespace qcode::sheet {

struct ExportOptions {
    UnitKind kind = UnitKind::sentence;  // the rows
    std::vector<std::string> documents;  // by name; empty: every document
    std::vector<Role> roles;             // speakers' roles; empty: every speaker
    bool code_columns = false;           // one 0/1 column per code instead of `codes`
    // Non-empty: fill the code cells with this coder's manual codings of
    // exactly each unit (what `sheet import --coder` manages), so an
    // exported sheet imports back unchanged.
    std::string coder;
    bool excel_bom = false;              // CSV: a UTF-8 BOM so Excel shows umlauts
};

struct CodingSheet {
    Table table;                        // title "Coding"; the columns of sheet_format.hpp
    std::vector<store::CodeRow> codes;  // the codable codes, in tree order
    bool code_columns = false;
    std::size_t documents = 0;
    std::size_t prefilled = 0;          // codings written into code cells
};

// The rows: every unit of the kind in the chosen documents (in project
// order, units in text order) that has a speaker — the header before the
// first speaker label is left out. Throws qcode::Error for an unknown
// document, or when the project has no codable code.
CodingSheet build_sheet(store::Store& store, const ExportOptions& options);

// Writes the sheet as XLSX: frozen, filterable header, wrapped text, column
// widths, and a drop-down list of the code paths on the codes column (inline
// when the list fits Excel's 255 characters, else from a hidden "Codes"
// sheet), or 1/0 lists on code columns. Throws qcode::Error naming the path.
void write_sheet_xlsx(const CodingSheet& sheet, const std::string& path);

// Writes the sheet as RFC 4180 CSV.
void write_sheet_csv(const CodingSheet& sheet, const std::string& path, bool excel_bom);

// build_sheet, then the writer the extension asks for (.xlsx or .csv; any
// other is an error saying so).
CodingSheet export_sheet(store::Store& store, const std::string& path, const ExportOptions& options);

}  // namespace qcode::sheet
