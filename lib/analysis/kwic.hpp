#pragma once
// `qcode kwic PATTERN`: keyword in context — every place a pattern of the
// rule language matches, with the words around it, so that a rule can be
// tried on the transcripts before anyone codes with it (quanteda's kwic(),
// MAXQDA's keyword-in-context).
#include <string>
#include <vector>

#include "store/store.hpp"
#include "table/table.hpp"
#include "text/fold.hpp"

namespace qcode::analysis {

struct KwicOptions {
    std::string pattern;                // as in a codebook: wort*, "zwei worte", a NEAR/5 b, re:…
    text::FoldOptions fold;             // folds beyond case, as a code's `fold:` (re: sees case folding only)
    std::vector<std::string> speakers;  // labels (any of them); empty: every speaker
    std::size_t window = 40;            // characters of context on each side, at most
};

// One row per match, by document name and position, found by the
// autocoding matcher (autocode::Matcher::find_all) with the turn as the
// unit, the pattern and the text folded as for a code with that `fold`:
// a phrase's words, a NEAR/BEFORE pair from its first to its last word,
// each operand's occurrence of an AND that holds in the turn, a regular
// expression's match. A match never spans two turns. The filter admits documents (names,
// where) and speaker roles (of the turn); coders and origins do not apply.
// Columns: document, speaker, role, left (up to `window` characters before
// the match within its turn, cut at a word boundary, "…" where cut; line
// breaks as spaces), keyword (the matched text), right, start, end (code
// points of the match). Throws qcode::Error for a pattern that does not
// parse, saying why.
Table kwic_table(store::Store& store, const store::CodingFilter& filter, const KwicOptions& options);

}  // namespace qcode::analysis
