#pragma once
// Codebook edits that keep codings: rename, move, merge and delete codes.
// Each changes the code table (the code, its subtree's paths, parent
// links, codings) and the stored YAML codebook that autocoding re-parses,
// in one transaction. Codes only in the code table (kept for their
// codings, or from another project) are edited there alone.
//
// `within:` keys follow the codes they name: a rename or move points them
// at the new paths, a merge at the code that takes the other's place; a
// delete is refused while other codes are within the deleted subtree
// (unless `force`, which drops those keys). An edit after which a
// `within:` could no longer load (a code within itself or a parent, codes
// within each other in a circle) is refused. Lines in messages are those
// of the stored codebook before the edit.
#include <optional>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace qcode::coding {

// A `within:` key an edit changed.
struct WithinChange {
    std::string code;    // the code that has the key (its path after the edit)
    std::string before;  // the path it named
    std::string after;   // the path it names now; empty: the key was dropped (delete --force)
    int line = 0;        // of the key in the stored codebook before the edit
};

struct EditReport {
    std::string path;                  // the code's path afterwards (rename, move, merge target)
    std::size_t codes_moved = 0;       // the code and its descendants whose paths changed
    std::int64_t codings_moved = 0;    // merge: codings that changed code
    std::int64_t duplicates = 0;       // merge: exact duplicates removed
    std::size_t codes_deleted = 0;     // delete: the code and its subtree
    std::int64_t codings_deleted = 0;  // delete --force
    std::int64_t memos_deleted = 0;    // delete --force: memos on the codes and their codings
    std::vector<std::string> coders;   // delete: whose codings went
    std::vector<WithinChange> within;  // within: keys that followed (or, delete --force, were dropped)
    bool codebook_changed = false;     // the stored YAML was rewritten
};

// Gives the code a new id (the last part of its path), and a new label when
// one is given; descendants' paths follow.
EditReport rename_code(store::Store& store, const std::string& path, const std::string& new_id,
                       const std::optional<std::string>& label = {});

// Moves the code with its subtree under `new_parent` (empty: top level),
// as its last child.
EditReport move_code(store::Store& store, const std::string& path, const std::string& new_parent);

// Codings of `from` become codings of `into` (exact duplicates — same
// document, range and coder — removed); its children move under `into`,
// its patterns, exclude patterns and anchor examples are added to
// `into`'s, its memos move, and `from` is removed. A `within: from…`
// becomes `within: into…`; `from`'s own scope keys go with it.
EditReport merge_codes(store::Store& store, const std::string& from, const std::string& into);

// Removes the code and its subtree. Refused while any of them has codings,
// or other codes are `within` one of them, unless `force`, which deletes
// those codings (and their memos) too and drops those `within:` keys.
EditReport delete_code(store::Store& store, const std::string& path, bool force);

}  // namespace qcode::coding
