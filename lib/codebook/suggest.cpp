// Edit distance for suggestions: two rows of the classic dynamic programme;
// the strings are short key names, so nothing cleverer is needed.
#include "codebook/suggest.hpp"

#include <algorithm>
#include <vector>

namespace qcode::codebook {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t subst = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, subst});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::optional<std::string> closest(std::string_view word, std::span<const std::string_view> candidates,
                                   std::size_t max_distance) {
    std::optional<std::string> best;
    std::size_t best_distance = max_distance + 1;
    for (auto candidate : candidates) {
        const auto d = edit_distance(word, candidate);
        if (d < best_distance && d < word.size()) {
            best = std::string(candidate);
            best_distance = d;
        }
    }
    return best;
}

}  // namespace qcode::codebook
