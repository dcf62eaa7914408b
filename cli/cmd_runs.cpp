// qcode runs: the autocoding runs and what is left of them
#include "autocode/runs.hpp"
#include "context.hpp"

namespace qcode::cli {

void register_runs_command(CLI::App& app, Context& ctx) {
    static TableOptions options;
    auto* cmd = app.add_subcommand("runs", "List the autocoding runs: codebook, options, codings made and still present");
    // The table options that make sense for runs rather than codings.
    cmd->add_option("--format", options.format, "Output format")
        ->check(CLI::IsMember({"table", "csv", "tsv", "json", "md", "xlsx"}));
    cmd->add_option("-o,--output", options.output, "Write to FILE (format from its extension unless --format)");
    cmd->add_flag("--excel", options.excel, "CSV/TSV with a BOM so that Excel shows umlauts right");
    cmd->add_option("--coder", options.coders, "Only runs of this coder (repeatable)");
    cmd->callback([&ctx] {
        auto store = ctx.open();
        emit(autocode::runs_table(store, options.coders), options);
    });
}

}  // namespace qcode::cli
