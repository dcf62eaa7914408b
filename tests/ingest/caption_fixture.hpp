#pragma once
// Helpers shared by the caption tests (WebVTT, SRT): turn times and errors.
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "core/error.hpp"
#include "core/model.hpp"

namespace qcode::ingest_test {

// Turn times in ms, -1 where a unit has none.
using Times = std::vector<std::int64_t>;

inline Times starts_of(const std::vector<Unit>& units) {
    Times out;
    for (const auto& u : units) out.push_back(u.t_start_ms.value_or(-1));
    return out;
}

inline Times ends_of(const std::vector<Unit>& units) {
    Times out;
    for (const auto& u : units) out.push_back(u.t_end_ms.value_or(-1));
    return out;
}

// The qcode::Error `f` throws, or nothing.
inline std::optional<Error> error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e;
    }
    return std::nullopt;
}

}  // namespace qcode::ingest_test
