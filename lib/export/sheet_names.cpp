#include "export/sheet_names.hpp"

#include <algorithm>
#include <string_view>

#include <unicode/uchar.h>

#include "export/display_width.hpp"

namespace qcode::exports {
namespace {

// Excel's limit, counted in UTF-16 units (a character outside the BMP
// counts twice); libxlsxwriter counts code points, which is never more.
constexpr std::size_t kMaxUnits = 31;

std::size_t utf16_units(char32_t cp) { return cp > 0xFFFF ? 2 : 1; }

// The longest prefix of `s` that fits in `max_units`, cut between code points.
std::string cut(std::string_view s, std::size_t max_units) {
    std::string out;
    std::size_t units = 0;
    bool full = false;
    for_each_codepoint(s, [&](char32_t cp, std::string_view bytes) {
        if (full || units + utf16_units(cp) > max_units) {
            full = true;
            return;
        }
        units += utf16_units(cp);
        out.append(bytes);
    });
    return out;
}

std::size_t units_of(std::string_view s) {
    std::size_t units = 0;
    for_each_codepoint(s, [&](char32_t cp, std::string_view) { units += utf16_units(cp); });
    return units;
}

std::string trim(std::string s) {
    const auto strip = [](char c) { return c == ' ' || c == '\''; };
    while (!s.empty() && strip(s.back())) s.pop_back();
    std::size_t start = 0;
    while (start < s.size() && strip(s[start])) ++start;
    return s.substr(start);
}

std::string clean(std::string_view title) {
    std::string out;
    // One space for any run of blanks, so "a: b" becomes "a b", not "a  b".
    const auto space = [&] {
        if (!out.empty() && out.back() != ' ') out += ' ';
    };
    for_each_codepoint(title, [&](char32_t cp, std::string_view bytes) {
        if (cp < 0x20 || cp == U' ') space();  // a line break in a title is a space in a tab label
        // Code paths ("Hürden/Technik") stay readable as "Hürden-Technik".
        else if (cp == U'/' || cp == U'\\') out += '-';
        else if (std::u32string_view(U"[]:*?").find(cp) != std::u32string_view::npos) return;
        else if (cp == U'\uFFFD') out += "\uFFFD";  // repair invalid bytes
        else out.append(bytes);
    });
    // Cut before trimming again: the cut may expose a trailing space.
    return trim(cut(trim(out), kMaxUnits));
}

// Excel treats "Häufigkeit" and "HÄUFIGKEIT" as the same sheet.
std::string fold(std::string_view s) {
    std::string out;
    for_each_codepoint(s, [&](char32_t cp, std::string_view) {
        const auto folded = static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT));
        out.append(reinterpret_cast<const char*>(&folded), sizeof folded);
    });
    return out;
}

}  // namespace

std::vector<std::string> xlsx_sheet_names(const std::vector<Table>& tables) {
    std::vector<std::string> names;
    // Excel reserves "History" for its change-tracking sheet.
    std::vector<std::string> taken{fold("History")};
    const auto is_taken = [&](const std::string& name) {
        return std::find(taken.begin(), taken.end(), fold(name)) != taken.end();
    };
    for (std::size_t i = 0; i < tables.size(); ++i) {
        std::string base = clean(tables[i].title);
        if (base.empty()) base = "Sheet" + std::to_string(i + 1);
        std::string name = base;
        for (int n = 2; is_taken(name); ++n) {
            const std::string suffix = " (" + std::to_string(n) + ")";
            name = trim(cut(base, kMaxUnits - units_of(suffix))) + suffix;
        }
        taken.push_back(fold(name));
        names.push_back(std::move(name));
    }
    return names;
}

}  // namespace qcode::exports
