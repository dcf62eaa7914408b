#pragma once
// Every codebook format qcode reads and writes, chosen by name or by the
// file: qcode YAML (native), REFI-QDA .qdc, CSV, QualCoder text, LIWC .dic
// and quanteda/Lexicoder YAML dictionaries (import only).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "codebook/codebook.hpp"

namespace qcode::codebook {

enum class CodebookFormat { yaml, qdc, csv, qualcoder, liwc, dictionary };

// "yaml", "qdc", "csv", "qualcoder", "liwc", "dictionary" (any case; "yml",
// "refi", "txt", "dic" too), or nullopt.
std::optional<CodebookFormat> parse_codebook_format(std::string_view name);
std::string_view to_string(CodebookFormat format);

// The format of a file to import, from its extension (.yaml/.yml, .qdc/.qde,
// .csv, .txt, .dic) and, for YAML, its content: YAML without a top-level
// `codebook:` key is a dictionary. Throws qcode::Error for other extensions.
CodebookFormat detect_import_format(const std::string& path, std::string_view content);

// The format to export to, from the extension (.yaml/.yml, .qdc, .csv,
// .txt). Throws qcode::Error for others (and for .dic: dictionaries are
// import only).
CodebookFormat detect_export_format(const std::string& path);

struct ImportedCodebook {
    Codebook codebook;                  // ready for install(): source is YAML
    CodebookFormat format = CodebookFormat::yaml;
    std::vector<std::string> warnings;  // what the conversion left out, "file:line: …"
};

// Reads `content` (the bytes of `path`) in `format`, or the detected one.
// A YAML codebook is parsed as it is (its text is stored); any other format
// is converted, and stored as to_yaml of the result.
ImportedCodebook import_codebook(std::string_view content, const std::string& path,
                                 std::optional<CodebookFormat> format = {});

// Reads the file, then import_codebook. Throws qcode::Error when it cannot be read.
ImportedCodebook import_codebook_file(const std::string& path, std::optional<CodebookFormat> format = {});

struct ExportOptions {
    std::string origin = "qcode";    // .qdc CodeBook/@origin
    bool plain_descriptions = false; // .qdc: only the description in <Description>
};

// The codebook in `format` (not liwc/dictionary). For yaml: to_yaml(cb).
std::string export_codebook(const Codebook& cb, CodebookFormat format, const ExportOptions& options = {});

}  // namespace qcode::codebook
