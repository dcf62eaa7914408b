#include "core/utf8.hpp"

#include <stdexcept>

namespace qcode::utf8 {

namespace {
bool is_continuation(unsigned char c) noexcept { return (c & 0xC0) == 0x80; }
}  // namespace

std::size_t length(std::string_view s) noexcept {
    std::size_t n = 0;
    for (unsigned char c : s) n += !is_continuation(c);
    return n;
}

bool valid(std::string_view s) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* end = p + s.size();
    while (p < end) {
        unsigned char c = *p;
        if (c < 0x80) { ++p; continue; }
        int extra;
        char32_t cp;
        if ((c & 0xE0) == 0xC0) { extra = 1; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { extra = 2; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { extra = 3; cp = c & 0x07; }
        else return false;
        if (end - p <= extra) return false;
        for (int i = 1; i <= extra; ++i) {
            if (!is_continuation(p[i])) return false;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        static constexpr char32_t min_for[] = {0, 0x80, 0x800, 0x10000};
        if (cp < min_for[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        p += extra + 1;
    }
    return true;
}

void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

Index::Index(std::string_view s) {
    offsets_.reserve(s.size() + 1);
    for (std::size_t i = 0; i < s.size(); ++i)
        if (!is_continuation(static_cast<unsigned char>(s[i]))) offsets_.push_back(static_cast<std::uint32_t>(i));
    offsets_.push_back(static_cast<std::uint32_t>(s.size()));
}

std::string_view slice(std::string_view s, const Index& index, std::size_t start, std::size_t end) {
    if (start > end || end > index.length()) throw std::out_of_range("utf8::slice: range outside the text");
    const auto b = index.byte_offset(start);
    return s.substr(b, index.byte_offset(end) - b);
}

}  // namespace qcode::utf8
