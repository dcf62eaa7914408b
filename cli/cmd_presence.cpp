// qcode presence
#include "analysis/presence.hpp"
#include "context.hpp"

namespace qcode::cli {

void register_presence_command(CLI::App& app, Context& ctx) {
    static TableOptions options;
    static std::string unit = "sentence";
    static bool attributes = false, text = false;
    auto* cmd = app.add_subcommand("presence", "One row per unit or document, one 0/1 column per code (tidy data)");
    add_table_options(*cmd, options);
    cmd->add_option("--unit", unit, "Rows: sentence, paragraph, turn or document")
        ->check(CLI::IsMember({"sentence", "paragraph", "turn", "document"}));
    cmd->add_flag("--attributes", attributes, "Add one column per document attribute");
    cmd->add_flag("--text", text, "Add the unit's text");
    cmd->callback([&ctx] {
        auto store = ctx.open();
        analysis::PresenceOptions p;
        p.selection = options.selection();
        p.unit = unit == "document" ? std::nullopt : parse_unit_kind(unit);
        p.attributes = attributes;
        p.text = text;
        emit(analysis::presence_table(store, options.filter(), p), options);
    });
}

}  // namespace qcode::cli
