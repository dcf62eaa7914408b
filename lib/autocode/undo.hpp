#pragma once
// `qcode autocode --undo RUN`: takes back one autocoding run.
#include <cstdint>
#include <string>

#include "store/store.hpp"

namespace qcode::autocode {

struct UndoReport {
    Id run = 0;
    std::string coder;
    std::int64_t codings = 0;  // codings removed
    std::int64_t memos = 0;    // memos on those codings, removed with them
};

// Removes exactly the codings `run` made — never manual or imported ones,
// never another run's — and records the run as undone, in one transaction.
// Throws qcode::Error, changing nothing, for a run id the project does not
// have, a run already undone, and a run a later run of the same coder
// replaced (nothing of it is left to take back).
UndoReport undo(store::Store& store, Id run);

}  // namespace qcode::autocode
