#pragma once
// Inside lint (not part of the library's API): the YAML walk of lint_yaml
// (lint_walk.cpp), which keeps what it saw of each code for the checks on
// what loaded (lint_checks.cpp). lint.cpp runs both and merges the loader's
// verdict in.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "codebook/lint.hpp"
#include "codebook/pattern.hpp"
#include "text/fold.hpp"

namespace qcode::codebook::lint_detail {

// One key of a map with its value and the line of the key.
struct Entry {
    std::string key;
    YAML::Node value;
    int line = 0;
};

// What lint keeps of a code for the checks after the walk.
struct LintCode {
    std::string path;
    int line = 0;
    bool codable = true;
    bool has_guide_text = false;  // definition, anchor examples or coding rules
    std::size_t children = 0;
    std::size_t pattern_items = 0;  // as written, valid or not
    std::vector<Pattern> patterns, exclude;
    std::string within;  // `within:` as written, checked against the whole tree after the walk
    int within_line = 0;
};

class Linter {
public:
    explicit Linter(const std::string& path) : path_(path) {}

    std::vector<Finding> findings;
    std::vector<LintCode> codes;

    void add(int line, Severity severity, const std::string& code, const std::string& check, const std::string& message) {
        findings.push_back(Finding{path_, line, severity, code, check, message});
    }
    void error(int line, const std::string& code, const std::string& check, const std::string& message) {
        add(line, Severity::error, code, check, message);
    }

    void top(const YAML::Node& root);

private:
    std::vector<Entry> entries(const YAML::Node& map, std::span<const std::string_view> allowed, const std::string& where,
                               const std::string& code);
    std::optional<std::string> text(const Entry& e, const std::string& where, const std::string& code);
    void unit(const Entry& e, const std::string& where, const std::string& code);
    void speakers(const Entry& e, const std::string& where, const std::string& code);
    // A fold: list as yaml.cpp reads it; nothing when it is not one (the
    // reporting variant below says why).
    static std::optional<text::FoldOptions> read_fold(const YAML::Node& value);
    void fold(const Entry& e, const std::string& where, const std::string& code);
    // context, speaker_labels, where: read as the loader reads them, so the
    // message is the loader's, but every mistake is reported, not the first.
    void scope_key(const Entry& e, const std::string& where, const std::string& code);

    // The codebook's default fold, read before the codes wherever it stands.
    text::FoldOptions default_fold_;

    void defaults(const Entry& e);
    void code_list(const YAML::Node& list, const std::string& parent);
    // Checks one code and its subtree; returns its id ("" when it has none).
    std::string code(const YAML::Node& node, const std::string& parent);
    std::vector<std::pair<std::string, int>> text_list(const Entry& e, const std::string& where, const std::string& code);

    const std::string& path_;
};

// --- checks on what loaded (lint_checks.cpp) ------------------------------------

void check_code(const LintCode& c, Linter& l);

// Every `within:` problem, each reported on its own (see lint_checks.cpp).
void check_within_keys(Linter& l);

}  // namespace qcode::codebook::lint_detail
