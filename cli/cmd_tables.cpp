// qcode freq, qcode cooc
#include "analysis/cooccurrence.hpp"
#include "analysis/frequency.hpp"
#include "context.hpp"
#include "core/error.hpp"

namespace qcode::cli {

namespace {

// Accepts document|speaker|role|attr:NAME (for --by and --cols).
std::string check_group_by(const std::string& s) {
    return analysis::parse_group_by(s) ? std::string() : "use document, speaker, role or attr:NAME, not '" + s + "'";
}

std::string check_scope(const std::string& s) {
    return analysis::parse_scope_spec(s) ? std::string()
                                         : "use overlap, sentence, turn, paragraph, window:N or document, not '" + s + "'";
}

}  // namespace

void register_table_commands(CLI::App& app, Context& ctx) {
    static TableOptions freq_options;
    static std::string by;
    static bool words = false;
    auto* freq = app.add_subcommand("freq", "Code frequencies: segments, documents, share of documents");
    add_table_options(*freq, freq_options);
    freq->add_option("--by", by, "Counts per group: document, speaker, role or attr:NAME")
        ->check(CLI::Validator(check_group_by, "document|speaker|role|attr:NAME"));
    freq->add_flag("--words", words, "Add coded words and their share of all words (NVivo's coverage)");
    freq->callback([&ctx] {
        auto store = ctx.open();
        analysis::FrequencyOptions options;
        options.selection = freq_options.selection();
        if (!by.empty()) options.by = analysis::parse_group_by(by);
        options.words = words;
        emit(analysis::frequencies(store, freq_options.filter(), options), freq_options);
    });

    static TableOptions cooc_options;
    static std::string scope = "overlap", measure = "count", rows, cols;
    static bool long_form = false, flag = false;
    static std::int64_t min = 0;
    auto* cooc = app.add_subcommand("cooc", "Code co-occurrence matrix or pair list");
    add_table_options(*cooc, cooc_options);
    cooc->add_option("--scope", scope, "Where codes meet: overlap, sentence, turn, paragraph, window:N, document")
        ->check(CLI::Validator(check_scope, "overlap|sentence|turn|paragraph|window:N|document"));
    cooc->add_option("--measure", measure, "Matrix cell: count, jaccard, conditional, dice, ochiai")
        ->check(CLI::IsMember({"count", "jaccard", "conditional", "dice", "ochiai"}));
    cooc->add_flag("--long", long_form, "One row per pair with every measure");
    cooc->add_option("--rows", rows, "Row codes: this subtree (a code path), crossed with --cols");
    cooc->add_option("--cols", cols, "Column codes: this subtree (a code path), crossed with --rows");
    cooc->add_flag("--flag", flag, "Add a flag column where one code is used more than 5x as often as the other");
    cooc->add_option("--min", min, "Hide pairs with a count below N")->check(CLI::NonNegativeNumber);
    cooc->callback([&ctx] {
        auto store = ctx.open();
        analysis::CoocOptions options;
        const auto spec = *analysis::parse_scope_spec(scope);
        options.scope = spec.scope;
        options.window = spec.window;
        options.measure = *analysis::parse_measure(measure);
        options.long_form = long_form;
        options.selection = cooc_options.selection();
        if (!rows.empty()) options.rows = rows;
        if (!cols.empty()) options.cols = cols;
        options.flag = flag;
        options.min = min;
        emit(analysis::cooccurrence_table(store, cooc_options.filter(), options), cooc_options);
    });
}

}  // namespace qcode::cli
