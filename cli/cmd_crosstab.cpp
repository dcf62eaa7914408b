// qcode crosstab
#include "analysis/crosstab.hpp"
#include "context.hpp"

namespace qcode::cli {

void register_crosstab_command(CLI::App& app, Context& ctx) {
    static TableOptions options;
    static std::string attribute;
    static bool documents = false, stats = false;
    auto* cmd = app.add_subcommand("crosstab", "Code × attribute table with the chi-square test of independence");
    add_table_options(*cmd, options);
    cmd->add_option("--attr", attribute, "The document attribute (columns)")->required();
    cmd->add_flag("--documents", documents, "Count documents holding the code instead of segments");
    cmd->add_flag("--stats", stats, "Print the test (chi2, df, p, Cramér's V, expected counts) as a one-row table");
    cmd->callback([&ctx] {
        auto store = ctx.open();
        analysis::CrosstabOptions c;
        c.attribute = attribute;
        c.selection = options.selection();
        c.documents = documents;
        const auto result = analysis::crosstab(store, options.filter(), c);
        emit(stats ? result.test_table() : result.table, options);
    });
}

}  // namespace qcode::cli
