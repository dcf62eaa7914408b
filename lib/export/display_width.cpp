#include "export/display_width.hpp"

#include <cstdint>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace qcode::exports {

char32_t decode_utf8(std::string_view s, std::size_t& i) {
    // ICU's decoder rejects overlongs, surrogates and truncated sequences
    // and always advances at least one byte.
    const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
    const auto length = static_cast<std::int32_t>(s.size());
    auto pos = static_cast<std::int32_t>(i);
    UChar32 c = 0;
    U8_NEXT(p, pos, length, c);
    i = static_cast<std::size_t>(pos);
    return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

int codepoint_width(char32_t cp) {
    const auto c = static_cast<UChar32>(cp);
    // Controls print nothing (the writers replace tabs and newlines first).
    if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return 0;
    if (c == 0xAD) return 1;  // soft hyphen: terminals draw it
    switch (u_charType(c)) {
        case U_NON_SPACING_MARK:  // combining diaeresis in a decomposed "ü"
        case U_ENCLOSING_MARK:
        case U_FORMAT_CHAR:       // zero-width space, joiners, BOM
            return 0;
        default:
            break;
    }
    // Hangul medial vowels and final consonants join the preceding syllable.
    const auto hangul = u_getIntPropertyValue(c, UCHAR_HANGUL_SYLLABLE_TYPE);
    if (hangul == U_HST_VOWEL_JAMO || hangul == U_HST_TRAILING_JAMO) return 0;
    const auto eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    // Ambiguous-width characters (…, °, Greek) count 1, as on Western
    // terminals; only Wide and Fullwidth take two cells.
    return (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) ? 2 : 1;
}

std::size_t display_width(std::string_view utf8) {
    std::size_t width = 0;
    for_each_codepoint(utf8, [&](char32_t cp, std::string_view) {
        width += static_cast<std::size_t>(codepoint_width(cp));
    });
    return width;
}

std::string truncate_to_width(std::string_view utf8, std::size_t width) {
    if (display_width(utf8) <= width) return std::string(utf8);
    if (width == 0) return {};
    static constexpr std::string_view kEllipsis = "\u2026";  // one column wide
    const std::size_t budget = width - 1;
    std::string out;
    std::size_t used = 0;
    bool full = false;
    for_each_codepoint(utf8, [&](char32_t cp, std::string_view bytes) {
        if (full) return;
        const auto w = static_cast<std::size_t>(codepoint_width(cp));
        if (used + w > budget) {
            full = true;  // stop here, so a later narrow char cannot jump the gap
            return;
        }
        used += w;
        if (cp == U'\uFFFD' && bytes != "\uFFFD") out += "\uFFFD";  // repair invalid bytes
        else out.append(bytes);
    });
    return out.append(kEllipsis);
}

}  // namespace qcode::exports
