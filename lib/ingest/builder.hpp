#pragma once
// Builds a Document turn by turn: the stored text, the turn, paragraph and
// sentence units and the speakers. Every format parser (plain text, later
// VTT/SRT/DOCX) feeds the same builder, so all formats segment alike.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model.hpp"
#include "ingest/roles.hpp"

namespace qcode::ingest {

class DocumentBuilder {
public:
    // Opens a new turn. `speaker` empty means text without a speaker (a
    // header). `prefix` is written before the first paragraph on the same
    // line, e.g. "B: ", and is not part of any unit.
    void start_turn(std::string speaker, std::string_view prefix);
    // Adds a paragraph (one line of the stored text) to the current turn;
    // opens a speakerless turn if none is open. Empty content is skipped.
    void add_paragraph(std::string_view content);
    // Writes an empty line (kept so the stored text reads like the source).
    void add_blank_line();
    void set_turn_start(std::int64_t ms);
    void set_turn_end(std::int64_t ms);
    bool has_open_turn() const { return !turns_.empty(); }

    // Finishes the document: sentences, ordinals, speakers with roles.
    Document finish(const RoleRules& roles);

private:
    struct Turn {
        std::string speaker;
        std::vector<Span> paragraphs;
        std::vector<std::pair<std::size_t, std::size_t>> paragraph_bytes;  // [begin, end) in text_
        std::optional<std::int64_t> t_start, t_end;
        bool prefix_pending = false;
        std::string prefix;
    };
    void begin_line();

    std::string text_;
    std::uint32_t length_ = 0;  // code points in text_
    bool line_open_ = false;
    std::vector<Turn> turns_;
};

}  // namespace qcode::ingest
