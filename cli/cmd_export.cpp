// qcode export xlsx
#include <fmt/core.h>

#include "context.hpp"
#include "export/workbook.hpp"

namespace qcode::cli {

void register_export_commands(CLI::App& app, Context& ctx) {
    auto* exp = app.add_subcommand("export", "Write the project's tables or data to a file");
    exp->require_subcommand(1);

    static TableOptions options;
    static std::string file;
    auto* xlsx = exp->add_subcommand("xlsx", "One workbook: codebook, frequencies, co-occurrence, matrix, segments, documents");
    xlsx->add_option("file", file, "Workbook (.xlsx)")->required();
    xlsx->add_option("--coder", options.coders, "Only codings by this coder (repeatable)");
    xlsx->add_option("--origin", options.origins, "Only codings of this origin: manual, auto, import (repeatable)");
    xlsx->add_option("--where", options.where, "Only documents with ATTR=VALUE (repeatable, all must hold)");
    xlsx->add_option("--doc", options.documents, "Only this document (repeatable)");
    xlsx->add_option("--role", options.roles, "Only codings in turns of this role (repeatable)")
        ->check(CLI::IsMember({"interviewer", "moderator", "respondent"}));
    xlsx->add_option("--root", options.root, "Only this code and its subtree (a code path)");
    xlsx->add_option("--depth", options.depth, "Only codes up to this depth (1 = top level)")->check(CLI::PositiveNumber);
    xlsx->callback([&ctx] {
        auto store = ctx.open();
        exports::WorkbookOptions w;
        w.filter = options.filter();
        w.selection = options.selection();
        const auto sheets = exports::workbook_sheets(store, w);
        exports::write_xlsx(sheets.sheets, file, sheets.styles);
        fmt::print(stderr, "wrote {} ({} sheets)\n", file, sheets.sheets.size());
    });
}

}  // namespace qcode::cli
