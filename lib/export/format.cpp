#include "export/format.hpp"

#include <array>
#include <string>
#include <utility>

namespace qcode::exports {
namespace {

constexpr std::array<std::pair<std::string_view, Format>, 6> kNames{{
    {"table", Format::table},
    {"csv", Format::csv},
    {"tsv", Format::tsv},
    {"json", Format::json},
    {"md", Format::md},
    {"xlsx", Format::xlsx},
}};

// ASCII-only folding: format names are ASCII, and std::tolower would make
// the result depend on the process locale.
std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace

std::optional<Format> parse_format(std::string_view name) {
    const std::string lower = ascii_lower(name);
    for (const auto& [n, f] : kNames)
        if (lower == n) return f;
    // Researchers type the long name as often as the extension.
    if (lower == "markdown") return Format::md;
    return std::nullopt;
}

std::string_view to_string(Format format) {
    for (const auto& [n, f] : kNames)
        if (f == format) return n;
    return "table";  // unreachable: every enumerator is in kNames
}

std::optional<Format> format_from_path(std::string_view path) {
    const auto slash = path.find_last_of("/\\");
    const auto name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    const auto dot = name.rfind('.');
    if (dot == std::string_view::npos || dot == 0) return std::nullopt;
    const std::string ext = ascii_lower(name.substr(dot + 1));
    if (ext == "txt") return Format::table;
    if (ext == "tab") return Format::tsv;  // R and SPSS users' name for TSV
    if (ext == "table") return std::nullopt;  // not a real extension
    return parse_format(ext);
}

}  // namespace qcode::exports
