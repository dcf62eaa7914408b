#pragma once
// The output formats every table command offers (DESIGN §5: --format
// table|csv|tsv|json|md|xlsx). The CLI parses the user's word with
// parse_format and passes the enum on, so no module compares strings.
#include <optional>
#include <string_view>

namespace qcode::exports {

enum class Format { table, csv, tsv, json, md, xlsx };

// The format named by `name` ("csv", "CSV", "markdown" for md), or nullopt
// so the caller can report a usage error with the list of valid names.
std::optional<Format> parse_format(std::string_view name);

// The canonical name, as accepted by parse_format and shown in --help.
std::string_view to_string(Format format);

// The format implied by an output file's extension (".csv", ".xlsx", ".md",
// ".tab" for tsv, ".txt" for table ...), so `-o freq.xlsx` works
// without --format.
std::optional<Format> format_from_path(std::string_view path);

}  // namespace qcode::exports
