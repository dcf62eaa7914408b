#pragma once
// Transcription timestamps inside lines: f4/f5's "#00:01:23-4#" (tenths)
// and "#00:01:23.456#" (milliseconds). They become unit times and are
// removed from the stored text.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace qcode::ingest {

struct StrippedLine {
    std::string text;                       // the line without timestamps, trimmed at the ends
    std::optional<std::int64_t> leading_ms;  // a timestamp before any text
    std::optional<std::int64_t> trailing_ms; // the last timestamp after the text
};

// Parses "#hh:mm:ss-d#" or "#hh:mm:ss.mmm#" at the start of `s`; returns
// the milliseconds and the length consumed, or nothing.
std::optional<std::pair<std::int64_t, std::size_t>> parse_f4_timestamp(std::string_view s);

StrippedLine strip_timestamps(std::string_view line);

}  // namespace qcode::ingest
