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

Document parse_plain_text(std::string_view text, const TranscriptOptions& options) {
    return parse_labelled_lines(split_lines(text), options);
}

Document parse_labelled_lines(const std::vector<std::string_view>& lines, const TranscriptOptions& options) {
    const LabelMatcher matcher(options);

    // Pass 1: candidate labels, looked for after any timestamps at line
    // start. An uncertain one ("Das Problem:") counts only when it opens at
    // least two lines of the transcript.
    std::vector<LeadingTimestamps> leads(lines.size());
    std::vector<std::optional<LabelMatch>> labels(lines.size());
    std::map<std::string, int, std::less<>> sightings;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        leads[i] = skip_leading_timestamps(lines[i]);
        labels[i] = matcher.match(lines[i].substr(leads[i].bytes));
        if (labels[i]) ++sightings[labels[i]->label];
    }
    std::vector<bool> opens_turn(lines.size(), false);
    bool any_label = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        opens_turn[i] = labels[i] && (labels[i]->certain || sightings[labels[i]->label] >= 2);
        any_label = any_label || opens_turn[i];
    }

    DocumentBuilder builder;
    // No label anywhere: one turn of the unknown speaker (see plain_text.hpp).
    if (!any_label) builder.start_turn(std::string(kUnknownSpeaker), {});
    bool speaker_turn_without_end = false;  // the open turn has a speaker and no end time yet
    bool first_paragraph_seen = false;      // without labels: the first paragraph's leading time starts the turn
    auto end_turn = [&](std::int64_t ms) {
        builder.set_turn_end(ms);
        speaker_turn_without_end = false;
    };

    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view line = lines[i];
        if (opens_turn[i]) {
            const auto& label = *labels[i];
            const auto after_times = line.substr(leads[i].bytes);
            const auto rest = strip_timestamps(after_times.substr(label.prefix_bytes));
            const auto start = leads[i].ms ? leads[i].ms : rest.leading_ms;
            if (start && speaker_turn_without_end) end_turn(*start);
            builder.start_turn(label.label, after_times.substr(0, label.prefix_bytes));
            speaker_turn_without_end = true;
            if (start) builder.set_turn_start(*start);
            builder.add_paragraph(rest.text);
            if (rest.trailing_ms) end_turn(*rest.trailing_ms);
            continue;
        }
        const auto stripped = strip_timestamps(line);
        if (stripped.text.empty()) {
            // A line holding only a timestamp closes the current turn's time.
            const auto ms = stripped.trailing_ms ? stripped.trailing_ms : stripped.leading_ms;
            if (ms && builder.has_open_turn()) end_turn(*ms);
            else builder.add_blank_line();
            continue;
        }
        if (!any_label && stripped.leading_ms && !first_paragraph_seen) builder.set_turn_start(*stripped.leading_ms);
        first_paragraph_seen = true;
        builder.add_paragraph(stripped.text);
        if (stripped.trailing_ms) end_turn(*stripped.trailing_ms);
    }
    return builder.finish(options.roles);
}

}  // namespace qcode::ingest
