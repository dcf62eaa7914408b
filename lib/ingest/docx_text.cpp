#include "ingest/docx_text.hpp"

namespace qcode::ingest::docx_detail {

namespace {

// Length of a Unicode white-space character at the front (or back) of `s`, 0 if none.
std::size_t space_at_front(std::string_view s) {
    if (s.empty()) return 0;
    const auto c = static_cast<unsigned char>(s[0]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
    if (s.substr(0, 2) == "\xC2\xA0") return 2;                                                   // NBSP
    if (s.substr(0, 3) == "\xE2\x80\xAF" || s.substr(0, 3) == "\xE3\x80\x80") return 3;          // NNBSP, ideographic
    if (s.size() >= 3 && s.substr(0, 2) == "\xE2\x80" && static_cast<unsigned char>(s[2]) <= 0x8B) return 3;  // U+2000–U+200B
    return 0;
}

std::size_t space_at_back(std::string_view s) {
    for (std::size_t n = 1; n <= 3 && n <= s.size(); ++n)
        if (space_at_front(s.substr(s.size() - n)) == n) return n;
    return 0;
}

}  // namespace

std::string_view trim(std::string_view s) {
    while (const auto n = space_at_front(s)) s.remove_prefix(n);
    while (const auto n = space_at_back(s)) s.remove_suffix(n);
    return s;
}

std::string collapse_spaces(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : trim(s)) {
        if (c == ' ') {
            space = true;
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

}  // namespace qcode::ingest::docx_detail
