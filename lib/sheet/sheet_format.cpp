#include "sheet/sheet_format.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/core.h>

#include "text/normalize.hpp"

namespace qcode::sheet {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
    return s;
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace

std::string unit_id(std::string_view document, UnitKind kind, std::uint32_t ordinal) {
    return fmt::format("{}#{}#{}", document, to_string(kind), ordinal);
}

std::optional<UnitRef> parse_unit_id(std::string_view id) {
    id = trim(id);
    const auto last = id.rfind('#');
    if (last == std::string_view::npos || last == 0) return std::nullopt;
    const auto middle = id.rfind('#', last - 1);
    if (middle == std::string_view::npos || middle == 0) return std::nullopt;
    const auto number = id.substr(last + 1);
    UnitRef ref;
    const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), ref.ordinal);
    if (ec != std::errc() || end != number.data() + number.size() || ref.ordinal == 0) return std::nullopt;
    const auto kind = parse_unit_kind(id.substr(middle + 1, last - middle - 1));
    if (!kind) return std::nullopt;
    ref.kind = *kind;
    ref.document = std::string(id.substr(0, middle));
    return ref;
}

std::string format_time(std::int64_t ms) {
    const std::int64_t s = std::max<std::int64_t>(ms, 0) / 1000;
    return fmt::format("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
}

std::string comparable_text(std::string_view text) {
    std::string unix;
    unix.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            unix += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            unix += text[i];
        }
    }
    return text::nfc(trim(unix));
}

std::vector<std::string> split_codes(std::string_view cell) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= cell.size(); ++i) {
        if (i < cell.size() && cell[i] != ';' && cell[i] != ',' && cell[i] != '\n' && cell[i] != '\r') continue;
        const auto piece = trim(cell.substr(start, i - start));
        if (!piece.empty() && std::find(out.begin(), out.end(), piece) == out.end()) out.emplace_back(piece);
        start = i + 1;
    }
    return out;
}

std::optional<bool> parse_mark(std::string_view cell) {
    const auto v = lower_ascii(trim(cell));
    if (v == "1" || v == "x" || v == "\u2713" || v == "\u2714" || v == "true" || v == "wahr" || v == "ja" || v == "yes")
        return true;
    if (v.empty() || v == "0" || v == "false" || v == "falsch" || v == "nein" || v == "no" || v == "-") return false;
    return std::nullopt;
}

}  // namespace qcode::sheet
