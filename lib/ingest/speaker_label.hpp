#pragma once
// Recognises a speaker label at the start of a transcript line: "I:",
// "B1:", "IP 2:", "Interviewer:", "Frau M.:", "Name (Partei):",
// "[Interviewer]", "{B2}" — or what --speaker-pattern says.
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/transcript_options.hpp"

namespace qcode::ingest {

struct LabelMatch {
    std::string label;        // "B1", "Frau M.", "Gabriele Katzmarek (SPD)"
    std::size_t prefix_bytes; // bytes of the line taken by label, colon and following spaces
    bool certain;             // short code, role word or "(Party)": no second sighting needed
};

// The built-in rules: a candidate label, or nothing. German capitalises
// nouns, so "Das Problem: …" also looks like a label; such candidates are
// not `certain` and count only if the same label opens another line too.
//
// A name in square or curly brackets at line start, optionally followed by
// a colon — "[Interviewer] Wie …", "{B2}: Ja …" — is a certain label (the
// label is the name without brackets; the prefix takes brackets, colon and
// the blanks after them). It must contain a letter (so "[01:23]" is a
// timestamp, "[2]" and "[…]" are nothing), its words follow the rules
// above (capitalised, at most 6 words and 60 bytes: "[lacht]" is no
// label), and transcription marks and anonymisation placeholders such as
// "[Pause]", "[Unv.]", "[Name]", "[Ort]" are not labels. After the bracket
// comes a blank, a colon or the line end.
std::optional<LabelMatch> match_label(std::string_view line);

// Labels as `options` asks for them: with options.speaker_pattern empty,
// the built-in rules above; otherwise that ICU regular expression replaces
// them: it is matched at the start of the line (lookingAt), capture group 1
// (trimmed) is the label, the whole match is the prefix, and every match
// is certain. Compiled once; an invalid pattern, or one without a capture
// group, throws qcode::Error("invalid --speaker-pattern: …").
class LabelMatcher {
public:
    explicit LabelMatcher(const TranscriptOptions& options);
    std::optional<LabelMatch> match(std::string_view line) const;

private:
    struct Pattern;
    std::shared_ptr<const Pattern> pattern_;  // null: built-in rules
};

// LabelMatcher(options).match(line) — compiles the pattern on every call.
std::optional<LabelMatch> match_label(std::string_view line, const TranscriptOptions& options);

}  // namespace qcode::ingest
