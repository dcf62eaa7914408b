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

// Tokens of `utf8`; spans are offset by `base` code points.
std::vector<Token> tokenize(std::string_view utf8, std::uint32_t base = 0);

}  // namespace qcode::text
