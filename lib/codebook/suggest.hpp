#pragma once
// "Did you mean …?" for misspelt names (YAML keys, values). A typo in a
// codebook should cost the researcher one glance at the message, not a
// search through the documentation.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace qcode::codebook {

// Levenshtein distance in bytes (the names compared are ASCII).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word` if it is at most `max_distance` edits away
// (and closer than the word is long, so "x" suggests nothing); ties go to
// the earlier candidate.
std::optional<std::string> closest(std::string_view word, std::span<const std::string_view> candidates,
                                   std::size_t max_distance = 2);

}  // namespace qcode::codebook
