#include "ingest/timestamps.hpp"

#include <cctype>

namespace qcode::ingest {

namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t n) {
    if (pos + n > s.size()) return false;
    for (std::size_t i = pos; i < pos + n; ++i)
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    return true;
}

int number(std::string_view s, std::size_t pos, std::size_t n) {
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace

std::optional<std::pair<std::int64_t, std::size_t>> parse_f4_timestamp(std::string_view s) {
    // #hh:mm:ss  then  -d#  or  .mmm#  (1–3 fraction digits)
    if (s.size() < 11 || s[0] != '#' || !digits(s, 1, 2) || s[3] != ':' || !digits(s, 4, 2) || s[6] != ':' ||
        !digits(s, 7, 2))
        return std::nullopt;
    const int minutes = number(s, 4, 2), seconds = number(s, 7, 2);
    if (minutes > 59 || seconds > 59) return std::nullopt;
    std::int64_t ms = (std::int64_t(number(s, 1, 2)) * 3600 + minutes * 60 + seconds) * 1000;
    if (s[9] != '-' && s[9] != '.') return std::nullopt;
    std::size_t i = 10;
    std::size_t n = 0;
    while (i + n < s.size() && n < 3 && std::isdigit(static_cast<unsigned char>(s[i + n]))) ++n;
    if (n == 0 || i + n >= s.size() || s[i + n] != '#') return std::nullopt;
    int fraction = number(s, i, n);
    for (std::size_t k = n; k < 3; ++k) fraction *= 10;  // "-4" = 400 ms, ".45" = 450 ms
    ms += fraction;
    return std::pair{ms, i + n + 1};
}

StrippedLine strip_timestamps(std::string_view line) {
    StrippedLine out;
    std::string text;
    text.reserve(line.size());
    bool seen_text = false;
    for (std::size_t i = 0; i < line.size();) {
        if (line[i] == '#') {
            if (auto ts = parse_f4_timestamp(line.substr(i))) {
                if (seen_text) out.trailing_ms = ts->first;
                else if (!out.leading_ms) out.leading_ms = ts->first;
                i += ts->second;
                continue;
            }
        }
        if (line[i] != ' ' && line[i] != '\t') {
            // Text after a mid-line timestamp: that timestamp was not trailing.
            if (seen_text) out.trailing_ms.reset();
            seen_text = true;
        }
        text += line[i++];
    }
    // Collapse the double space a removed mid-line timestamp leaves behind.
    std::string collapsed;
    collapsed.reserve(text.size());
    for (char c : trim(text)) {
        if (c == ' ' && !collapsed.empty() && collapsed.back() == ' ') continue;
        collapsed += c;
    }
    out.text = std::move(collapsed);
    return out;
}

}  // namespace qcode::ingest
