#include "ingest/zip_archive.hpp"

#include <zip.h>

#include <algorithm>

#include "core/error.hpp"

namespace qcode::ingest {

namespace {

constexpr std::string_view kLocalHeader = "PK\x03\x04";

std::string libzip_message(zip_file_t* file) {
    return zip_error_strerror(zip_file_get_error(file));
}

struct FileCloser {
    void operator()(zip_file_t* f) const noexcept { zip_fclose(f); }
};

}  // namespace

std::string describe_size(std::size_t bytes) {
    constexpr std::size_t kMiB = std::size_t{1} << 20;
    constexpr std::size_t kKiB = std::size_t{1} << 10;
    if (bytes >= kMiB && bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MiB";
    if (bytes >= kKiB && bytes % kKiB == 0) return std::to_string(bytes / kKiB) + " KiB";
    return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
}

void ZipArchive::Closer::operator()(zip* archive) const noexcept {
    zip_discard(archive);  // read-only: nothing to write back
}

ZipArchive::ZipArchive(std::string_view bytes, const std::string& file, std::size_t max_entries)
    : bytes_(std::make_unique<std::vector<char>>(bytes.begin(), bytes.end())), file_(file) {
    const bool starts_like_zip = bytes.substr(0, kLocalHeader.size()) == kLocalHeader;
    if (bytes.size() < 22) {  // smaller than an end-of-central-directory record
        if (starts_like_zip) throw Error("truncated zip archive (the file ends too early); copy it again", file_);
        throw Error("not a zip archive (is it really a .docx?)", file_);
    }

    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes_->data(), bytes_->size(), 0, &error);
    if (!source) {
        const std::string message = zip_error_strerror(&error);
        zip_error_fini(&error);
        throw Error("cannot read the zip archive: " + message, file_);
    }
    zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!archive) {
        const int code = zip_error_code_zip(&error);
        const std::string message = zip_error_strerror(&error);
        zip_error_fini(&error);
        zip_source_free(source);  // still ours when opening failed
        if (code == ZIP_ER_NOZIP && !starts_like_zip) throw Error("not a zip archive (is it really a .docx?)", file_);
        if (code == ZIP_ER_NOZIP)  // starts like a zip, but the directory at its end is gone
            throw Error("truncated or damaged zip archive (no central directory at its end); copy the file "
                        "again or re-save it in Word",
                        file_);
        if (code == ZIP_ER_EOF || code == ZIP_ER_READ || code == ZIP_ER_SEEK)
            throw Error("truncated or damaged zip archive (" + message +
                            "); copy the file again or re-save it in Word",
                        file_);
        throw Error("damaged zip archive (" + message + "); re-save the file in Word", file_);
    }
    zip_error_fini(&error);
    archive_.reset(archive);

    const zip_int64_t entries = zip_get_num_entries(archive, 0);
    if (entries < 0 || static_cast<zip_uint64_t>(entries) > max_entries)
        throw Error("the zip archive has " + std::to_string(entries) + " entries, more than the " +
                        std::to_string(max_entries) + " a document may have; refusing",
                    file_);
}

ZipArchive::~ZipArchive() = default;
ZipArchive::ZipArchive(ZipArchive&&) noexcept = default;
ZipArchive& ZipArchive::operator=(ZipArchive&&) noexcept = default;

bool ZipArchive::has(const std::string& name) const {
    return zip_name_locate(archive_.get(), name.c_str(), 0) >= 0;
}

std::vector<std::string> ZipArchive::names() const {
    std::vector<std::string> out;
    const zip_int64_t n = zip_get_num_entries(archive_.get(), 0);
    for (zip_int64_t i = 0; i < n; ++i)
        if (const char* name = zip_get_name(archive_.get(), static_cast<zip_uint64_t>(i), 0)) out.emplace_back(name);
    return out;
}

std::string ZipArchive::read(const std::string& name, std::size_t max_bytes) const {
    const zip_int64_t index = zip_name_locate(archive_.get(), name.c_str(), 0);
    if (index < 0) throw Error(name + " is missing from the zip archive", file_);
    const auto at = static_cast<zip_uint64_t>(index);

    const std::string too_big = name + " unpacks to more than " + describe_size(max_bytes) + "; refusing (zip bomb?)";
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(archive_.get(), at, 0, &st) != 0)
        throw Error(name + " is damaged in the zip archive (" + zip_strerror(archive_.get()) + ")", file_);
    if ((st.valid & ZIP_STAT_SIZE) && st.size > max_bytes) throw Error(too_big, file_);
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
        throw Error(name + " is encrypted in the zip archive; save the document again without a password", file_);

    std::unique_ptr<zip_file_t, FileCloser> entry(zip_fopen_index(archive_.get(), at, 0));
    if (!entry) throw Error(name + " cannot be unpacked (" + zip_strerror(archive_.get()) + ")", file_);

    std::string out;
    out.reserve(static_cast<std::size_t>(std::min<zip_uint64_t>((st.valid & ZIP_STAT_SIZE) ? st.size : 0, max_bytes)));
    char chunk[64 * 1024];
    for (;;) {
        const zip_int64_t got = zip_fread(entry.get(), chunk, sizeof chunk);
        if (got < 0) throw Error(name + " is damaged in the zip archive (" + libzip_message(entry.get()) + ")", file_);
        if (got == 0) break;
        // The central directory may lie about the size: count what really comes out.
        if (static_cast<std::size_t>(got) > max_bytes - out.size()) throw Error(too_big, file_);
        out.append(chunk, static_cast<std::size_t>(got));
    }
    if ((st.valid & ZIP_STAT_SIZE) && out.size() != st.size)
        throw Error(name + " is damaged in the zip archive (it unpacks to " + std::to_string(out.size()) +
                        " bytes, the archive says " + std::to_string(st.size) + ")",
                    file_);
    return out;
}

}  // namespace qcode::ingest
