#pragma once
// The text layer under the codebook reader: bytes → a YAML node tree, with
// every failure (encoding, YAML syntax) turned into a qcode::Error that
// names the file and line and says what to change. Internal to lib/codebook.
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

}  // namespace qcode::codebook
