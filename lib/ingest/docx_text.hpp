#pragma once
// Internal to the .docx reader (docx*.cpp): white space and affixes of
// UTF-8 text. Not part of the ingest API.
#include <cstddef>
#include <string>
#include <string_view>

namespace qcode::ingest::docx_detail {

// `s` without Unicode white space at either end: ASCII white space, NBSP,
// NNBSP, U+2000–U+200B and the ideographic space.
std::string_view trim(std::string_view s);

// Trimmed, and every run of spaces inside as one space.
std::string collapse_spaces(std::string_view s);

inline bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
inline bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace qcode::ingest::docx_detail
