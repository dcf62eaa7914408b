#pragma once
// An autocoding run: the compiled codebook applied to every unit of every
// document, codings handed to a sink (the store, or a dry-run collector).
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "autocode/matcher.hpp"
#include "codebook/codebook.hpp"
#include "store/store.hpp"

namespace qcode::autocode {

struct Options {
    std::optional<UnitKind> unit;  // --unit: replaces the codebook's default unit
    std::string coder = "auto";
    bool dry_run = false;          // find codings, store nothing
    // Keep every coding found in Report::found. A stored run writes each
    // document's codings as they are found either way; without this only
    // their count (Report::codings) is kept, so memory does not grow with
    // the project (`qcode autocode` without --dry-run).
    bool keep_found = true;
};

// A coding the run found, with the unit and rule that produced it.
struct Found {
    Id document = 0;
    std::string document_name;
    Span span;                // the coded segment (the unit, or more with context: N)
    Span match;               // the words that fired the rule (for keyword-in-context lines)
    std::string code_path;
    std::string rule;
    UnitKind kind = UnitKind::sentence;
    std::uint32_t ordinal = 0;
};

struct Report {
    std::optional<Id> run;            // nothing for a dry run
    std::int64_t replaced = 0;        // earlier auto codings of this coder removed
    std::size_t documents = 0;
    std::size_t units = 0;            // units looked at (all kinds)
    std::size_t codings = 0;          // codings found (stored, unless dry_run)
    std::vector<Found> found;         // in document order (with Options::keep_found)
};

// Runs `cb` over the project. Unless dry_run, in one transaction: the
// coder's previous automatic codings are replaced, a run row records the
// codebook hash and options, and every coding names the run and rule.
// Manual and imported codings are never touched. Each code's scope
// (speakers or speaker_labels, where, within, context; scope.hpp) is
// applied the same way with and without dry_run.
Report run(store::Store& store, const codebook::Codebook& cb, const Options& options);

}  // namespace qcode::autocode
