#pragma once
// `qcode segments`: the coded text itself — MAXQDA's "Retrieved Segments",
// ATLAS.ti's quotation manager — one row per coding with where it is, who
// said it, who coded it, and optionally the units around it.
#include <optional>
#include <string>
#include <vector>

#include "store/store.hpp"
#include "table/table.hpp"

namespace qcode::analysis {

struct SegmentOptions {
    std::optional<std::string> code;    // a code path: its codings and (unless exact) its subtree's
    bool exact = false;                 // only the code itself
    std::optional<int> depth;           // only codes at most this deep (1 = top level)
    std::vector<std::string> speakers;  // labels of the owning turn's speaker (any of them)
    int context = 0;                    // units of context before and after (0: none)
};

// One row per coding the filter admits (coders, origins, documents, where,
// roles), ordered by document name, position, code (tree order), coder.
// Columns: document, code, coder, origin, speaker, role (of the owning
// turn; empty outside turns), start, end (code points), t_start (the owning
// turn's start as hh:mm:ss, empty without times), text (exactly the coded
// text); with context N > 0 also context_before and context_after: the
// transcript text from the start of the N-th unit before the coding up to
// the coding, and from its end to the end of the N-th unit after it, within
// the document (labels and line breaks as in the transcript, trimmed). The
// units are of the coding's own kind — the kind of a unit whose span the
// coding is exactly (turn, paragraph, sentence) — else sentences.
// Throws qcode::Error for an unknown code or document.
Table segments_table(store::Store& store, const store::CodingFilter& filter, const SegmentOptions& options);

// Milliseconds as hh:mm:ss.
std::string format_hms(std::int64_t ms);

}  // namespace qcode::analysis
