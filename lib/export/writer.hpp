#pragma once
// Renders any Table in any output format (DESIGN §1: one writer per format,
// so a new table needs no output code and a new format serves every table).
// Text formats stream to an ostream; xlsx is binary and needs a path.
#include <ostream>
#include <string>
#include <vector>

#include "export/format.hpp"
#include "table/table.hpp"

namespace qcode::exports {

struct WriteOptions {
    // Prepend a UTF-8 byte order mark to csv/tsv, the only way to make Excel
    // open a UTF-8 CSV with umlauts intact (qcode --excel).
    bool excel_bom = false;
    // Columns available to Format::table; wider tables get their widest text
    // column cut with "…". 0 = unlimited (output is not a terminal).
    int terminal_width = 0;
};

// Writes `table` to `out` in a text format. Throws std::invalid_argument
// for Format::xlsx, which is binary and needs a file (write_xlsx).
void write_table(const Table& table, Format format, std::ostream& out, const WriteOptions& options = {});

// Per-sheet presentation for write_xlsx; kept apart from Table because it
// only means something in a spreadsheet.
struct XlsxSheetStyle {
    // A white→orange 3-colour scale over the numeric data cells (a heat map
    // for co-occurrence and code-by-document matrices).
    bool color_scale = false;
    // Columns (by name) the colour scale leaves out, e.g. the `n` or
    // `total` of a matrix, whose larger values would wash out the cells.
    std::vector<std::string> color_scale_skip;
    // Rows at the end of the sheet the colour scale leaves out (a totals row).
    std::size_t color_scale_footer_rows = 0;
};

// Writes one worksheet per table to `path`. `styles[i]` styles `sheets[i]`;
// missing entries mean no styling. Throws qcode::Error naming the path when
// the workbook cannot be written, std::invalid_argument when there are more
// styles than sheets.
void write_xlsx(const std::vector<Table>& sheets, const std::string& path,
                const std::vector<XlsxSheetStyle>& styles = {});

// Writes `table` to the file `path` in any format, xlsx included. Throws
// qcode::Error naming the path when the file cannot be written.
void write_table_to_file(const Table& table, Format format, const std::string& path,
                         const WriteOptions& options = {});

}  // namespace qcode::exports
