#pragma once
// What parse_yaml says about a codebook that must not load: the message
// ("cb.yaml:7: …") and the line. Shared by the tests of load errors.
#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>

#include "codebook/codebook.hpp"
#include "core/error.hpp"

namespace qcode::codebook_test {

struct Failure {
    std::string what;  // "cb.yaml:7: message"
    int line = -1;
};

inline Failure fail_of(const std::string& yaml) {
    try {
        codebook::parse_yaml(yaml, "cb.yaml");
    } catch (const qcode::Error& e) {
        BOOST_TEST(e.file() == "cb.yaml");
        return {e.what(), e.line()};
    }
    BOOST_ERROR("codebook parsed but should not:\n" << yaml);
    return {};
}

// The codebook fails on `line` with a message holding `fragment`; the
// message is printed when it does not.
inline void expect_load_error(const std::string& yaml, int line, std::string_view fragment) {
    const auto f = fail_of(yaml);
    BOOST_TEST(f.line == line, f.what);
    BOOST_TEST(f.what.find("cb.yaml:" + std::to_string(line) + ": ") != std::string::npos, f.what);
    BOOST_TEST(f.what.find(fragment) != std::string::npos, f.what);
}

}  // namespace qcode::codebook_test
