// qcode: argument parsing and printing only; the work is in lib/.
#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <SQLiteCpp/Exception.h>

#include "context.hpp"
#include "core/error.hpp"

int main(int argc, char** argv) {
    qcode::cli::Context ctx;
    CLI::App app{"qcode — code qualitative interview and focus-group transcripts"};
    app.set_version_flag("--version", "qcode 0.1.0");
    app.require_subcommand(1);
    app.add_option("-p,--project", ctx.project, "Project file (default project.qcode, or $QCODE_PROJECT)")
        ->envname("QCODE_PROJECT");

    qcode::cli::register_project_commands(app, ctx);
    qcode::cli::register_import_commands(app, ctx);
    qcode::cli::register_codebook_commands(app, ctx);
    qcode::cli::register_autocode_command(app, ctx);
    qcode::cli::register_runs_command(app, ctx);
    qcode::cli::register_code_commands(app, ctx);
    qcode::cli::register_memo_commands(app, ctx);
    qcode::cli::register_merge_command(app, ctx);
    qcode::cli::register_table_commands(app, ctx);
    qcode::cli::register_speakers_commands(app, ctx);
    qcode::cli::register_matrix_command(app, ctx);
    qcode::cli::register_crosstab_command(app, ctx);
    qcode::cli::register_presence_command(app, ctx);
    qcode::cli::register_export_commands(app, ctx);
    qcode::cli::register_sheet_commands(app, ctx);
    qcode::cli::register_segments_command(app, ctx);
    qcode::cli::register_kwic_command(app, ctx);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : 2;  // help and version exit 0; usage errors 2
    } catch (const qcode::Error& e) {
        fmt::print(stderr, "qcode: error: {}\n", e.what());
        return 1;
    } catch (const SQLite::Exception& e) {
        fmt::print(stderr, "qcode: error: {}: {}\n", ctx.project, e.what());
        return 1;
    } catch (const std::exception& e) {
        fmt::print(stderr, "qcode: error: {}\n", e.what());
        return 1;
    }
    return 0;
}
