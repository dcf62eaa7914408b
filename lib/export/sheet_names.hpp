#pragma once
// Worksheet names Excel accepts, derived from table titles. Excel refuses
// the whole workbook over one bad name, so titles are cleaned rather than
// passed through.
#include <string>
#include <vector>

#include "table/table.hpp"

namespace qcode::exports {

// One name per table, in order: the title without []:*? (/ and \ become
// "-"), blanks collapsed, no leading/trailing apostrophe or space, cut to 31
// characters; "Sheet<N>" (N = position, 1-based) when nothing is left; made
// unique case-insensitively (Excel compares names that way) by appending
// " (2)", " (3)" ...
std::vector<std::string> xlsx_sheet_names(const std::vector<Table>& tables);

}  // namespace qcode::exports
