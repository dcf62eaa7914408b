#pragma once
// What a coding sheet looks like, shared by export and import: the column
// names, the stable unit id that ties a row to a unit of the project, and
// how a text cell is compared with the unit's text.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace qcode::sheet {

// The fixed columns, in the order export writes them. After them: either
// one `codes` column or one 0/1 column per code path.
inline constexpr std::string_view kUnitColumn = "unit";
inline constexpr std::string_view kDocumentColumn = "document";
inline constexpr std::string_view kSpeakerColumn = "speaker";
inline constexpr std::string_view kRoleColumn = "role";
inline constexpr std::string_view kTimeColumn = "time";
inline constexpr std::string_view kTextColumn = "text";
inline constexpr std::string_view kCodesColumn = "codes";

// The name of the worksheet export writes and import looks for first.
inline constexpr std::string_view kSheetName = "Coding";
// The hidden worksheet holding the code paths when they are too long for
// an inline drop-down list.
inline constexpr std::string_view kCodesSheetName = "Codes";

// "interview_a#sentence#3": document name, unit kind, 1-based ordinal.
std::string unit_id(std::string_view document, UnitKind kind, std::uint32_t ordinal);

struct UnitRef {
    std::string document;
    UnitKind kind = UnitKind::sentence;
    std::uint32_t ordinal = 0;
};

// Parses a unit id (the document name may itself hold '#'); nullopt when
// it is not one.
std::optional<UnitRef> parse_unit_id(std::string_view id);

// Milliseconds as "hh:mm:ss" (hours may exceed 99).
std::string format_time(std::int64_t ms);

// A text cell or a unit's text as the comparison sees it: CR LF and CR
// become LF, white space at both ends goes, NFC. Throws qcode::Error on
// invalid UTF-8.
std::string comparable_text(std::string_view text);

// The code paths of a `codes` cell: separated by ';' (also ',' or line
// breaks), each trimmed, empty pieces skipped, duplicates kept once, in
// the order written.
std::vector<std::string> split_codes(std::string_view cell);

// A 0/1 cell of a code column: true for 1, x, ✓, true, ja, yes; false for
// empty, 0, false, nein, no (any case, trimmed); nullopt for anything else.
std::optional<bool> parse_mark(std::string_view cell);

}  // namespace qcode::sheet
