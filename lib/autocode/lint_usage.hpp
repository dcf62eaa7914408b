#pragma once
// The lint check that needs a project: patterns that hit so many units that
// they no longer tell units apart (`qcode codebook lint --max-share`).
// Lives in autocode because it runs the matcher; codebook/lint.hpp has the
// checks that need only the codebook.
#include <string>
#include <vector>

#include "codebook/codebook.hpp"
#include "codebook/lint.hpp"
#include "store/store.hpp"

namespace qcode::autocode {

struct UsageOptions {
    double max_share = 0.2;  // a pattern hitting more than this share of units is too broad
    std::string file;        // the file named in the findings (default: cb.source_path)
};

// Each pattern on its own (exclude patterns not applied) over the units its
// code looks at, as autocoding scopes them (autocode/scope.hpp): the code's
// unit (or the codebook default) of its speakers (default respondents) or
// its speaker_labels, in the documents its where: admits. (within: and
// context: change what a hit covers, not which units it can hit.) A
// pattern hitting more than `max_share` of those units is a warning
// ("too-broad") on the pattern's line. No units in scope: nothing to say.
// A where: naming an attribute no document has (the run stops there) is a
// warning ("unknown-attribute") on the code's line, and its patterns are
// not measured.
std::vector<codebook::Finding> lint_usage(store::Store& store, const codebook::Codebook& cb, const UsageOptions& options);

}  // namespace qcode::autocode
