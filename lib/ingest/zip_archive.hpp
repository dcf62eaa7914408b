#pragma once
// A small read-only view of a zip archive held in memory (DOCX, later
// QDPX), on top of libzip. It is written for untrusted files: the number
// of entries is capped, and every read names a limit for the unpacked size
// that is checked against the central directory and enforced again while
// inflating, since a zip bomb can lie about its sizes. Errors are
// qcode::Error naming the file.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct zip;

namespace qcode::ingest {

class ZipArchive {
public:
    static constexpr std::size_t kDefaultMaxEntries = 10'000;

    // Copies `bytes` and opens them (checking the archive's consistency).
    // `file` names the source in error messages. Throws qcode::Error:
    // "not a zip archive (is it really a .docx?)", a truncated or damaged
    // archive, or more than `max_entries` entries.
    ZipArchive(std::string_view bytes, const std::string& file, std::size_t max_entries = kDefaultMaxEntries);
    ~ZipArchive();
    ZipArchive(ZipArchive&&) noexcept;
    ZipArchive& operator=(ZipArchive&&) noexcept;
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    // Whether an entry of exactly this name exists (case-sensitive).
    bool has(const std::string& name) const;
    // The unpacked content of an entry. Throws qcode::Error naming the
    // entry when it is missing, unpacks to more than `max_bytes`, is
    // encrypted or is corrupt.
    std::string read(const std::string& name, std::size_t max_bytes) const;
    // Every entry name, in archive order.
    std::vector<std::string> names() const;

    const std::string& file() const { return file_; }

private:
    struct Closer {
        void operator()(zip* archive) const noexcept;
    };
    std::unique_ptr<std::vector<char>> bytes_;  // libzip reads from here; a stable address across moves
    std::unique_ptr<zip, Closer> archive_;
    std::string file_;
};

// "64 MiB", "1000 bytes": a limit as error messages print it.
std::string describe_size(std::size_t bytes);

}  // namespace qcode::ingest
