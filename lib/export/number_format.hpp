#pragma once
// How numbers become text, in one place for every text writer, so a share
// reads "33.3333" in CSV, JSON, TSV and Markdown alike. Formatting uses
// std::to_chars: never scientific notation and never locale-dependent (a
// German locale must not turn 0.25 into "0,25" and break every CSV reader).
#include <string>

#include "table/table.hpp"

namespace qcode::exports {

// Up to `max_decimals` decimals with trailing zeros trimmed: 0.25 → "0.25",
// 100.0/3 → "33.3333", 50.0 → "50", -0.00001 → "0". NaN → "" (no value);
// ±infinity → "inf"/"-inf".
std::string format_number(double value, int max_decimals = 4);

// Exactly `decimals` decimals, for aligned terminal columns: 0.25 → "0.250"
// with 3. NaN → "", ±infinity → "inf"/"-inf", negative zero → "0.000".
std::string format_fixed(double value, int decimals);

// The text of a cell as csv/tsv/md show it: strings as is, integers in
// decimal, doubles through format_number, empty cells as "".
std::string cell_text(const Cell& cell);

}  // namespace qcode::exports
