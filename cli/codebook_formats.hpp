#pragma once
// Codebook formats, the coding guide and lint (cmd_codebook_formats.cpp),
// used by `qcode codebook import|export` and `qcode autocode --codebook`.
#include <CLI/CLI.hpp>

#include <string>

#include "codebook/codebook.hpp"
#include "context.hpp"

namespace qcode::cli {

// Reads a codebook in any format qcode imports: `format` names it (yaml,
// qdc, csv, qualcoder, liwc, dictionary) or is empty (detect from the
// file; a .qdpx project archive gives its <CodeBook>). What the conversion
// left out is printed to stderr as warnings.
codebook::Codebook read_codebook_any(const std::string& file, const std::string& format);

// Writes the project's codebook to `file`: YAML as stored (comments kept),
// or converted to qdc/csv/qualcoder, by `format` or the file's extension.
void export_project_codebook(Context& ctx, const std::string& file, const std::string& format, bool plain_descriptions);

// Adds `guide` and `lint` to the `codebook` command.
void register_codebook_format_commands(CLI::App& codebook, Context& ctx);

}  // namespace qcode::cli
