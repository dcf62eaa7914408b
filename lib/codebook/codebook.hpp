#pragma once
// A codebook as the researcher wrote it: a tree of codes with labels,
// descriptions and the rules (patterns) that autocoding applies. Loading
// validates everything, so a codebook that loads can be compiled.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "codebook/pattern.hpp"
#include "core/model.hpp"

namespace qcode::codebook {

// Whose turns a code looks at.
enum class SpeakerScope { respondents, interviewers, all };
std::string_view to_string(SpeakerScope scope);
std::optional<SpeakerScope> parse_speaker_scope(std::string_view s);

struct Defaults {
    UnitKind unit = UnitKind::sentence;
    SpeakerScope speakers = SpeakerScope::respondents;
};

struct Code {
    std::string id;     // one path component: [a-z0-9_]+ (also A-Z, '-', '.')
    std::string path;   // ids from the root, joined by '/'
    std::string label;
    std::string description;
    std::string definition;
    std::string coding_rules;
    std::vector<std::string> anchor_examples;
    std::string color;  // "#rrggbb" or empty
    bool codable = true;
    std::vector<Pattern> patterns;  // any match codes the unit ...
    std::vector<Pattern> exclude;   // ... unless one of these matches it
    std::optional<UnitKind> unit;   // overrides Defaults::unit
    std::optional<SpeakerScope> speakers;
    std::vector<Code> children;
    int line = 0;                   // where the code starts in the source
};

struct Codebook {
    std::string name;
    int version = 1;
    std::string language = "de";
    Defaults defaults;
    std::vector<Code> codes;
    std::string source_path;
    std::string source;  // the text it was read from
    std::string sha256;  // of `source`
};

// Parses YAML text; errors are qcode::Error naming `source_path` and the line.
Codebook parse_yaml(std::string_view yaml, const std::string& source_path);

// Reads and parses a YAML codebook file.
Codebook load_yaml_file(const std::string& path);

// Visits every code depth-first, parents before children.
template <typename F>
void for_each_code(const std::vector<Code>& codes, F&& f) {
    for (const auto& c : codes) {
        f(c);
        for_each_code(c.children, f);
    }
}

std::size_t count_codes(const Codebook& cb);
std::size_t count_leaves(const Codebook& cb);

}  // namespace qcode::codebook
