#pragma once
// A scratch directory removed when the test ends, so tests never touch the
// source tree or each other's files.
#include <filesystem>
#include <string>
#include <string_view>

namespace qcode::testing {

class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    // Writes `content` to a file in the directory and returns its path.
    std::string write(std::string_view name, std::string_view content) const;

private:
    std::filesystem::path path_;
};

// Reads a whole file (binary).
std::string read_file(const std::filesystem::path& path);

}  // namespace qcode::testing
