#include "ingest/srt.hpp"

#include <algorithm>
#include <vector>

#include "core/error.hpp"
#include "ingest/captions.hpp"

namespace qcode::ingest {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kExpected = "expected hh:mm:ss,mmm --> hh:mm:ss,mmm";

std::string_view without_bom(std::string_view text) {
    if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
    return text;
}

bool is_number(std::string_view line) {
    line = trim(line);
    return !line.empty() && std::all_of(line.begin(), line.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool looks_like_time(std::string_view line) {
    line = trim(line);
    return !line.empty() && line.front() >= '0' && line.front() <= '9' && line.find(':') != std::string_view::npos;
}

CueTiming read_timing(std::string_view line, std::size_t index, const std::string& file) {
    const auto timing = parse_timing_line(line);
    if (!timing)
        throw Error("cannot read the cue time '" + quote_line(trim(line)) + "'; " + std::string(kExpected), file,
                    static_cast<int>(index + 1));
    if (timing->end_ms < timing->start_ms)
        throw Error("the cue ends at " + format_cue_time(timing->end_ms) + ", before it starts at " +
                        format_cue_time(timing->start_ms) + "; correct the time line",
                    file, static_cast<int>(index + 1));
    return *timing;
}

}  // namespace

bool looks_like_srt(std::string_view text) {
    const auto lines = caption_lines(without_bom(text));
    std::size_t i = 0;
    while (i < lines.size() && is_blank(lines[i])) ++i;
    return i + 1 < lines.size() && is_number(lines[i]) && parse_timing_line(lines[i + 1]).has_value();
}

Document parse_srt(std::string_view text, const TranscriptOptions& options, const std::string& file) {
    const auto lines = caption_lines(without_bom(text));
    const auto n = lines.size();
    std::vector<Cue> cues;
    std::size_t i = 0;
    while (i < n) {
        if (is_blank(lines[i])) {
            ++i;
            continue;
        }
        const auto first = trim(lines[i]);
        std::size_t timing_index = i;
        if (first.find("-->") != std::string_view::npos) {
            // a time line without its number: tolerated
        } else if (is_number(first)) {
            if (i + 1 >= n || is_blank(lines[i + 1]))
                throw Error("cue " + std::string(first) + " has no time line; " + std::string(kExpected) +
                                " on the line after the cue number",
                            file, static_cast<int>(i + 1));
            timing_index = i + 1;
        } else if (looks_like_time(first)) {
            read_timing(first, i, file);  // throws: a time line that cannot be read
        } else if (i + 1 < n && parse_timing_line(lines[i + 1])) {
            timing_index = i + 1;  // an identifier instead of a number (WebVTT habit): tolerated
        } else {
            throw Error("expected a cue number, found '" + quote_line(first) +
                            "'; an SRT cue is a number line, a time line hh:mm:ss,mmm --> hh:mm:ss,mmm and text "
                            "lines, ended by a blank line (if this is cue text, remove the blank line before it)",
                        file, static_cast<int>(i + 1));
        }
        const auto timing = read_timing(lines[timing_index], timing_index, file);
        Cue cue{static_cast<int>(timing_index + 1), timing.start_ms, timing.end_ms, {}};
        std::vector<std::string_view> payload;
        std::size_t j = timing_index + 1;
        std::size_t next = n;
        for (; j < n && !is_blank(lines[j]); ++j) {
            if (parse_timing_line(lines[j])) {
                // The blank line before the next cue is missing: "number, time line" start it.
                next = j;
                if (!payload.empty() && is_number(payload.back())) {
                    payload.pop_back();
                    next = j - 1;
                }
                break;
            }
            payload.push_back(lines[j]);
        }
        if (next == n) next = j;
        std::optional<std::string> voice;
        for (const auto line : payload) read_cue_line(line, CueMarkup::srt, voice, cue.pieces);
        if (!cue.pieces.empty()) cues.push_back(std::move(cue));  // a cue without text is skipped
        i = next;
    }
    if (!has_text(cues))
        throw Error("no cues found: an SRT file needs numbered cues with a time line hh:mm:ss,mmm --> "
                    "hh:mm:ss,mmm followed by text",
                    file);
    return build_caption_document(cues, options, file);
}

}  // namespace qcode::ingest
