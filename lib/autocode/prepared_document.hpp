#pragma once
// Inside the matcher (not part of the library's API): a document as the
// matcher reads it — its tokens folded once per fold the codebook uses, the
// case-folded text for regular expressions — and the working memory of one
// unit's match.
#include <array>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include "autocode/compiled_codebook.hpp"
#include "autocode/matcher.hpp"

namespace qcode::autocode {

// Occurrences are half-open token intervals.
struct Interval {
    std::uint32_t first, last;
    friend bool operator<(const Interval& a, const Interval& b) {
        return a.first != b.first ? a.first < b.first : a.last < b.last;
    }
    friend bool operator==(const Interval&, const Interval&) = default;
};

struct PreparedDocument::Impl {
    std::string_view text;
    const text::Tokens* tokens = nullptr;
    std::string name;

    // Token forms per group, made on first use (empty for case folding
    // alone: the tokens' forms are read then): views into the tokens (case
    // only) or into `letters`; stems likewise.
    std::vector<char> built;
    std::vector<std::vector<std::string_view>> forms, stems;
    std::array<std::vector<std::string>, 4> letters;  // by letter_variant
    std::array<std::vector<std::string>, 4> stemmed;
    std::array<bool, 4> letters_done{}, stems_done{};

    // The case-folded text for regular expressions, made on first use, with
    // the way back and forth between its UTF-16 indexes and code points.
    bool folded_done = false;
    icu::UnicodeString folded;
    std::vector<std::int32_t> cp_to_u16;   // size: code points + 1
    std::vector<std::uint32_t> u16_to_cp;  // size: UTF-16 units + 1
    std::vector<std::unique_ptr<icu::RegexMatcher>> regex_matchers;  // by regex

    // The candidate codes of the last match(): `wanted` (by code) and
    // `candidate_at` are set for exactly these, and `mask` is the groups
    // they use. Consecutive units mostly share their candidates.
    std::vector<std::size_t> current;
    std::vector<char> wanted;
    std::vector<std::uint32_t> candidate_at;  // by code: its index in `current`
    std::uint8_t mask = 0;

    // Working memory of one unit.
    std::vector<std::vector<std::uint32_t>> positions;  // by atom: token positions where it starts
    std::vector<std::uint32_t> touched_atoms;
    std::vector<char> pattern_touched;
    std::vector<std::uint32_t> touched_patterns;
    // By code, UINT32_MAX and 0 outside match(): only codes in hit_codes are set.
    std::vector<std::uint32_t> best;       // by code: order of the best including pattern so far
    std::vector<std::uint32_t> hit_codes;  // codes whose best is set, in no particular order
    std::vector<std::uint32_t> best_pattern;
    std::vector<Interval> best_interval;
    std::vector<Span> best_span;
    std::vector<char> vetoed;
    std::deque<std::vector<Interval>> pool;  // evaluation results, used as a stack
    std::size_t used = 0;
    std::vector<LiteralAutomaton::Match> glob_matches;  // scratch of first_word_atoms

    // Memoized first-word candidates, borrowed from the matcher (FirstWordMemo).
    std::shared_ptr<FirstWordPool> memo_pool;
    std::unique_ptr<FirstWordMemo> memo;

    Impl() = default;
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    ~Impl() {
        if (memo_pool) memo_pool->give(std::move(memo));
    }

    std::size_t acquire() {
        if (used == pool.size()) pool.emplace_back();
        pool[used].clear();
        return used++;
    }
};

// The forms of the tokens under group `g`'s fold, folded on first use.
void ensure_forms(PreparedDocument::Impl& d, const Matcher::Compiled& c, std::size_t g);

// The text case-folded for regular expressions, made on first use.
void ensure_folded(PreparedDocument::Impl& d);

// Makes `candidates` the codes match() looks for in `d`.
void want(PreparedDocument::Impl& d, const Matcher::Compiled& c, const std::vector<std::size_t>& candidates);

// The unit's opening words, to name it in an error.
std::string excerpt(std::string_view text, Span unit);

}  // namespace qcode::autocode
