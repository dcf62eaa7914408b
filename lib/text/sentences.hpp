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

// True when `word_with_dot` (e.g. "bzw.", "Dr.", "B.") ends an abbreviation
// given the text `before` it; exposed for tests.
bool ends_with_abbreviation(std::string_view text_up_to_break);

}  // namespace qcode::text
