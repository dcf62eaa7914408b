#pragma once
// `qcode runs`: the autocoding runs of a project and what is left of them.
#include <string>
#include <vector>

#include "store/store.hpp"
#include "table/table.hpp"

namespace qcode::autocode {

// One row per run, by id; only runs of these coders when `coders` is not
// empty. Columns: run, started_at, coder, codebook (name), codebook_sha256
// (the first 12 hex digits), options, codings (made by the run), present
// (its codings still in the project, after hand edits, codebook edits,
// replacement or undo), status (`active`, `replaced` — a later run of the
// same coder replaced its codings —, or `undone`), replaced_by (that later
// run), undone_at.
Table runs_table(store::Store& store, const std::vector<std::string>& coders = {});

}  // namespace qcode::autocode
