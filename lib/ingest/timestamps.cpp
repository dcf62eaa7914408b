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

std::optional<std::pair<std::int64_t, std::size_t>> parse_bracket_timestamp(std::string_view s) {
    if (s.empty() || (s[0] != '[' && s[0] != '{')) return std::nullopt;
    const char close = s[0] == '[' ? ']' : '}';
    // Two or three groups of digits: the first 1–2 digits, the others exactly 2.
    int groups[3] = {0, 0, 0};
    int n = 0;
    std::size_t i = 1;
    while (true) {
        std::size_t d = 0;
        while (i + d < s.size() && std::isdigit(static_cast<unsigned char>(s[i + d]))) ++d;
        if (d == 0 || (n == 0 ? d > 2 : d != 2) || n == 3) return std::nullopt;
        groups[n++] = number(s, i, d);
        i += d;
        if (i < s.size() && s[i] == ':') { ++i; continue; }
        break;
    }
    if (n < 2) return std::nullopt;
    const int hours = n == 3 ? groups[0] : 0;
    const int minutes = n == 3 ? groups[1] : groups[0];
    const int seconds = n == 3 ? groups[2] : groups[1];
    if ((n == 3 && minutes > 59) || seconds > 59) return std::nullopt;
    std::int64_t ms = (std::int64_t(hours) * 3600 + minutes * 60 + seconds) * 1000;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
        ++i;
        std::size_t d = 0;
        while (i + d < s.size() && std::isdigit(static_cast<unsigned char>(s[i + d]))) ++d;
        if (d == 0 || d > 3) return std::nullopt;
        int fraction = number(s, i, d);
        for (std::size_t k = d; k < 3; ++k) fraction *= 10;
        ms += fraction;
        i += d;
    }
    if (i >= s.size() || s[i] != close) return std::nullopt;
    return std::pair{ms, i + 1};
}

std::optional<std::pair<std::int64_t, std::size_t>> parse_timestamp(std::string_view s) {
    if (auto ts = parse_f4_timestamp(s)) return ts;
    return parse_bracket_timestamp(s);
}

LeadingTimestamps skip_leading_timestamps(std::string_view line) {
    LeadingTimestamps out;
    std::size_t i = 0;
    while (true) {
        std::size_t j = i;
        while (j < line.size() && (line[j] == ' ' || line[j] == '\t')) ++j;
        const auto ts = parse_timestamp(line.substr(j));
        if (!ts) break;
        if (!out.ms) out.ms = ts->first;
        i = j + ts->second;
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
        out.bytes = i;
    }
    return out;
}

namespace {

// A timestamp of either kind that ends `s`: its time and length.
std::optional<std::pair<std::int64_t, std::size_t>> timestamp_at_end(std::string_view s) {
    if (s.empty()) return std::nullopt;
    const char last = s.back();
    const char open = last == '#' ? '#' : last == ']' ? '[' : last == '}' ? '{' : 0;
    if (!open || s.size() < 2) return std::nullopt;
    const auto pos = s.rfind(open, s.size() - 2);
    if (pos == std::string_view::npos) return std::nullopt;
    const auto ts = parse_timestamp(s.substr(pos));
    if (!ts || ts->second != s.size() - pos) return std::nullopt;
    return ts;
}

}  // namespace

StrippedLine strip_timestamps(std::string_view line) {
    StrippedLine out;
    std::string_view s = trim(line);
    while (auto ts = parse_timestamp(s)) {
        if (!out.leading_ms) out.leading_ms = ts->first;
        s = trim(s.substr(ts->second));
    }
    while (auto ts = timestamp_at_end(s)) {
        if (!out.trailing_ms) out.trailing_ms = ts->first;  // found from the end: the last one
        s = trim(s.substr(0, s.size() - ts->second));
    }
    // Most lines have neither a mark in the middle nor a double space: as they are.
    if (s.find('#') == std::string_view::npos && s.find("  ") == std::string_view::npos) {
        out.text = std::string(s);
        return out;
    }
    // f4/f5 marks in the middle of the text go too.
    std::string text;
    text.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == '#') {
            if (auto ts = parse_f4_timestamp(s.substr(i))) {
                i += ts->second;
                continue;
            }
        }
        text += s[i++];
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
