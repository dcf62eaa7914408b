// qcode sheet export|import: coding in a spreadsheet
#include <fmt/core.h>

#include "context.hpp"
#include "core/error.hpp"
#include "sheet/sheet_export.hpp"
#include "sheet/sheet_import.hpp"

namespace qcode::cli {

void register_sheet_commands(CLI::App& app, Context& ctx) {
    auto* sheet = app.add_subcommand("sheet", "Code in a spreadsheet: export a coding sheet, import it back");
    sheet->require_subcommand(1);

    static std::string out_path, kind = "sentence", export_coder;
    static std::vector<std::string> documents, roles;
    static bool code_columns = false, excel = false;
    auto* exp = sheet->add_subcommand("export", "Write a coding sheet (.xlsx or .csv): one row per unit");
    exp->add_option("file", out_path, "The sheet to write: FILE.xlsx or FILE.csv")->required();
    exp->add_option("--kind", kind, "Units per row: sentence (default), paragraph or turn")
        ->check(CLI::IsMember({"sentence", "paragraph", "turn"}));
    exp->add_option("--doc", documents, "Only this document (repeatable)");
    exp->add_option("--role", roles, "Only units of speakers with this role (repeatable)")
        ->check(CLI::IsMember({"interviewer", "moderator", "respondent"}));
    exp->add_flag("--code-columns", code_columns, "One 0/1 column per code instead of one codes column");
    exp->add_option("--coder", export_coder, "Fill in this coder's manual codings of each unit");
    exp->add_flag("--excel", excel, "CSV with a BOM so that Excel shows umlauts right");
    exp->callback([&ctx] {
        auto store = ctx.open();
        sheet::ExportOptions o;
        o.kind = *parse_unit_kind(kind);
        o.documents = documents;
        for (const auto& r : roles) o.roles.push_back(*parse_role(r));
        o.code_columns = code_columns;
        o.coder = export_coder;
        o.excel_bom = excel;
        const auto result = sheet::export_sheet(store, out_path, o);
        fmt::print("wrote {}: {} {}s from {} document(s), {} codes{}\n", out_path, result.table.rows.size(), kind,
                   result.documents, result.codes.size(),
                   export_coder.empty() ? std::string()
                                        : fmt::format("; {} coding(s) of {} filled in", result.prefilled, export_coder));
    });

    static std::string in_path, import_coder;
    static bool dry_run = false;
    auto* imp = sheet->add_subcommand("import", "Read a coding sheet back: the coder's manual codings follow it");
    imp->add_option("file", in_path, "The sheet: FILE.xlsx or FILE.csv")->required();
    imp->add_option("--coder", import_coder, "Whose codings the sheet holds")->required();
    imp->add_flag("--dry-run", dry_run, "Check the sheet and count the changes; store nothing");
    imp->callback([&ctx] {
        auto store = ctx.open();
        sheet::ImportOptions o;
        o.coder = import_coder;
        o.dry_run = dry_run;
        const auto r = sheet::import_sheet(store, in_path, o);
        for (const auto& c : r.ignored_columns) fmt::print(stderr, "note: column '{}' ignored (notes)\n", c);
        if (r.added == 0 && r.removed == 0) {
            fmt::print("{}: {} rows, unchanged for coder {}\n", in_path, r.rows, import_coder);
            return;
        }
        fmt::print("{}: {} rows; coder {}: {} coding(s) added, {} removed, on {} unit(s){}\n", in_path, r.rows,
                   import_coder, r.added, r.removed, r.changed_units, dry_run ? " (dry run: nothing stored)" : "");
    });
}

}  // namespace qcode::cli
