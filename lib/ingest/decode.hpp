#pragma once
// Source bytes → the text qcode stores: UTF-8, NFC, LF line ends.
#include <string>
#include <string_view>

namespace qcode::ingest {

// Strips a UTF-8 BOM, checks the bytes are UTF-8 (else qcode::Error naming
// `file` and the line of the first bad byte, with what to do), turns CRLF
// and lone CR into LF and NFC-normalises.
std::string decode_text(std::string_view bytes, const std::string& file);

// Reads a whole file; qcode::Error naming the file when it cannot.
std::string read_file_bytes(const std::string& path);

}  // namespace qcode::ingest
