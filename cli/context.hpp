#pragma once
// What every command shares: the project path and how tables are printed.
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "analysis/code_segments.hpp"
#include "store/store.hpp"
#include "table/table.hpp"

namespace qcode::cli {

struct Context {
    std::string project = "project.qcode";
    store::Store open() const { return store::Store::open(project); }
};

// The options every table command takes (DESIGN §5).
struct TableOptions {
    std::string format;  // empty: from -o's extension, else "table"
    std::string output;
    bool excel = false;
    std::vector<std::string> coders;
    std::vector<std::string> origins;
    std::vector<std::string> where;  // ATTR=VALUE
    std::vector<std::string> documents;
    std::vector<std::string> roles;  // interviewer, moderator, respondent
    std::string root;
    int depth = 0;

    store::CodingFilter filter() const;  // throws qcode::Error on a malformed --where/--origin
    analysis::CodeSelection selection() const;
};

void add_table_options(CLI::App& cmd, TableOptions& options);
// Writes the table to stdout or -o FILE in the chosen format.
void emit(const Table& table, const TableOptions& options);

// Each file registers its commands.
void register_project_commands(CLI::App& app, Context& ctx);
void register_import_commands(CLI::App& app, Context& ctx);
void register_codebook_commands(CLI::App& app, Context& ctx);
void register_codebook_edit_commands(CLI::App& codebook, Context& ctx);  // rename|move|merge|delete
void register_code_commands(CLI::App& app, Context& ctx);
void register_memo_commands(CLI::App& app, Context& ctx);
void register_merge_command(CLI::App& app, Context& ctx);
void register_autocode_command(CLI::App& app, Context& ctx);
void register_runs_command(CLI::App& app, Context& ctx);
void register_table_commands(CLI::App& app, Context& ctx);
void register_speakers_commands(CLI::App& app, Context& ctx);
void register_matrix_command(CLI::App& app, Context& ctx);
void register_crosstab_command(CLI::App& app, Context& ctx);
void register_presence_command(CLI::App& app, Context& ctx);
void register_export_commands(CLI::App& app, Context& ctx);
void register_sheet_commands(CLI::App& app, Context& ctx);
void register_segments_command(CLI::App& app, Context& ctx);
void register_kwic_command(CLI::App& app, Context& ctx);

}  // namespace qcode::cli
