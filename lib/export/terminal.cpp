// The human-readable default on a terminal: aligned columns, numbers right-
// aligned with fixed decimals so decimal points line up, notes underneath.
// Alignment is by display width, so "Hürden" and CJK names line up too.
#include <algorithm>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "export/display_width.hpp"
#include "export/number_format.hpp"
#include "export/text_writers.hpp"

namespace qcode::exports::detail {
namespace {

constexpr std::string_view kGap = "  ";
// A text column is never cut narrower than this: two characters and "…"
// still hint at the content, one would not.
constexpr std::size_t kMinCutWidth = 3;

// Terminal cells are one line; tabs would jump to the next tab stop.
std::string one_line(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') continue;  // CRLF → one space
        out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    }
    return out;
}

// Percent with 1 decimal ("33.3") and real with 3 ("0.250"): fixed decimals
// so the points line up down a column; csv/json keep full precision.
std::string cell_display(const Cell& cell, ColumnType type) {
    return std::visit(
        [&](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) {
                return {};
            } else if constexpr (std::is_same_v<T, std::string>) {
                return one_line(v);
            } else {
                const auto d = static_cast<double>(v);
                if (type == ColumnType::percent) return format_fixed(d, 1);
                if (type == ColumnType::real) return format_fixed(d, 3);
                return cell_text(cell);
            }
        },
        cell);
}

// Narrows the widest text column one step at a time until the table fits,
// so several long columns end up sharing the space evenly.
void fit_to_width(std::vector<std::size_t>& widths, const Table& table, std::size_t limit) {
    std::size_t total = 0;
    for (auto w : widths) total += w;
    total += kGap.size() * (widths.empty() ? 0 : widths.size() - 1);
    while (total > limit) {
        std::size_t widest = widths.size();
        for (std::size_t c = 0; c < widths.size(); ++c) {
            if (is_numeric(table.columns[c].type) || widths[c] <= kMinCutWidth) continue;
            if (widest == widths.size() || widths[c] > widths[widest]) widest = c;
        }
        if (widest == widths.size()) return;  // numbers are never cut; the table stays too wide
        --widths[widest];
        --total;
    }
}

void write_line(std::ostream& out, const std::vector<std::string>& cells, const std::vector<std::size_t>& widths,
                const Table& table) {
    std::string line;
    for (std::size_t c = 0; c < cells.size(); ++c) {
        if (c > 0) line += kGap;
        const std::string text = truncate_to_width(cells[c], widths[c]);
        const std::string pad(widths[c] - display_width(text), ' ');
        line += is_numeric(table.columns[c].type) ? pad + text : text + pad;
    }
    // Padding after the last column is invisible but breaks copy-and-paste.
    line.erase(line.find_last_not_of(' ') + 1);
    out << line << '\n';
}

}  // namespace

void write_terminal(const Table& table, std::ostream& out, const WriteOptions& options) {
    if (!table.title.empty()) out << one_line(table.title) << '\n';
    const std::size_t ncols = table.columns.size();
    if (ncols > 0) {
        std::vector<std::string> header;
        std::vector<std::vector<std::string>> body;
        for (const auto& column : table.columns) header.push_back(one_line(column.name));
        for (const auto& row : table.rows) {
            auto& cells = body.emplace_back();
            for (std::size_t c = 0; c < ncols; ++c) cells.push_back(cell_display(row[c], table.columns[c].type));
        }

        std::vector<std::size_t> widths(ncols);
        for (std::size_t c = 0; c < ncols; ++c) {
            widths[c] = display_width(header[c]);
            for (const auto& cells : body) widths[c] = std::max(widths[c], display_width(cells[c]));
        }
        if (options.terminal_width > 0) fit_to_width(widths, table, static_cast<std::size_t>(options.terminal_width));

        write_line(out, header, widths, table);
        std::vector<std::string> rule;
        for (auto w : widths) rule.emplace_back(w, '-');
        write_line(out, rule, widths, table);
        for (const auto& cells : body) write_line(out, cells, widths, table);
    }
    for (const auto& note : table.notes) out << one_line(note) << '\n';
}

}  // namespace qcode::exports::detail
