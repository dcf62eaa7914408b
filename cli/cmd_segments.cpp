// qcode segments: the coded text
#include "analysis/segments.hpp"
#include "context.hpp"
#include "core/error.hpp"

namespace qcode::cli {

void register_segments_command(CLI::App& app, Context& ctx) {
    static TableOptions options;
    static std::string code;
    static bool exact = false;
    static std::vector<std::string> speakers;
    static int context = 0;
    auto* cmd = app.add_subcommand("segments", "Coded segments: where, who said it, who coded it, and the text");
    add_table_options(*cmd, options);
    cmd->add_option("--code", code, "Only this code and (unless --exact) its subtree (a code path; = --root)");
    cmd->add_flag("--exact", exact, "Only the code itself, not its subtree");
    cmd->add_option("--speaker", speakers, "Only what this speaker said (a label; repeatable)");
    cmd->add_option("--context", context, "Add N units of context before and after")->check(CLI::NonNegativeNumber);
    cmd->callback([&ctx] {
        if (!code.empty() && !options.root.empty() && code != options.root)
            throw CLI::ValidationError("--code and --root", "name one code, not two");
        auto store = ctx.open();
        analysis::SegmentOptions o;
        if (!code.empty()) o.code = code;
        else if (!options.root.empty()) o.code = options.root;
        o.exact = exact;
        if (options.depth > 0) o.depth = options.depth;
        o.speakers = speakers;
        o.context = context;
        emit(analysis::segments_table(store, options.filter(), o), options);
    });
}

}  // namespace qcode::cli
