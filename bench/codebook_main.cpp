// qcode_bench_codebook: writes a large codebook for the benchmark (issue #4)
// whose patterns are drawn from the same vocabulary qcode_bench_corpus
// writes with, so that they hit. Deterministic for a given seed.
//
//   qcode_bench_codebook --out DIR [--patterns 2000] [--seed 1]
//                        [--glob-pct 30] [--phrase-pct 10]
//                        [--samples samples] [--codebook codebooks/azr.yaml]
//
// Writes into DIR:
//   codebook.yaml   the codebook: a three-level hierarchy of codes, about ten
//                   patterns per leaf; globs split evenly between prefix*,
//                   *suffix and *infix*; phrases are adjacent word pairs of
//                   the samples, a quarter with a prefix glob on the last word
//   patterns.txt    the same patterns, one per line as written in the
//                   codebook (python_baseline.py reads these exactly)
//   patterns.rg     one literal per line for `rg -F -w -f`: a glob becomes
//                   its literal part (ripgrep cannot express globs with -F),
//                   a phrase its words joined by one space; duplicates dropped
#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "args.hpp"
#include "vocabulary.hpp"

namespace {

using qbench::Rng;

struct Options {
    std::string out;
    std::string samples = "samples";
    std::string codebook = "codebooks/azr.yaml";
    std::uint64_t patterns = 2000;
    std::uint64_t seed = 1;
    std::uint64_t glob_pct = 30, phrase_pct = 10;
};

Options parse(int argc, char** argv) {
    qbench::Args args(argc, argv, "qcode_bench_codebook",
                      "--out DIR [--patterns N] [--seed N] [--glob-pct P] [--phrase-pct P] [--samples DIR] "
                      "[--codebook FILE]");
    Options o;
    while (args.next()) {
        const auto& a = args.name();
        if (a == "--out") o.out = args.value();
        else if (a == "--samples") o.samples = args.value();
        else if (a == "--codebook") o.codebook = args.value();
        else if (a == "--patterns") o.patterns = args.number();
        else if (a == "--seed") o.seed = args.number();
        else if (a == "--glob-pct") o.glob_pct = args.number();
        else if (a == "--phrase-pct") o.phrase_pct = args.number();
        else args.usage("unknown argument " + a);
    }
    if (o.out.empty()) args.usage("--out DIR is required");
    if (o.patterns == 0) args.usage("--patterns must be positive");
    if (o.glob_pct + o.phrase_pct > 100) args.usage("--glob-pct + --phrase-pct must not exceed 100");
    return o;
}

template <typename T>
void shuffle(std::vector<T>& v, Rng& rng) {  // Fisher-Yates with our own RNG: same order everywhere
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[rng.below(i)]);
}

// Where a researcher cuts a word for a prefix glob: a stem of at least 4
// letters and 60% of the word, never the whole word ("schnittstell*").
std::size_t stem_length(std::size_t len, Rng& rng) {
    const std::size_t lo = std::max<std::size_t>(4, len * 3 / 5);
    return lo >= len - 1 ? len - 1 : lo + rng.below(len - lo);
}

std::string cut(const std::u32string& w, std::size_t from, std::size_t n) { return qbench::encode(w.substr(from, n)); }

struct Generated {
    std::string source;   // as written in the codebook: word, glob or "quoted phrase"
    std::string literal;  // for ripgrep
};

// The words of a pattern as written: one glob, or the words of a "phrase".
std::vector<std::string> words_of(const std::string& source) {
    std::vector<std::string> out;
    if (source.size() < 2 || source.front() != '"') return {source};
    std::string w;
    for (char c : source.substr(1, source.size() - 2)) {
        if (c == ' ') out.push_back(std::move(w)), w.clear();
        else w += c;
    }
    out.push_back(w);
    return out;
}

// True when single-word pattern `a` matches wherever pattern `b` does (one
// of b's words always satisfies a): `codebook lint` calls b shadowed, and
// the generator keeps such pairs out of one code.
bool shadows(const std::string& a, const std::string& b) {
    if (a.front() == '"') return false;
    const bool a_pre = a.front() == '*', a_post = a.back() == '*';
    const std::string lit = a.substr(a_pre ? 1 : 0, a.size() - (a_pre ? 1 : 0) - (a_post ? 1 : 0));
    for (const auto& w : words_of(b)) {
        const bool w_pre = w.front() == '*', w_post = w.back() == '*';
        const std::string wl = w.substr(w_pre ? 1 : 0, w.size() - (w_pre ? 1 : 0) - (w_post ? 1 : 0));
        const auto at = wl.find(lit);
        if (at == std::string::npos) continue;
        if (a_pre && a_post) return true;                                          // *infix*
        if (a_post && !w_pre && at == 0) return true;                              // prefix*
        if (a_pre && !w_post && at + lit.size() == wl.size()) return true;         // *suffix
        if (!a_pre && !a_post && !w_pre && !w_post && wl == lit) return true;      // word
    }
    return false;
}

}  // namespace

int main(int argc, char** argv) try {
    const Options o = parse(argc, argv);
    const auto src = qbench::load_source(o.samples, o.codebook);
    Rng rng(o.seed * 0xD1B54A32D192ED03ull + 7);

    // Words: lower-cased word tokens of >= 4 letters, without the 150 most
    // frequent (function words a codebook would not list).
    std::map<std::string, std::uint64_t> freq;
    for (std::size_t t = 0; t < src.tokens.size(); ++t) {
        if (!src.is_word[t]) continue;
        const auto cps = qbench::decode(src.tokens[t]);
        if (cps.size() < 4 || !std::all_of(cps.begin(), cps.end(), qbench::is_letter)) continue;
        freq[qbench::lower(src.tokens[t])] += src.count[t];
    }
    std::vector<std::pair<std::uint64_t, std::string>> by_freq;
    for (const auto& [w, n] : freq) by_freq.emplace_back(n, w);
    std::sort(by_freq.begin(), by_freq.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    // Only the rarer words (at most 2 occurrences in the samples): a codebook
    // names content words, and the frequent ones would code most sentences.
    std::set<std::string> common;  // the 300 most frequent words
    for (std::size_t i = 0; i < std::min<std::size_t>(300, by_freq.size() / 4); ++i) common.insert(by_freq[i].second);
    // A glob that catches one of them is too broad ("zwei*" from "zweimal"): a researcher would narrow it.
    auto too_broad = [&](const std::string& literal, bool at_start, bool at_end) {
        for (const auto& c : common) {
            const auto at = c.find(literal);
            if (at == std::string::npos) continue;
            if ((!at_start || at == 0) && (!at_end || at + literal.size() == c.size())) return true;
        }
        return false;
    };
    std::vector<std::u32string> words;
    for (const auto& [n, w] : by_freq)
        if (n <= 2 && !common.contains(w)) words.push_back(qbench::decode(w));
    // Compound parts: the samples' nouns and the shipped codebook's nouns.
    std::set<std::string> part_set(src.codebook_words.begin(), src.codebook_words.end());
    for (const auto& n : src.nouns) part_set.insert(qbench::lower(n));
    std::vector<std::u32string> parts;
    for (const auto& p : part_set)
        if (!common.contains(p) && qbench::decode(p).size() >= 5) parts.push_back(qbench::decode(p));
    if (words.empty() || parts.empty() || src.bigrams.empty()) throw std::runtime_error("the samples are too small");
    shuffle(words, rng);
    shuffle(parts, rng);

    const auto n_glob = o.patterns * o.glob_pct / 100;
    const auto n_phrase = o.patterns * o.phrase_pct / 100;
    const std::uint64_t n_prefix = (n_glob + 2) / 3, n_suffix = (n_glob + 1) / 3, n_infix = n_glob / 3;

    std::set<std::string> seen;
    std::vector<Generated> out;
    auto add = [&](std::string source, std::string literal) {
        if (!seen.insert(source).second) return false;
        out.push_back({std::move(source), std::move(literal)});
        return true;
    };
    auto any_word = [&]() -> const std::u32string& {
        return rng.chance(50) ? words[rng.below(words.size())] : parts[rng.below(parts.size())];
    };
    constexpr int kTries = 1000;

    // Words: a third from the samples, two thirds compounds of the corpus's lexicon (any rank: most are rare).
    const auto lexicon = qbench::lexicon(src, qbench::kLexiconSize);
    std::size_t next_word = 0;
    for (std::uint64_t made = 0, tries = 0; made < o.patterns - n_glob - n_phrase; ++tries) {
        std::string w;
        if (next_word < words.size() && rng.chance(25)) w = qbench::encode(words[next_word++]);
        else w = qbench::lower(lexicon[rng.below(lexicon.size())]);
        if (add(w, w)) ++made;
        if (tries > o.patterns * kTries) throw std::runtime_error("not enough distinct words");
    }
    for (std::uint64_t made = 0, tries = 0; made < n_prefix; ++tries) {  // prefix*: 4 .. len-1 letters
        const auto& w = any_word();
        if (w.size() < 6) continue;
        const auto p = cut(w, 0, stem_length(w.size(), rng));
        if (too_broad(p, true, false)) continue;
        if (add(p + "*", p)) ++made;
        if (tries > o.patterns * kTries) throw std::runtime_error("not enough distinct prefixes");
    }
    for (std::uint64_t made = 0, tries = 0; made < n_suffix; ++tries) {  // *suffix: the last 5 .. len letters (a compound tail)
        const auto& w = rng.chance(70) ? parts[rng.below(parts.size())] : any_word();
        if (w.size() < 5) continue;
        const auto n = 5 + rng.below(w.size() - 4);
        const auto s = cut(w, w.size() - n, n);
        if (too_broad(s, false, true)) continue;
        if (add("*" + s, s)) ++made;
        if (tries > o.patterns * kTries) throw std::runtime_error("not enough distinct suffixes");
    }
    for (std::uint64_t made = 0, tries = 0; made < n_infix; ++tries) {  // *infix*: a compound part, or 5+ inner letters
        std::string s;
        if (rng.chance(70)) {
            s = qbench::encode(parts[rng.below(parts.size())]);
        } else {
            const auto& w = any_word();
            if (w.size() < 7) continue;
            const auto n = 5 + rng.below(w.size() - 6);
            s = cut(w, 1 + rng.below(w.size() - n), n);
        }
        if (too_broad(s, false, false)) continue;
        if (add("*" + s + "*", s)) ++made;
        if (tries > o.patterns * kTries) throw std::runtime_error("not enough distinct infixes");
    }
    for (std::uint64_t made = 0, tries = 0; made < n_phrase; ++tries) {  // "a b", a quarter "a b*"
        const auto [a, b] = src.bigrams[rng.below(src.bigrams.size())];
        const auto wa = qbench::lower(src.tokens[a]);
        auto wb = qbench::decode(qbench::lower(src.tokens[b]));
        // "keine probleme", "händisch übertragen": not two function words ("haben wir")
        if (wa.size() < 4 || common.contains(qbench::encode(wb)) || wb.size() < 4) continue;
        std::string second = qbench::encode(wb), second_literal = second;
        if (wb.size() >= 6 && rng.chance(25)) {
            second_literal = cut(wb, 0, stem_length(wb.size(), rng));
            second = second_literal + "*";
        }
        if (add("\"" + wa + " " + second + "\"", wa + " " + second_literal)) ++made;
        if (tries > o.patterns * kTries) throw std::runtime_error("not enough distinct phrases");
    }
    shuffle(out, rng);  // mix the kinds over the codes

    // Hierarchy: leaves of ~10 patterns, 5 leaves per group, 5 groups per theme.
    constexpr std::size_t kPerLeaf = 10, kLeavesPerGroup = 5, kGroupsPerTheme = 5;
    const std::size_t leaves = (out.size() + kPerLeaf - 1) / kPerLeaf;
    // A pattern that another one in its leaf shadows (or shadows one there)
    // waits for a later leaf: the codebook stays clean for `codebook lint`.
    {
        std::vector<Generated> placed, pending(out.begin(), out.end());
        for (std::size_t leaf = 0; leaf < leaves && !pending.empty(); ++leaf) {
            const std::size_t from = placed.size();
            std::vector<Generated> later;
            for (auto& g : pending) {
                const bool clash = placed.size() - from >= kPerLeaf ||
                                   std::any_of(placed.begin() + static_cast<std::ptrdiff_t>(from), placed.end(),
                                               [&](const Generated& p) {
                                                   return shadows(p.source, g.source) || shadows(g.source, p.source);
                                               });
                (clash ? later : placed).push_back(std::move(g));
            }
            pending = std::move(later);
        }
        placed.insert(placed.end(), pending.begin(), pending.end());  // only if every leaf refused them
        out = std::move(placed);
    }

    std::filesystem::create_directories(o.out);
    const auto dir = std::filesystem::path(o.out);
    std::ofstream yaml(dir / "codebook.yaml");
    yaml << "# Generated by qcode_bench_codebook --patterns " << o.patterns << " --seed " << o.seed
         << " --glob-pct " << o.glob_pct << " --phrase-pct " << o.phrase_pct << "\n"
         << "# Benchmark material only (issue #4): the codes mean nothing.\n"
         << "codebook: Benchmark-Codebuch (generiert)\nversion: 1\nlanguage: de\n"
         << "defaults: { unit: sentence, speakers: respondents }\ncodes:\n";
    for (std::size_t leaf = 0; leaf < leaves; ++leaf) {
        const auto group = leaf / kLeavesPerGroup, theme = group / kGroupsPerTheme;
        if (leaf % (kLeavesPerGroup * kGroupsPerTheme) == 0)
            yaml << "  - id: t" << theme + 1 << "\n    label: Thema " << theme + 1 << "\n    children:\n";
        if (leaf % kLeavesPerGroup == 0)
            yaml << "      - id: t" << theme + 1 << "g" << group % kGroupsPerTheme + 1 << "\n        label: Gruppe " << theme + 1 << "."
                 << group % kGroupsPerTheme + 1 << "\n        children:\n";
        yaml << "          - id: t" << theme + 1 << "g" << group % kGroupsPerTheme + 1 << "c" << leaf % kLeavesPerGroup + 1
             << "\n            label: Kategorie " << theme + 1
             << "." << group % kGroupsPerTheme + 1 << "." << leaf % kLeavesPerGroup + 1 << "\n            patterns: [";
        for (std::size_t i = leaf * kPerLeaf; i < std::min(out.size(), (leaf + 1) * kPerLeaf); ++i)
            yaml << (i == leaf * kPerLeaf ? "" : ", ") << "'" << out[i].source << "'";
        yaml << "]\n";
    }
    std::ofstream txt(dir / "patterns.txt");
    for (const auto& g : out) txt << g.source << "\n";
    std::ofstream rg(dir / "patterns.rg");
    std::set<std::string> literals;
    for (const auto& g : out)
        if (literals.insert(g.literal).second) rg << g.literal << "\n";
    if (!yaml || !txt || !rg) throw std::runtime_error("cannot write into " + o.out);

    std::cout << "codebook: " << out.size() << " patterns (" << o.patterns - n_glob - n_phrase << " words, " << n_prefix
              << " prefix*, " << n_suffix << " *suffix, " << n_infix << " *infix*, " << n_phrase << " phrases) in "
              << leaves << " leaf codes; " << literals.size() << " distinct literals for ripgrep\n";
    return 0;
} catch (const std::exception& e) {
    std::cerr << "qcode_bench_codebook: " << e.what() << "\n";
    return 1;
}
