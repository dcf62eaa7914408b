#pragma once
// The per-format text writers behind write_table, one .cpp each. Internal
// to lib/export: callers go through write_table so that adding a format
// touches only this folder.
#include <ostream>
#include <string_view>

#include "export/writer.hpp"

namespace qcode::exports::detail {

void write_terminal(const Table& table, std::ostream& out, const WriteOptions& options);
void write_csv(const Table& table, std::ostream& out, const WriteOptions& options);
void write_tsv(const Table& table, std::ostream& out, const WriteOptions& options);
void write_json(const Table& table, std::ostream& out);
void write_markdown(const Table& table, std::ostream& out);

// Throws std::invalid_argument when a row's width differs from the
// columns' (possible when rows were pushed without Table::add_row), so the
// writers can index cells by column without reading past a short row.
void check_shape(const Table& table);

// True for integer, real and percent columns: right-aligned in text output,
// numbers in spreadsheets.
inline bool is_numeric(ColumnType type) { return type != ColumnType::text; }

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

}  // namespace qcode::exports::detail
