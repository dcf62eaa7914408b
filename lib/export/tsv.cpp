// TSV as read by spreadsheet paste, R's read.delim and `cut -f`: no quoting
// exists, so tabs and line breaks inside a field become one space each
// (CRLF counts as one break) rather than breaking the row apart.
#include <string>
#include <string_view>

#include "export/number_format.hpp"
#include "export/text_writers.hpp"

namespace qcode::exports::detail {
namespace {

void write_field(std::ostream& out, std::string_view field) {
    for (std::size_t i = 0; i < field.size(); ++i) {
        const char c = field[i];
        if (c == '\r' && i + 1 < field.size() && field[i + 1] == '\n') continue;  // CRLF → one space
        out << ((c == '\t' || c == '\r' || c == '\n') ? ' ' : c);
    }
}

}  // namespace

void write_tsv(const Table& table, std::ostream& out, const WriteOptions& options) {
    // Excel imports TSV the same way as CSV, so --excel helps here as well.
    if (options.excel_bom) out << kUtf8Bom;
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        if (i > 0) out << '\t';
        write_field(out, table.columns[i].name);
    }
    out << '\n';
    for (const auto& row : table.rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i > 0) out << '\t';
            write_field(out, cell_text(row[i]));
        }
        out << '\n';
    }
}

}  // namespace qcode::exports::detail
