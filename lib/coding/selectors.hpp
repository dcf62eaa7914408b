#pragma once
// Where a hand coding goes: a unit (the 3rd sentence), a range of code
// points, or a quote (the first, or n-th, occurrence of a text). Each
// resolves to a Span of the document's NFC text; whatever cannot be found
// is an error that names it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/model.hpp"
#include "store/store.hpp"

namespace qcode::coding {

struct Selector {
    std::optional<std::uint32_t> unit;  // 1-based ordinal of a unit of `kind`
    UnitKind kind = UnitKind::sentence;
    std::optional<Span> range;          // code points, half-open
    std::optional<std::string> quote;   // text to find
    std::uint32_t nth = 1;              // which occurrence of `quote`, 1-based
};

// "START:END" → Span (0-based, half-open code points); throws qcode::Error.
Span parse_range(std::string_view text);

// How a selector reads in messages: "sentence 3", "range 10:24", "quote "…"".
std::string describe(const Selector& selector);

// The document or code by name/path; a qcode::Error naming it (with a
// close match, if any) when the project has none.
store::DocumentInfo require_document(store::Store& store, std::string_view name);
store::CodeRow require_code(store::Store& store, std::string_view path);

// The span a selector picks in `document`. Exactly one of unit, range and
// quote must be set.
Span resolve(store::Store& store, const store::DocumentInfo& document, const Selector& selector);

// The `nth` (1-based) occurrence of `quote` in `text`, both NFC UTF-8, in
// code points. Leading and trailing white space of the quote is ignored;
// inside it, any run of white space matches any run of white space (a
// quote copied across a line break still matches). `occurrences` gets the
// total number of (non-overlapping) matches.
std::optional<Span> find_quote(std::string_view text, std::string_view quote, std::uint32_t nth,
                               std::uint32_t* occurrences = nullptr);

}  // namespace qcode::coding
