#pragma once
#include <string>

#include "core/error.hpp"

namespace qcode::coding_test {

// The message of the qcode::Error `f` throws, or "" when it does not throw.
template <typename F>
std::string error_of(F&& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

}  // namespace qcode::coding_test
