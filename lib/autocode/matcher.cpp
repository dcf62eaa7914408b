#include "autocode/matcher.hpp"

#include <algorithm>
#include <set>

namespace qcode::autocode {

using codebook::Pattern;
using codebook::WordGlob;

namespace {

bool word_matches(const WordGlob& g, std::string_view token) {
    switch (g.kind) {
        case WordGlob::Kind::exact: return token == g.literal;
        case WordGlob::Kind::prefix: return token.starts_with(g.literal);
        case WordGlob::Kind::suffix: return token.ends_with(g.literal);
        case WordGlob::Kind::infix: return token.find(g.literal) != std::string_view::npos;
        case WordGlob::Kind::any: return true;
        case WordGlob::Kind::general: return codebook::glob_match(g.text, token);
    }
    return false;
}

bool is_boundary(std::string_view s, std::size_t i) {
    return i == s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
}

}  // namespace

Matcher::Matcher(const codebook::Codebook& cb, std::optional<UnitKind> unit_override) {
    const UnitKind default_unit = unit_override.value_or(cb.defaults.unit);
    codebook::for_each_code(cb.codes, [&](const codebook::Code& c) {
        if (c.patterns.empty()) return;
        CompiledCode cc;
        cc.path = c.path;
        cc.unit = c.unit.value_or(default_unit);
        cc.speakers = c.speakers.value_or(cb.defaults.speakers);
        const auto index = static_cast<std::uint32_t>(codes_.size());
        std::uint32_t order = 0;
        for (const auto& p : c.patterns) {
            cc.patterns.push_back(&p);
            add(p, index, order++, false);
        }
        for (const auto& p : c.exclude) {
            cc.exclude.push_back(&p);
            add(p, index, order++, true);
        }
        codes_.push_back(std::move(cc));
    });
    std::set<std::size_t> pl, sl;
    for (const auto& [k, v] : prefix_) pl.insert(k.size());
    for (const auto& [k, v] : suffix_) sl.insert(k.size());
    prefix_lengths_.assign(pl.begin(), pl.end());
    suffix_lengths_.assign(sl.begin(), sl.end());
}

void Matcher::add(const Pattern& p, std::uint32_t code, std::uint32_t order, bool exclude) {
    const Entry e{code, order, exclude, &p};
    const auto& first = p.words.front();
    switch (first.kind) {
        case WordGlob::Kind::exact: exact_[first.literal].push_back(e); break;
        case WordGlob::Kind::prefix: prefix_[first.literal].push_back(e); break;
        case WordGlob::Kind::suffix: suffix_[first.literal].push_back(e); break;
        default: scan_.push_back(e); break;
    }
}

bool Matcher::rest_matches(const Pattern& p, const std::vector<text::Token>& tokens, std::size_t at,
                           std::size_t last) const {
    if (at + p.words.size() > last) return false;
    for (std::size_t w = 1; w < p.words.size(); ++w)
        if (!word_matches(p.words[w], tokens[at + w].folded)) return false;
    return true;
}

void Matcher::match(const std::vector<text::Token>& tokens, std::size_t first, std::size_t last,
                    const std::vector<std::size_t>& candidates, std::vector<Hit>& out) const {
    if (candidates.empty() || first >= last) return;
    // Per code: the best (lowest-order) including pattern that fired, and whether an exclude fired.
    thread_local std::vector<std::uint32_t> best;
    thread_local std::vector<const Pattern*> best_rule;
    thread_local std::vector<std::size_t> best_at;
    thread_local std::vector<char> vetoed, wanted;
    best.assign(codes_.size(), UINT32_MAX);
    best_rule.assign(codes_.size(), nullptr);
    best_at.assign(codes_.size(), 0);
    vetoed.assign(codes_.size(), 0);
    wanted.assign(codes_.size(), 0);
    for (auto c : candidates) wanted[c] = 1;

    auto consider = [&](const Entry& e, std::size_t at) {
        if (!wanted[e.code]) return;
        if (e.exclude ? vetoed[e.code] : e.order >= best[e.code]) return;
        if (!rest_matches(*e.pattern, tokens, at, last)) return;
        if (e.exclude) {
            vetoed[e.code] = 1;
        } else {
            best[e.code] = e.order;
            best_rule[e.code] = e.pattern;
            best_at[e.code] = at;
        }
    };
    auto consider_all = [&](const std::vector<Entry>& entries, std::size_t at) {
        for (const auto& e : entries) consider(e, at);
    };

    for (std::size_t i = first; i < last; ++i) {
        const std::string_view word = tokens[i].folded;
        if (auto it = exact_.find(std::string(word)); it != exact_.end()) consider_all(it->second, i);
        for (auto len : prefix_lengths_) {
            if (len > word.size()) break;
            if (!is_boundary(word, len)) continue;
            if (auto it = prefix_.find(std::string(word.substr(0, len))); it != prefix_.end()) consider_all(it->second, i);
        }
        for (auto len : suffix_lengths_) {
            if (len > word.size()) break;
            if (!is_boundary(word, word.size() - len)) continue;
            if (auto it = suffix_.find(std::string(word.substr(word.size() - len))); it != suffix_.end())
                consider_all(it->second, i);
        }
        for (const auto& e : scan_)
            if (word_matches(e.pattern->words.front(), word)) consider(e, i);
    }
    for (auto c : candidates)
        if (best_rule[c] && !vetoed[c])
            out.push_back(Hit{c, best_rule[c], best_at[c], best_at[c] + best_rule[c]->words.size()});
}

}  // namespace qcode::autocode
