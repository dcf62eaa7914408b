#pragma once
// The tidy presence table R and pandas users ask QDA programs for: one row
// per unit (sentence, paragraph, turn) or per document, one 0/1 column per
// code.
#include <optional>

#include "analysis/code_segments.hpp"
#include "table/table.hpp"

namespace qcode::analysis {

struct PresenceOptions {
    CodeSelection selection;                         // the code columns: every code of it, rolled up, in tree order
    std::optional<UnitKind> unit = UnitKind::sentence;  // nullopt: one row per document
    bool attributes = false;  // add one column per document attribute (see attribute_columns)
    bool text = false;        // add the unit's text
};

// Units: document, <kind> (the unit's ordinal, 1-based), start, end,
// speaker, role, [text], [attributes], then one integer column per code
// (its path): 1 when one of the code's segments intersects the unit, else 0.
// Every unit of the admitted documents is a row — also those no code holds —
// except that a role filter keeps only units of speakers with that role.
// Documents: document, [attributes], then the code columns.
Table presence_table(store::Store& store, const store::CodingFilter& filter, const PresenceOptions& options);

}  // namespace qcode::analysis
