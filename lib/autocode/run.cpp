#include "autocode/run.hpp"

#include <algorithm>
#include <future>
#include <iterator>
#include <map>
#include <memory>
#include <span>

#include "autocode/scope.hpp"
#include "autocode/worker.hpp"
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

// One document as the worker gets it: read from the store by the run's thread.
struct DocumentJob {
    Id document = 0;
    std::string name;
    std::uint32_t length = 0;  // code points
    std::string text;
    DocumentUnits units;  // the kinds the codebook needs
    Scopes::Document scope;
};

// What the worker found in it, before within: and context: (Scopes::finish).
struct DocumentFindings {
    Id document = 0;
    std::uint32_t length = 0;
    std::size_t units_looked_at = 0;
    DocumentUnits units;  // handed back: context: N reads them
    std::vector<Pending> pending;
};

// Tokenizes the document once and matches every unit of every kind the
// codebook needs against the codes its scope admits there.
DocumentFindings match_document(const Matcher& matcher, const std::map<UnitKind, std::vector<std::size_t>>& codes_by_kind,
                                DocumentJob& job) {
    DocumentFindings out;
    out.document = job.document;
    out.length = job.length;
    const auto tokens = text::tokenize(job.text);  // once per document, shared by all unit kinds
    auto prepared = matcher.prepare(job.text, tokens, job.name);  // folded once per fold, for every unit kind
    // Which codes may match, by speaker: within a document that depends
    // only on the unit's speaker and role, and a document has few speakers.
    std::vector<std::pair<std::pair<std::string, std::optional<Role>>, std::vector<std::size_t>>> candidates_by_speaker;
    std::vector<Hit> hits;
    for (const auto& [kind, codes] : codes_by_kind) {
        std::size_t t = 0;
        candidates_by_speaker.clear();
        const auto& units = job.units[kind];
        const store::UnitRow* admitted_for = nullptr;  // the last unit candidates were looked up for
        for (std::size_t u = 0; u < units.size(); ++u) {
            const auto& unit = units[u];
            ++out.units_looked_at;
            // Consecutive units (the sentences of a turn) mostly share their speaker.
            if (!admitted_for || admitted_for->role != unit.role || admitted_for->speaker != unit.speaker) {
                auto it = std::find_if(candidates_by_speaker.begin(), candidates_by_speaker.end(), [&](const auto& e) {
                    return e.first.second == unit.role && e.first.first == unit.speaker;
                });
                if (it == candidates_by_speaker.end()) {
                    std::vector<std::size_t> admitted;
                    for (auto c : codes)
                        if (job.scope.admits(c, unit)) admitted.push_back(c);
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
                out.pending.push_back(Pending{h.code, u,
                                              Found{job.document, unit.span, h.match, matcher.codes()[h.code].path,
                                                    h.rule->source, kind, unit.ordinal}});
            t = end;
        }
    }
    out.units = std::move(job.units);
    return out;
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

    std::vector<Found> found;  // one document's, when the report does not keep them
    std::vector<Coding> codings;
    const auto documents = store.documents();
    // A report that keeps its findings grows to millions of them on a large
    // project; reserving what the documents so far project for the whole
    // (by length) spares most of the vector's doubling and copying.
    std::uint64_t total_length = 0, length_done = 0;
    for (const auto& doc : documents) total_length += doc.length;

    // What the worker found in one document: applies within:, context: and
    // merging, hands the findings that stand to the report and the store.
    auto take = [&](DocumentFindings in) {
        if (options.keep_found && length_done > 0) {
            const auto projected = static_cast<std::size_t>(static_cast<double>(report.found.size()) *
                                                            static_cast<double>(total_length) /
                                                            static_cast<double>(length_done) * 1.05);
            // At least half as much again: a projection that creeps up must
            // not copy the vector once per document.
            if (projected > report.found.capacity())
                report.found.reserve(std::max(projected, report.found.capacity() + report.found.capacity() / 2));
        }
        length_done += in.length;
        report.units += in.units_looked_at;
        auto& kept = options.keep_found ? report.found : found;
        const std::size_t first_new = options.keep_found ? kept.size() : 0;
        if (!options.keep_found) found.clear();
        scopes.finish(in.document, in.units, in.pending, kept);
        const std::span<const Found> standing(kept.data() + first_new, kept.size() - first_new);
        report.codings += standing.size();
        if (!options.dry_run) {
            codings.clear();
            for (const auto& f : standing)
                codings.push_back(Coding{f.document, f.span, code_ids.find(f.code_path)->second, options.coder,
                                         Origin::automatic, std::string(f.rule), run_id, {}});
            store.add_codings(codings);
        }
    };

    // One document ahead: while the worker matches document i, this thread
    // reads document i + 1 and stores the codings of document i - 1.
    Worker<DocumentFindings> worker;  // after everything its tasks refer to
    std::future<DocumentFindings> in_flight;
    for (const auto& doc : documents) {
        ++report.documents;
        report.document_names.emplace(doc.id, doc.name);
        DocumentJob job{doc.id, doc.name, doc.length, store.document_text(doc.id), {}, scopes.document(doc.id)};
        for (const auto& [kind, codes] : codes_by_kind) job.units[kind] = store.units(kind, doc.id);
        auto next = worker.submit([&matcher, &codes_by_kind, job = std::move(job)]() mutable {
            return match_document(matcher, codes_by_kind, job);
        });
        if (in_flight.valid()) take(in_flight.get());
        in_flight = std::move(next);
    }
    if (in_flight.valid()) take(in_flight.get());
    if (options.dry_run) return report;

    store.set_run_codings(run_id, static_cast<std::int64_t>(report.codings));
    tx->commit();
    report.run = run_id;
    return report;
}

}  // namespace qcode::autocode
