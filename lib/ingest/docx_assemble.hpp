#pragma once
// Internal to the .docx reader (docx*.cpp): the read blocks → a Document,
// either as plain-text lines (no speaker table) or one turn per speaker row.
// The rules are in docx.cpp's overview. Not part of the ingest API.
#include <optional>
#include <vector>

#include "core/model.hpp"
#include "ingest/docx_model.hpp"
#include "ingest/transcript_options.hpp"

namespace qcode::ingest::docx_detail {

// (a) No speaker table: every paragraph and non-empty cell paragraph is a
// line, read with the plain-text rules.
Document from_lines(const std::vector<Block>& blocks, const TranscriptOptions& options);

// (b) Speaker tables: `layouts` has one entry per block, set for the tables
// that are speaker tables; a turn per speaker row, all else speakerless.
Document from_tables(const std::vector<Block>& blocks, const std::vector<std::optional<Layout>>& layouts,
                     const TranscriptOptions& options);

}  // namespace qcode::ingest::docx_detail
