#include "export/number_format.hpp"

#include <charconv>
#include <cmath>
#include <type_traits>

namespace qcode::exports {
namespace {

// Fixed notation of a finite double. The buffer holds the largest double
// (309 integer digits) plus sign, point and decimals.
std::string to_fixed(double value, int decimals) {
    char buf[400];
    const auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, decimals);
    std::string s(buf, res.ptr);
    // Rounding can leave "-0.000" for tiny negatives; a minus sign on zero
    // only confuses readers and spreadsheet imports.
    if (!s.empty() && s[0] == '-' && s.find_first_not_of("0.", 1) == std::string::npos) s.erase(0, 1);
    return s;
}

std::string non_finite(double value) {
    if (std::isnan(value)) return {};
    return value < 0 ? "-inf" : "inf";
}

}  // namespace

std::string format_number(double value, int max_decimals) {
    if (!std::isfinite(value)) return non_finite(value);
    std::string s = to_fixed(value, max_decimals);
    if (s.find('.') != std::string::npos) {
        s.erase(s.find_last_not_of('0') + 1);
        if (s.back() == '.') s.pop_back();
    }
    return s;
}

std::string format_fixed(double value, int decimals) {
    if (!std::isfinite(value)) return non_finite(value);
    return to_fixed(value, decimals);
}

std::string cell_text(const Cell& cell) {
    return std::visit(
        [](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) return {};
            else if constexpr (std::is_same_v<T, std::string>) return v;
            else if constexpr (std::is_same_v<T, std::int64_t>) return std::to_string(v);
            else return format_number(v);
        },
        cell);
}

}  // namespace qcode::exports
