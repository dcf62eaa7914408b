#pragma once
// What WebVTT and SRT caption files have in common: timed cues whose text
// carries the speaker either in a WebVTT voice tag (`<v Anna Schmidt>`,
// Teams) or as a `Name: text` prefix (Zoom, SRT). The format parsers read
// cues; this file turns the cues into a Document, merging consecutive cues
// of one speaker into one turn (DESIGN §3).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "ingest/transcript_options.hpp"

namespace qcode::ingest {

// One piece of cue text: usually one payload line; a WebVTT voice tag in
// the middle of a line starts a new piece.
struct CuePiece {
    std::optional<std::string> voice;  // speaker from a <v> tag; unset when the text has none
    std::string text;                  // tags stripped, entities decoded, white space collapsed
};

struct Cue {
    int line = 0;  // line of the cue's time line (1-based), for messages
    std::int64_t start_ms = 0;
    std::int64_t end_ms = 0;
    std::vector<CuePiece> pieces;
};

struct CueTiming {
    std::int64_t start_ms = 0;
    std::int64_t end_ms = 0;
};

// Reads "hh:mm:ss.mmm" or "mm:ss.mmm" (hours optional, any number of hour
// digits; "," accepted for "." as SRT writes it; 1–3 fraction digits).
std::optional<std::int64_t> parse_cue_time(std::string_view s);

// Reads a cue time line "START --> END [settings…]"; whatever follows the
// end time after white space (WebVTT cue settings, SRT coordinates) is
// ignored. Nothing when the line does not have that shape.
std::optional<CueTiming> parse_timing_line(std::string_view line);

// "00:01:02.500" — for messages.
std::string format_cue_time(std::int64_t ms);

// Decodes the character references captions use: &amp; &lt; &gt; &quot;
// &apos; &nbsp; (→ space), &lrm; &rlm; (dropped: invisible direction marks
// would only split words), &#NNN; and &#xHH;. Anything else stays as is.
std::string decode_entities(std::string_view s);

// Collapses runs of white space (including no-break spaces) to one space
// and trims both ends.
std::string collapse_space(std::string_view s);

// Lines of LF text (a trailing '\r' is dropped), without the empty line
// after a final LF. Index i is line i + 1.
std::vector<std::string_view> caption_lines(std::string_view text);

// True for an empty or white-space-only line: such lines end a cue.
bool is_blank(std::string_view line);

// `line` without white space at either end.
std::string_view trim(std::string_view line);

// `line` cut to about 60 bytes (on a character boundary) with "…", for
// quoting in messages.
std::string quote_line(std::string_view line);

// Which markup a caption format knows.
enum class CueMarkup {
    webvtt,  // every <…> is a tag (a literal "<" is written &lt;)
    srt,     // only <b> <i> <u> <s> <font …> <v …> and their end tags, plus {\an8}-style overrides
};

// Splits one payload line into pieces and strips its markup. `voice`
// carries the current <v> speaker from line to line within a cue (an
// unterminated voice tag — no </v> — is normal); a voice tag switches it.
// A line without text adds no piece.
void read_cue_line(std::string_view line, CueMarkup markup, std::optional<std::string>& voice,
                   std::vector<CuePiece>& out);

// True when some cue has some text.
bool has_text(const std::vector<Cue>& cues);

// Turns the cues into a Document (text, speakers, units).
//
// Speakers: a voice tag names the speaker of its text. Text without a
// voice tag may start with a `Name: ` prefix: 1–5 words before the first
// ": " within the first 40 bytes, each word starting with an upper-case
// letter or a digit (lower-case name particles such as "von" allowed after
// the first word), the first word not a common German sentence opener
// ("Das Problem: …"). Because German capitalises nouns, such a candidate
// counts only when it is certain: the same label prefixes at least two
// cues, or appears as a voice tag, or is an asking label (Interviewer, I,
// Moderation). With options.speaker_pattern set, that ICU regex decides
// instead (group 1 is the label, the whole match is the prefix).
//
// Merging: consecutive cues of the same speaker form one turn with one
// paragraph, the cue texts joined by single spaces, so sentences run across
// cues; the turn starts when its first cue starts and ends when its last
// cue ends. Speakerless cues:
//   - when no cue in the file has a speaker, every cue becomes its own
//     turn without a speaker (roles are left to the user);
//   - otherwise a speakerless cue continues the current speaker's turn
//     (captions often split one utterance and repeat the name only on the
//     first cue); speakerless cues before the first named speaker form one
//     turn without a speaker, like a transcript header.
// The stored text has one line per turn, "Name: joined text" (just the
// text when there is no speaker), turns separated by a blank line as in
// the plain-text transcripts.
Document build_caption_document(const std::vector<Cue>& cues, const TranscriptOptions& options,
                                 const std::string& file);

}  // namespace qcode::ingest
