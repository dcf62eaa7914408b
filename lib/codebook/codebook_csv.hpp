#pragma once
// A codebook as one CSV row per code, for spreadsheets: the columns
// path,label,description,patterns (DESIGN §4). `path` is the code's ids from
// the root joined by '/'; `patterns` are separated by ';' (a ';' inside a
// pattern is written '\;', a backslash '\\').
#include <string>
#include <string_view>
#include <vector>

#include "codebook/codebook.hpp"

namespace qcode::codebook {

// The four columns, one row per code in tree order, RFC 4180 quoting, CRLF
// line ends. Only what the columns hold survives a round trip.
std::string write_codebook_csv(const Codebook& cb);

// Reads such a CSV: comma, semicolon (German Excel) or tab separated, with
// or without BOM, rows in any order (a parent must be listed somewhere).
// Besides the four columns it reads exclude, color, codable, definition,
// coding_rules and anchor_examples (one example per line of the cell);
// other columns are reported in `warnings` and ignored. Errors (a missing
// path column, an invalid id or pattern, a duplicate path, a missing
// parent) are qcode::Error naming `path` and the row's line. The codebook
// is named after the file and finished for storing (finish_import).
Codebook read_codebook_csv(std::string_view text, const std::string& path, std::vector<std::string>& warnings);

// The ';'-separated pattern list of a cell, and back.
std::vector<std::string> split_pattern_list(std::string_view cell);
std::string join_pattern_list(const std::vector<std::string>& patterns);

}  // namespace qcode::codebook
