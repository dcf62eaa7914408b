#pragma once
// The text layer under the codebook reader: bytes → a YAML node tree, with
// every failure (encoding, YAML syntax) turned into a qcode::Error that
// names the file and line and says what to change. Internal to lib/codebook.
#include <span>
#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>

namespace qcode::codebook {

// `text` without a leading UTF-8 byte order mark (editors on Windows add one).
std::string_view strip_bom(std::string_view text);

// Throws qcode::Error(file = path, line of the first invalid byte) unless
// `text` is valid UTF-8.
void check_utf8(std::string_view text, const std::string& path);

// YAML::Load, with yaml-cpp's terse parser messages explained.
YAML::Node load_yaml_document(std::string_view text, const std::string& path);

// The 1-based line a node starts on; 0 when yaml-cpp has no mark for it.
// The keys a YAML codebook may use: at the top, under `defaults:` and on a
// code. The loader (yaml.cpp) and lint (lint_walk.cpp) read the same lists.
inline constexpr std::string_view kTopKeys[] = {"codebook", "version", "language", "defaults", "codes"};
inline constexpr std::string_view kDefaultKeys[] = {"unit", "speakers", "context", "fold"};
inline constexpr std::string_view kCodeKeys[] = {"id", "label", "description", "definition", "coding_rules",
                                                 "anchor_examples", "color", "codable", "patterns", "exclude",
                                                 "unit", "speakers", "speaker_labels", "where", "within", "context",
                                                 "fold", "children"};

inline int line_of(const YAML::Node& n) { return n.Mark().is_null() ? 0 : n.Mark().line + 1; }

// "a, b, c": the allowed keys in a message.
inline std::string join(std::span<const std::string_view> words) {
    std::string out;
    for (auto w : words) out += (out.empty() ? "" : ", ") + std::string(w);
    return out;
}

// Inside 'single quotes' YAML writes a ' as ''.
inline std::string single_quote_escape(const std::string& s) {
    std::string out;
    for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out;
}

}  // namespace qcode::codebook
