#pragma once
// Which parser reads a file: by extension first (what the user named it),
// then by content for unknown extensions.
#include <string>
#include <string_view>

namespace qcode::ingest {

// "text", "vtt", "srt" or "docx". `requested` is --format ("auto" or one of
// those). Throws qcode::Error naming the file when nothing fits.
std::string detect_format(const std::string& path, std::string_view bytes, const std::string& requested);

}  // namespace qcode::ingest
