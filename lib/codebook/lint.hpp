#pragma once
// `qcode codebook lint`: every mistake in a YAML codebook at once, each with
// its file and line, where loading stops at the first.
//
// Errors are what keeps the codebook from loading (unknown or repeated keys,
// missing or invalid values, duplicate ids, invalid patterns); lint reports
// exactly the loader's errors and more of them. Warnings are what loads but
// is probably wrong: empty codes, patterns listed twice, patterns shadowed
// by a broader one of the same code, patterns an exclude of the same code
// always vetoes, patterns the tokenizer can never match (a word holding
// '%', '§', '&' …). Info: a code without patterns that has a definition,
// anchor examples or coding rules is meant for hand coding.
// The project-dependent check (patterns hitting too many units) lives in
// lib/autocode/lint_usage.hpp, since it needs the matcher.
#include <string>
#include <string_view>
#include <vector>

#include "codebook/pattern.hpp"

namespace qcode::codebook {

enum class Severity { error, warning, info };
std::string_view to_string(Severity severity);  // "error", "warning", "info"

struct Finding {
    std::string file;
    int line = 0;
    Severity severity = Severity::warning;
    std::string code;     // path of the code concerned; empty for the codebook as a whole
    std::string check;    // kind of finding: yaml, unknown-key, duplicate-key, missing, invalid-value,
                          // invalid-id, duplicate-id, invalid-pattern, empty-code, duplicate-pattern,
                          // shadowed-pattern, never-matches, too-broad
    std::string message;
};

// "file:line: severity: message" (no ":line" when the line is unknown).
std::string format_finding(const Finding& finding);

// All findings for YAML codebook text, sorted by line.
std::vector<Finding> lint_yaml(std::string_view text, const std::string& path);

// Reads the file, then lint_yaml. An unreadable file is one error finding.
std::vector<Finding> lint_yaml_file(const std::string& path);

bool has_errors(const std::vector<Finding>& findings);

// Sorts by file, then line, errors before warnings on one line (stable).
void sort_findings(std::vector<Finding>& findings);

// True when every unit `narrow` matches is also matched by `broad`: some
// run of `narrow`'s words is covered, word by word, by `broad`'s globs
// ("amt*" covers "amt", "amtsleitung*" and "\"amt für soziales\""; "*akte*"
// covers "*akten"), through the operators where that is certain ("amt*"
// covers "amt NEAR/5 akte" and "amt OR amtsleitung"; "a OR b" covers "a").
// False when it cannot tell: a regular expression, NEAR or BEFORE on the
// broad side, different folds.
bool pattern_covers(const Pattern& broad, const Pattern& narrow);

// False when no token of the tokenizer can ever match `glob`: the glob
// holds characters ICU never keeps inside a word ("50%", "ab§c", "c++").
bool glob_can_match_a_token(const WordGlob& glob);

}  // namespace qcode::codebook
