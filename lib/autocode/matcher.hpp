#pragma once
// The compiled codebook: built once, then asked per unit "which codes, by
// which rule". Patterns are indexed by their first word (exact words in a
// hash map, prefixes and suffixes by their literal), so the work per token
// does not grow with the number of patterns; the remaining words of a
// phrase are checked only where the first one matched.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "codebook/codebook.hpp"
#include "text/tokenize.hpp"

namespace qcode::autocode {

// One code's rules with its resolved scope.
struct CompiledCode {
    std::string path;
    UnitKind unit = UnitKind::sentence;
    codebook::SpeakerScope speakers = codebook::SpeakerScope::respondents;
    std::vector<const codebook::Pattern*> patterns;
    std::vector<const codebook::Pattern*> exclude;
};

struct Hit {
    std::size_t code;         // index into Matcher::codes()
    const codebook::Pattern* rule;  // the first pattern (codebook order) that matched
    std::size_t first_token = 0, last_token = 0;  // [first, last) tokens of that match
};

class Matcher {
public:
    // `unit_override` replaces the codebook default unit (not per-code units).
    // The codebook must outlive the matcher.
    Matcher(const codebook::Codebook& cb, std::optional<UnitKind> unit_override);

    const std::vector<CompiledCode>& codes() const { return codes_; }

    // Codes among `candidates` (indexes into codes()) that the unit's tokens
    // satisfy: some pattern matches and no exclude pattern does. Appends to `out`.
    void match(const std::vector<text::Token>& tokens, std::size_t first, std::size_t last,
               const std::vector<std::size_t>& candidates, std::vector<Hit>& out) const;

private:
    struct Entry {
        std::uint32_t code;
        std::uint32_t order;  // position among the code's patterns (includes first)
        bool exclude;
        const codebook::Pattern* pattern;
    };
    void add(const codebook::Pattern& p, std::uint32_t code, std::uint32_t order, bool exclude);
    bool rest_matches(const codebook::Pattern& p, const std::vector<text::Token>& tokens, std::size_t at,
                      std::size_t last) const;

    std::vector<CompiledCode> codes_;
    std::unordered_map<std::string, std::vector<Entry>> exact_;
    std::unordered_map<std::string, std::vector<Entry>> prefix_;
    std::unordered_map<std::string, std::vector<Entry>> suffix_;
    std::vector<Entry> scan_;  // infix and general globs: checked against every token
    std::vector<std::size_t> prefix_lengths_, suffix_lengths_;  // distinct literal lengths in bytes
};

}  // namespace qcode::autocode
