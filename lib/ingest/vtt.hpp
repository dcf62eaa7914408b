#pragma once
// WebVTT captions (Teams, Zoom): a WEBVTT header, then cues — an optional
// identifier line, a time line "hh:mm:ss.mmm --> hh:mm:ss.mmm [settings]"
// (hours optional) and text lines up to a blank line. NOTE, STYLE and
// REGION blocks are skipped. Speakers come from <v Name> voice tags or
// "Name: text" prefixes; consecutive cues of one speaker merge into one
// turn (see captions.hpp for the rules).
#include <string>
#include <string_view>

#include "core/model.hpp"
#include "ingest/transcript_options.hpp"

namespace qcode::ingest {

// `text` is decoded (UTF-8, NFC, LF). Fills text, speakers and units;
// throws qcode::Error naming `file` and the line for malformed input.
Document parse_vtt(std::string_view text, const TranscriptOptions& options, const std::string& file);

// True when the text starts with "WEBVTT" (after an optional BOM and white space).
bool looks_like_vtt(std::string_view text);

}  // namespace qcode::ingest
