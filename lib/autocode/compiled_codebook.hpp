#pragma once
// Inside the matcher (not part of the library's API): the codebook compiled
// into indexes by first word. Every phrase of every pattern is an atom;
// equal phrases under one fold are one atom. Each distinct fold (at most
// eight: three switches) has a group of indexes: exact words and stems in
// hash maps, the literals of `prefix*`, `*suffix` and `*infix*` in one
// Aho–Corasick automaton, other globs in a short list tried on each new word.
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <unicode/regex.h>

#include "autocode/form_table.hpp"
#include "autocode/literal_automaton.hpp"
#include "autocode/matcher.hpp"
#include "codebook/pattern.hpp"

namespace qcode::autocode {

// Hash maps keyed by std::string, looked up with a std::string_view.
struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
using AtomMap = std::unordered_map<std::string, std::vector<std::uint32_t>, StringHash, std::equal_to<>>;

// Which atoms a token can start, memoized per distinct folded form: German
// text is Zipfian, so after the first few thousand tokens nearly every token
// is one lookup instead of an exact lookup, a stem lookup and a pass of the
// glob automaton. A form's stem is a function of the form, so the form is
// the key.
//
// Where it lives: a PreparedDocument takes one from its matcher's pool in
// prepare() and gives it back when destroyed, so the memo carries over from
// document to document while each is only ever used by the one thread that
// uses that document (the matcher stays const and shareable; the pool's
// mutex is taken once per document). The pool is shared with the documents,
// so either may outlive the other.
struct FirstWordMemo {
    std::vector<FormTable> forms;                    // by group: form → range in atoms
    std::vector<std::vector<std::uint32_t>> atoms;   // by group: the lists the ranges point into
};

// Past this many distinct forms of one fold the memo starts over, so its
// memory stays flat (some tens of MB) however large the project.
constexpr std::size_t kMaxMemoForms = 1u << 18;

struct FirstWordPool {
    std::mutex mutex;
    std::vector<std::unique_ptr<FirstWordMemo>> idle;

    std::unique_ptr<FirstWordMemo> take(std::size_t groups);
    void give(std::unique_ptr<FirstWordMemo> m);
};

struct Matcher::Compiled {
    struct GlobLiteral {
        codebook::WordGlob::Kind kind;  // prefix, suffix or infix
        std::vector<std::uint32_t> atoms;
    };
    struct Group {
        text::FoldOptions fold;
        AtomMap exact, stems;
        LiteralAutomaton globs;                 // ids index glob_literals
        std::vector<GlobLiteral> glob_literals;
        std::vector<std::uint32_t> scan;        // first word `*` or a general glob: tried on every new form
    };
    struct Atom {
        std::uint32_t group;
        const codebook::Phrase* phrase;
        std::vector<std::uint32_t> users;  // patterns using it
    };
    struct CompiledPattern {
        std::uint32_t code;
        std::uint32_t order;  // position among the code's patterns
        bool exclude;
        const codebook::Pattern* pattern;
        std::vector<std::uint32_t> atoms;  // by phrase index
        int regex = -1;                    // index into regexes
    };

    std::vector<Group> groups;
    std::vector<Atom> atoms;
    std::vector<CompiledPattern> patterns;
    std::vector<std::unique_ptr<icu::RegexPattern>> regexes;
    std::vector<std::uint32_t> regex_pattern;              // by regex: its pattern
    std::shared_ptr<FirstWordPool> first_word_pool = std::make_shared<FirstWordPool>();
    std::vector<std::uint8_t> code_groups;                 // by code: bit mask of the groups its patterns use
    std::vector<std::vector<std::uint32_t>> code_regexes;  // by code: its regex patterns
    std::string source_path;

    // Adds pattern `p` of code `code`; `atom_ids` deduplicates atoms across calls.
    void add(const codebook::Pattern& p, std::uint32_t code, std::uint32_t order, bool exclude,
             std::unordered_map<std::string, std::uint32_t>& atom_ids);
    // Builds the automata; call once after the last add().
    void finish();

    // Appends the atoms of group `g` whose first word matches a token of
    // form `word` (and stem `stem`, for a stemming fold); an atom may come
    // twice. `scratch` is working memory.
    void first_word_atoms(std::size_t g, std::string_view word, std::string_view stem, std::vector<std::uint32_t>& out,
                          std::vector<LiteralAutomaton::Match>& scratch) const;

private:
    std::uint32_t group_of(const text::FoldOptions& fold);
    void index_atom(std::uint32_t a);
    // During add(): (group, kind, literal) → index into that group's glob_literals.
    std::unordered_map<std::string, std::uint32_t> glob_ids_;
};

// Does `g` match a token of form `form` (and stem `stem`)?
bool word_matches(const codebook::WordGlob& g, std::string_view form, std::string_view stem);

}  // namespace qcode::autocode
