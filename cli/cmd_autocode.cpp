// qcode autocode
#include <fmt/core.h>

#include "autocode/preview.hpp"
#include "autocode/run.hpp"
#include "autocode/undo.hpp"
#include "codebook/project.hpp"
#include "codebook_formats.hpp"
#include "context.hpp"
#include "core/error.hpp"

namespace qcode::cli {

void register_autocode_command(CLI::App& app, Context& ctx) {
    struct Args {
        std::string codebook;
        std::string unit;
        std::string coder = "auto";
        bool dry_run = false;
        std::size_t examples = 3;
        std::size_t width = 40;
        Id undo = 0;
        TableOptions table;  // the dry run's table
    };
    static Args a;
    auto* cmd = app.add_subcommand("autocode", "Code every unit by the codebook's patterns");
    auto* codebook = cmd->add_option("--codebook", a.codebook,
                                     "Load this codebook (any format codebook import reads) into the project first");
    auto* unit = cmd->add_option("--unit", a.unit, "Code whole sentences, turns or paragraphs (default: the codebook's)")
                     ->check(CLI::IsMember({"sentence", "turn", "paragraph"}));
    auto* coder = cmd->add_option("--coder", a.coder, "Coder name recorded with the codings");
    auto* dry_run = cmd->add_flag("--dry-run", a.dry_run,
                                  "Show per code the hits and keyword-in-context lines; store nothing");
    cmd->add_option("--examples", a.examples, "With --dry-run: keyword-in-context lines per code (default 3)")
        ->needs(dry_run);
    cmd->add_option("--width", a.width, "With --dry-run: characters of context on each side (default 40)")
        ->check(CLI::PositiveNumber)
        ->needs(dry_run);
    cmd->add_option("--format", a.table.format, "With --dry-run: output format")
        ->check(CLI::IsMember({"table", "csv", "tsv", "json", "md", "xlsx"}))
        ->needs(dry_run);
    cmd->add_option("-o,--output", a.table.output, "With --dry-run: write the table to FILE")->needs(dry_run);
    cmd->add_flag("--excel", a.table.excel, "With --dry-run: CSV/TSV with a BOM for Excel")->needs(dry_run);
    cmd->add_option("--undo", a.undo, "Remove the codings of this run (an id from `qcode runs`)")
        ->check(CLI::PositiveNumber)
        ->excludes(codebook)
        ->excludes(unit)
        ->excludes(coder)
        ->excludes(dry_run);
    cmd->callback([&ctx] {
        auto store = ctx.open();
        if (a.undo) {
            const auto report = autocode::undo(store, a.undo);
            fmt::print("undid run {}: removed {} codings by {}", report.run, report.codings, report.coder);
            if (report.memos) fmt::print(" and {} memos on them", report.memos);
            fmt::print("\n");
            return;
        }
        auto tx = store.transaction();  // codebook import + run: all or nothing
        if (!a.codebook.empty()) codebook::install(store, read_codebook_any(a.codebook, ""));
        const auto book = codebook::load_installed(store);
        if (!book) throw Error("the project has no codebook; pass --codebook FILE.yaml or run `qcode codebook import`", store.path());
        autocode::Options options;
        if (!a.unit.empty()) options.unit = parse_unit_kind(a.unit);
        options.coder = a.coder;
        options.dry_run = a.dry_run;
        options.keep_found = a.dry_run;  // the preview needs them; a stored run only its count
        const auto report = autocode::run(store, *book, options);
        if (a.dry_run) {
            autocode::PreviewOptions preview;
            preview.examples = a.examples;
            preview.window = a.width;
            emit(autocode::preview_table(store, *book, report, preview), a.table);
            return;  // the transaction rolls back
        }
        tx->commit();
        fmt::print("run {}: {} codings in {} units of {} documents (coder {}", *report.run, report.codings,
                   report.units, report.documents, a.coder);
        if (report.replaced) fmt::print(", replacing {} earlier auto codings", report.replaced);
        fmt::print(")\n");
    });
}

}  // namespace qcode::cli
