#pragma once
// Recognises a speaker label at the start of a transcript line: "I:",
// "B1:", "IP 2:", "Interviewer:", "Frau M.:", "Name (Partei):".
#include <optional>
#include <string>
#include <string_view>

namespace qcode::ingest {

struct LabelMatch {
    std::string label;        // "B1", "Frau M.", "Gabriele Katzmarek (SPD)"
    std::size_t prefix_bytes; // bytes of the line taken by label, colon and following spaces
    bool certain;             // short code, role word or "(Party)": no second sighting needed
};

// A candidate label, or nothing. German capitalises nouns, so "Das
// Problem: …" also looks like a label; such candidates are not `certain`
// and count only if the same label opens another line too.
std::optional<LabelMatch> match_label(std::string_view line);

}  // namespace qcode::ingest
