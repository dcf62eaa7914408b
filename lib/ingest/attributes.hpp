#pragma once
// Case variables from a table: the first column names the document, the
// others are attributes (behoerde, kommune, format …).
#include <string>
#include <vector>

#include "store/store.hpp"

namespace qcode::ingest {

struct AttributeReport {
    std::size_t documents = 0;
    std::size_t values = 0;
};

// Reads `csv_path` (RFC 4180, UTF-8 with or without BOM, comma or
// semicolon as Excel writes in German locales) and stores the values in
// one transaction. An unknown document is an error naming the row.
AttributeReport import_attributes(store::Store& store, const std::string& csv_path);

}  // namespace qcode::ingest
