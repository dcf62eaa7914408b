#pragma once
// Reading a code's scope keys (DESIGN §4: context, speaker_labels, where)
// from YAML. Shared by the loader, which stops at the first mistake, and by
// lint, which reports every one: both must say the same thing about a key.
// Internal to lib/codebook. Each throws qcode::Error(message, path, line).
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "codebook/codebook.hpp"

namespace qcode::codebook {

// `context: N`, 0 to kMaxContext.
int read_context(const YAML::Node& value, int line, const std::string& where, const std::string& path);

// One label or a list of them, kept as written (NFC); compared by speaker_label_key.
std::vector<std::string> read_speaker_labels(const YAML::Node& value, int line, const std::string& where,
                                             const std::string& path);

// { attribute: value } or { attribute: [value, value] }: every attribute
// must hold, with any of its values.
std::vector<AttributeCondition> read_where(const YAML::Node& value, int line, const std::string& where,
                                           const std::string& path);

}  // namespace qcode::codebook
