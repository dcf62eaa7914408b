#pragma once
// Helpers shared by the zip and DOCX tests: archives built with libzip, and
// errors that must name the file.
#include <boost/test/unit_test.hpp>

#include <zip.h>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "support/temp_dir.hpp"

namespace qcode::ingest_test {

using Entries = std::vector<std::pair<std::string, std::string>>;

// Writes a zip with libzip (entries deflated at level 9) and returns its bytes.
inline std::string make_zip(const Entries& entries) {
    const qcode::testing::TempDir dir;
    const auto path = (dir.path() / "t.zip").string();
    int error = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!z) throw std::runtime_error("zip_open failed");
    for (const auto& [name, content] : entries) {
        zip_source_t* source = zip_source_buffer(z, content.data(), content.size(), 0);
        if (!source || zip_file_add(z, name.c_str(), source, ZIP_FL_ENC_UTF_8) < 0)
            throw std::runtime_error("zip_file_add failed");
        zip_set_file_compression(z, static_cast<zip_uint64_t>(zip_name_locate(z, name.c_str(), 0)), ZIP_CM_DEFLATE, 9);
    }
    if (zip_close(z) != 0) throw std::runtime_error("zip_close failed");
    return qcode::testing::read_file(path);
}

// Expects `f` to throw qcode::Error naming `file`; returns the message.
template <typename F>
std::string error_naming(const std::string& file, F&& f) {
    try {
        f();
    } catch (const Error& e) {
        BOOST_TEST(e.file() == file);
        return e.message();
    }
    BOOST_FAIL("no qcode::Error thrown");
    return {};
}

inline bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace qcode::ingest_test
