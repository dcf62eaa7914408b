// GitHub-flavoured Markdown pipe tables, for pasting results into reports,
// issues and wikis. Cells cannot span lines or contain a bare "|", so those
// are escaped; the rendered table looks the same as the terminal one.
#include <string>
#include <string_view>

#include "export/number_format.hpp"
#include "export/text_writers.hpp"

namespace qcode::exports::detail {
namespace {

// `|` would end the cell; a line break would end the table row.
std::string escape_cell(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '|') out += "\\|";
        else if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') continue;  // CRLF → one break
        else if (c == '\n' || c == '\r') out += "<br>";
        else out += c;
    }
    return out;
}

// A heading or note is one Markdown line; a line break inside would start
// a new paragraph or, worse, a table row.
std::string one_line(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') continue;
        out += (c == '\n' || c == '\r') ? ' ' : c;
    }
    return out;
}

}  // namespace

void write_markdown(const Table& table, std::ostream& out) {
    if (!table.title.empty()) out << "### " << one_line(table.title) << "\n\n";
    if (!table.columns.empty()) {
        out << '|';
        for (const auto& column : table.columns) out << ' ' << escape_cell(column.name) << " |";
        out << "\n|";
        for (const auto& column : table.columns) out << (is_numeric(column.type) ? " ---: |" : " --- |");
        out << '\n';
        for (const auto& row : table.rows) {
            out << '|';
            for (const auto& cell : row) {
                const std::string text = escape_cell(cell_text(cell));
                out << (text.empty() ? " |" : " " + text + " |");
            }
            out << '\n';
        }
    }
    // Each note its own paragraph: consecutive lines would merge into one.
    for (const auto& note : table.notes) out << '\n' << one_line(note) << '\n';
}

}  // namespace qcode::exports::detail
