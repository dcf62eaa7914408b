#pragma once
// qcode merge OTHER.qcode: another coder's codings and memos come into this
// project. Documents are matched by content (source hash and text), codes
// by path; nothing here is overwritten, and merging the same file twice
// adds nothing.
#include <string>
#include <vector>

#include "store/store.hpp"

namespace qcode::coding {

struct MergeSkip {
    std::string document;  // its name in the other project
    std::string reason;
    std::size_t codings = 0;  // codings (and coding memos) of it left out
    std::size_t memos = 0;
};

struct MergeReport {
    std::size_t documents_matched = 0;
    std::size_t codings_added = 0;
    std::size_t codings_present = 0;  // already here (same document, range, code, coder, origin)
    std::size_t memos_added = 0;
    std::size_t memos_present = 0;
    std::vector<std::string> codes_created;  // paths, parents before children
    std::vector<std::string> coders;         // whose codings were added
    std::vector<MergeSkip> conflicts;        // same name, different text
    std::vector<MergeSkip> missing;          // documents this project does not have
};

// Reads `other_path` (never writes it) and adds what this project lacks, in
// one transaction.
MergeReport merge_project(store::Store& store, const std::string& other_path);

}  // namespace qcode::coding
