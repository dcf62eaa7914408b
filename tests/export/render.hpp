#pragma once
// Shared by the export tests: render a table to a string.
#include <sstream>
#include <string>

#include "export/writer.hpp"

namespace qcode::exports::test {

inline std::string render(const Table& table, Format format, const WriteOptions& options = {}) {
    std::ostringstream out;
    write_table(table, format, out, options);
    return out.str();
}

}  // namespace qcode::exports::test
