#pragma once
// Sentence segmentation for German transcripts: ICU's sentence
// BreakIterator (plain "de" locale), then the project's own abbreviation
// list joins the pieces ICU wrongly cut after "z. B.", "Dr.", "bzw." …
// (ICU's de@ss=standard suppressions are not used: for German they also
// swallow real sentence ends — see docs/text.md).
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace qcode::text {

// Sentence spans of `utf8` (one paragraph), trimmed of surrounding white
// space, offset by `base` code points. Empty or blank text has none.
std::vector<Span> sentences(std::string_view utf8, std::uint32_t base = 0);

// True when a sentence break between `before` and `after` falls after or
// inside an abbreviation ("z. | B.", "Dr. | Meier", "Abs. | 2"), i.e. is
// no real sentence end. Exposed for tests.
bool is_abbreviation_break(std::string_view before, std::string_view after);

// True when `text` ends with a complete abbreviation ("… z. B.", "Herr Dr.").
inline bool ends_with_abbreviation(std::string_view text) { return is_abbreviation_break(text, {}); }

}  // namespace qcode::text
