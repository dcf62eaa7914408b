#pragma once
// Plain-text transcripts: a speaker label at line start opens a turn (even
// for the speaker who spoke last), unlabelled lines continue the turn as
// new paragraphs, text before the first label is a header without speaker,
// timestamps become turn times.
//
// Labels: match_label's built-in rules or options.speaker_pattern (see
// speaker_label.hpp), tried on the line after any timestamps at its start,
// so "[00:01:23] B: Text" is B's turn starting at 83 s; the timestamp is
// not stored. Uncertain labels count only when seen on two lines.
//
// Times: a timestamp at the start of a turn (before or after the label)
// is the turn's start, one at the end of a turn's last line (or alone on
// the next line) its end. A turn with a start time but no end ends when
// the next labelled turn with a start time starts (QualCoder style: times
// only at turn starts); a turn with no start time starts when the one
// before it ended (f4/f5 style: times only at turn ends).
//
// No label anywhere: DESIGN §3 "unlabelled text becomes paragraphs of an
// unknown speaker" — the whole text is one turn of the speaker
// kUnknownSpeaker ("?"), every non-empty line one of its paragraphs. "?"
// is a respondent under the default roles, so such text is coded like an
// answer (name it in --interviewer to change that). When there are labels,
// text before the first one stays a header without speaker, as before.
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "ingest/transcript_options.hpp"

namespace qcode::ingest {

// The speaker of a transcript that has no speaker labels at all.
inline constexpr std::string_view kUnknownSpeaker = "?";

// `text` is decoded (UTF-8, NFC, LF). Fills text, speakers and units.
// An invalid options.speaker_pattern throws qcode::Error.
Document parse_plain_text(std::string_view text, const TranscriptOptions& options);

// The same rules over paragraphs that come from elsewhere (DOCX): each
// element is one line; an empty one is a blank line.
Document parse_labelled_lines(const std::vector<std::string_view>& lines, const TranscriptOptions& options);

// Splits decoded text into lines (without the final empty line after a trailing LF).
std::vector<std::string_view> split_lines(std::string_view text);

}  // namespace qcode::ingest
