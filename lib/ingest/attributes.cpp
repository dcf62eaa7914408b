#include "ingest/attributes.hpp"

#include "core/error.hpp"
#include "ingest/csv_reader.hpp"
#include "ingest/decode.hpp"

namespace qcode::ingest {

AttributeReport import_attributes(store::Store& store, const std::string& csv_path) {
    const auto text = decode_text(read_file_bytes(csv_path), csv_path);
    const auto rows = parse_csv(text, csv_path);
    if (rows.empty()) throw Error("the attribute table is empty; it needs a header row (document,attribute,…)", csv_path);
    const auto& header = rows.front().fields;
    if (header.size() < 2)
        throw Error("the attribute table needs a document column and at least one attribute column", csv_path, rows.front().line);
    for (std::size_t c = 1; c < header.size(); ++c)
        if (header[c].empty()) throw Error("attribute column " + std::to_string(c + 1) + " has no name", csv_path, rows.front().line);

    AttributeReport report;
    auto tx = store.transaction();
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto& row = rows[r];
        if (row.fields.size() > header.size())
            throw Error("row has " + std::to_string(row.fields.size()) + " fields but the header has " +
                            std::to_string(header.size()),
                        csv_path, row.line);
        const auto doc = store.find_document(row.fields[0]);
        if (!doc)
            throw Error("no document named '" + row.fields[0] + "' in the project; import it first or fix the name",
                        csv_path, row.line);
        for (std::size_t c = 1; c < header.size(); ++c) {
            store.set_attribute(doc->id, header[c], c < row.fields.size() ? row.fields[c] : std::string());
            ++report.values;
        }
        ++report.documents;
    }
    tx->commit();
    return report;
}

}  // namespace qcode::ingest
