#pragma once
// Transcription timestamps inside lines: f4/f5's "#00:01:23-4#" (tenths)
// and "#00:01:23.456#" / "#00:01:23.45#" (fractions), and the bracketed
// times of QualCoder, ELAN exports and many typists: "[00:01:23]",
// "[01:23]" (mm:ss), "[00:01:23.456]". They become unit times and are
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

// Parses a bracketed time at the start of `s`: "[h:mm:ss]" / "[hh:mm:ss]"
// or "[m:ss]" / "[mm:ss]", optionally with a fraction of 1–3 digits after
// "." or "," ("[00:01:23.456]", "[01:23,5]"); "{…}" works the same. Only
// digits, colons and the fraction may stand between the brackets, so
// "[Interviewer]" is a label, never a time. Seconds ≤ 59, minutes too when
// hours are given ("[75:10]" is 75 minutes 10 seconds).
std::optional<std::pair<std::int64_t, std::size_t>> parse_bracket_timestamp(std::string_view s);

// Either kind at the start of `s`.
std::optional<std::pair<std::int64_t, std::size_t>> parse_timestamp(std::string_view s);

struct LeadingTimestamps {
    std::optional<std::int64_t> ms;  // the first timestamp's time
    std::size_t bytes = 0;           // bytes taken by the timestamps and the blanks around them
};

// Timestamps at the very start of a line ("[00:01:23] B: …"): what a
// parser skips before it looks for the speaker label.
LeadingTimestamps skip_leading_timestamps(std::string_view line);

// Timestamps of either kind at the start of the line (before any text) set
// leading_ms (the first of them), at its end trailing_ms (the last of them);
// both are removed. In the middle of a line f4/f5 marks are removed as
// well, but a bracketed time stays there as text. Runs of spaces collapse.
StrippedLine strip_timestamps(std::string_view line);

}  // namespace qcode::ingest
