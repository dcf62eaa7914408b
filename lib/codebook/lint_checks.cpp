// The checks of lint_yaml on what loaded: for mistakes the loader accepts
// (empty codes, duplicate, shadowed and never-matching patterns) and every
// `within:` problem; also pattern_covers and glob_can_match_a_token.
#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "codebook/codebook.hpp"
#include "codebook/lint.hpp"
#include "codebook/lint_walk.hpp"
#include "core/utf8.hpp"
#include "text/tokenize.hpp"

namespace qcode::codebook {

namespace {

// One word or one "quoted phrase": no operators, no re:.
bool is_simple(const Pattern& p) { return p.is_phrase() && !p.phrases.empty(); }

// Equal keys match the same units: the folded words of a phrase; other
// patterns compare as written.
std::string pattern_key(const Pattern& p) {
    if (!is_simple(p)) return "source:" + p.source;
    std::string key;
    for (const auto& w : p.phrases.front().words) key += w.text + '\x1f';
    return key;
}

bool word_covers(const WordGlob& b, const WordGlob& a) {
    using K = WordGlob::Kind;
    if (b.text == a.text) return true;
    if (b.kind == K::any) return true;
    // Under `stem`, an exact word also matches every word with its stem: it
    // covers the exact words of that stem, and a glob covers none of them.
    if (b.kind == K::exact) return !b.stem.empty() && a.kind == K::exact && a.stem == b.stem;
    if (a.kind == K::exact) return a.stem.empty() && glob_match(b.text, a.literal);
    const auto contains = [](const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; };
    switch (a.kind) {
        case K::prefix:
            return (b.kind == K::prefix && a.literal.starts_with(b.literal)) || (b.kind == K::infix && contains(a.literal, b.literal));
        case K::suffix:
            return (b.kind == K::suffix && a.literal.ends_with(b.literal)) || (b.kind == K::infix && contains(a.literal, b.literal));
        case K::infix: return b.kind == K::infix && contains(a.literal, b.literal);
        default: return false;
    }
}

// Punctuation parse_pattern drops at word edges (pattern.cpp's list): a
// phrase word made only of these is silently left out of the phrase.
bool only_edge_punctuation(std::string_view w) {
    static constexpr std::string_view marks[] = {",", ".", ";", ":", "!", "(", ")", "\"", "'", "§", "„", "“", "”",
                                                 "‚", "‘", "’", "«", "»"};
    while (!w.empty()) {
        bool hit = false;
        for (auto m : marks)
            if (w.starts_with(m)) {
                w.remove_prefix(m.size());
                hit = true;
                break;
            }
        if (!hit) return false;
    }
    return true;
}

// Words of a "phrase" source as written, split like parse_pattern splits
// (spaces, '-', '/').
std::vector<std::string> phrase_pieces(std::string_view source) {
    std::vector<std::string> out;
    const auto b = source.find('"');
    const auto e = source.rfind('"');
    if (b == std::string_view::npos || e <= b) return out;
    std::string cur;
    for (char c : source.substr(b + 1, e - b - 1)) {
        if (c == ' ' || c == '\t' || c == '-' || c == '/') {
            if (!cur.empty()) out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

// Whether `rule` can match when the phrases marked in `dead` never do.
bool rule_can_match(const Rule& rule, const std::vector<const WordGlob*>& dead) {
    switch (rule.op) {
        case Rule::Op::phrase: return dead[rule.phrase] == nullptr;
        case Rule::Op::regex: return true;
        case Rule::Op::any_of:
            return std::any_of(rule.operands.begin(), rule.operands.end(),
                               [&](const Rule& r) { return rule_can_match(r, dead); });
        default:
            return std::all_of(rule.operands.begin(), rule.operands.end(),
                               [&](const Rule& r) { return rule_can_match(r, dead); });
    }
}

// Some run of `narrow`'s words is covered word by word by `broad`'s.
bool phrase_covers(const Phrase& broad, const Phrase& narrow) {
    const auto k = broad.words.size(), n = narrow.words.size();
    if (k > n) return false;
    for (std::size_t o = 0; o + k <= n; ++o) {
        bool all = true;
        for (std::size_t i = 0; i < k && all; ++i) all = word_covers(broad.words[i], narrow.words[o + i]);
        if (all) return true;
    }
    return false;
}

// Sufficient conditions, each sound on its own: a unit `n` matches must
// match `b`. NEAR/BEFORE on the broad side and regular expressions are
// never claimed to cover anything.
bool rule_covers(const Pattern& bp, const Rule& b, const Pattern& np, const Rule& n) {
    using Op = Rule::Op;
    const auto each = [](const std::vector<Rule>& rs, auto&& f) { return std::all_of(rs.begin(), rs.end(), f); };
    const auto some = [](const std::vector<Rule>& rs, auto&& f) { return std::any_of(rs.begin(), rs.end(), f); };
    if (n.op == Op::any_of)  // every alternative of the narrow one is covered
        return each(n.operands, [&](const Rule& r) { return rule_covers(bp, b, np, r); });
    if (b.op == Op::all_of)  // every part of the broad one holds
        return each(b.operands, [&](const Rule& r) { return rule_covers(bp, r, np, n); });
    if (b.op == Op::any_of && some(b.operands, [&](const Rule& r) { return rule_covers(bp, r, np, n); })) return true;
    if (n.op == Op::all_of || n.op == Op::near || n.op == Op::before)  // each part of the narrow one occurs
        return some(n.operands, [&](const Rule& r) { return rule_covers(bp, b, np, r); });
    if (b.op == Op::phrase && n.op == Op::phrase) return phrase_covers(bp.phrases[b.phrase], np.phrases[n.phrase]);
    return false;
}

}  // namespace

bool pattern_covers(const Pattern& broad, const Pattern& narrow) {
    if (broad.fold != narrow.fold || broad.is_regex() || narrow.is_regex()) return false;
    if (broad.phrases.empty() || narrow.phrases.empty()) return false;
    return rule_covers(broad, broad.rule, narrow, narrow.rule);
}

bool glob_can_match_a_token(const WordGlob& glob) {
    if (glob.kind == WordGlob::Kind::any) return true;
    // Try the wildcards as letters, as digits, and '*' as nothing: if one of
    // these words is a single whole token, some word in a text can match.
    const std::pair<std::string_view, std::string_view> fills[] = {{"x", "x"}, {"1", "1"}, {"", "x"}};
    for (const auto& [star, one] : fills) {
        std::string word;
        for (char c : glob.text) {
            if (c == '*') word += star;
            else if (c == '?') word += one;
            else word += c;
        }
        if (word.empty()) continue;
        const auto tokens = text::tokenize(word);
        if (tokens.size() == 1 && tokens[0].span.start == 0 && tokens[0].span.end == utf8::length(word)) return true;
    }
    return false;
}

namespace lint_detail {

void check_code(const LintCode& c, Linter& l) {
    if (c.children == 0 && c.pattern_items == 0) {
        if (!c.codable)
            l.add(c.line, Severity::warning, c.path, "empty-code",
                  "code '" + c.path + "' is not codable and has no children: nothing can ever be coded with it");
        else if (c.has_guide_text)
            l.add(c.line, Severity::info, c.path, "empty-code",
                  "code '" + c.path + "' has no patterns: only hand coding will use it");
        else
            l.add(c.line, Severity::warning, c.path, "empty-code",
                  "code '" + c.path + "' is empty: no patterns, no children; autocoding never codes it "
                  "(add patterns, or a definition if it is meant for hand coding)");
    }

    auto lists = {std::make_pair(&c.patterns, "pattern"), std::make_pair(&c.exclude, "exclude pattern")};
    for (const auto& [list, what] : lists) {
        std::map<std::string, int> first;
        for (const auto& p : *list) {
            const auto key = pattern_key(p);
            if (auto it = first.find(key); it != first.end())
                l.add(p.line, Severity::warning, c.path, "duplicate-pattern",
                      std::string(what) + " '" + p.source + "' is listed twice in code '" + c.path + "' (first on line " +
                          std::to_string(it->second) + "); remove one");
            else
                first[key] = p.line;
        }
    }

    // Shadowed: a narrower pattern next to a broader one adds nothing.
    for (std::size_t i = 0; i < c.patterns.size(); ++i) {
        const auto& a = c.patterns[i];
        for (std::size_t j = 0; j < c.patterns.size(); ++j) {
            const auto& b = c.patterns[j];
            if (i == j || pattern_key(a) == pattern_key(b) || !pattern_covers(b, a)) continue;
            // Two that cover each other (schnittstelle, schnittstellen under stem): keep the first.
            if (j > i && pattern_covers(a, b)) continue;
            l.add(a.line, Severity::warning, c.path, "shadowed-pattern",
                  "pattern '" + a.source + "' in code '" + c.path + "' is shadowed by the broader '" + b.source +
                      "' (line " + std::to_string(b.line) + "): every unit it matches, that one matches too; remove it");
            break;
        }
    }

    // Never matches: an exclude of the same code covers it, or the tokenizer
    // never produces a word it could match.
    for (const auto& p : c.patterns) {
        const auto veto = std::find_if(c.exclude.begin(), c.exclude.end(), [&](const Pattern& e) { return pattern_covers(e, p); });
        if (veto != c.exclude.end()) {
            l.add(p.line, Severity::warning, c.path, "never-matches",
                  "pattern '" + p.source + "' in code '" + c.path + "' can never code a unit: the exclude '" +
                      veto->source + "' (line " + std::to_string(veto->line) + ") matches wherever it does");
        }
    }
    for (const auto* list : {&c.patterns, &c.exclude}) {
        for (const auto& p : *list) {
            if (p.is_regex()) continue;
            // Per phrase: its first word no token can match, if any.
            std::vector<const WordGlob*> dead(p.phrases.size(), nullptr);
            for (std::size_t i = 0; i < p.phrases.size(); ++i)
                for (const auto& w : p.phrases[i].words)
                    if (!dead[i] && !glob_can_match_a_token(w)) dead[i] = &w;
            const auto first_dead = std::find_if(dead.begin(), dead.end(), [](const WordGlob* w) { return w != nullptr; });
            if (first_dead != dead.end()) {
                // The whole pattern fails only when its rule needs the dead phrase (OR has other ways).
                const bool whole = !rule_can_match(p.rule, dead);
                l.add(p.line, Severity::warning, c.path, "never-matches",
                      "pattern '" + p.source + "' in code '" + c.path + "' " +
                          (whole ? "can never match" : "has a part that can never match") +
                          ": the tokenizer never makes '" + (*first_dead)->text +
                          "' one word (it splits or drops characters such as % & + § there)");
                continue;
            }
            if (!is_simple(p)) continue;
            for (const auto& piece : phrase_pieces(p.source)) {
                if (!only_edge_punctuation(piece)) continue;
                l.add(p.line, Severity::warning, c.path, "never-matches",
                      "pattern '" + p.source + "' in code '" + c.path + "': '" + piece +
                          "' is not a word (the tokenizer drops punctuation), so it is left out of the phrase; remove it");
                break;
            }
        }
    }
}

// Every `within:` problem (unknown path, the code itself or a parent,
// circles), by the loader's own check: it needs only paths, so a flat list
// of the codes stands in for the tree; each problem found is reported and
// its key dropped, until none is left.
void check_within_keys(Linter& l) {
    Codebook flat;
    for (const auto& c : l.codes) {
        Code code;
        code.path = c.path;
        code.within = c.within;
        code.within_line = c.within_line;
        flat.codes.push_back(std::move(code));
    }
    while (auto problem = check_within(flat)) {
        l.error(problem->code->within_line, problem->code->path, "invalid-value", problem->message);
        for (auto& c : flat.codes)
            if (&c == problem->code) c.within.clear();
    }
}

}  // namespace lint_detail

}  // namespace qcode::codebook
