#pragma once
// Plain-text transcripts: a speaker label at line start opens a turn (even
// for the speaker who spoke last), unlabelled lines continue the turn as
// new paragraphs, text before the first label is a header without speaker,
// f4/f5 timestamps become turn times.
#include <string_view>

#include "core/model.hpp"
#include "ingest/roles.hpp"

namespace qcode::ingest {

// `text` is decoded (UTF-8, NFC, LF). Fills text, speakers and units.
Document parse_plain_text(std::string_view text, const RoleRules& roles);

}  // namespace qcode::ingest
