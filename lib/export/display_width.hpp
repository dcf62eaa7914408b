#pragma once
// How many terminal columns a UTF-8 string occupies. Byte or code-point
// counts misalign tables as soon as a cell holds "Hürden" typed with a
// combining diaeresis, or a CJK name: umlauts and ß take 1 column,
// combining marks 0, East Asian wide and fullwidth characters 2 (Unicode
// East_Asian_Width, via ICU). Also sizes xlsx columns.
#include <cstddef>
#include <string>
#include <string_view>

namespace qcode::exports {

// Columns taken by one code point (0, 1 or 2).
int codepoint_width(char32_t cp);

// Columns taken by a UTF-8 string; an invalid byte counts as one U+FFFD.
std::size_t display_width(std::string_view utf8);

// `utf8` cut to at most `width` columns, ending in "…" when anything was
// cut. Cuts between code points and keeps combining marks with their base.
std::string truncate_to_width(std::string_view utf8, std::size_t width);

// Every code point of `utf8` visited in order; invalid bytes arrive as U+FFFD
// with their length, so callers can copy, measure or repair as they go.
template <typename F>
void for_each_codepoint(std::string_view utf8, F&& visit);

// Implementation detail of for_each_codepoint: decodes one code point at
// `i`, advances `i`, returns U+FFFD for an invalid sequence.
char32_t decode_utf8(std::string_view s, std::size_t& i);

template <typename F>
void for_each_codepoint(std::string_view utf8, F&& visit) {
    std::size_t i = 0;
    while (i < utf8.size()) {
        const std::size_t start = i;
        const char32_t cp = decode_utf8(utf8, i);
        visit(cp, utf8.substr(start, i - start));
    }
}

}  // namespace qcode::exports
