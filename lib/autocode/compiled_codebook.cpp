#include "autocode/compiled_codebook.hpp"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include "core/error.hpp"

namespace qcode::autocode {

using codebook::Pattern;
using codebook::WordGlob;

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

std::unique_ptr<FirstWordMemo> FirstWordPool::take(std::size_t groups) {
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

void FirstWordPool::give(std::unique_ptr<FirstWordMemo> m) {
    if (!m) return;
    std::lock_guard lock(mutex);
    idle.push_back(std::move(m));
}

std::uint32_t Matcher::Compiled::group_of(const text::FoldOptions& fold) {
    for (std::size_t g = 0; g < groups.size(); ++g)
        if (groups[g].fold == fold) return static_cast<std::uint32_t>(g);
    groups.emplace_back().fold = fold;
    return static_cast<std::uint32_t>(groups.size() - 1);
}

void Matcher::Compiled::add(const Pattern& p, std::uint32_t code, std::uint32_t order, bool exclude,
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

void Matcher::Compiled::index_atom(std::uint32_t a) {
    const auto g = atoms[a].group;
    auto& group = groups[g];
    const auto& first = atoms[a].phrase->words.front();
    switch (first.kind) {
        case WordGlob::Kind::exact:
            group.exact[first.literal].push_back(a);
            if (!first.stem.empty()) group.stems[first.stem].push_back(a);
            break;
        case WordGlob::Kind::prefix:
        case WordGlob::Kind::suffix:
        case WordGlob::Kind::infix: {
            const std::string key = std::to_string(g) + '\x1f' + std::to_string(static_cast<int>(first.kind)) + '\x1f' +
                                    first.literal;
            auto [it, fresh] = glob_ids_.try_emplace(key, static_cast<std::uint32_t>(group.glob_literals.size()));
            if (fresh) {
                group.glob_literals.push_back(GlobLiteral{first.kind, {}});
                group.globs.add(first.literal, it->second);
            }
            group.glob_literals[it->second].atoms.push_back(a);
            break;
        }
        default: group.scan.push_back(a); break;
    }
}

void Matcher::Compiled::finish() {
    for (auto& g : groups) g.globs.build();
    glob_ids_.clear();
}

void Matcher::Compiled::first_word_atoms(std::size_t g, std::string_view word, std::string_view stem,
                                         std::vector<std::uint32_t>& out,
                                         std::vector<LiteralAutomaton::Match>& scratch) const {
    const auto& group = groups[g];
    auto add = [&](const std::vector<std::uint32_t>& list) { out.insert(out.end(), list.begin(), list.end()); };
    if (auto it = group.exact.find(word); it != group.exact.end()) add(it->second);
    if (group.fold.stem)
        if (auto it = group.stems.find(stem); it != group.stems.end()) add(it->second);
    scratch.clear();
    group.globs.find(word, scratch);
    for (const auto& m : scratch) {
        const auto& literal = group.glob_literals[m.id];
        const bool fits = literal.kind == WordGlob::Kind::prefix   ? m.begin == 0
                          : literal.kind == WordGlob::Kind::suffix ? m.end == word.size()
                                                                   : true;
        if (fits) add(literal.atoms);
    }
    for (auto a : group.scan)
        if (word_matches(atoms[a].phrase->words.front(), word, stem)) out.push_back(a);
}

}  // namespace qcode::autocode
