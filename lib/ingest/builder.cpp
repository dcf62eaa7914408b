#include "ingest/builder.hpp"

#include <iterator>
#include <set>

#include "core/utf8.hpp"
#include "text/sentences.hpp"

namespace qcode::ingest {

void DocumentBuilder::begin_line() {
    if (line_open_) {
        text_ += '\n';
        ++length_;
    }
    line_open_ = true;
}

void DocumentBuilder::start_turn(std::string speaker, std::string_view prefix) {
    Turn t;
    t.speaker = std::move(speaker);
    t.prefix = std::string(prefix);
    t.prefix_pending = true;
    turns_.push_back(std::move(t));
}

void DocumentBuilder::add_paragraph(std::string_view content) {
    if (turns_.empty()) start_turn({}, {});
    auto& turn = turns_.back();
    if (content.empty() && !turn.prefix_pending) return;
    begin_line();
    if (turn.prefix_pending) {
        text_ += turn.prefix;
        length_ += static_cast<std::uint32_t>(utf8::length(turn.prefix));
        turn.prefix_pending = false;
    }
    if (content.empty()) return;
    const auto start = length_;
    const auto start_byte = text_.size();
    text_ += content;
    length_ += static_cast<std::uint32_t>(utf8::length(content));
    turn.paragraphs.push_back(Span{start, length_});
    turn.paragraph_bytes.emplace_back(start_byte, text_.size());
}

void DocumentBuilder::add_blank_line() {
    begin_line();
}

void DocumentBuilder::set_turn_start(std::int64_t ms) {
    if (turns_.empty()) start_turn({}, {});
    turns_.back().t_start = ms;
}

void DocumentBuilder::set_turn_end(std::int64_t ms) {
    if (turns_.empty()) start_turn({}, {});
    turns_.back().t_end = ms;
}

Document DocumentBuilder::finish(const RoleRules& roles) {
    Document doc;
    doc.text = std::move(text_);
    text_.clear();
    std::uint32_t turn_no = 0, paragraph_no = 0, sentence_no = 0;
    std::set<std::string> seen;
    std::vector<Unit> paragraphs, sentences;
    std::optional<std::int64_t> previous_end;
    for (auto& t : turns_) {
        if (t.paragraphs.empty()) continue;  // a label with nothing said
        if (!t.speaker.empty() && seen.insert(t.speaker).second)
            doc.speakers.push_back(Speaker{t.speaker, roles.role_of(t.speaker)});
        // f4/f5 put the time at the end of a turn: a turn starts when the previous one ended.
        if (!t.t_start && previous_end) t.t_start = previous_end;
        if (t.t_end) previous_end = t.t_end;
        doc.units.push_back(Unit{UnitKind::turn, ++turn_no, Span{t.paragraphs.front().start, t.paragraphs.back().end},
                                 t.speaker, t.t_start, t.t_end});
        for (std::size_t i = 0; i < t.paragraphs.size(); ++i) {
            const auto& p = t.paragraphs[i];
            paragraphs.push_back(Unit{UnitKind::paragraph, ++paragraph_no, p, t.speaker, std::nullopt, std::nullopt});
            const auto [begin, end] = t.paragraph_bytes[i];
            const auto piece = std::string_view(doc.text).substr(begin, end - begin);
            for (const auto& s : text::sentences(piece, p.start))
                sentences.push_back(Unit{UnitKind::sentence, ++sentence_no, s, t.speaker, std::nullopt, std::nullopt});
        }
    }
    doc.units.reserve(doc.units.size() + paragraphs.size() + sentences.size());
    doc.units.insert(doc.units.end(), std::make_move_iterator(paragraphs.begin()), std::make_move_iterator(paragraphs.end()));
    doc.units.insert(doc.units.end(), std::make_move_iterator(sentences.begin()), std::make_move_iterator(sentences.end()));
    turns_.clear();
    length_ = 0;
    line_open_ = false;
    return doc;
}

}  // namespace qcode::ingest
