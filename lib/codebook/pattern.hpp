#pragma once
// The pattern language of DESIGN §4, parsed. A pattern is one or more word
// globs in sequence (a phrase); each glob is matched against one folded
// token. `*` inside a word matches any run of characters, `?` exactly one;
// a lone `*` in a phrase matches exactly one word.
#include <string>
#include <string_view>
#include <vector>

namespace qcode::codebook {

struct WordGlob {
    enum class Kind {
        exact,   // "amt"
        prefix,  // "schnittstelle*"
        suffix,  // "*schnittstelle"
        infix,   // "*schnittstelle*"
        any,     // "*": any one word
        general, // other placements of * and ?, e.g. "s?hnitt*stelle"
    };
    Kind kind = Kind::exact;
    std::string text;     // the folded glob as written ("schnittstelle*")
    std::string literal;  // for exact/prefix/suffix/infix: the folded text without '*'
};

struct Pattern {
    std::string source;           // as written in the codebook
    int line = 0;                 // source line, 0 when unknown
    std::vector<WordGlob> words;  // a phrase: consecutive tokens, in order
};

// Parses one pattern. Folding (ICU full case folding) is applied to the
// words so that they compare with folded tokens. Throws qcode::Error with
// a message that says what is wrong (no file/line: the caller adds them).
Pattern parse_pattern(std::string_view source);

// True when `source` is words separated by spaces without the double
// quotes that make them a phrase (and nothing else is wrong with it): the
// one mistake parse_pattern rejects that quoting fixes. YAML, for one,
// silently drops the quotes of - "zwei worte".
bool needs_phrase_quotes(std::string_view source);

// True when the folded `glob` matches the folded `word` (*, ? semantics).
bool glob_match(std::string_view glob, std::string_view word);

}  // namespace qcode::codebook
