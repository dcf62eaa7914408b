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
// Does a turn of a speaker with `role` (none: the header) fall under `scope`?
// Moderators count as interviewers (core's asks_questions).
bool in_scope(SpeakerScope scope, const std::optional<Role>& role);

struct Defaults {
    UnitKind unit = UnitKind::sentence;
    SpeakerScope speakers = SpeakerScope::respondents;
    int context = 0;  // units of the same kind coded before and after a match (0–10)
    text::FoldOptions fold;  // `fold:` beyond case, for codes without their own
};

// `fold:` as written: a list (or comma-separated text) of case, diacritics,
// umlauts, stem. `case` is always on, written or not. Throws qcode::Error
// (no file/line) naming an unknown entry and listing the valid ones.
text::FoldOptions parse_fold(const std::vector<std::string>& items);

inline constexpr int kMaxContext = 10;

// One condition of a code's `where:`: the document's attribute `name` has
// one of `values` (exact after NFC, as the tables' --where compares).
struct AttributeCondition {
    std::string name;
    std::vector<std::string> values;
    friend bool operator==(const AttributeCondition&, const AttributeCondition&) = default;
};

// A speaker label as `speaker_labels:` compares it: NFC, case-folded,
// without white space, so `IP2`, `IP 2` and `ip2` are one label.
std::string speaker_label_key(std::string_view label);

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
    // Scope beyond unit and speakers (autocoding only; see lib/autocode/scope.hpp).
    std::vector<std::string> speaker_labels;  // only turns of these labels (then `speakers` does not apply)
    std::vector<AttributeCondition> where;    // all must hold for the document
    std::string within;                       // a code path: only in units overlapping its subtree's codings
    int within_line = 0;                      // of the `within:` key, for messages
    std::optional<int> context;               // overrides Defaults::context
    std::optional<text::FoldOptions> fold;    // replaces Defaults::fold; patterns are parsed with it
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

// Checks every `within:`: it names a code of the codebook, not the code
// itself or one of its ancestors (whose codings include the code's own),
// and no chain of `within` leads back to a code on it (a within b, b
// within a). Nothing when all hold; else the first code at fault and why.
struct WithinProblem {
    const Code* code = nullptr;
    std::string message;
};
std::optional<WithinProblem> check_within(const Codebook& cb);

// A code id: ASCII letters, digits, '_', '-' and '.' (no spaces, no '/').
bool valid_id(std::string_view id);

// "#rgb" or "#rrggbb" (any case; without the '#' too unless `require_hash`)
// as lower-case "#rrggbb"; nothing when it is no colour. YAML codebooks
// write the '#'; REFI-QDA and CSV files from other programs often omit it.
std::optional<std::string> normalize_color(std::string_view s, bool require_hash);

std::size_t count_codes(const Codebook& cb);
std::size_t count_leaves(const Codebook& cb);

}  // namespace qcode::codebook
