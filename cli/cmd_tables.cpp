// qcode freq, qcode cooc
#include "analysis/cooccurrence.hpp"
#include "analysis/frequency.hpp"
#include "context.hpp"

namespace qcode::cli {

void register_table_commands(CLI::App& app, Context& ctx) {
    static TableOptions freq_options;
    auto* freq = app.add_subcommand("freq", "Code frequencies: segments, documents, share of documents");
    add_table_options(*freq, freq_options);
    freq->callback([&ctx] {
        auto store = ctx.open();
        emit(analysis::frequency_table(store, freq_options.filter(), freq_options.selection()), freq_options);
    });

    static TableOptions cooc_options;
    static std::string scope = "overlap", measure = "count";
    static bool long_form = false;
    auto* cooc = app.add_subcommand("cooc", "Code co-occurrence matrix or pair list");
    add_table_options(*cooc, cooc_options);
    cooc->add_option("--scope", scope, "Where codes meet: overlap, sentence, turn, paragraph, document")
        ->check(CLI::IsMember({"overlap", "sentence", "turn", "paragraph", "document"}));
    cooc->add_option("--measure", measure, "Matrix cell: count, jaccard, conditional, dice, ochiai")
        ->check(CLI::IsMember({"count", "jaccard", "conditional", "dice", "ochiai"}));
    cooc->add_flag("--long", long_form, "One row per pair with every measure");
    cooc->callback([&ctx] {
        auto store = ctx.open();
        analysis::CoocOptions options;
        options.scope = *analysis::parse_cooc_scope(scope);
        options.measure = *analysis::parse_measure(measure);
        options.long_form = long_form;
        options.selection = cooc_options.selection();
        emit(analysis::cooccurrence_table(store, cooc_options.filter(), options), cooc_options);
    });
}

}  // namespace qcode::cli
