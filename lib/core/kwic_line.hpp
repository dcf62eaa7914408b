#pragma once
// A keyword-in-context line: the matched words and up to a window of
// characters on each side, cut at word boundaries and kept to one line.
// Shared by `qcode kwic` and the autocoding dry run, so both cut alike.
#include <cstddef>
#include <string>
#include <string_view>

#include "core/model.hpp"
#include "core/utf8.hpp"

namespace qcode {

struct KwicLine {
    std::string left;     // context before the match; "…" first where cut
    std::string keyword;  // the matched text
    std::string right;    // context after the match; "…" last where cut
};

// `match` and `bounds` are code-point spans of `text` (indexed by `index`);
// context comes only from inside `bounds` (a turn, a coded unit), at most
// `window` characters per side, a word cut in half is dropped. Line breaks
// and tabs become spaces, runs of spaces one; the sides are trimmed.
KwicLine kwic_line(std::string_view text, const utf8::Index& index, Span bounds, Span match, std::size_t window);

}  // namespace qcode
