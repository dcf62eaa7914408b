#include "export/writer.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include "core/error.hpp"
#include "export/text_writers.hpp"

namespace qcode::exports {

void detail::check_shape(const Table& table) {
    for (std::size_t r = 0; r < table.rows.size(); ++r)
        if (table.rows[r].size() != table.columns.size())
            throw std::invalid_argument("table '" + table.title + "': row " + std::to_string(r + 1) + " has " +
                                        std::to_string(table.rows[r].size()) + " cells but the table has " +
                                        std::to_string(table.columns.size()) + " columns");
}

void write_table(const Table& table, Format format, std::ostream& out, const WriteOptions& options) {
    detail::check_shape(table);
    switch (format) {
        case Format::table: return detail::write_terminal(table, out, options);
        case Format::csv: return detail::write_csv(table, out, options);
        case Format::tsv: return detail::write_tsv(table, out, options);
        case Format::json: return detail::write_json(table, out);
        case Format::md: return detail::write_markdown(table, out);
        case Format::xlsx: break;
    }
    throw std::invalid_argument("xlsx is a binary format and needs a file: use write_xlsx or write_table_to_file");
}

void write_table_to_file(const Table& table, Format format, const std::string& path, const WriteOptions& options) {
    detail::check_shape(table);  // before the file is created, not after
    if (format == Format::xlsx) {
        write_xlsx({table}, path);
        return;
    }
    // Binary mode: CSV's CRLF must not become CRCRLF on Windows, and the
    // other formats' LF must stay LF.
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out)
        throw Error(std::string("cannot create the file (") + std::strerror(errno) +
                        "); check that its directory exists and is writable",
                    path);
    write_table(table, format, out, options);
    out.close();
    if (!out) throw Error("writing the file failed (disk full?); the file is incomplete", path);
}

}  // namespace qcode::exports
