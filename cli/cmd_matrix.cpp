// qcode matrix
#include "analysis/matrix.hpp"
#include "context.hpp"

namespace qcode::cli {

void register_matrix_command(CLI::App& app, Context& ctx) {
    static TableOptions options;
    static std::string cols = "documents", cells = "segments";
    auto* cmd = app.add_subcommand("matrix", "Code × document (or × attribute value) matrix with totals");
    add_table_options(*cmd, options);
    cmd->add_option("--cols", cols, "Columns: documents, attr:NAME, speaker or role")
        ->check(CLI::Validator(
            [](const std::string& s) {
                return analysis::parse_group_by(s) ? std::string() : "use documents, attr:NAME, speaker or role, not '" + s + "'";
            },
            "documents|attr:NAME|speaker|role"));
    cmd->add_option("--cells", cells, "Cells: segments, documents (presence), row-pct, col-pct")
        ->check(CLI::IsMember({"segments", "documents", "row-pct", "col-pct"}));
    cmd->callback([&ctx] {
        auto store = ctx.open();
        analysis::MatrixOptions m;
        m.selection = options.selection();
        m.cols = *analysis::parse_group_by(cols);
        m.cells = *analysis::parse_matrix_cells(cells);
        emit(analysis::matrix_table(store, options.filter(), m), options);
    });
}

}  // namespace qcode::cli
