#pragma once
// Internal to the .docx reader (docx*.cpp): which tables are speaker | text
// tables, and their layout. Not part of the ingest API.
//
// A table is a speaker table when nearly every row has that shape, its
// speaker cells look like labels (short, at most six words), and there is
// evidence that they are speakers: a time column, a header row ("Sprecher",
// "Speaker", "… | Text", Word's repeating header row; "Name" and "Person"
// rows are skipped as headers but count only next to a text heading, since
// they also head key/value tables), a label used in more than one row, or
// labels that the plain-text rules accept without a second sighting (I, B,
// B1, IP 2, Interviewer …). A key/value metadata table ("Datum | …",
// "Ort | …") has none of these.
#include <cstdint>
#include <optional>
#include <string_view>

#include "ingest/docx_model.hpp"

namespace qcode::ingest::docx_detail {

// "00:01:23", "[00:01:23]", "01:23", "(0:01:23.4)", "#00:01:23-4#" → ms.
std::optional<std::int64_t> parse_time(std::string_view s);

// The layout of `table` when it is a speaker table, else nothing.
std::optional<Layout> speaker_layout(const Table& table);

}  // namespace qcode::ingest::docx_detail
