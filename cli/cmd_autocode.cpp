// qcode autocode
#include <fmt/core.h>

#include <map>

#include "autocode/run.hpp"
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
    };
    static Args a;
    auto* cmd = app.add_subcommand("autocode", "Code every unit by the codebook's patterns");
    cmd->add_option("--codebook", a.codebook, "Load this codebook (any format codebook import reads) into the project first");
    cmd->add_option("--unit", a.unit, "Code whole sentences, turns or paragraphs (default: the codebook's)")
        ->check(CLI::IsMember({"sentence", "turn", "paragraph"}));
    cmd->add_option("--coder", a.coder, "Coder name recorded with the codings");
    cmd->add_flag("--dry-run", a.dry_run, "Show what would be coded; store nothing");
    cmd->callback([&ctx] {
        auto store = ctx.open();
        auto tx = store.transaction();  // codebook import + run: all or nothing
        if (!a.codebook.empty()) codebook::install(store, read_codebook_any(a.codebook, ""));
        const auto book = codebook::load_installed(store);
        if (!book) throw Error("the project has no codebook; pass --codebook FILE.yaml or run `qcode codebook import`", store.path());
        autocode::Options options;
        if (!a.unit.empty()) options.unit = parse_unit_kind(a.unit);
        options.coder = a.coder;
        options.dry_run = a.dry_run;
        const auto report = autocode::run(store, *book, options);
        if (a.dry_run) {
            std::map<std::string, std::size_t> per_code;
            for (const auto& f : report.found) ++per_code[f.code_path];
            for (const auto& [path, n] : per_code) fmt::print("{:>6}  {}\n", n, path);
            fmt::print("dry run: {} codings in {} units of {} documents; nothing stored\n", report.found.size(),
                       report.units, report.documents);
            return;  // the transaction rolls back
        }
        tx->commit();
        fmt::print("run {}: {} codings in {} units of {} documents (coder {}", *report.run, report.found.size(),
                   report.units, report.documents, a.coder);
        if (report.replaced) fmt::print(", replacing {} earlier auto codings", report.replaced);
        fmt::print(")\n");
    });
}

}  // namespace qcode::cli
