#include "autocode/matcher.hpp"

#include <unicode/regex.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <deque>
#include <functional>
#include <mutex>
#include <set>
#include <span>
#include <unordered_map>

#include "core/error.hpp"
#include "text/fold.hpp"

namespace qcode::autocode {

using codebook::Pattern;
using codebook::Phrase;
using codebook::Rule;
using codebook::WordGlob;

namespace {

// A regular expression gets this many steps of ICU's match engine per unit
// (a step is 10,000 operations; here 1,000 steps take about 0.2 s) and this
// much backtracking memory, so a pathological expression stops within a
// second instead of hanging the run, while an ordinary one over a long turn
// stays far below the limit.
constexpr std::int32_t kRegexTimeLimit = 1000;
constexpr std::int32_t kRegexStackLimit = 4 * 1024 * 1024;

// Hash maps keyed by std::string, looked up with a std::string_view of the
// token, so the hot loop never builds a string.
struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
using AtomMap = std::unordered_map<std::string, std::vector<std::uint32_t>, StringHash, std::equal_to<>>;

// Four ways to fold letters (diacritics × umlauts); stems on top of each.
std::size_t letter_variant(const text::FoldOptions& f) { return (f.diacritics ? 1u : 0u) | (f.umlauts ? 2u : 0u); }

bool word_matches(const WordGlob& g, std::string_view form, std::string_view stem) {
    switch (g.kind) {
        case WordGlob::Kind::exact: return form == g.literal || (!g.stem.empty() && stem == g.stem);
        case WordGlob::Kind::prefix: return form.starts_with(g.literal);
        case WordGlob::Kind::suffix: return form.ends_with(g.literal);
        case WordGlob::Kind::infix: return form.find(g.literal) != std::string_view::npos;
        case WordGlob::Kind::any: return true;
        case WordGlob::Kind::general: return codebook::glob_match(g.text, form);
    }
    return false;
}

bool is_boundary(std::string_view s, std::size_t i) {
    return i == s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
}

// NEAR over long units with common words can pair every occurrence with
// hundreds of others; past this many intervals in one unit the pattern is
// refused rather than the memory exhausted.
constexpr std::size_t kMaxOccurrences = 1'000'000;

// Occurrences are half-open token intervals.
struct Interval {
    std::uint32_t first, last;
    friend bool operator<(const Interval& a, const Interval& b) {
        return a.first != b.first ? a.first < b.first : a.last < b.last;
    }
    friend bool operator==(const Interval&, const Interval&) = default;
};

void sort_unique(std::vector<Interval>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

text::Stemmer& stemmer() {
    thread_local std::unique_ptr<text::Stemmer> s;
    if (!s) s = std::make_unique<text::Stemmer>();
    return *s;
}

}  // namespace

// --- first-word memo ---------------------------------------------------------------

namespace {

// Which atoms a token can start, memoized per distinct folded form: German
// text is Zipfian, so after the first few thousand tokens nearly every token
// is one lookup (hashing its string_view) instead of an exact lookup, one
// lookup per prefix and suffix length, and a scan of every infix or general
// glob. A form's stem is a function of the form, so the form is the key.
//
// Where it lives: a PreparedDocument takes one from its matcher's pool in
// prepare() and gives it back when destroyed, so the memo carries over from
// document to document while each is only ever used by the one thread that
// uses that document (the matcher stays const and shareable; the pool's
// mutex is taken once per document). The pool is shared with the documents,
// so either may outlive the other.
struct FirstWordMemo {
    struct Range {
        std::uint32_t offset, count;
    };
    using Map = std::unordered_map<std::string, Range, StringHash, std::equal_to<>>;
    std::vector<Map> forms;                          // by group
    std::vector<std::vector<std::uint32_t>> atoms;   // by group: the lists Range points into
};

// Past this many distinct forms of one fold the memo starts over, so its
// memory stays flat (some tens of MB) however large the project.
constexpr std::size_t kMaxMemoForms = 1u << 18;

}  // namespace

struct FirstWordPool {
    std::mutex mutex;
    std::vector<std::unique_ptr<FirstWordMemo>> idle;

    std::unique_ptr<FirstWordMemo> take(std::size_t groups) {
        std::unique_ptr<FirstWordMemo> m;
        {
            std::lock_guard lock(mutex);
            if (!idle.empty()) {
                m = std::move(idle.back());
                idle.pop_back();
            }
        }
        if (!m) m = std::make_unique<FirstWordMemo>();
        m->forms.resize(groups);
        m->atoms.resize(groups);
        return m;
    }
    void give(std::unique_ptr<FirstWordMemo> m) {
        if (!m) return;
        std::lock_guard lock(mutex);
        idle.push_back(std::move(m));
    }
};

// --- the compiled codebook ------------------------------------------------------

struct Matcher::Compiled {
    // One index per distinct fold (at most eight: three switches).
    struct Group {
        text::FoldOptions fold;
        AtomMap exact, stems, prefix, suffix;
        std::vector<std::uint32_t> scan;  // first word infix or general: tried on every token
        std::vector<std::size_t> prefix_lengths, suffix_lengths;  // distinct literal lengths in bytes
    };
    // A phrase to find; equal phrases of one fold are one atom.
    struct Atom {
        std::uint32_t group;
        const Phrase* phrase;
        std::vector<std::uint32_t> users;  // patterns using it
    };
    struct CompiledPattern {
        std::uint32_t code;
        std::uint32_t order;  // position among the code's patterns
        bool exclude;
        const Pattern* pattern;
        std::vector<std::uint32_t> atoms;  // by phrase index
        int regex = -1;                    // index into regexes
    };

    std::vector<Group> groups;
    std::vector<Atom> atoms;
    std::vector<CompiledPattern> patterns;
    std::vector<std::unique_ptr<icu::RegexPattern>> regexes;
    std::vector<std::uint32_t> regex_pattern;              // by regex: its pattern
    std::shared_ptr<FirstWordPool> first_word_pool = std::make_shared<FirstWordPool>();
    std::vector<std::uint8_t> code_groups;                 // by code: bit mask of the groups its patterns use
    std::vector<std::vector<std::uint32_t>> code_regexes;  // by code: its regex patterns
    std::string source_path;

    std::uint32_t group_of(const text::FoldOptions& fold) {
        for (std::size_t g = 0; g < groups.size(); ++g)
            if (groups[g].fold == fold) return static_cast<std::uint32_t>(g);
        groups.push_back(Group{fold, {}, {}, {}, {}, {}, {}, {}});
        return static_cast<std::uint32_t>(groups.size() - 1);
    }

    void add(const Pattern& p, std::uint32_t code, std::uint32_t order, bool exclude,
             std::unordered_map<std::string, std::uint32_t>& atom_ids) {
        const auto index = static_cast<std::uint32_t>(patterns.size());
        CompiledPattern cp{code, order, exclude, &p, {}, -1};
        if (p.is_regex()) {
            UParseError where{};
            UErrorCode status = U_ZERO_ERROR;
            std::unique_ptr<icu::RegexPattern> re(icu::RegexPattern::compile(
                icu::UnicodeString::fromUTF8(p.rule.regex), UREGEX_CASE_INSENSITIVE, where, status));
            if (U_FAILURE(status))  // parse_pattern compiled it already; only a codebook built by hand gets here
                throw Error("invalid regular expression in pattern '" + p.source + "' (" + u_errorName(status) + ")",
                            source_path, p.line);
            cp.regex = static_cast<int>(regexes.size());
            regexes.push_back(std::move(re));
            regex_pattern.push_back(index);
            code_regexes[code].push_back(index);
        } else {
            // parse_pattern never makes one; a Pattern built by hand might.
            if (p.phrases.empty()) throw Error("pattern '" + p.source + "' has no words", source_path, p.line);
            const auto g = group_of(p.fold);
            code_groups[code] |= static_cast<std::uint8_t>(1u << g);
            for (const auto& ph : p.phrases) {
                std::string key = std::to_string(g);
                for (const auto& w : ph.words) key += '\x1f' + w.text;
                auto [it, fresh] = atom_ids.try_emplace(key, static_cast<std::uint32_t>(atoms.size()));
                if (fresh) {
                    atoms.push_back(Atom{g, &ph, {}});
                    index_atom(it->second);
                }
                auto& users = atoms[it->second].users;
                if (users.empty() || users.back() != index) users.push_back(index);
                cp.atoms.push_back(it->second);
            }
        }
        patterns.push_back(std::move(cp));
    }

    void index_atom(std::uint32_t a) {
        auto& group = groups[atoms[a].group];
        const auto& first = atoms[a].phrase->words.front();
        switch (first.kind) {
            case WordGlob::Kind::exact:
                group.exact[first.literal].push_back(a);
                if (!first.stem.empty()) group.stems[first.stem].push_back(a);
                break;
            case WordGlob::Kind::prefix: group.prefix[first.literal].push_back(a); break;
            case WordGlob::Kind::suffix: group.suffix[first.literal].push_back(a); break;
            default: group.scan.push_back(a); break;
        }
    }

    void finish() {
        for (auto& g : groups) {
            std::set<std::size_t> pl, sl;
            for (const auto& [k, v] : g.prefix) pl.insert(k.size());
            for (const auto& [k, v] : g.suffix) sl.insert(k.size());
            g.prefix_lengths.assign(pl.begin(), pl.end());
            g.suffix_lengths.assign(sl.begin(), sl.end());
        }
    }
};

// --- a prepared document ---------------------------------------------------------

struct PreparedDocument::Impl {
    std::string_view text;
    const std::vector<text::Token>* tokens = nullptr;
    std::string name;

    // Token forms per group, made on first use: views into the tokens (case
    // only) or into `letters`; stems likewise.
    std::vector<char> built;
    std::vector<std::vector<std::string_view>> forms, stems;
    std::array<std::vector<std::string>, 4> letters;  // by letter_variant
    std::array<std::vector<std::string>, 4> stemmed;
    std::array<bool, 4> letters_done{}, stems_done{};

    // The case-folded text for regular expressions, made on first use, with
    // the way back and forth between its UTF-16 indexes and code points.
    bool folded_done = false;
    icu::UnicodeString folded;
    std::vector<std::int32_t> cp_to_u16;   // size: code points + 1
    std::vector<std::uint32_t> u16_to_cp;  // size: UTF-16 units + 1
    std::vector<std::unique_ptr<icu::RegexMatcher>> regex_matchers;  // by regex

    // Working memory of one unit.
    std::vector<std::vector<std::uint32_t>> positions;  // by atom: token positions where it starts
    std::vector<std::uint32_t> touched_atoms;
    std::vector<char> pattern_touched;
    std::vector<std::uint32_t> touched_patterns;
    std::vector<char> wanted;
    // By code, UINT32_MAX and 0 outside match(): only codes in hit_codes are set.
    std::vector<std::uint32_t> best;  // by code: order of the best including pattern so far
    std::vector<std::uint32_t> hit_codes;  // codes whose best is set, in no particular order
    std::vector<std::uint32_t> candidate_at;  // by code: its index in the candidates of match()
    std::vector<std::uint32_t> best_pattern;
    std::vector<Interval> best_interval;
    std::vector<Span> best_span;
    std::vector<char> vetoed;
    std::deque<std::vector<Interval>> pool;  // evaluation results, used as a stack
    std::size_t used = 0;

    // Memoized first-word candidates, borrowed from the matcher (FirstWordMemo).
    std::shared_ptr<FirstWordPool> memo_pool;
    std::unique_ptr<FirstWordMemo> memo;

    Impl() = default;
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    ~Impl() {
        if (memo_pool) memo_pool->give(std::move(memo));
    }

    std::size_t acquire() {
        if (used == pool.size()) pool.emplace_back();
        pool[used].clear();
        return used++;
    }
};

PreparedDocument::PreparedDocument(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PreparedDocument::PreparedDocument(PreparedDocument&&) noexcept = default;
PreparedDocument& PreparedDocument::operator=(PreparedDocument&&) noexcept = default;
PreparedDocument::~PreparedDocument() = default;

namespace {

using Doc = PreparedDocument::Impl;
using Compiled = Matcher::Compiled;

// The forms of the tokens under group `g`'s fold, folded on first use.
void ensure_forms(Doc& d, const Compiled& c, std::size_t g) {
    if (d.built[g]) return;
    const auto& fold = c.groups[g].fold;
    const auto& tokens = *d.tokens;
    const auto variant = letter_variant(fold);
    auto& forms = d.forms[g];
    forms.resize(tokens.size());
    if (variant == 0) {
        for (std::size_t i = 0; i < tokens.size(); ++i) forms[i] = tokens[i].folded;
    } else {
        auto& letters = d.letters[variant];
        if (!d.letters_done[variant]) {
            letters.resize(tokens.size());
            for (std::size_t i = 0; i < tokens.size(); ++i) letters[i] = text::fold_letters(tokens[i].folded, fold);
            d.letters_done[variant] = true;
        }
        for (std::size_t i = 0; i < tokens.size(); ++i) forms[i] = letters[i];
    }
    if (fold.stem) {
        auto& stemmed = d.stemmed[variant];
        if (!d.stems_done[variant]) {
            stemmed.resize(tokens.size());
            auto& s = stemmer();
            for (std::size_t i = 0; i < tokens.size(); ++i) stemmed[i] = s.stem(forms[i]);
            d.stems_done[variant] = true;
        }
        auto& stems = d.stems[g];
        stems.resize(tokens.size());
        for (std::size_t i = 0; i < tokens.size(); ++i) stems[i] = stemmed[i];
    }
    d.built[g] = 1;
}

// ICU full case folding, one code point at a time so that every folded
// UTF-16 index maps back to the code point it came from (ß → ss: both s map
// to the ß). Full folding has no context, so this equals folding the whole.
void ensure_folded(Doc& d) {
    if (d.folded_done) return;
    const auto& s = d.text;
    d.cp_to_u16.clear();
    d.u16_to_cp.clear();
    d.folded.remove();
    std::uint32_t cp_index = 0;
    for (std::int32_t i = 0; i < static_cast<std::int32_t>(s.size());) {
        d.cp_to_u16.push_back(d.folded.length());
        const auto c = static_cast<unsigned char>(s[static_cast<std::size_t>(i)]);
        if (c < 0x80) {
            d.folded.append(static_cast<char16_t>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
            ++i;
        } else {
            UChar32 cp = 0;
            U8_NEXT(s.data(), i, static_cast<std::int32_t>(s.size()), cp);
            if (cp < 0) cp = 0xFFFD;
            UChar src[2];
            std::int32_t n = 0;
            U16_APPEND_UNSAFE(src, n, cp);
            UChar dst[8];
            UErrorCode status = U_ZERO_ERROR;
            const auto len = u_strFoldCase(dst, 8, src, n, U_FOLD_CASE_DEFAULT, &status);
            if (U_FAILURE(status)) d.folded.append(src, 0, n);
            else d.folded.append(dst, 0, len);
        }
        while (static_cast<std::int32_t>(d.u16_to_cp.size()) < d.folded.length()) d.u16_to_cp.push_back(cp_index);
        ++cp_index;
    }
    d.cp_to_u16.push_back(d.folded.length());
    d.u16_to_cp.push_back(cp_index);
    d.folded_done = true;
}

// The unit's opening words, to name it in an error.
std::string excerpt(std::string_view text, Span unit) {
    std::size_t cp = 0, b = text.size(), e = text.size();
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (cp == unit.start) b = i;
        if (cp == std::min<std::size_t>(unit.end, unit.start + 40)) {
            e = i;
            break;
        }
        ++cp;
    }
    if (b > e) return {};
    std::string out(text.substr(b, e - b));
    for (auto& ch : out)
        if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
    return out + (unit.end > unit.start + 40 ? "…" : "");
}

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

PreparedDocument Matcher::prepare(std::string_view text, const std::vector<text::Token>& tokens,
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
    d->memo_pool = c_->first_word_pool;
    d->memo = c_->first_word_pool->take(c_->groups.size());
    return PreparedDocument(std::move(d));
}

namespace {

// Appends the atoms of `group` whose first word matches a token of form
// `word` (and stem `stem`, for a stemming fold); an atom may come twice.
void first_word_atoms(const Compiled& c, const Compiled::Group& group, std::string_view word, std::string_view stem,
                      std::vector<std::uint32_t>& out) {
    auto add = [&](const std::vector<std::uint32_t>& atoms) { out.insert(out.end(), atoms.begin(), atoms.end()); };
    if (auto it = group.exact.find(word); it != group.exact.end()) add(it->second);
    if (group.fold.stem)
        if (auto it = group.stems.find(stem); it != group.stems.end()) add(it->second);
    for (auto len : group.prefix_lengths) {
        if (len > word.size()) break;
        if (!is_boundary(word, len)) continue;
        if (auto it = group.prefix.find(word.substr(0, len)); it != group.prefix.end()) add(it->second);
    }
    for (auto len : group.suffix_lengths) {
        if (len > word.size()) break;
        if (!is_boundary(word, word.size() - len)) continue;
        if (auto it = group.suffix.find(word.substr(word.size() - len)); it != group.suffix.end()) add(it->second);
    }
    for (auto a : group.scan)
        if (word_matches(c.atoms[a].phrase->words.front(), word, stem)) out.push_back(a);
}

// Finds every atom of the groups in `mask` in tokens [first, last) and
// records where each starts. Atoms are looked up by their first word, the
// rest of a phrase is checked only there.
void scan(Doc& d, const Compiled& c, std::uint8_t mask, std::size_t first, std::size_t last) {
    for (std::size_t g = 0; g < c.groups.size(); ++g) {
        if (!(mask & (1u << g))) continue;
        ensure_forms(d, c, g);
        const auto& group = c.groups[g];
        const auto& forms = d.forms[g];
        const bool stemmed = group.fold.stem;
        const auto& stems = d.stems[g];
        auto found = [&](std::span<const std::uint32_t> atoms, std::size_t at) {
            for (auto a : atoms) {
                const auto& words = c.atoms[a].phrase->words;
                if (at + words.size() > last) continue;
                bool ok = true;
                for (std::size_t w = 1; ok && w < words.size(); ++w)
                    ok = word_matches(words[w], forms[at + w], stemmed ? stems[at + w] : std::string_view());
                if (!ok) continue;
                auto& pos = d.positions[a];
                if (pos.empty()) d.touched_atoms.push_back(a);
                if (pos.empty() || pos.back() != at) pos.push_back(static_cast<std::uint32_t>(at));
            }
        };
        auto& memo = d.memo->forms[g];
        auto& lists = d.memo->atoms[g];
        for (std::size_t i = first; i < last; ++i) {
            const std::string_view word = forms[i];
            auto it = memo.find(word);
            if (it == memo.end()) {
                if (memo.size() >= kMaxMemoForms) {
                    memo.clear();
                    lists.clear();
                }
                const auto offset = lists.size();
                first_word_atoms(c, group, word, stemmed ? stems[i] : std::string_view(), lists);
                std::sort(lists.begin() + static_cast<std::ptrdiff_t>(offset), lists.end());
                lists.erase(std::unique(lists.begin() + static_cast<std::ptrdiff_t>(offset), lists.end()), lists.end());
                it = memo.emplace(std::string(word), FirstWordMemo::Range{static_cast<std::uint32_t>(offset),
                                                                         static_cast<std::uint32_t>(lists.size() - offset)})
                         .first;
            }
            if (it->second.count) found(std::span<const std::uint32_t>(lists.data() + it->second.offset, it->second.count), i);
        }
    }
}

// Patterns of wanted codes with an atom in the unit, plus the wanted codes'
// regular expressions (no atom to wait for).
void touch(Doc& d, const Compiled& c, const std::vector<std::size_t>& candidates) {
    auto mark = [&](std::uint32_t p) {
        if (d.pattern_touched[p]) return;
        d.pattern_touched[p] = 1;
        d.touched_patterns.push_back(p);
    };
    for (auto a : d.touched_atoms)
        for (auto p : c.atoms[a].users)
            if (d.wanted[c.patterns[p].code]) mark(p);
    if (!c.regexes.empty())
        for (auto code : candidates)
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
std::pair<std::size_t, std::size_t> tokens_inside(const std::vector<text::Token>& tokens, std::size_t first,
                                                  std::size_t last, Span span) {
    std::size_t b = first;
    while (b < last && tokens[b].span.start < span.start) ++b;
    std::size_t e = b;
    while (e < last && tokens[e].span.end <= span.end) ++e;
    return {b, e};
}

Span span_of(const std::vector<text::Token>& tokens, Interval iv) {
    return Span{tokens[iv.first].span.start, tokens[iv.last - 1].span.end};
}

}  // namespace

void Matcher::match(PreparedDocument& doc, Span unit, std::size_t first, std::size_t last,
                    const std::vector<std::size_t>& candidates, std::vector<Hit>& out) const {
    if (candidates.empty()) return;
    auto& d = *doc.impl_;
    const auto& c = *c_;
    const auto& tokens = *d.tokens;
    std::uint8_t mask = 0;
    {
        // Raw pointers: with the vectors the compiler reloads their data on every write.
        char* const wanted = d.wanted.data();
        std::uint32_t* const at = d.candidate_at.data();
        const std::uint8_t* const groups = c.code_groups.data();
        const std::size_t n = candidates.size();
        for (std::size_t i = 0; i < n; ++i) {
            const auto code = candidates[i];
            wanted[code] = 1;
            at[code] = static_cast<std::uint32_t>(i);
            mask |= groups[code];
        }
    }
    auto unwant = [&] {
        char* const wanted = d.wanted.data();
        for (auto code : candidates) wanted[code] = 0;
    };
    auto clear_hits = [&] {
        for (auto code : d.hit_codes) {
            d.best[code] = UINT32_MAX;
            d.vetoed[code] = 0;
        }
        d.hit_codes.clear();
    };
    if (first < last) scan(d, c, mask, first, last);
    touch(d, c, candidates);

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
        unwant();
        clear_hits();
        throw;
    }
    reset(d);
    unwant();
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
    const std::vector<std::size_t> candidates{code};
    d.wanted[code] = 1;
    if (first < last) scan(d, c, c.code_groups[code], first, last);
    touch(d, c, candidates);
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
        d.wanted[code] = 0;
        throw;
    }
    reset(d);
    d.wanted[code] = 0;
    std::sort(out.begin() + static_cast<std::ptrdiff_t>(before), out.end(),
              [](const Span& a, const Span& b) { return a.start != b.start ? a.start < b.start : a.end < b.end; });
    out.erase(std::unique(out.begin() + static_cast<std::ptrdiff_t>(before), out.end(),
                          [](const Span& a, const Span& b) { return a.start == b.start && a.end == b.end; }),
              out.end());
}

}  // namespace qcode::autocode
