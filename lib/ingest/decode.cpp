#include "ingest/decode.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "core/utf8.hpp"
#include "text/normalize.hpp"

namespace qcode::ingest {

namespace {

int line_of_first_invalid_byte(std::string_view bytes) {
    // Find the longest valid prefix line by line; cheap enough for an error path.
    int line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i <= bytes.size(); ++i) {
        if (i == bytes.size() || bytes[i] == '\n') {
            if (!utf8::valid(bytes.substr(line_start, i - line_start))) return line;
            ++line;
            line_start = i + 1;
        }
    }
    return 0;
}

}  // namespace

std::string read_file_bytes(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw Error("is a directory, not a transcript file", path);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(std::string("cannot read the file: ") + std::strerror(errno), path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string decode_text(std::string_view bytes, const std::string& file) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    // Line ends first: CR and LF never occur inside a UTF-8 sequence, and
    // counting lines for the error below needs them uniform.
    std::string lf;
    lf.reserve(bytes.size());
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (bytes[i] == '\r') {
            lf += '\n';
            if (i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
        } else {
            lf += bytes[i];
        }
    }
    if (!utf8::valid(lf))
        throw Error("the file is not valid UTF-8; save it as UTF-8 (legacy encodings come with a later version)",
                    file, line_of_first_invalid_byte(lf));
    return text::nfc(lf);
}

}  // namespace qcode::ingest
