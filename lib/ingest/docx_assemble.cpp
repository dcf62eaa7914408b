#include "ingest/docx_assemble.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>

#include "ingest/builder.hpp"
#include "ingest/docx_tables.hpp"
#include "ingest/plain_text.hpp"

namespace qcode::ingest::docx_detail {

namespace {

std::vector<std::string_view> without_outer_blank_lines(const std::vector<std::string>& lines) {
    std::size_t begin = 0, end = lines.size();
    while (begin < end && lines[begin].empty()) ++begin;
    while (end > begin && lines[end - 1].empty()) --end;
    return std::vector<std::string_view>(lines.begin() + static_cast<std::ptrdiff_t>(begin),
                                         lines.begin() + static_cast<std::ptrdiff_t>(end));
}

}  // namespace

Document from_lines(const std::vector<Block>& blocks, const TranscriptOptions& options) {
    std::vector<std::string> lines;
    for (const auto& b : blocks) {
        if (const auto* text = std::get_if<std::string>(&b)) {
            lines.push_back(*text);
            continue;
        }
        for (const auto& row : std::get<Table>(b).rows)
            for (const auto& cell : row.cells)
                for (const auto& p : cell.paragraphs)
                    if (!p.empty()) lines.push_back(p);  // empty cell paragraphs are layout, not blank lines
    }
    return parse_labelled_lines(without_outer_blank_lines(lines), options);
}

Document from_tables(const std::vector<Block>& blocks, const std::vector<std::optional<Layout>>& layouts,
                     const TranscriptOptions& options) {
    DocumentBuilder builder;
    bool speakerless_open = false;  // a speakerless turn takes text outside speaker rows
    bool row_turn_open = false;     // the current turn came from a speaker row
    bool written = false;           // leading blank lines are dropped
    std::size_t pending_blank = 0;  // blank lines are written only when text follows

    auto outside = [&](const std::string& text) {
        if (text.empty()) {
            if (written) ++pending_blank;
            return;
        }
        for (; pending_blank > 0; --pending_blank) builder.add_blank_line();
        if (!speakerless_open) builder.start_turn({}, {});
        speakerless_open = true;
        row_turn_open = false;
        builder.add_paragraph(text);
        written = true;
    };

    for (std::size_t b = 0; b < blocks.size(); ++b) {
        if (const auto* text = std::get_if<std::string>(&blocks[b])) {
            outside(*text);
            continue;
        }
        const auto& table = std::get<Table>(blocks[b]);
        const auto& layout = layouts[b];
        if (!layout) {
            for (const auto& row : table.rows)
                for (const auto& cell : row.cells)
                    for (const auto& p : cell.paragraphs)
                        if (!p.empty()) outside(p);
            continue;
        }
        for (std::size_t r = layout->header_rows; r < table.rows.size(); ++r) {
            const auto& row = table.rows[r];
            if (!layout->conforming[r]) {  // e.g. a merged row holding a note: not the speaker's words
                for (const auto& cell : row.cells)
                    for (const auto& p : cell.paragraphs)
                        if (!p.empty()) outside(p);
                continue;
            }
            const auto& label = layout->labels[r];
            const auto& said = row.cells[layout->columns - 1].paragraphs;
            if (label.empty() && !row_turn_open) {  // no speaker yet: text without speaker
                for (const auto& p : said)
                    if (!p.empty()) outside(p);
                continue;
            }
            for (; pending_blank > 0; --pending_blank) builder.add_blank_line();
            if (!label.empty()) {
                builder.start_turn(label, label + ": ");
                if (layout->columns == 3)
                    if (const auto ms = parse_time(row.cells[0].joined())) builder.set_turn_start(*ms);
                row_turn_open = true;
                speakerless_open = false;
            }
            for (const auto& p : said) {
                if (p.empty()) continue;
                builder.add_paragraph(p);
                written = true;
            }
        }
        row_turn_open = false;  // text after the table does not continue its last turn
        speakerless_open = false;
    }
    return builder.finish(options.roles);
}

}  // namespace qcode::ingest::docx_detail
