#pragma once
// SubRip (SRT) captions (Zoom, many converters): numbered blocks — the
// cue number, a time line "hh:mm:ss,mmm --> hh:mm:ss,mmm" ("." accepted,
// hours optional) and text lines up to a blank line. Speakers come from
// "Name: text" prefixes; <b> <i> <u> <s> <font …> are stripped; consecutive
// cues of one speaker merge into one turn (see captions.hpp for the rules).
#include <string>
#include <string_view>

#include "core/model.hpp"
#include "ingest/transcript_options.hpp"

namespace qcode::ingest {

// `text` is decoded (UTF-8, NFC, LF). Fills text, speakers and units;
// throws qcode::Error naming `file` and the line for malformed input.
Document parse_srt(std::string_view text, const TranscriptOptions& options, const std::string& file);

// True when the first non-blank line is a number and the next line a cue
// time line "hh:mm:ss,mmm --> hh:mm:ss,mmm".
bool looks_like_srt(std::string_view text);

}  // namespace qcode::ingest
