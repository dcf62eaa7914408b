#pragma once
// Coding by hand: one coding in, codings out. A hand coding belongs to its
// coder; removal touches only that coder's codings unless told otherwise,
// so two coders working blind on one project never undo each other.
#include <optional>
#include <string>
#include <vector>

#include "coding/selectors.hpp"
#include "store/store.hpp"

namespace qcode::coding {

// The coder a command acts for when none is named: $QCODE_CODER, else the
// login name, else "coder".
std::string default_coder();

// A code at a place in a document.
struct Target {
    std::string code;      // path
    std::string document;  // name
    Selector where;
};

struct AddResult {
    Id coding = 0;
    Span span;
    std::string code;      // path
    std::string text;      // the coded text
    bool existed = false;  // the coder had already coded exactly this
    std::optional<Id> memo;
};

// Adds a manual coding of `coder` (and a memo on it when `memo` is not
// empty), in one transaction. Coding exactly what the coder already coded
// adds nothing (but the memo).
AddResult add(store::Store& store, const Target& target, const std::string& coder, const std::string& memo = {});

struct RemoveResult {
    Span span;                             // the selected place
    std::vector<store::CodingRow> removed;
    std::int64_t memos = 0;                // memos that went with them
};

// Removes the codings of the target code that lie inside the selected place
// and belong to `coder` — any origin, so `--coder auto` drops an autocoded
// unit — or to every coder when `all_coders`. Nothing to remove is an error
// naming what is there instead.
RemoveResult remove(store::Store& store, const Target& target, const std::string& coder, bool all_coders = false);

// The one coding of the target code at exactly the selected place (for
// memos on codings); by `coder` when given. None, or several by different
// coders without `coder`, is an error.
store::CodingRow find_coding(store::Store& store, const Target& target, const std::optional<std::string>& coder);

}  // namespace qcode::coding
