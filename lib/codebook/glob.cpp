// glob_match: `*` and `?` over UTF-8, one code point at a time, so that `?`
// matches `ü` (two bytes) exactly like `u`. Iterative: a `*` only remembers
// where it started; a mismatch retries from there one code point further.
// That is O(|glob|·|word|) at worst and never recurses, whatever the input.
#include <string_view>

#include "codebook/pattern.hpp"

namespace qcode::codebook {

namespace {

// Bytes of the code point starting at s[i]; a stray byte counts as one so
// that invalid input cannot make the loop skip past the end.
std::size_t code_point_size(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    return i + n <= s.size() ? n : s.size() - i;
}

}  // namespace

bool glob_match(std::string_view glob, std::string_view word) {
    constexpr auto none = std::string_view::npos;
    std::size_t g = 0;             // position in glob
    std::size_t w = 0;             // position in word
    std::size_t star = none;       // glob position of the last '*' seen
    std::size_t star_word = 0;     // where in word that '*' currently ends
    while (w < word.size()) {
        if (g < glob.size() && glob[g] == '*') {
            star = g++;
            star_word = w;  // first try: the '*' matches nothing
            continue;
        }
        if (g < glob.size() && glob[g] == '?') {
            ++g;
            w += code_point_size(word, w);
            continue;
        }
        if (g < glob.size()) {
            const auto n = code_point_size(glob, g);
            if (code_point_size(word, w) == n && word.substr(w, n) == glob.substr(g, n)) {
                g += n;
                w += n;
                continue;
            }
        }
        if (star == none) return false;
        // Let the last '*' swallow one more code point and retry after it.
        star_word += code_point_size(word, star_word);
        w = star_word;
        g = star + 1;
    }
    while (g < glob.size() && glob[g] == '*') ++g;
    return g == glob.size();
}

}  // namespace qcode::codebook
