#pragma once
// A small RFC 4180 reader: quoted fields, doubled quotes, embedded line
// breaks, CRLF or LF. Used for attribute tables and coding sheets.
#include <string>
#include <string_view>
#include <vector>

namespace qcode::ingest {

struct CsvRow {
    int line = 0;  // source line where the row starts
    std::vector<std::string> fields;
};

// `separator` 0 means: detect (the one of , ; TAB most frequent in the first line).
std::vector<CsvRow> parse_csv(std::string_view text, const std::string& file, char separator = 0);

}  // namespace qcode::ingest
