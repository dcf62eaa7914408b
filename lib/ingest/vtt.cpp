#include "ingest/vtt.hpp"

#include <vector>

#include "core/error.hpp"
#include "ingest/captions.hpp"

namespace qcode::ingest {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kExpected = "expected hh:mm:ss.mmm --> hh:mm:ss.mmm (hours optional)";

std::string_view without_bom(std::string_view text) {
    if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
    return text;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// "WEBVTT", or "WEBVTT" followed by white space and any text.
bool is_header(std::string_view line) {
    return line.starts_with("WEBVTT") && (line.size() == 6 || line[6] == ' ' || line[6] == '\t');
}

// NOTE, STYLE, REGION: the keyword alone or followed by white space.
bool opens_block(std::string_view line, std::string_view keyword) {
    return line.starts_with(keyword) && (line.size() == keyword.size() || line[keyword.size()] == ' ' ||
                                         line[keyword.size()] == '\t');
}

// A line that was meant as a time line: starts with a digit, has a colon.
bool looks_like_time(std::string_view line) {
    line = trim(line);
    return !line.empty() && line.front() >= '0' && line.front() <= '9' && line.find(':') != std::string_view::npos;
}

[[noreturn]] void bad_time(std::string_view line, std::size_t index, const std::string& file,
                           std::string_view identifier = {}) {
    std::string message = "cannot read the cue time '" + quote_line(trim(line)) + "'; " + std::string(kExpected);
    if (!identifier.empty() && line.find("-->") == std::string_view::npos)
        message += " (the line before, '" + quote_line(trim(identifier)) + "', was read as the cue identifier)";
    throw Error(message, file, static_cast<int>(index + 1));
}

CueTiming read_timing(std::string_view line, std::size_t index, const std::string& file,
                      std::string_view identifier = {}) {
    const auto timing = parse_timing_line(line);
    if (!timing) bad_time(line, index, file, identifier);
    if (timing->end_ms < timing->start_ms)
        throw Error("the cue ends at " + format_cue_time(timing->end_ms) + ", before it starts at " +
                        format_cue_time(timing->start_ms) + "; correct the time line",
                    file, static_cast<int>(index + 1));
    return *timing;
}

}  // namespace

bool looks_like_vtt(std::string_view text) {
    text = without_bom(text);
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    return text.starts_with("WEBVTT") && (text.size() == 6 || is_space(text[6]));
}

Document parse_vtt(std::string_view text, const TranscriptOptions& options, const std::string& file) {
    const auto lines = caption_lines(without_bom(text));
    const auto n = lines.size();
    std::size_t i = 0;
    while (i < n && is_blank(lines[i])) ++i;
    if (i == n || !is_header(trim(lines[i])))
        throw Error("not a WebVTT file: the first line must be WEBVTT", file, i == n ? 1 : static_cast<int>(i + 1));
    ++i;
    // The header block (Kind:, Language: …) runs to the first blank line;
    // a time line ends it early, as in the WebVTT parser.
    while (i < n && !is_blank(lines[i]) && lines[i].find("-->") == std::string_view::npos) ++i;

    std::vector<Cue> cues;
    while (i < n) {
        if (is_blank(lines[i])) {
            ++i;
            continue;
        }
        const auto first = lines[i];
        const bool has_arrow = first.find("-->") != std::string_view::npos;
        if (!has_arrow && (opens_block(first, "NOTE") || opens_block(first, "STYLE") || opens_block(first, "REGION"))) {
            while (i < n && !is_blank(lines[i])) ++i;
            continue;
        }
        std::size_t timing_index = i;
        std::string_view identifier;
        if (!has_arrow) {
            if (looks_like_time(first)) bad_time(first, i, file);
            if (i + 1 >= n || is_blank(lines[i + 1]))
                throw Error("'" + quote_line(trim(first)) +
                                "' is not part of a cue: a cue is an optional identifier line, a time line "
                                "hh:mm:ss.mmm --> hh:mm:ss.mmm and text lines; if this is cue text, remove the "
                                "blank line before it",
                            file, static_cast<int>(i + 1));
            identifier = first;
            timing_index = i + 1;
        }
        const auto timing = read_timing(lines[timing_index], timing_index, file, identifier);
        Cue cue{static_cast<int>(timing_index + 1), timing.start_ms, timing.end_ms, {}};
        std::optional<std::string> voice;  // a voice tag holds until the cue ends or another one starts
        std::size_t j = timing_index + 1;
        // Cue text cannot contain "-->": such a line starts the next cue, as in the WebVTT parser.
        for (; j < n && !is_blank(lines[j]) && lines[j].find("-->") == std::string_view::npos; ++j)
            read_cue_line(lines[j], CueMarkup::webvtt, voice, cue.pieces);
        if (!cue.pieces.empty()) cues.push_back(std::move(cue));  // a cue without text is skipped
        i = j;
    }
    if (!has_text(cues))
        throw Error("no cues found: a WebVTT file needs cues with a time line hh:mm:ss.mmm --> hh:mm:ss.mmm "
                    "followed by text",
                    file);
    return build_caption_document(cues, options, file);
}

}  // namespace qcode::ingest
