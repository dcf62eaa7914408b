#include "autocode/run.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <memory>
#include <span>

#include "autocode/scope.hpp"
#include "core/error.hpp"
#include "core/utf8.hpp"
#include "text/fold.hpp"
#include "text/tokenize.hpp"

namespace qcode::autocode {

namespace {

// "fold=case, umlauts (codebook default), 2 codes with their own fold" when
// a code with patterns folds more than case; "" for plain case folding, so
// the options of such runs read as before folds existed.
std::string describe_folds(const codebook::Codebook& cb) {
    const text::FoldOptions plain;
    bool beyond_case = false;
    std::size_t own = 0;
    codebook::for_each_code(cb.codes, [&](const codebook::Code& c) {
        if (c.patterns.empty()) return;  // not autocoded (Matcher)
        beyond_case = beyond_case || c.fold.value_or(cb.defaults.fold) != plain;
        own += c.fold && *c.fold != cb.defaults.fold;
    });
    if (!beyond_case) return {};
    std::string s = "fold=" + text::to_string(cb.defaults.fold) + " (codebook default)";
    if (own) s += ", " + std::to_string(own) + (own == 1 ? " code with its own fold" : " codes with their own fold");
    return s;
}

std::string describe_options(const codebook::Codebook& cb, const Options& o, const Scopes& scopes) {
    std::string s = "unit=" + std::string(to_string(o.unit.value_or(cb.defaults.unit)));
    s += o.unit ? " (--unit)" : " (codebook default)";
    s += "; speakers=" + std::string(codebook::to_string(cb.defaults.speakers));
    if (const auto scoped = scopes.describe(); !scoped.empty()) s += "; " + scoped;
    if (const auto folds = describe_folds(cb); !folds.empty()) s += "; " + folds;
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
            throw Error("code '" + std::string(c.path) + "' is in the codebook but not in the project; run `qcode codebook import` first");
    const Scopes scopes(store, cb, matcher, options.coder);

    // Which unit kinds are needed, and which codes look at each.
    std::map<UnitKind, std::vector<std::size_t>> codes_by_kind;
    for (std::size_t i = 0; i < matcher.codes().size(); ++i) codes_by_kind[matcher.codes()[i].unit].push_back(i);

    // The transaction opens before the matching so that each document's
    // codings go to the store as they are found (Scopes has read the
    // codings it needs already); an error rolls all of it back.
    std::unique_ptr<store::Transaction> tx;
    Id run_id = 0;
    if (!options.dry_run) {
        tx = store.transaction();
        report.replaced = store.delete_auto_codings(options.coder);
        store::RunRow run_row;
        run_row.codebook_sha256 = cb.sha256;
        run_row.options = describe_options(cb, options, scopes);
        run_row.coder = options.coder;
        run_id = store.add_run(run_row);
    }

    std::vector<Hit> hits;
    std::vector<Found> found;  // one document's, when the report does not keep them
    std::vector<Coding> codings;
    const auto documents = store.documents();
    // A report that keeps its findings grows to millions of them on a large
    // project; reserving what the documents so far project for the whole
    // (by length) spares most of the vector's doubling and copying.
    std::uint64_t total_length = 0, length_done = 0;
    for (const auto& doc : documents) total_length += doc.length;
    for (const auto& doc : documents) {
        if (options.keep_found && length_done > 0) {
            const auto projected = static_cast<std::size_t>(static_cast<double>(report.found.size()) *
                                                            static_cast<double>(total_length) /
                                                            static_cast<double>(length_done) * 1.05);
            // At least half as much again: a projection that creeps up must
            // not copy the vector once per document.
            if (projected > report.found.capacity())
                report.found.reserve(std::max(projected, report.found.capacity() + report.found.capacity() / 2));
        }
        length_done += doc.length;
        ++report.documents;
        report.document_names.emplace(doc.id, doc.name);
        auto scope = scopes.document(doc.id);
        // Which codes may match, by speaker: within a document that depends
        // only on the unit's speaker and role, and a document has few speakers.
        std::vector<std::pair<std::pair<std::string, std::optional<Role>>, std::vector<std::size_t>>> candidates_by_speaker;
        DocumentUnits units_by_kind;  // kept for context: N
        std::vector<Pending> pending;
        const auto text = store.document_text(doc.id);
        const auto tokens = text::tokenize(text);  // once per document, shared by all unit kinds
        auto prepared = matcher.prepare(text, tokens, doc.name);  // folded once per fold, for every unit kind
        for (const auto& [kind, codes] : codes_by_kind) {
            std::size_t t = 0;
            candidates_by_speaker.clear();
            const auto& units = units_by_kind[kind] = store.units(kind, doc.id);
            const store::UnitRow* admitted_for = nullptr;  // the last unit candidates were looked up for
            for (std::size_t u = 0; u < units.size(); ++u) {
                const auto& unit = units[u];
                ++report.units;
                // Consecutive units (the sentences of a turn) mostly share their speaker.
                if (!admitted_for || admitted_for->role != unit.role || admitted_for->speaker != unit.speaker) {
                    auto it = std::find_if(candidates_by_speaker.begin(), candidates_by_speaker.end(), [&](const auto& e) {
                        return e.first.second == unit.role && e.first.first == unit.speaker;
                    });
                    if (it == candidates_by_speaker.end()) {
                        std::vector<std::size_t> admitted;
                        for (auto c : codes)
                            if (scope.admits(c, unit)) admitted.push_back(c);
                        candidates_by_speaker.emplace_back(std::make_pair(unit.speaker, unit.role), std::move(admitted));
                        it = std::prev(candidates_by_speaker.end());
                    }
                    matcher.want(prepared, it->second);  // a no-op when they are the last ones
                    admitted_for = &unit;
                }
                // Units of one kind are in text order and do not overlap: walk the tokens once.
                while (t < tokens.size() && tokens[t].span.start < unit.span.start) ++t;
                std::size_t end = t;
                while (end < tokens.size() && tokens[end].span.end <= unit.span.end) ++end;
                hits.clear();
                matcher.match(prepared, unit.span, t, end, hits);
                for (const auto& h : hits)
                    pending.push_back(Pending{h.code, u,
                                              Found{doc.id, unit.span, h.match, matcher.codes()[h.code].path,
                                                    h.rule->source, kind, unit.ordinal}});
                t = end;
            }
        }
        // within: and context: need every code's findings in the document.
        // Those that stand go straight to the report when it keeps them.
        auto& kept = options.keep_found ? report.found : found;
        const std::size_t first_new = options.keep_found ? kept.size() : 0;
        if (!options.keep_found) found.clear();
        scopes.finish(doc.id, units_by_kind, pending, kept);
        const std::span<const Found> standing(kept.data() + first_new, kept.size() - first_new);
        report.codings += standing.size();
        if (!options.dry_run) {
            codings.clear();
            for (const auto& f : standing)
                codings.push_back(Coding{f.document, f.span, code_ids.find(f.code_path)->second, options.coder,
                                         Origin::automatic, std::string(f.rule), run_id, {}});
            store.add_codings(codings);
        }
    }
    if (options.dry_run) return report;

    store.set_run_codings(run_id, static_cast<std::int64_t>(report.codings));
    tx->commit();
    report.run = run_id;
    return report;
}

}  // namespace qcode::autocode
