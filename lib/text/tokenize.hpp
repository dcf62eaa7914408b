#pragma once
// Words of a text as ICU's word BreakIterator sees them (a hyphen separates
// words), each with its code-point span and its case-folded form. A document
// is tokenized once; every rule and every unit reads the same token list.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace qcode::text {

struct Token {
    Span span;                // code points into the tokenized text (plus base)
    std::string_view folded;  // ICU full case fold of the word, in the Tokens' buffer
};

// The tokens of a text. Their folded forms sit back to back in one buffer
// that the list owns (a document has hundreds of thousands of words; one
// string each was a third of tokenizing and spread the forms the matcher
// reads over memory). Move-only: a copy's views would point into the
// original.
class Tokens {
public:
    Tokens();
    Tokens(Tokens&&) noexcept = default;
    Tokens& operator=(Tokens&&) noexcept = default;
    Tokens(const Tokens&) = delete;
    Tokens& operator=(const Tokens&) = delete;

    std::size_t size() const { return list_.size(); }
    bool empty() const { return list_.empty(); }
    const Token& operator[](std::size_t i) const { return list_[i]; }
    const Token& front() const { return list_.front(); }
    const Token& back() const { return list_.back(); }
    auto begin() const { return list_.begin(); }
    auto end() const { return list_.end(); }

private:
    friend struct TokensBuilder;
    std::vector<Token> list_;
    std::unique_ptr<char[]> folded_;  // the folded forms; a move keeps them where the views point
};

// Tokens of `utf8`; spans are offset by `base` code points. Plain runs of
// Latin letters and digits are cut and case-folded by a table; any stretch
// between white space where the word-break rules need context (an
// apostrophe or period between letters, a digit group "1.000", a soft
// hyphen, a combining mark, '@', emoji, scripts outside the table …) goes
// to ICU. The result is exactly that of detail::tokenize_icu.
Tokens tokenize(std::string_view utf8, std::uint32_t base = 0);

namespace detail {
// ICU's word BreakIterator and ICU case folding over the whole text: the
// definition tokenize() must reproduce, kept for the equivalence tests.
Tokens tokenize_icu(std::string_view utf8, std::uint32_t base = 0);
}  // namespace detail

}  // namespace qcode::text
