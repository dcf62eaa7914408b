#pragma once
// Helpers shared by the ingest tests.
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "core/utf8.hpp"

namespace qcode {
inline std::ostream& operator<<(std::ostream& os, const Span& s) { return os << '[' << s.start << ',' << s.end << ')'; }
}  // namespace qcode

namespace qcode::ingest_test {

inline std::vector<Unit> units_of(const Document& d, UnitKind kind) {
    std::vector<Unit> out;
    for (const auto& u : d.units)
        if (u.kind == kind) out.push_back(u);
    return out;
}

inline std::vector<Span> spans_of(const std::vector<Unit>& units) {
    std::vector<Span> out;
    for (const auto& u : units) out.push_back(u.span);
    return out;
}

inline std::vector<std::string> slices_of(const Document& d, const std::vector<Unit>& units) {
    const utf8::Index index(d.text);
    std::vector<std::string> out;
    for (const auto& u : units) out.emplace_back(utf8::slice(d.text, index, u.span.start, u.span.end));
    return out;
}

inline std::vector<std::string> speakers_of(const std::vector<Unit>& units) {
    std::vector<std::string> out;
    for (const auto& u : units) out.push_back(u.speaker);
    return out;
}

using Strings = std::vector<std::string>;

}  // namespace qcode::ingest_test
