#pragma once
// Importing transcript files into a project: detect the format, decode,
// parse, and store — all files of one call in one transaction, so a bad
// file leaves the project as it was (or, with keep_going, only the good
// files are imported and the bad ones are listed).
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace qcode::ingest {

struct ImportOptions {
    std::string format = "auto";                      // auto | text | vtt | srt | docx
    std::string encoding;                             // --encoding; empty = detect
    std::string speaker_pattern;                      // --speaker-pattern (ICU regex, group 1 = label)
    std::string pseudonyms;                           // --pseudonyms CSV (original,replacement)
    std::optional<std::vector<std::string>> asking;   // --interviewer labels; defaults when unset
    bool replace = false;                             // replace a changed document of the same name
    bool keep_going = false;                          // import the good files, report the bad ones
    // Called before each file (done = files finished so far); for progress bars.
    std::function<void(std::size_t done, std::size_t total, const std::string& path)> progress;
};

struct ImportedDocument {
    std::string name;
    std::string path;
    enum class Status { imported, unchanged, replaced } status = Status::imported;
    std::size_t speakers = 0, turns = 0, paragraphs = 0, sentences = 0;
    std::int64_t dropped_codings = 0;  // when replaced
    std::string format;                // text, vtt, srt, docx
    std::string encoding;              // as decoded ("UTF-8", "windows-1252" …); empty for docx
    std::size_t pseudonym_replacements = 0;
    std::vector<std::string> pseudonym_near_misses;  // "Meiers (like Meier, pseudonyms line 3)": replaced nowhere
};

struct FailedImport {
    std::string path;
    std::string error;  // the full message, naming file and line
};

struct ImportReport {
    std::vector<ImportedDocument> documents;
    std::vector<FailedImport> failed;  // only with keep_going; otherwise the first failure throws
};

struct ReadTranscript {
    Document document;
    ImportedDocument summary;  // counts, format, encoding, pseudonyms (status unset)
};

// Reads and parses one file into a Document (no store involved); applies
// pseudonyms before anything else sees the text.
ReadTranscript read_transcript(const std::string& path, const ImportOptions& options);

// Imports `paths` into `store` inside one transaction.
ImportReport import_files(store::Store& store, const std::vector<std::string>& paths, const ImportOptions& options);

}  // namespace qcode::ingest
