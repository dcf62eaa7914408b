#include "autocode/lint_usage.hpp"

#include <fmt/format.h>

#include <map>

#include "autocode/matcher.hpp"
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

std::string describe(UnitKind kind, codebook::SpeakerScope scope) {
    const std::string units = kind == UnitKind::sentence ? "sentences" : kind == UnitKind::turn ? "turns" : "paragraphs";
    switch (scope) {
        case codebook::SpeakerScope::respondents: return "respondent " + units;
        case codebook::SpeakerScope::interviewers: return "interviewer " + units;
        case codebook::SpeakerScope::all: return units;
    }
    return units;
}

struct Probe {
    std::string code_path;
    const codebook::Pattern* pattern = nullptr;
};

}  // namespace

std::vector<codebook::Finding> lint_usage(store::Store& store, const codebook::Codebook& cb, const UsageOptions& options) {
    // One code per pattern, so the matcher says which pattern hit.
    codebook::Codebook probe_book;
    probe_book.defaults = cb.defaults;
    std::vector<Probe> probes;
    codebook::for_each_code(cb.codes, [&](const codebook::Code& c) {
        for (const auto& p : c.patterns) {
            codebook::Code probe;
            probe.id = "p" + std::to_string(probes.size());
            probe.path = probe.id;
            probe.label = probe.id;
            probe.patterns.push_back(p);
            probe.unit = c.unit.value_or(cb.defaults.unit);
            probe.speakers = c.speakers.value_or(cb.defaults.speakers);
            probe_book.codes.push_back(std::move(probe));
            probes.push_back(Probe{c.path, &p});
        }
    });
    std::vector<codebook::Finding> findings;
    if (probes.empty()) return findings;

    const Matcher matcher(probe_book, std::nullopt);
    std::map<UnitKind, std::vector<std::size_t>> by_kind;  // matcher code indexes per unit kind
    for (std::size_t i = 0; i < matcher.codes().size(); ++i) by_kind[matcher.codes()[i].unit].push_back(i);
    std::vector<std::size_t> hits(matcher.codes().size(), 0);
    std::map<std::pair<UnitKind, codebook::SpeakerScope>, std::size_t> units_in_scope;

    std::vector<Hit> found;
    std::vector<std::size_t> candidates;
    for (const auto& doc : store.documents()) {
        const auto tokens = text::tokenize(store.document_text(doc.id));
        for (const auto& [kind, codes] : by_kind) {
            std::size_t t = 0;
            for (const auto& unit : store.units(kind, doc.id)) {
                for (auto scope : {codebook::SpeakerScope::respondents, codebook::SpeakerScope::interviewers,
                                   codebook::SpeakerScope::all})
                    if (in_scope(scope, unit.role)) ++units_in_scope[{kind, scope}];
                candidates.clear();
                for (auto c : codes)
                    if (in_scope(matcher.codes()[c].speakers, unit.role)) candidates.push_back(c);
                while (t < tokens.size() && tokens[t].span.start < unit.span.start) ++t;
                std::size_t end = t;
                while (end < tokens.size() && tokens[end].span.end <= unit.span.end) ++end;
                found.clear();
                if (!candidates.empty()) matcher.match(tokens, t, end, candidates, found);
                for (const auto& h : found) ++hits[h.code];
                t = end;
            }
        }
    }

    const std::string file = options.file.empty() ? cb.source_path : options.file;
    for (std::size_t i = 0; i < matcher.codes().size(); ++i) {
        const auto& mc = matcher.codes()[i];
        const auto total = units_in_scope[{mc.unit, mc.speakers}];
        if (total == 0) continue;
        const double share = static_cast<double>(hits[i]) / static_cast<double>(total);
        if (share <= options.max_share) continue;
        const auto& probe = probes[std::stoul(mc.path.substr(1))];
        codebook::Finding f;
        f.file = file;
        f.line = probe.pattern->line;
        f.severity = codebook::Severity::warning;
        f.code = probe.code_path;
        f.check = "too-broad";
        f.message = fmt::format(
            "pattern '{}' of code '{}' hits {:.1f}% of {} ({} of {}), more than --max-share {:g}%: too broad to tell "
            "units apart",
            probe.pattern->source, probe.code_path, 100.0 * share, describe(mc.unit, mc.speakers), hits[i], total,
            100.0 * options.max_share);
        findings.push_back(std::move(f));
    }
    return findings;
}

}  // namespace qcode::autocode
