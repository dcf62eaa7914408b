#include "table/table.hpp"

#include <stdexcept>

namespace qcode {

void Table::add_row(std::vector<Cell> row) {
    if (row.size() != columns.size())
        throw std::invalid_argument("table '" + title + "': row has " + std::to_string(row.size()) +
                                    " cells but the table has " + std::to_string(columns.size()) + " columns");
    rows.push_back(std::move(row));
}

int Table::find_column(const std::string& name) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].name == name) return static_cast<int>(i);
    return -1;
}

}  // namespace qcode
