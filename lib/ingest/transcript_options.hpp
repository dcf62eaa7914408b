#pragma once
// How a transcript's speakers are read, shared by every format parser.
#include <string>

#include "ingest/roles.hpp"

namespace qcode::ingest {

struct TranscriptOptions {
    // Implicit on purpose: most callers only choose the roles.
    TranscriptOptions(RoleRules r = {}, std::string pattern = {})  // NOLINT(google-explicit-constructor)
        : roles(std::move(r)), speaker_pattern(std::move(pattern)) {}

    RoleRules roles;             // which labels ask questions
    std::string speaker_pattern; // ICU regex whose group 1 is the label (--speaker-pattern); empty = built-in rules
};

}  // namespace qcode::ingest
