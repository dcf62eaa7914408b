#include "autocode/matcher.hpp"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <span>
#include <unordered_map>

#include "autocode/compiled_codebook.hpp"
#include "autocode/prepared_document.hpp"
#include "core/error.hpp"

namespace qcode::autocode {

using codebook::Pattern;
using codebook::Rule;

namespace {

// A regular expression gets this many steps of ICU's match engine per unit
// (a step is 10,000 operations; here 1,000 steps take about 0.2 s) and this
// much backtracking memory, so a pathological expression stops within a
// second instead of hanging the run, while an ordinary one over a long turn
// stays far below the limit.
constexpr std::int32_t kRegexTimeLimit = 1000;
constexpr std::int32_t kRegexStackLimit = 4 * 1024 * 1024;

// NEAR over long units with common words can pair every occurrence with
// hundreds of others; past this many intervals in one unit the pattern is
// refused rather than the memory exhausted.
constexpr std::size_t kMaxOccurrences = 1'000'000;

void sort_unique(std::vector<Interval>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

using Doc = PreparedDocument::Impl;
using Compiled = Matcher::Compiled;

}  // namespace

// --- Matcher ------------------------------------------------------------------------

Matcher::Matcher(const codebook::Codebook& cb, std::optional<UnitKind> unit_override)
    : c_(std::make_unique<Compiled>()) {
    c_->source_path = cb.source_path;
    const UnitKind default_unit = unit_override.value_or(cb.defaults.unit);
    std::unordered_map<std::string, std::uint32_t> atom_ids;
    codebook::for_each_code(cb.codes, [&](const codebook::Code& code) {
        if (code.patterns.empty()) return;
        CompiledCode cc;
        cc.path = code.path;
        cc.unit = code.unit.value_or(default_unit);
        cc.speakers = code.speakers.value_or(cb.defaults.speakers);
        const auto index = static_cast<std::uint32_t>(codes_.size());
        c_->code_groups.push_back(0);
        c_->code_regexes.emplace_back();
        std::uint32_t order = 0;
        for (const auto& p : code.patterns) {
            cc.patterns.push_back(&p);
            c_->add(p, index, order++, false, atom_ids);
        }
        for (const auto& p : code.exclude) {
            cc.exclude.push_back(&p);
            c_->add(p, index, order++, true, atom_ids);
        }
        codes_.push_back(std::move(cc));
    });
    c_->finish();
}

Matcher::Matcher(Matcher&&) noexcept = default;
Matcher::~Matcher() = default;

PreparedDocument Matcher::prepare(std::string_view text, const text::Tokens& tokens,
                                  std::string_view name) const {
    auto d = std::make_unique<Doc>();
    d->text = text;
    d->tokens = &tokens;
    d->name = std::string(name);
    d->built.assign(c_->groups.size(), 0);
    d->forms.resize(c_->groups.size());
    d->stems.resize(c_->groups.size());
    d->regex_matchers.resize(c_->regexes.size());
    d->positions.resize(c_->atoms.size());
    d->pattern_touched.assign(c_->patterns.size(), 0);
    d->wanted.assign(codes_.size(), 0);
    d->best.assign(codes_.size(), UINT32_MAX);
    d->best_pattern.assign(codes_.size(), 0);
    d->best_interval.assign(codes_.size(), Interval{0, 0});
    d->best_span.assign(codes_.size(), Span{});
    d->vetoed.assign(codes_.size(), 0);
    d->candidate_at.assign(codes_.size(), 0);
    d->current.clear();
    d->mask = 0;
    d->memo_pool = c_->first_word_pool;
    d->memo = c_->first_word_pool->take(c_->groups.size());
    return PreparedDocument(std::move(d));
}

namespace {

// Finds the atoms of group `g` in tokens [first, last) and records where
// each starts; `form_of(i)` is token i's form under the group's fold.
// Atoms are looked up by their first word, the rest of a phrase is checked
// only there.
template <typename FormOf>
void scan_group(Doc& d, const Compiled& c, std::size_t g, std::size_t first, std::size_t last, FormOf form_of) {
    const auto& group = c.groups[g];
    const bool stemmed = group.fold.stem;
    const auto& stems = d.stems[g];
    auto found = [&](std::span<const std::uint32_t> atoms, std::size_t at) {
        for (auto a : atoms) {
            const auto& words = c.atoms[a].phrase->words;
            if (at + words.size() > last) continue;
            bool ok = true;
            for (std::size_t w = 1; ok && w < words.size(); ++w)
                ok = word_matches(words[w], form_of(at + w), stemmed ? stems[at + w] : std::string_view());
            if (!ok) continue;
            auto& pos = d.positions[a];
            if (pos.empty()) d.touched_atoms.push_back(a);
            if (pos.empty() || pos.back() != at) pos.push_back(static_cast<std::uint32_t>(at));
        }
    };
    auto& memo = d.memo->forms[g];
    auto& lists = d.memo->atoms[g];
    for (std::size_t i = first; i < last; ++i) {
        const std::string_view word = form_of(i);
        const auto key = FormTable::key_of(word);
        const FormTable::Value* v = memo.find(word, key);
        if (!v) {
            if (memo.size() >= kMaxMemoForms) {
                memo.clear();
                lists.clear();
            }
            const auto offset = lists.size();
            c.first_word_atoms(g, word, stemmed ? stems[i] : std::string_view(), lists, d.glob_matches);
            std::sort(lists.begin() + static_cast<std::ptrdiff_t>(offset), lists.end());
            lists.erase(std::unique(lists.begin() + static_cast<std::ptrdiff_t>(offset), lists.end()), lists.end());
            const FormTable::Value fresh{static_cast<std::uint32_t>(offset), static_cast<std::uint32_t>(lists.size() - offset)};
            memo.insert(word, key, fresh);
            if (fresh.count) found(std::span<const std::uint32_t>(lists.data() + fresh.offset, fresh.count), i);
        } else if (v->count) {
            found(std::span<const std::uint32_t>(lists.data() + v->offset, v->count), i);
        }
    }
}

// Finds every atom of the groups in `mask` in tokens [first, last).
void scan(Doc& d, const Compiled& c, std::uint8_t mask, std::size_t first, std::size_t last) {
    for (std::size_t g = 0; g < c.groups.size(); ++g) {
        if (!(mask & (1u << g))) continue;
        ensure_forms(d, c, g);
        if (d.forms[g].empty()) {  // case folding only: the tokens' own forms
            const auto& tokens = *d.tokens;
            scan_group(d, c, g, first, last, [&](std::size_t i) { return tokens[i].folded; });
        } else {
            const auto& forms = d.forms[g];
            scan_group(d, c, g, first, last, [&](std::size_t i) { return forms[i]; });
        }
    }
}

}  // namespace

// Makes `candidates` the wanted codes (and the groups they use the mask),
// unless they are already: setting them is a pass over every code.
void want(Doc& d, const Compiled& c, const std::vector<std::size_t>& candidates) {
    if (candidates == d.current) return;
    // Raw pointers: with the vectors the compiler reloads their data on every write.
    char* const wanted = d.wanted.data();
    for (auto code : d.current) wanted[code] = 0;
    std::uint32_t* const at = d.candidate_at.data();
    const std::uint8_t* const groups = c.code_groups.data();
    std::uint8_t mask = 0;
    const std::size_t n = candidates.size();
    for (std::size_t i = 0; i < n; ++i) {
        const auto code = candidates[i];
        wanted[code] = 1;
        at[code] = static_cast<std::uint32_t>(i);
        mask |= groups[code];
    }
    d.mask = mask;
    d.current = candidates;
}

namespace {

// Patterns of wanted codes with an atom in the unit, plus the wanted codes'
// regular expressions (no atom to wait for).
void touch(Doc& d, const Compiled& c) {
    auto mark = [&](std::uint32_t p) {
        if (d.pattern_touched[p]) return;
        d.pattern_touched[p] = 1;
        d.touched_patterns.push_back(p);
    };
    for (auto a : d.touched_atoms)
        for (auto p : c.atoms[a].users)
            if (d.wanted[c.patterns[p].code]) mark(p);
    if (!c.regexes.empty())
        for (auto code : d.current)
            for (auto p : c.code_regexes[code]) mark(p);
}

void reset(Doc& d) {
    for (auto a : d.touched_atoms) d.positions[a].clear();
    d.touched_atoms.clear();
    for (auto p : d.touched_patterns) d.pattern_touched[p] = 0;
    d.touched_patterns.clear();
    d.used = 0;
}

[[noreturn]] void too_many(const Doc& d, const Compiled& c, const Compiled::CompiledPattern& cp) {
    throw Error("the pattern '" + cp.pattern->source + "' matches in more than " + std::to_string(kMaxOccurrences) +
                    " ways in one unit of document '" + d.name +
                    "'; use a smaller NEAR/BEFORE distance or less common words, or a smaller unit",
                c.source_path, cp.pattern->line);
}

// Evaluates `r` on the recorded atom positions; the result (sorted, each
// once) is in d.pool at the returned slot. Children take the slots above
// their parent and give them back when it is done.
std::size_t evaluate(Doc& d, const Compiled& c, const Compiled::CompiledPattern& cp, const Rule& r) {
    const std::size_t slot = d.acquire();
    switch (r.op) {
        case Rule::Op::phrase: {
            const auto a = cp.atoms[r.phrase];
            const auto len = static_cast<std::uint32_t>(c.atoms[a].phrase->words.size());
            auto& out = d.pool[slot];
            for (auto p : d.positions[a]) out.push_back(Interval{p, p + len});
            break;
        }
        case Rule::Op::any_of:
        case Rule::Op::all_of: {
            const bool all = r.op == Rule::Op::all_of;
            for (const auto& operand : r.operands) {
                const auto k = evaluate(d, c, cp, operand);
                auto& out = d.pool[slot];
                if (all && d.pool[k].empty()) {
                    out.clear();
                    break;
                }
                out.insert(out.end(), d.pool[k].begin(), d.pool[k].end());
                d.used = slot + 1;
            }
            sort_unique(d.pool[slot]);
            break;
        }
        case Rule::Op::near:
        case Rule::Op::before: {
            const auto ka = evaluate(d, c, cp, r.operands[0]);
            if (d.pool[ka].empty()) break;
            const auto kb = evaluate(d, c, cp, r.operands[1]);
            const auto& as = d.pool[ka];
            const auto& bs = d.pool[kb];
            auto& out = d.pool[slot];
            const auto n = static_cast<std::uint32_t>(r.distance);
            std::uint32_t widest = 0;
            for (const auto& b : bs) widest = std::max(widest, b.last - b.first);
            const bool either = r.op == Rule::Op::near;
            for (const auto& a : as) {
                if (out.size() > kMaxOccurrences) too_many(d, c, cp);
                // b may start at most n + widest before a (near) and at most n - 1 after a's last word.
                const std::uint32_t lo = either ? (a.first > n + widest ? a.first - n - widest : 0) : a.last;
                const std::uint32_t hi = a.last - 1 + n;
                auto it = std::lower_bound(bs.begin(), bs.end(), Interval{lo, 0});
                for (; it != bs.end() && it->first <= hi; ++it) {
                    const auto& b = *it;
                    const bool after = a.last <= b.first && b.first - a.last + 1 <= n;
                    const bool before = either && b.last <= a.first && a.first - b.last + 1 <= n;
                    if (after || before) out.push_back(Interval{std::min(a.first, b.first), std::max(a.last, b.last)});
                }
            }
            sort_unique(out);
            break;
        }
        case Rule::Op::regex: break;  // matched on text, not on atoms
    }
    d.used = slot + 1;
    return slot;
}

// Runs regular expression `re` over the unit: the first match (or every
// match, with `all`) as code-point spans.
void regex_spans(Doc& d, const Compiled& c, std::size_t re, Span unit, bool all, std::vector<Span>& out) {
    ensure_folded(d);
    auto& m = d.regex_matchers[re];
    UErrorCode status = U_ZERO_ERROR;
    if (!m) {
        m.reset(c.regexes[re]->matcher(status));
        if (U_SUCCESS(status)) m->reset(d.folded);
        if (U_SUCCESS(status)) m->setTimeLimit(kRegexTimeLimit, status);
        if (U_SUCCESS(status)) m->setStackLimit(kRegexStackLimit, status);
        if (U_FAILURE(status)) throw Error(std::string("ICU regular expression matcher unavailable: ") + u_errorName(status));
    }
    const auto cps = d.cp_to_u16.size() - 1;
    const auto from = d.cp_to_u16[std::min<std::size_t>(unit.start, cps)];
    const auto to = d.cp_to_u16[std::min<std::size_t>(unit.end, cps)];
    m->region(from, to, status);
    while (U_SUCCESS(status) && m->find(status)) {
        const auto s = m->start(status), e = m->end(status);
        if (U_FAILURE(status)) break;
        const auto start = d.u16_to_cp[static_cast<std::size_t>(s)];
        const auto end = e > s ? d.u16_to_cp[static_cast<std::size_t>(e - 1)] + 1 : start;
        out.push_back(Span{start, end});
        if (!all) break;
    }
    if (U_FAILURE(status)) {
        const auto& p = *c.patterns[c.regex_pattern[re]].pattern;
        const bool slow = status == U_REGEX_TIME_OUT;
        const bool deep = status == U_REGEX_STACK_OVERFLOW;
        std::string msg = "the regular expression '" + p.source + "' ";
        msg += slow ? "took too long" : deep ? "needed too much memory" : std::string("failed (") + u_errorName(status) + ")";
        msg += " on document '" + d.name + "', unit at characters " + std::to_string(unit.start) + "–" +
               std::to_string(unit.end) + " (\"" + excerpt(d.text, unit) + "\")";
        if (slow || deep)
            msg += ": it backtracks too much; simplify the expression (avoid nested repetition such as (a+)+ and "
                   "repeated alternatives that match the same text)";
        throw Error(msg, c.source_path, p.line);
    }
}

// The tokens inside a code-point span.
std::pair<std::size_t, std::size_t> tokens_inside(const text::Tokens& tokens, std::size_t first,
                                                  std::size_t last, Span span) {
    std::size_t b = first;
    while (b < last && tokens[b].span.start < span.start) ++b;
    std::size_t e = b;
    while (e < last && tokens[e].span.end <= span.end) ++e;
    return {b, e};
}

Span span_of(const text::Tokens& tokens, Interval iv) {
    return Span{tokens[iv.first].span.start, tokens[iv.last - 1].span.end};
}

}  // namespace

void Matcher::match(PreparedDocument& doc, Span unit, std::size_t first, std::size_t last,
                    const std::vector<std::size_t>& candidates, std::vector<Hit>& out) const {
    want(doc, candidates);
    match(doc, unit, first, last, out);
}

void Matcher::want(PreparedDocument& doc, const std::vector<std::size_t>& candidates) const {
    autocode::want(*doc.impl_, *c_, candidates);
}

void Matcher::match(PreparedDocument& doc, Span unit, std::size_t first, std::size_t last,
                    std::vector<Hit>& out) const {
    auto& d = *doc.impl_;
    if (d.current.empty()) return;
    const auto& c = *c_;
    const auto& tokens = *d.tokens;
    auto clear_hits = [&] {
        for (auto code : d.hit_codes) {
            d.best[code] = UINT32_MAX;
            d.vetoed[code] = 0;
        }
        d.hit_codes.clear();
    };
    if (first < last) scan(d, c, d.mask, first, last);
    touch(d, c);

    // Including patterns first (a code's earliest firing pattern wins), then
    // excludes only for codes that something includes.
    std::vector<Span> spans;
    try {
        for (bool excludes : {false, true}) {
            for (auto p : d.touched_patterns) {
                const auto& cp = c.patterns[p];
                const auto code = cp.code;
                if (cp.exclude != excludes) continue;
                if (excludes ? (d.best[code] == UINT32_MAX || d.vetoed[code]) : cp.order >= d.best[code]) continue;
                bool hit = false;
                if (cp.regex >= 0) {
                    spans.clear();
                    regex_spans(d, c, static_cast<std::size_t>(cp.regex), unit, false, spans);
                    if (!spans.empty() && !excludes) {
                        d.best_span[code] = spans.front();
                        const auto [b, e] = tokens_inside(tokens, first, last, spans.front());
                        d.best_interval[code] = Interval{static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)};
                    }
                    hit = !spans.empty();
                } else if (cp.pattern->is_phrase()) {
                    // Most patterns are one word or phrase: its first occurrence, no evaluation.
                    const auto& pos = d.positions[cp.atoms.front()];
                    hit = !pos.empty();
                    if (hit && !excludes) {
                        const auto len = static_cast<std::uint32_t>(cp.pattern->phrases.front().words.size());
                        d.best_interval[code] = Interval{pos.front(), pos.front() + len};
                        d.best_span[code] = span_of(tokens, d.best_interval[code]);
                    }
                } else {
                    const auto k = evaluate(d, c, cp, cp.pattern->rule);
                    hit = !d.pool[k].empty();
                    if (hit && !excludes) {
                        d.best_interval[code] = d.pool[k].front();
                        d.best_span[code] = span_of(tokens, d.pool[k].front());
                    }
                    d.used = 0;
                }
                if (!hit) continue;
                if (excludes) {
                    d.vetoed[code] = 1;
                } else {
                    if (d.best[code] == UINT32_MAX) d.hit_codes.push_back(code);
                    d.best[code] = cp.order;
                    d.best_pattern[code] = p;
                }
            }
        }
    } catch (...) {
        reset(d);
        clear_hits();
        throw;
    }
    reset(d);
    // In candidate order.
    std::sort(d.hit_codes.begin(), d.hit_codes.end(),
              [&](std::uint32_t a, std::uint32_t b) { return d.candidate_at[a] < d.candidate_at[b]; });
    for (auto code : d.hit_codes) {
        if (d.vetoed[code]) continue;
        const auto& iv = d.best_interval[code];
        out.push_back(Hit{code, c.patterns[d.best_pattern[code]].pattern, iv.first, iv.last, d.best_span[code]});
    }
    clear_hits();
}

void Matcher::find_all(PreparedDocument& doc, Span unit, std::size_t first, std::size_t last, std::size_t code,
                       std::vector<Span>& out) const {
    auto& d = *doc.impl_;
    const auto& c = *c_;
    if (d.current.size() != 1 || d.current.front() != code) autocode::want(d, c, std::vector<std::size_t>{code});
    if (first < last) scan(d, c, d.mask, first, last);
    touch(d, c);
    const auto before = out.size();
    try {
        for (auto p : d.touched_patterns) {
            const auto& cp = c.patterns[p];
            if (cp.exclude) continue;
            if (cp.regex >= 0) {
                regex_spans(d, c, static_cast<std::size_t>(cp.regex), unit, true, out);
            } else {
                const auto k = evaluate(d, c, cp, cp.pattern->rule);
                for (const auto& iv : d.pool[k]) out.push_back(span_of(*d.tokens, iv));
                d.used = 0;
            }
        }
    } catch (...) {
        reset(d);
        throw;
    }
    reset(d);
    std::sort(out.begin() + static_cast<std::ptrdiff_t>(before), out.end(),
              [](const Span& a, const Span& b) { return a.start != b.start ? a.start < b.start : a.end < b.end; });
    out.erase(std::unique(out.begin() + static_cast<std::ptrdiff_t>(before), out.end(),
                          [](const Span& a, const Span& b) { return a.start == b.start && a.end == b.end; }),
              out.end());
}

}  // namespace qcode::autocode
