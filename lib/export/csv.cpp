// CSV per RFC 4180: comma-separated, CRLF line ends, a field quoted only
// when it must be, so the file diffs cleanly and every reader (Excel, R's
// read.csv, pandas) gets exactly the cell text back.
#include <string>
#include <string_view>
#include <vector>

#include "export/number_format.hpp"
#include "export/text_writers.hpp"

namespace qcode::exports::detail {
namespace {

bool needs_quotes(std::string_view field) {
    if (field.find_first_of(",\"\r\n") != std::string_view::npos) return true;
    // Leading or trailing blanks are trimmed by some readers (and by Excel
    // on import) unless the field is quoted.
    const auto blank = [](char c) { return c == ' ' || c == '\t'; };
    return !field.empty() && (blank(field.front()) || blank(field.back()));
}

void write_field(std::ostream& out, std::string_view field) {
    if (!needs_quotes(field)) {
        out << field;
        return;
    }
    out << '"';
    for (char c : field) {
        if (c == '"') out << '"';
        out << c;
    }
    out << '"';
}

// A one-column row whose only field is empty would be an empty line, which
// readers skip as blank; "" keeps the row.
void write_record(std::ostream& out, const std::vector<std::string>& fields) {
    if (fields.size() == 1 && fields[0].empty()) {
        out << "\"\"\r\n";
        return;
    }
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out << ',';
        write_field(out, fields[i]);
    }
    out << "\r\n";
}

}  // namespace

void write_csv(const Table& table, std::ostream& out, const WriteOptions& options) {
    if (options.excel_bom) out << kUtf8Bom;
    std::vector<std::string> fields;
    for (const auto& column : table.columns) fields.push_back(column.name);
    write_record(out, fields);
    for (const auto& row : table.rows) {
        fields.clear();
        for (const auto& cell : row) fields.push_back(cell_text(cell));
        write_record(out, fields);
    }
}

}  // namespace qcode::exports::detail
