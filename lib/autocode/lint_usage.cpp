#include "autocode/lint_usage.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "autocode/matcher.hpp"
#include "autocode/scope.hpp"
#include "core/error.hpp"
#include "text/tokenize.hpp"

namespace qcode::autocode {

namespace {

// The units a code looks at, in words: "respondent sentences", "turns of
// B1, IP 2 in documents with kommune = Köln".
std::string describe(const codebook::Code& code, UnitKind kind, codebook::SpeakerScope scope) {
    const std::string units = kind == UnitKind::sentence ? "sentences" : kind == UnitKind::turn ? "turns" : "paragraphs";
    std::string out;
    if (!code.speaker_labels.empty()) {
        out = units + " of ";
        for (std::size_t i = 0; i < code.speaker_labels.size(); ++i) out += (i ? ", " : "") + code.speaker_labels[i];
    } else {
        switch (scope) {
            case codebook::SpeakerScope::respondents: out = "respondent " + units; break;
            case codebook::SpeakerScope::interviewers: out = "interviewer " + units; break;
            case codebook::SpeakerScope::all: out = units; break;
        }
    }
    for (std::size_t i = 0; i < code.where.size(); ++i) {
        const auto& w = code.where[i];
        out += i ? ", " : " in documents with ";
        out += w.name + " = ";
        for (std::size_t k = 0; k < w.values.size(); ++k) out += (k ? " or " : "") + w.values[k];
    }
    return out;
}

// One code of the codebook with patterns, and the probes (one code of the
// probe book per pattern) that stand for it.
struct Group {
    const codebook::Code* code = nullptr;
    std::vector<std::size_t> probes;  // indexes into `probes`, then into the matcher's codes
    std::size_t units = 0;            // units in its scope
};

struct Probe {
    std::size_t group = 0;
    const codebook::Pattern* pattern = nullptr;
};

// One code per pattern, so the matcher says which pattern hit; each keeps
// its code's unit, speakers, speaker labels and where: (not within: and
// context:, which decide what a hit covers, not which units it can hit).
// Codes in `left_out` (by line) get no probes.
codebook::Codebook probe_book(const codebook::Codebook& cb, const std::set<int>& left_out, std::vector<Group>& groups,
                              std::vector<Probe>& probes) {
    codebook::Codebook book;
    book.defaults = cb.defaults;
    book.source_path = cb.source_path;
    groups.clear();
    probes.clear();
    codebook::for_each_code(cb.codes, [&](const codebook::Code& c) {
        if (c.patterns.empty() || left_out.contains(c.line)) return;
        groups.push_back(Group{&c, {}, 0});
        for (const auto& p : c.patterns) {
            codebook::Code probe;
            probe.id = fmt::format("p{}", probes.size());
            probe.path = probe.id;
            probe.label = probe.id;
            probe.line = c.line;
            probe.patterns.push_back(p);
            probe.unit = c.unit.value_or(cb.defaults.unit);
            probe.speakers = c.speakers.value_or(cb.defaults.speakers);
            probe.speaker_labels = c.speaker_labels;
            probe.where = c.where;
            groups.back().probes.push_back(probes.size());
            book.codes.push_back(std::move(probe));
            probes.push_back(Probe{groups.size() - 1, &p});
        }
    });
    return book;
}

}  // namespace

std::vector<codebook::Finding> lint_usage(store::Store& store, const codebook::Codebook& cb, const UsageOptions& options) {
    const std::string file = options.file.empty() ? cb.source_path : options.file;
    std::vector<codebook::Finding> findings;

    // The run's scopes refuse a where: naming an attribute no document has;
    // lint says so (as the run would) and measures the other codes.
    std::set<int> left_out;
    std::vector<Group> groups;
    std::vector<Probe> probes;
    codebook::Codebook book;
    std::optional<Matcher> matcher;
    std::optional<Scopes> scopes;
    while (true) {
        scopes.reset();
        matcher.reset();
        book = probe_book(cb, left_out, groups, probes);
        if (probes.empty()) return findings;
        matcher.emplace(book, std::nullopt);
        try {
            scopes.emplace(store, book, *matcher, std::string());
            break;
        } catch (const Error& e) {
            if (e.line() <= 0 || left_out.contains(e.line())) throw;
            left_out.insert(e.line());
            codebook::Finding f;
            f.file = file;
            f.line = e.line();
            f.severity = codebook::Severity::warning;
            for (const auto& g : groups)
                if (g.code->line == e.line()) f.code = g.code->path;
            f.check = "unknown-attribute";
            // The message names the probe; name the code instead.
            f.message = e.message();
            if (const auto at = f.message.find("' has where:"); f.message.starts_with("code '") && at != std::string::npos)
                f.message = "code '" + f.code + f.message.substr(at);
            findings.push_back(std::move(f));
        }
    }

    // The probes as the matcher numbers its codes.
    std::vector<std::size_t> probe_of(matcher->codes().size());
    for (std::size_t i = 0; i < probe_of.size(); ++i) probe_of[i] = std::stoul(std::string(matcher->codes()[i].path.substr(1)));
    for (auto& g : groups)
        for (auto& p : g.probes) p = static_cast<std::size_t>(std::find(probe_of.begin(), probe_of.end(), p) - probe_of.begin());

    std::map<UnitKind, std::vector<std::size_t>> by_kind;  // groups per unit kind
    for (std::size_t g = 0; g < groups.size(); ++g)
        by_kind[matcher->codes()[groups[g].probes.front()].unit].push_back(g);
    std::vector<std::size_t> hits(matcher->codes().size(), 0);

    std::vector<Hit> found;
    std::vector<std::size_t> candidates;
    for (const auto& doc : store.documents()) {
        auto scope = scopes->document(doc.id);
        const auto text = store.document_text(doc.id);
        const auto tokens = text::tokenize(text);
        auto prepared = matcher->prepare(text, tokens, doc.name);
        for (const auto& [kind, kind_groups] : by_kind) {
            std::size_t t = 0;
            for (const auto& unit : store.units(kind, doc.id)) {
                // A code's probes share its scope: ask for the first.
                candidates.clear();
                for (auto g : kind_groups) {
                    auto& group = groups[g];
                    if (!scope.admits(group.probes.front(), unit)) continue;
                    ++group.units;
                    candidates.insert(candidates.end(), group.probes.begin(), group.probes.end());
                }
                while (t < tokens.size() && tokens[t].span.start < unit.span.start) ++t;
                std::size_t end = t;
                while (end < tokens.size() && tokens[end].span.end <= unit.span.end) ++end;
                found.clear();
                if (!candidates.empty()) matcher->match(prepared, unit.span, t, end, candidates, found);
                for (const auto& h : found) ++hits[h.code];
                t = end;
            }
        }
    }

    for (std::size_t i = 0; i < matcher->codes().size(); ++i) {
        const auto& mc = matcher->codes()[i];
        const auto& probe = probes[probe_of[i]];
        const auto& group = groups[probe.group];
        if (group.units == 0) continue;
        const double share = static_cast<double>(hits[i]) / static_cast<double>(group.units);
        if (share <= options.max_share) continue;
        codebook::Finding f;
        f.file = file;
        f.line = probe.pattern->line;
        f.severity = codebook::Severity::warning;
        f.code = group.code->path;
        f.check = "too-broad";
        f.message = fmt::format(
            "pattern '{}' of code '{}' hits {:.1f}% of {} ({} of {}), more than --max-share {:g}%: too broad to tell "
            "units apart",
            probe.pattern->source, group.code->path, 100.0 * share, describe(*group.code, mc.unit, mc.speakers), hits[i],
            group.units, 100.0 * options.max_share);
        findings.push_back(std::move(f));
    }
    return findings;
}

}  // namespace qcode::autocode
