#pragma once
// Internal to the .docx reader (docx*.cpp): what word/document.xml is read
// into (docx_reader), and where a speaker table keeps speaker, text and
// time (docx_tables). Not part of the ingest API.
#include <cstddef>
#include <string>
#include <variant>
#include <vector>

namespace qcode::ingest::docx_detail {

struct Cell {
    std::vector<std::string> paragraphs;  // trimmed, NFC; may be empty strings
    std::string joined() const {
        std::string out;
        for (const auto& p : paragraphs) {
            if (p.empty()) continue;
            if (!out.empty()) out += ' ';
            out += p;
        }
        return out;
    }
};
struct Row {
    std::vector<Cell> cells;
    bool header = false;  // marked as a repeating header row in Word
};
struct Table {
    std::vector<Row> rows;
};
using Block = std::variant<std::string, Table>;  // a paragraph's text, or a table

// How a speaker table is laid out (speaker_layout in docx_tables.hpp).
struct Layout {
    std::size_t columns = 2;   // 2: speaker | text; 3: time | speaker | text
    std::size_t header_rows = 0;
    std::vector<bool> conforming;   // per row (header rows false)
    std::vector<std::string> labels;  // per row, for conforming rows
};

}  // namespace qcode::ingest::docx_detail
