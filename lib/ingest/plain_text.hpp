#pragma once
// Plain-text transcripts: a speaker label at line start opens a turn (even
// for the speaker who spoke last), unlabelled lines continue the turn as
// new paragraphs, text before the first label is a header without speaker,
// f4/f5 timestamps become turn times.
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "ingest/roles.hpp"

namespace qcode::ingest {

// `text` is decoded (UTF-8, NFC, LF). Fills text, speakers and units.
Document parse_plain_text(std::string_view text, const RoleRules& roles);

// The same rules over paragraphs that come from elsewhere (DOCX): each
// element is one line; an empty one is a blank line.
Document parse_labelled_lines(const std::vector<std::string_view>& lines, const RoleRules& roles);

// Splits decoded text into lines (without the final empty line after a trailing LF).
std::vector<std::string_view> split_lines(std::string_view text);

}  // namespace qcode::ingest
