#include "ingest/plain_text.hpp"

#include <map>
#include <optional>
#include <vector>

#include "ingest/builder.hpp"
#include "ingest/speaker_label.hpp"
#include "ingest/timestamps.hpp"

namespace qcode::ingest {

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        lines.push_back(text.substr(start, nl - start));
        start = nl + 1;
    }
    if (!lines.empty() && lines.back().empty()) lines.pop_back();  // the final LF
    return lines;
}

Document parse_plain_text(std::string_view text, const RoleRules& roles) {
    return parse_labelled_lines(split_lines(text), roles);
}

Document parse_labelled_lines(const std::vector<std::string_view>& lines, const RoleRules& roles) {

    // Pass 1: candidate labels. An uncertain one ("Das Problem:") counts
    // only when it opens at least two lines of the transcript.
    std::vector<std::optional<LabelMatch>> labels(lines.size());
    std::map<std::string, int, std::less<>> sightings;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        labels[i] = match_label(lines[i]);
        if (labels[i]) ++sightings[labels[i]->label];
    }

    DocumentBuilder builder;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string_view line = lines[i];
        const auto& label = labels[i];
        const bool opens_turn = label && (label->certain || sightings[label->label] >= 2);
        if (opens_turn) {
            const auto rest = strip_timestamps(line.substr(label->prefix_bytes));
            builder.start_turn(label->label, line.substr(0, label->prefix_bytes));
            if (rest.leading_ms) builder.set_turn_start(*rest.leading_ms);
            builder.add_paragraph(rest.text);
            if (rest.trailing_ms) builder.set_turn_end(*rest.trailing_ms);
            continue;
        }
        const auto stripped = strip_timestamps(line);
        if (stripped.text.empty()) {
            // A line holding only a timestamp closes the current turn's time.
            const auto ms = stripped.trailing_ms ? stripped.trailing_ms : stripped.leading_ms;
            if (ms && builder.has_open_turn()) builder.set_turn_end(*ms);
            else builder.add_blank_line();
            continue;
        }
        builder.add_paragraph(stripped.text);
        if (stripped.trailing_ms) builder.set_turn_end(*stripped.trailing_ms);
    }
    return builder.finish(roles);
}

}  // namespace qcode::ingest
