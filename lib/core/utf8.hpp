#pragma once
// Code-point arithmetic on UTF-8 strings. Positions everywhere in qcode are
// code-point offsets (DESIGN §2), while strings are stored as UTF-8, so
// these conversions sit between every module and the text it slices.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qcode::utf8 {

// Number of code points in a (valid) UTF-8 string.
std::size_t length(std::string_view s) noexcept;

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates).
bool valid(std::string_view s) noexcept;

// Appends the UTF-8 encoding of one code point.
void append(std::string& out, char32_t cp);

// Maps code-point offsets to byte offsets for one string. Built once per
// document, then every slice is O(1).
class Index {
public:
    explicit Index(std::string_view s);
    std::size_t byte_offset(std::size_t cp) const { return offsets_.at(cp); }
    std::size_t length() const noexcept { return offsets_.size() - 1; }

private:
    std::vector<std::uint32_t> offsets_;  // offsets_[cp] = byte offset; one past the end included
};

// The substring [start, end) in code points.
std::string_view slice(std::string_view s, const Index& index, std::size_t start, std::size_t end);

}  // namespace qcode::utf8
