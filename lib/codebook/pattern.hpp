#pragma once
// The pattern language of DESIGN §4, parsed into an expression tree.
//
// Operands are phrases: one word glob or several in sequence ("zwei worte").
// Each glob is matched against one folded token: `*` inside a word matches
// any run of characters, `?` exactly one; a lone `*` in a phrase matches
// exactly one word. Operators combine operands within one unit:
//
//   A NEAR/n B     both occur, either order, at most n words apart
//   A BEFORE/n B   B starts after A ends, at most n words later
//   A AND B        both occur anywhere in the unit
//   A OR B         either occurs
//   ( … )          grouping
//   re:EXPR        (the whole pattern) an ICU regular expression on the
//                  case-folded unit text
//
// Precedence: NEAR and BEFORE bind tightest, then AND, then OR; operators of
// one level associate to the left. Operators are upper case; `and`, `near/5`
// in an operator's place are errors that say so (German "und"/"oder" too),
// and inside double quotes every word is just a word.
//
// Distance: words are counted as token positions. Two occurrences at
// positions [a1, a2) and [b1, b2) with a2 <= b1 are b1 - a2 + 1 words
// apart: adjacent words are 1 apart, one word between them makes 2. For
// phrases this measures between their nearest words. Occurrences that share
// a word are never NEAR each other (nor BEFORE), so `amt* NEAR/3 *amt` needs
// two different words.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text/fold.hpp"

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
    std::string stem;     // exact words under fold `stem`: the Snowball stem of `literal`; else empty
};

// Consecutive tokens, in order.
struct Phrase {
    std::vector<WordGlob> words;
};

struct Rule {
    enum class Op {
        phrase,  // Pattern::phrases[phrase]
        any_of,  // OR: some operand matches (two or more operands)
        all_of,  // AND: every operand matches somewhere in the unit (two or more)
        near,    // operands[0] NEAR/distance operands[1]
        before,  // operands[0] BEFORE/distance operands[1]
        regex,   // re:regex (only ever the whole pattern)
    };
    Op op = Op::phrase;
    std::size_t phrase = 0;
    std::vector<Rule> operands;
    int distance = 0;
    std::string regex;  // the expression after "re:", NFC
};

struct Pattern {
    std::string source;         // as written in the codebook
    int line = 0;               // source line, 0 when unknown
    text::FoldOptions fold;     // what the words were folded with (the code's effective fold)
    std::vector<Phrase> phrases;  // every operand, in source order
    Rule rule;

    // One word or one quoted phrase: no operators, no regular expression.
    bool is_phrase() const { return rule.op == Rule::Op::phrase; }
    bool is_regex() const { return rule.op == Rule::Op::regex; }
};

// Limits that keep a hostile or mistaken codebook from exhausting the stack
// or the matcher: bytes of one pattern, operands (words and phrases) in one
// pattern, nesting of parentheses, and the largest NEAR/BEFORE distance.
inline constexpr std::size_t kMaxPatternBytes = 2000;
inline constexpr std::size_t kMaxOperands = 50;
inline constexpr int kMaxNesting = 10;
inline constexpr int kMaxDistance = 1000;

// Parses one pattern. Words are NFC-normalised, case-folded (ICU full case
// folding) and then folded with text::fold_letters(fold), so that they
// compare with tokens folded the same way; exact words also get their stem
// when fold.stem is set (globs never do). A regular expression is compiled
// here, so an invalid one is an error at load time. Throws qcode::Error
// with a message that says what is wrong (no file/line: the caller adds them).
Pattern parse_pattern(std::string_view source, const text::FoldOptions& fold = {});

// True when `source` is words separated by spaces without the double
// quotes that make them a phrase (and nothing else is wrong with it): the
// one mistake parse_pattern rejects that quoting fixes. YAML, for one,
// silently drops the quotes of - "zwei worte".
bool needs_phrase_quotes(std::string_view source);

// True when the folded `glob` matches the folded `word` (*, ? semantics).
bool glob_match(std::string_view glob, std::string_view word);

// True when matches of `rule` have positions that NEAR and BEFORE can
// measure from: phrases, and OR, NEAR, BEFORE of such (not AND, not re:).
bool is_positional(const Rule& rule);

}  // namespace qcode::codebook
