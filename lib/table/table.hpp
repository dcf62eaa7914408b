#pragma once
// Every analysis returns a Table: typed columns and rows of cells. One
// writer per output format renders any Table (lib/export), so a new table
// needs no output code and a new format serves every table.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace qcode {

enum class ColumnType {
    text,     // strings
    integer,  // counts
    real,     // measures such as Jaccard
    percent,  // a share on the 0..100 scale (documents_pct = 33.3)
};

struct Column {
    std::string name;  // machine-friendly header used by csv/json ("documents_pct")
    ColumnType type = ColumnType::text;
};

// An empty cell (std::monostate) is written as nothing in CSV and null in JSON.
using Cell = std::variant<std::monostate, std::string, std::int64_t, double>;

struct Table {
    std::string title;               // shown above terminal output and as sheet name
    std::vector<Column> columns;
    std::vector<std::vector<Cell>> rows;
    std::vector<std::string> notes;  // caveats printed under the table (not in csv/json)

    Table& column(std::string name, ColumnType type = ColumnType::text) {
        columns.push_back(Column{std::move(name), type});
        return *this;
    }
    // Throws std::invalid_argument when the row's width differs from the columns'.
    void add_row(std::vector<Cell> row);
    // Index of the column with this name, or -1.
    int find_column(const std::string& name) const;
};

}  // namespace qcode
