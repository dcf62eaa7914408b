#pragma once
// The code tree as a Table (`qcode codebook show`, the Codebook sheet of
// `qcode export xlsx`).
#include "codebook/codebook.hpp"
#include "store/store.hpp"
#include "table/table.hpp"

namespace qcode::codebook {

// One row per code of the project in tree order: code (path), label
// (indented two spaces per level below the top), depth, patterns and
// exclude (how many rules `cb` gives the code; 0 for a code it lacks),
// description.
Table codebook_table(store::Store& store, const Codebook& cb);

}  // namespace qcode::codebook
