#pragma once
// What every table starts from: the selected codes, and for each code the
// distinct segments (document + range) of its whole subtree, so that a
// parent counts each place once however many children coded it (roll-up)
// and a segment coded by two coders counts once.
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "store/store.hpp"

namespace qcode::analysis {

struct Segment {
    Id document = 0;
    Span span;
    friend auto operator<=>(const Segment&, const Segment&) = default;
};

// Which codes a table shows.
struct CodeSelection {
    std::optional<std::string> root;  // a code path: only it and its subtree
    std::optional<int> depth;         // only codes at most this deep (1 = top level)
};

struct CodeSegments {
    store::CodeRow code;
    std::vector<Segment> segments;  // sorted, distinct; subtree rolled up
    bool leaf = true;               // no child codes in the project
};

// Codes in tree order with their rolled-up segments, restricted to the
// selection; codings as the filter selects them. Throws qcode::Error for an
// unknown root.
std::vector<CodeSegments> code_segments(store::Store& store, const store::CodingFilter& filter,
                                        const CodeSelection& selection);

// The documents a filter admits (by name and attribute conditions).
std::vector<store::DocumentInfo> filtered_documents(store::Store& store, const store::CodingFilter& filter);

// The codes of one level, so that no two of them nest: without a depth the
// leaves; with depth N the codes at depth N (their subtrees rolled up) and
// the leaves shallower than N. Used where a code and its ancestor must not
// both count (co-occurrence, cross tables).
std::vector<CodeSegments> level_codes(store::Store& store, const store::CodingFilter& filter,
                                      const CodeSelection& selection);

// The turn a place belongs to, the rule of CodingFilter::roles: the first
// turn that reaches past the place's start and begins before its end (the
// turn holding its start when there is one; turns do not overlap), or
// nullptr when the place touches no turn. `turns` are one document's turns
// in document order.
const store::UnitRow* owning_turn(const std::vector<store::UnitRow>& turns, Span span);

}  // namespace qcode::analysis
