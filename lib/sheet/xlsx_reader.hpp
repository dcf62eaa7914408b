#pragma once
// A small XLSX reader for coding sheets: the cells of one worksheet as
// text. It reads what libxlsxwriter, Excel and LibreOffice write: the
// workbook's sheet list and relationships, shared strings (rich text runs
// joined, phonetic runs left out), inline strings, formula results,
// numbers, booleans and errors, cell references (cells and rows may also
// leave them out). Styles, formulas and dates are not interpreted: a
// number is its stored text ("1", "0.5"). Errors are qcode::Error naming
// the file.
#include <string>
#include <string_view>
#include <vector>

namespace qcode::sheet {

struct XlsxSheet {
    std::string name;
    // rows[r][c] is the cell in sheet row r + 1, column c + 1 (A = 0), as
    // text; a row is as long as its last non-empty cell, missing rows are empty.
    std::vector<std::vector<std::string>> rows;
};

// The worksheet names in workbook order.
std::vector<std::string> xlsx_sheet_names(std::string_view bytes, const std::string& file);

// The worksheet named `preferred` when the workbook has one, else the
// first worksheet.
XlsxSheet read_xlsx_sheet(std::string_view bytes, const std::string& file, std::string_view preferred = {});

// "A" → 0, "AB" → 27; -1 when `letters` is not a column name within Excel's 16384 columns.
int column_index(std::string_view letters);

}  // namespace qcode::sheet
