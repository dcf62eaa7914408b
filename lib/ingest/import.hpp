#pragma once
// Importing transcript files into a project: detect the format, decode,
// parse, and store — all files of one call in one transaction, so a bad
// file leaves the project as it was.
#include <optional>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace qcode::ingest {

struct ImportOptions {
    std::string format = "auto";                      // auto | text
    std::optional<std::vector<std::string>> asking;   // --interviewer labels; defaults when unset
    bool replace = false;                             // replace a changed document of the same name
};

struct ImportedDocument {
    std::string name;
    std::string path;
    enum class Status { imported, unchanged, replaced } status = Status::imported;
    std::size_t speakers = 0, turns = 0, paragraphs = 0, sentences = 0;
    std::int64_t dropped_codings = 0;  // when replaced
};

// Parses one file into a Document (no store involved).
Document read_transcript(const std::string& path, const ImportOptions& options);

// Imports `paths` into `store` inside one transaction (all or nothing).
std::vector<ImportedDocument> import_files(store::Store& store, const std::vector<std::string>& paths,
                                           const ImportOptions& options);

}  // namespace qcode::ingest
