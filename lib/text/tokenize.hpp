#pragma once
// Words of a text as ICU's word BreakIterator sees them (a hyphen separates
// words), each with its code-point span and its case-folded form. A document
// is tokenized once; every rule and every unit reads the same token list.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace qcode::text {

struct Token {
    Span span;           // code points into the tokenized text (plus base)
    std::string folded;  // ICU full case fold of the word
};

// Tokens of `utf8`; spans are offset by `base` code points. Plain runs of
// Latin letters and digits are cut and case-folded by a table; any stretch
// between white space where the word-break rules need context (an
// apostrophe or period between letters, a digit group "1.000", a soft
// hyphen, a combining mark, '@', emoji, scripts outside the table …) goes
// to ICU. The result is exactly that of detail::tokenize_icu.
std::vector<Token> tokenize(std::string_view utf8, std::uint32_t base = 0);

namespace detail {
// ICU's word BreakIterator and ICU case folding over the whole text: the
// definition tokenize() must reproduce, kept for the equivalence tests.
std::vector<Token> tokenize_icu(std::string_view utf8, std::uint32_t base = 0);
}  // namespace detail

}  // namespace qcode::text
