#pragma once
// Aho–Corasick over bytes: every literal occurring in a word, in one pass
// over the word, however many literals there are. The matcher asks it which
// glob patterns (`prefix*`, `*suffix`, `*infix*`) a word it has not seen
// before can start; a scan per literal cost a few microseconds per new word
// with hundreds of globs, and German compounds make many new words.
//
// Literals are UTF-8; a match found in valid UTF-8 text starts and ends on
// code-point boundaries because a literal starts with a lead byte and ends
// with its last continuation byte.
#include <cstdint>
#include <string_view>
#include <vector>

namespace qcode::autocode {

class LiteralAutomaton {
public:
    // Adds a literal; `id` is returned with each of its matches. Adding after
    // build() is not allowed. Empty literals are ignored.
    void add(std::string_view literal, std::uint32_t id);
    // Makes the automaton ready; call once after the last add().
    void build();
    bool empty() const { return literal_count_ == 0; }

    struct Match {
        std::uint32_t id;
        std::uint32_t begin, end;  // bytes of the word
    };
    // Appends every occurrence of every literal in `word`, overlapping ones
    // included, ordered by end position.
    void find(std::string_view word, std::vector<Match>& out) const;

private:
    struct Output {
        std::uint32_t id, length;
    };
    std::uint32_t transition(std::uint32_t state, unsigned char byte) const {
        return next_[state * classes_ + byte_class_[byte]];
    }

    // During add(): a trie with sparse edges; build() turns it into a
    // complete transition table over byte classes (bytes that occur in no
    // literal share class 0 and lead back to the root).
    std::vector<std::vector<std::pair<unsigned char, std::uint32_t>>> edges_{{}};
    std::vector<std::vector<Output>> own_{{}};
    std::size_t literal_count_ = 0;
    bool built_ = false;

    std::uint8_t byte_class_[256] = {};
    std::uint32_t classes_ = 1;
    std::vector<std::uint32_t> next_;           // state × class → state
    std::vector<std::uint32_t> output_begin_;   // by state: range in outputs_ (own and inherited)
    std::vector<Output> outputs_;
};

}  // namespace qcode::autocode
