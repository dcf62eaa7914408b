// qcode kwic: keyword in context for a pattern of the rule language
#include "analysis/kwic.hpp"
#include "codebook/codebook.hpp"
#include "context.hpp"
#include "core/error.hpp"

namespace qcode::cli {

void register_kwic_command(CLI::App& app, Context& ctx) {
    static TableOptions options;
    static std::string pattern;
    static std::vector<std::string> speakers;
    static std::size_t width = 40;
    static std::string fold = "case";
    auto* cmd = app.add_subcommand("kwic", "Keyword in context: where a pattern matches, with the words around it");
    cmd->add_option("pattern", pattern, "A pattern as in a codebook: wort, wort*, *wort*, \"zwei worte\"")->required();
    // The table options that make sense for text that is not coded yet.
    cmd->add_option("--format", options.format, "Output format")
        ->check(CLI::IsMember({"table", "csv", "tsv", "json", "md", "xlsx"}));
    cmd->add_option("-o,--output", options.output, "Write to FILE (format from its extension unless --format)");
    cmd->add_flag("--excel", options.excel, "CSV/TSV with a BOM so that Excel shows umlauts right");
    cmd->add_option("--doc", options.documents, "Only this document (repeatable)");
    cmd->add_option("--where", options.where, "Only documents with ATTR=VALUE (repeatable, all must hold)");
    cmd->add_option("--role", options.roles, "Only turns of this role: interviewer, moderator, respondent (repeatable)")
        ->check(CLI::IsMember({"interviewer", "moderator", "respondent"}));
    cmd->add_option("--speaker", speakers, "Only turns of this speaker (a label; repeatable)");
    cmd->add_option("--width", width, "Characters of context on each side (default 40)")->check(CLI::PositiveNumber);
    cmd->add_option("--fold", fold,
                    "Match as a code with this fold: would, e.g. case,umlauts (of case, diacritics, umlauts, stem)")
        ->check(CLI::Validator(
            [](const std::string& s) {
                try {
                    codebook::parse_fold({s});
                    return std::string();
                } catch (const Error& e) {
                    return e.message();
                }
            },
            "case,diacritics,umlauts,stem"));
    cmd->callback([&ctx] {
        auto store = ctx.open();
        analysis::KwicOptions o;
        o.pattern = pattern;
        o.speakers = speakers;
        o.window = width;
        o.fold = codebook::parse_fold({fold});
        emit(analysis::kwic_table(store, options.filter(), o), options);
    });
}

}  // namespace qcode::cli
