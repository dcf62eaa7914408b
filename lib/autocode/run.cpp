#include "autocode/run.hpp"

#include <map>

#include "core/error.hpp"
#include "core/utf8.hpp"
#include "text/tokenize.hpp"

namespace qcode::autocode {

namespace {

bool in_scope(codebook::SpeakerScope scope, const std::optional<Role>& role) {
    switch (scope) {
        case codebook::SpeakerScope::all: return true;
        case codebook::SpeakerScope::respondents: return role == Role::respondent;
        case codebook::SpeakerScope::interviewers: return role && asks_questions(*role);
    }
    return false;
}

std::string describe_options(const codebook::Codebook& cb, const Options& o) {
    std::string s = "unit=" + std::string(to_string(o.unit.value_or(cb.defaults.unit)));
    s += o.unit ? " (--unit)" : " (codebook default)";
    s += "; speakers=" + std::string(codebook::to_string(cb.defaults.speakers));
    return s;
}

}  // namespace

Report run(store::Store& store, const codebook::Codebook& cb, const Options& options) {
    const Matcher matcher(cb, options.unit);
    Report report;

    std::map<std::string, Id, std::less<>> code_ids;
    for (const auto& c : store.codes()) code_ids[c.path] = c.id;
    for (const auto& c : matcher.codes())
        if (!code_ids.contains(c.path))
            throw Error("code '" + c.path + "' is in the codebook but not in the project; run `qcode codebook import` first");

    // Which unit kinds are needed, and which codes look at each.
    std::map<UnitKind, std::vector<std::size_t>> codes_by_kind;
    for (std::size_t i = 0; i < matcher.codes().size(); ++i) codes_by_kind[matcher.codes()[i].unit].push_back(i);

    std::vector<Hit> hits;
    std::vector<std::size_t> candidates;
    for (const auto& doc : store.documents()) {
        ++report.documents;
        const auto text = store.document_text(doc.id);
        const auto tokens = text::tokenize(text);  // once per document, shared by all unit kinds
        for (const auto& [kind, codes] : codes_by_kind) {
            std::size_t t = 0;
            for (const auto& unit : store.units(kind, doc.id)) {
                ++report.units;
                candidates.clear();
                for (auto c : codes)
                    if (in_scope(matcher.codes()[c].speakers, unit.role)) candidates.push_back(c);
                // Units of one kind are in text order and do not overlap: walk the tokens once.
                while (t < tokens.size() && tokens[t].span.start < unit.span.start) ++t;
                std::size_t end = t;
                while (end < tokens.size() && tokens[end].span.end <= unit.span.end) ++end;
                hits.clear();
                matcher.match(tokens, t, end, candidates, hits);
                for (const auto& h : hits)
                    report.found.push_back(Found{doc.id, doc.name, unit.span,
                                                Span{tokens[h.first_token].span.start, tokens[h.last_token - 1].span.end},
                                                matcher.codes()[h.code].path, h.rule->source, kind, unit.ordinal});
                t = end;
            }
        }
    }
    if (options.dry_run) return report;

    auto tx = store.transaction();
    report.replaced = store.delete_auto_codings(options.coder);
    store::RunRow run_row;
    run_row.codebook_sha256 = cb.sha256;
    run_row.options = describe_options(cb, options);
    run_row.coder = options.coder;
    const Id run_id = store.add_run(run_row);
    std::vector<Coding> codings;
    codings.reserve(report.found.size());
    for (const auto& f : report.found)
        codings.push_back(Coding{f.document, f.span, code_ids.at(f.code_path), options.coder, Origin::automatic, f.rule,
                                 run_id, {}});
    store.add_codings(codings);
    store.set_run_codings(run_id, static_cast<std::int64_t>(codings.size()));
    tx->commit();
    report.run = run_id;
    return report;
}

}  // namespace qcode::autocode
