// qcode codebook import|show|export
#include <fmt/core.h>

#include <fstream>

#include "codebook/project.hpp"
#include "context.hpp"
#include "core/error.hpp"

namespace qcode::cli {

namespace {

Table codebook_table(store::Store& store, const codebook::Codebook& cb) {
    Table t;
    t.title = "Codebook: " + cb.name;
    t.column("code").column("label").column("depth", ColumnType::integer).column("patterns", ColumnType::integer);
    t.column("exclude", ColumnType::integer).column("description");
    std::map<std::string, const codebook::Code*> by_path;
    codebook::for_each_code(cb.codes, [&](const codebook::Code& c) { by_path[c.path] = &c; });
    for (const auto& row : store.codes()) {
        const auto it = by_path.find(row.path);
        const auto* c = it == by_path.end() ? nullptr : it->second;
        t.add_row({row.path, std::string(2 * (row.depth() - 1), ' ') + row.label, std::int64_t(row.depth()),
                   std::int64_t(c ? c->patterns.size() : 0), std::int64_t(c ? c->exclude.size() : 0), row.description});
    }
    return t;
}

}  // namespace

void register_codebook_commands(CLI::App& app, Context& ctx) {
    auto* cb = app.add_subcommand("codebook", "Import, show or export the project's codebook");
    cb->require_subcommand(1);

    static std::string import_file;
    auto* imp = cb->add_subcommand("import", "Load a YAML codebook into the project");
    imp->add_option("file", import_file, "Codebook (.yaml)")->required();
    imp->callback([&ctx] {
        const auto book = codebook::load_yaml_file(import_file);
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
        emit(codebook_table(store, *book), show_options);
    });

    static std::string export_file;
    auto* exp = cb->add_subcommand("export", "Write the project's codebook as YAML");
    exp->add_option("file", export_file, "Output file (.yaml)")->required();
    exp->callback([&ctx] {
        auto store = ctx.open();
        const auto source = store.codebook();
        if (!source) throw Error("the project has no codebook yet", store.path());
        std::ofstream out(export_file, std::ios::binary);
        out << source->source;
        if (!out) throw Error("cannot write the codebook", export_file);
        fmt::print("wrote {}\n", export_file);
    });
}

}  // namespace qcode::cli
