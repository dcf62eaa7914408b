#pragma once
// The compiled codebook: built once, then asked per unit "which codes, by
// which rule". Every phrase of every pattern (an atom) is indexed by its
// first word — exact words and stems in hash maps, the literals of
// `prefix*`, `*suffix` and `*infix*` in one Aho–Corasick automaton, the
// rest in a short scan list — one index per distinct fold, and which atoms
// each distinct token form starts is memoized, so the work per token does
// not grow with the number of patterns (compiled_codebook.hpp).
// A unit's scan records where atoms occur; only patterns with an atom there
// (and regular expressions) are evaluated, on those occurrences: AND, OR,
// NEAR and BEFORE combine occurrence lists, exclude patterns use the same
// machinery and veto their code.
//
// Per document, prepare() folds the tokens once for every fold the
// codebook uses (stemming them once where a fold asks for it) and, when the
// codebook has regular expressions, case-folds the text once; every unit of
// every kind then reads that prepared form.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "codebook/codebook.hpp"
#include "core/model.hpp"
#include "text/tokenize.hpp"

namespace qcode::autocode {

// One code's rules with its resolved scope.
struct CompiledCode {
    std::string_view path;  // the codebook's Code::path
    UnitKind unit = UnitKind::sentence;
    codebook::SpeakerScope speakers = codebook::SpeakerScope::respondents;
    std::vector<const codebook::Pattern*> patterns;
    std::vector<const codebook::Pattern*> exclude;
};

struct Hit {
    std::size_t code;               // index into Matcher::codes()
    const codebook::Pattern* rule;  // the first pattern (codebook order) that matched
    // [first, last) tokens of that match: for a rule, from its first to its
    // last matched word; for a regular expression, the tokens inside the
    // text it matched (first == last when that holds no whole word).
    std::size_t first_token = 0, last_token = 0;
    Span match;  // code points of the match (the words, or the text a regular expression matched)
};

// A document as the matcher reads it, made by Matcher::prepare. It refers
// to the text and tokens given there, which must outlive it, and holds the
// matcher's working memory: use one per thread. That includes a memo of
// which patterns each distinct token form can start, borrowed from the
// matcher when prepared and given back when destroyed, so it carries over
// from document to document (bounded; see FirstWordMemo in matcher.cpp).
class PreparedDocument {
public:
    PreparedDocument(PreparedDocument&&) noexcept;
    PreparedDocument& operator=(PreparedDocument&&) noexcept;
    ~PreparedDocument();

    struct Impl;  // the folded forms and working memory (matcher.cpp)

private:
    friend class Matcher;
    explicit PreparedDocument(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

class Matcher {
public:
    // `unit_override` replaces the codebook default unit (not per-code units).
    // The codebook must outlive the matcher. Regular expressions are compiled
    // here (they were checked when the codebook loaded).
    Matcher(const codebook::Codebook& cb, std::optional<UnitKind> unit_override);
    Matcher(Matcher&&) noexcept;
    ~Matcher();

    const std::vector<CompiledCode>& codes() const { return codes_; }

    // `text` is the document's NFC text and `tokens` its tokens
    // (text::tokenize(text)); `name` names the document in errors.
    PreparedDocument prepare(std::string_view text, const text::Tokens& tokens,
                             std::string_view name = {}) const;

    // Codes among `candidates` (indexes into codes()) that the unit satisfies:
    // some pattern matches and no exclude pattern does. `unit` is the unit's
    // span in code points, [first, last) its tokens. Appends one Hit per code,
    // in candidate order. Throws qcode::Error (naming the
    // codebook line, document and unit) when a regular expression exceeds
    // its time or memory limit.
    void match(PreparedDocument& doc, Span unit, std::size_t first, std::size_t last,
               const std::vector<std::size_t>& candidates, std::vector<Hit>& out) const;

    // The same in two steps, for a caller that matches many units with the
    // same candidates (the sentences of one speaker): want() sets them for
    // the document, match() without candidates uses the last ones set.
    void want(PreparedDocument& doc, const std::vector<std::size_t>& candidates) const;
    void match(PreparedDocument& doc, Span unit, std::size_t first, std::size_t last, std::vector<Hit>& out) const;

    // Every place in the unit where a pattern of `code` matches (exclude
    // patterns are not applied), for keyword-in-context lines: for a rule
    // each occurrence of its whole expression (for AND, the occurrences of
    // its operands), for a regular expression each match. Sorted, each once.
    void find_all(PreparedDocument& doc, Span unit, std::size_t first, std::size_t last, std::size_t code,
                  std::vector<Span>& out) const;

    struct Compiled;  // the indexes (matcher.cpp)

private:
    std::vector<CompiledCode> codes_;
    std::unique_ptr<Compiled> c_;
};

}  // namespace qcode::autocode
