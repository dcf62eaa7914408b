#include "ingest/format.hpp"

#include <algorithm>
#include <array>
#include <filesystem>

#include "core/error.hpp"
#include "ingest/docx.hpp"
#include "ingest/srt.hpp"
#include "ingest/vtt.hpp"

namespace qcode::ingest {

namespace {

constexpr std::array<std::string_view, 4> kFormats = {"text", "vtt", "srt", "docx"};

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

}  // namespace

std::string detect_format(const std::string& path, std::string_view bytes, const std::string& requested) {
    if (requested != "auto") {
        if (std::find(kFormats.begin(), kFormats.end(), requested) != kFormats.end()) return requested;
        throw Error("unknown format '" + requested + "'; use text, vtt, srt or docx", path);
    }
    const auto ext = lower(std::filesystem::path(path).extension().string());
    if (ext == ".vtt") return "vtt";
    if (ext == ".srt") return "srt";
    if (ext == ".docx") return "docx";
    if (ext == ".txt" || ext == ".text" || ext == ".md") return "text";
    if (ext == ".doc")
        throw Error("old Word .doc files cannot be read; save the transcript as .docx (Word: Save As → Word Document)", path);
    if (ext == ".rtf" || ext == ".pdf" || ext == ".odt")
        throw Error("cannot read " + ext + " files; save the transcript as .docx or plain text (.txt)", path);
    // No telling extension: look at the content.
    if (looks_like_zip(bytes)) return "docx";
    if (looks_like_vtt(bytes)) return "vtt";
    if (looks_like_srt(bytes)) return "srt";
    return "text";
}

}  // namespace qcode::ingest
