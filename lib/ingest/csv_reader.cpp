#include "ingest/csv_reader.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace qcode::ingest {

namespace {

char detect_separator(std::string_view text) {
    const auto first_line = text.substr(0, text.find('\n'));
    const char candidates[] = {',', ';', '\t'};
    char best = ',';
    long best_count = 0;
    for (char c : candidates) {
        const long n = std::count(first_line.begin(), first_line.end(), c);
        if (n > best_count) { best = c; best_count = n; }
    }
    return best;
}

}  // namespace

std::vector<CsvRow> parse_csv(std::string_view text, const std::string& file, char separator) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (!separator) separator = detect_separator(text);
    std::vector<CsvRow> rows;
    CsvRow row;
    std::string field;
    int line = 1;
    row.line = 1;
    bool quoted = false, field_started = false;
    int quote_line = 0;
    auto end_field = [&] {
        row.fields.push_back(std::move(field));
        field.clear();
        field_started = false;
    };
    auto end_row = [&] {
        end_field();
        const bool blank = row.fields.size() == 1 && row.fields[0].empty();
        if (!blank) rows.push_back(std::move(row));
        row = CsvRow{};
        row.line = line;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') { field += '"'; ++i; }
                else quoted = false;
            } else {
                if (c == '\n') ++line;
                if (c != '\r') field += c;
            }
            continue;
        }
        if (c == '"' && !field_started) { quoted = true; field_started = true; quote_line = line; continue; }
        if (c == separator) { end_field(); continue; }
        if (c == '\r') continue;
        if (c == '\n') { ++line; end_row(); continue; }
        field += c;
        field_started = true;
    }
    if (quoted) throw Error("a quoted field is never closed", file, quote_line);
    if (!field.empty() || !row.fields.empty()) end_row();
    return rows;
}

}  // namespace qcode::ingest
