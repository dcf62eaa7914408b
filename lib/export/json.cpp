// JSON for scripts (jq, pandas.read_json, R's jsonlite): an array with one
// object per row, keys in column order, numbers as JSON numbers and empty
// cells as null. One row per line keeps large outputs greppable.
#include <cmath>
#include <string>
#include <string_view>
#include <type_traits>

#include "export/display_width.hpp"
#include "export/number_format.hpp"
#include "export/text_writers.hpp"

namespace qcode::exports::detail {
namespace {

// A JSON string per RFC 8259. Non-ASCII passes through as UTF-8 (readable
// umlauts); invalid UTF-8 becomes U+FFFD, since parsers reject the document
// otherwise.
void write_string(std::ostream& out, std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    out << '"';
    for_each_codepoint(s, [&](char32_t cp, std::string_view bytes) {
        switch (cp) {
            case U'"': out << "\\\""; return;
            case U'\\': out << "\\\\"; return;
            case U'\n': out << "\\n"; return;
            case U'\r': out << "\\r"; return;
            case U'\t': out << "\\t"; return;
            default: break;
        }
        if (cp < 0x20) {
            out << "\\u00" << kHex[cp >> 4] << kHex[cp & 0xF];
        } else if (cp == U'\uFFFD') {
            out << "\uFFFD";  // the decoder's replacement for invalid bytes
        } else {
            out << bytes;
        }
    });
    out << '"';
}

void write_value(std::ostream& out, const Cell& cell) {
    std::visit(
        [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) out << "null";
            else if constexpr (std::is_same_v<T, std::string>) write_string(out, v);
            // std::to_string, not <<: an imbued stream locale could group digits.
            else if constexpr (std::is_same_v<T, std::int64_t>) out << std::to_string(v);
            // JSON has no NaN or infinity; null is what readers expect.
            else if (!std::isfinite(v)) out << "null";
            else out << format_number(v);
        },
        cell);
}

}  // namespace

void write_json(const Table& table, std::ostream& out) {
    if (table.rows.empty()) {
        out << "[]\n";
        return;
    }
    out << "[\n";
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        out << "  {";
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            if (c > 0) out << ", ";
            write_string(out, table.columns[c].name);
            out << ": ";
            write_value(out, table.rows[r][c]);
        }
        out << (r + 1 < table.rows.size() ? "},\n" : "}\n");
    }
    out << "]\n";
}

}  // namespace qcode::exports::detail
