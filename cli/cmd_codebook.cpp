// qcode codebook import|show|export (guide and lint: cmd_codebook_formats.cpp)
#include <fmt/core.h>

#include <fstream>

#include "codebook/codebook_table.hpp"
#include "codebook/project.hpp"
#include "codebook_formats.hpp"
#include "context.hpp"
#include "core/error.hpp"

namespace qcode::cli {

void register_codebook_commands(CLI::App& app, Context& ctx) {
    auto* cb = app.add_subcommand("codebook", "Import, show or export the project's codebook");
    cb->require_subcommand(1);
    register_codebook_edit_commands(*cb, ctx);

    static std::string import_file;
    static std::string import_format;
    auto* imp = cb->add_subcommand("import", "Load a codebook into the project (YAML, REFI-QDA, CSV, QualCoder, LIWC, dictionary)");
    imp->add_option("file", import_file, "Codebook (.yaml .qdc .csv .txt .dic)")->required();
    imp->add_option("--format", import_format, "yaml, qdc, csv, qualcoder, liwc or dictionary (default: from the file)");
    imp->callback([&ctx] {
        const auto book = read_codebook_any(import_file, import_format);
        auto store = ctx.open();
        const auto r = codebook::install(store, book);
        fmt::print("codebook '{}': {} codes ({} leaves)\n", book.name, r.codes, r.leaves);
        for (const auto& path : r.kept_coded)
            fmt::print(stderr, "note: code '{}' is no longer in the codebook but keeps its codings\n", path);
    });

    static TableOptions show_options;
    auto* show = cb->add_subcommand("show", "Show the code tree");
    add_table_options(*show, show_options);
    show->callback([&ctx] {
        auto store = ctx.open();
        const auto book = codebook::load_installed(store);
        if (!book) throw Error("the project has no codebook yet; load one with `qcode codebook import FILE.yaml`", store.path());
        emit(codebook::codebook_table(store, *book), show_options);
    });

    static std::string export_file;
    static std::string export_format;
    static bool export_plain = false;
    auto* exp = cb->add_subcommand("export", "Write the project's codebook (YAML as stored, or .qdc, .csv, QualCoder .txt)");
    exp->add_option("file", export_file, "Output file (.yaml .qdc .csv .txt)")->required();
    exp->add_option("--format", export_format, "yaml, qdc, csv or qualcoder (default: from the extension)");
    exp->add_flag("--plain-descriptions", export_plain, "QDC: only the description in <Description>, no definition/rules/patterns");
    exp->callback([&ctx] { export_project_codebook(ctx, export_file, export_format, export_plain); });

    register_codebook_format_commands(*cb, ctx);  // guide, lint
}

}  // namespace qcode::cli
