#include "core/kwic_line.hpp"

#include <algorithm>

namespace qcode {

namespace {

// Line breaks and tabs as spaces, runs of spaces as one.
std::string one_line(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
        if (c == ' ' && !out.empty() && out.back() == ' ') continue;
        out += c;
    }
    return out;
}

std::string trim(std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    std::size_t b = 0;
    while (b < s.size() && s[b] == ' ') ++b;
    return s.substr(b);
}

}  // namespace

KwicLine kwic_line(std::string_view text, const utf8::Index& index, Span bounds, Span match, std::size_t window) {
    bounds.start = std::min(bounds.start, match.start);
    bounds.end = std::max(bounds.end, match.end);
    const auto w = static_cast<std::uint32_t>(std::min<std::size_t>(window, bounds.end));
    auto slice = [&](std::uint32_t a, std::uint32_t b) { return one_line(utf8::slice(text, index, a, b)); };

    const std::uint32_t left_from = match.start - std::min(match.start - bounds.start, w);
    std::string left = slice(left_from, match.start);
    if (left_from > bounds.start) {
        const auto space = left.find(' ');
        left = "…" + (space == std::string::npos ? std::string() : left.substr(space + 1));
    }
    const std::uint32_t right_to = match.end + std::min(bounds.end - match.end, w);
    std::string right = slice(match.end, right_to);
    if (right_to < bounds.end) {
        const auto space = right.rfind(' ');
        right = (space == std::string::npos ? std::string() : right.substr(0, space)) + "…";
    }
    return KwicLine{trim(std::move(left)), slice(match.start, match.end), trim(std::move(right))};
}

}  // namespace qcode
