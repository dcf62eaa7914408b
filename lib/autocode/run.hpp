#pragma once
// An autocoding run: the compiled codebook applied to every unit of every
// document, codings handed to a sink (the store, or a dry-run collector).
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
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

// A coding the run found, with the unit and rule that produced it. The
// code path and rule are views into the codebook given to run(), valid as
// long as it is: a run finds millions of codings, and three strings each
// cost more than the matching.
struct Found {
    Id document = 0;
    Span span;                // the coded segment (the unit, or more with context: N)
    Span match;               // the words that fired the rule (for keyword-in-context lines)
    std::string_view code_path;
    std::string_view rule;    // the pattern as written
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
    std::map<Id, std::string> document_names;  // of every document looked at

    // The name of document `id` ("" if the run did not look at it).
    std::string_view document_name(Id id) const {
        const auto it = document_names.find(id);
        return it == document_names.end() ? std::string_view() : std::string_view(it->second);
    }
};

// Runs `cb` over the project. Unless dry_run, in one transaction: the
// coder's previous automatic codings are replaced, a run row records the
// codebook hash and options, and every coding names the run and rule.
// Manual and imported codings are never touched. Each code's scope
// (speakers or speaker_labels, where, within, context; scope.hpp) is
// applied the same way with and without dry_run. Documents are matched on
// a worker thread one ahead of the calling thread, which alone uses
// `store` (reads the next document, stores the last one's codings).
Report run(store::Store& store, const codebook::Codebook& cb, const Options& options);

}  // namespace qcode::autocode
