// lint_yaml: walks the YAML itself (instead of stopping at the loader's first
// error), checks each pattern with parse_pattern, then looks at what loaded
// for mistakes the loader accepts. The loader stays the authority on what
// is an error: its verdict is merged in at the end (see reconcile).
//
// The walk is in lint_walk.cpp, the checks on what loaded in lint_checks.cpp.
#include "codebook/lint.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "codebook/codebook.hpp"
#include "codebook/lint_walk.hpp"
#include "codebook/yaml_syntax.hpp"
#include "core/error.hpp"

namespace qcode::codebook {

namespace {

// The loader decides what is an error. If it fails where lint saw no error,
// its error is added; if it loads, lint's errors were drift (a key or
// pattern form the loader learnt) and are dropped.
void reconcile(std::string_view text, const std::string& path, std::vector<Finding>& findings) {
    try {
        (void)parse_yaml(text, path);
        std::erase_if(findings, [](const Finding& f) { return f.severity == Severity::error; });
    } catch (const Error& e) {
        const bool known = std::any_of(findings.begin(), findings.end(), [&](const Finding& f) {
            return f.severity == Severity::error && f.line == e.line();
        });
        if (!known) findings.push_back(Finding{e.file().empty() ? path : e.file(), e.line(), Severity::error, "", "load", e.message()});
    }
}

}  // namespace

std::string_view to_string(Severity severity) {
    switch (severity) {
        case Severity::error: return "error";
        case Severity::warning: return "warning";
        case Severity::info: return "info";
    }
    return "?";
}

std::string format_finding(const Finding& f) {
    std::string out = f.file;
    if (f.line > 0) out += ":" + std::to_string(f.line);
    return out + ": " + std::string(to_string(f.severity)) + ": " + f.message;
}

bool has_errors(const std::vector<Finding>& findings) {
    return std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return f.severity == Severity::error; });
}

void sort_findings(std::vector<Finding>& findings) {
    std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
        if (a.file != b.file) return a.file < b.file;
        if (a.line != b.line) return a.line < b.line;
        return static_cast<int>(a.severity) < static_cast<int>(b.severity);
    });
}

std::vector<Finding> lint_yaml(std::string_view raw, const std::string& path) {
    std::vector<Finding> findings;
    const auto text = strip_bom(raw);
    YAML::Node root;
    try {
        check_utf8(text, path);
        root = load_yaml_document(text, path);
    } catch (const Error& e) {
        findings.push_back(Finding{path, e.line(), Severity::error, "", "yaml", e.message()});
        return findings;
    }
    lint_detail::Linter l(path);
    l.top(root);
    for (const auto& c : l.codes) lint_detail::check_code(c, l);
    lint_detail::check_within_keys(l);
    findings = std::move(l.findings);
    reconcile(text, path, findings);
    sort_findings(findings);
    return findings;
}

std::vector<Finding> lint_yaml_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::error_code ec;
    if (!in || std::filesystem::is_directory(path, ec)) {
        const bool exists = std::filesystem::exists(path, ec);
        return {Finding{path, 0, Severity::error, "", "yaml",
                        std::string("cannot read the codebook: ") + (exists ? "not a readable file" : "no such file")}};
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return lint_yaml(bytes.str(), path);
}

}  // namespace qcode::codebook
