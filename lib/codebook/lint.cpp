// lint_yaml: walks the YAML itself (instead of stopping at the loader's first
// error), checks each pattern with parse_pattern, then looks at what loaded
// for mistakes the loader accepts. The loader stays the authority on what
// is an error: its verdict is merged in at the end (see reconcile).
#include "codebook/lint.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <span>
#include <sstream>

#include "codebook/codebook.hpp"
#include "codebook/scope_keys.hpp"
#include "codebook/suggest.hpp"
#include "codebook/yaml_syntax.hpp"
#include "core/error.hpp"
#include "core/utf8.hpp"
#include "text/normalize.hpp"
#include "text/tokenize.hpp"

namespace qcode::codebook {

namespace {

// The keys parse_yaml accepts (yaml.cpp); kept in step with it, and the
// loader's own verdict is merged in, so a drift cannot hide an error.
constexpr std::string_view kTopKeys[] = {"codebook", "version", "language", "defaults", "codes"};
constexpr std::string_view kDefaultKeys[] = {"unit", "speakers", "context", "fold"};
constexpr std::string_view kCodeKeys[] = {"id", "label", "description", "definition", "coding_rules",
                                          "anchor_examples", "color", "codable", "patterns", "exclude",
                                          "unit", "speakers", "speaker_labels", "where", "within", "context",
                                          "fold", "children"};

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

// One key of a map with its value and the line of the key.
struct Entry {
    std::string key;
    YAML::Node value;
    int line = 0;
};

// What lint keeps of a code for the checks after the walk.
struct LintCode {
    std::string path;
    int line = 0;
    bool codable = true;
    bool has_guide_text = false;  // definition, anchor examples or coding rules
    std::size_t children = 0;
    std::size_t pattern_items = 0;  // as written, valid or not
    std::vector<Pattern> patterns, exclude;
    std::string within;  // `within:` as written, checked against the whole tree after the walk
    int within_line = 0;
};

class Linter {
public:
    explicit Linter(const std::string& path) : path_(path) {}

    std::vector<Finding> findings;
    std::vector<LintCode> codes;

    void add(int line, Severity severity, const std::string& code, const std::string& check, const std::string& message) {
        findings.push_back(Finding{path_, line, severity, code, check, message});
    }
    void error(int line, const std::string& code, const std::string& check, const std::string& message) {
        add(line, Severity::error, code, check, message);
    }

    void top(const YAML::Node& root) {
        if (!root || root.IsNull()) {
            error(1, "", "missing", "the codebook is empty; it needs at least codebook: <name> and codes:");
            return;
        }
        if (!root.IsMap()) {
            error(line_of(root), "", "invalid-value", "a codebook is a YAML map with the keys " + join(kTopKeys));
            return;
        }
        bool has_name = false, has_codes = false;
        if (const auto d = root["defaults"]; d && d.IsMap() && d["fold"])
            default_fold_ = read_fold(d["fold"]).value_or(text::FoldOptions{});
        for (const auto& e : entries(root, kTopKeys, "the codebook", "")) {
            if (e.key == "codebook") {
                has_name = true;
                const auto name = text(e, "the codebook", "");
                if (name && name->find_first_not_of(" \t") == std::string::npos)
                    error(e.line, "", "missing", "the codebook has an empty name; write codebook: <name>");
                else if (!name && e.value.IsNull())
                    error(e.line, "", "missing", "the codebook has an empty name; write codebook: <name>");
            } else if (e.key == "version") {
                int v = 0;
                if (!e.value.IsScalar() || !YAML::convert<int>::decode(e.value, v) || v < 1)
                    error(e.line, "", "invalid-value", "'version' must be a whole number, 1 or more");
            } else if (e.key == "language") {
                const auto l = text(e, "the codebook", "");
                if (!l || l->empty()) error(e.line, "", "missing", "empty language; write language: de");
            } else if (e.key == "defaults") {
                defaults(e);
            } else if (e.key == "codes") {
                has_codes = true;
                if (!e.value.IsSequence())
                    error(e.line, "", "invalid-value", "'codes' must be a list of codes, each starting with '- id: …'");
                else
                    code_list(e.value, "");
            }
        }
        if (!has_name) error(1, "", "missing", "the codebook has no name; add codebook: <name> at the top");
        if (!has_codes) error(1, "", "missing", "the codebook has no codes; add codes: with a list of codes");
    }

private:
    std::vector<Entry> entries(const YAML::Node& map, std::span<const std::string_view> allowed, const std::string& where,
                               const std::string& code) {
        std::vector<Entry> out;
        std::map<std::string, int> seen;
        for (const auto& kv : map) {
            const int line = line_of(kv.first);
            if (!kv.first.IsScalar()) {
                error(line, code, "invalid-value", "a key in " + where + " is not a plain word");
                continue;
            }
            const auto key = kv.first.Scalar();
            if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
                std::string msg = "unknown key '" + key + "' in " + where;
                if (auto guess = closest(key, allowed)) msg += "; did you mean '" + *guess + "'?";
                msg += " (allowed: " + join(allowed) + ")";
                error(line, code, "unknown-key", msg);
                continue;
            }
            if (auto it = seen.find(key); it != seen.end()) {
                error(line, code, "duplicate-key",
                      "'" + key + "' appears twice in " + where + " (first on line " + std::to_string(it->second) +
                          "); keep one");
                continue;
            }
            seen[key] = line;
            out.push_back(Entry{key, kv.second, line});
        }
        return out;
    }

    std::optional<std::string> text(const Entry& e, const std::string& where, const std::string& code) {
        if (e.value.IsNull()) return std::nullopt;
        if (!e.value.IsScalar()) {
            error(e.line, code, "invalid-value", "'" + e.key + "' in " + where + " must be a text, not a list or map");
            return std::nullopt;
        }
        return e.value.Scalar();
    }

    void unit(const Entry& e, const std::string& where, const std::string& code) {
        const auto s = e.value.IsScalar() ? e.value.Scalar() : std::string();
        if (!parse_unit_kind(s))
            error(e.line, code, "invalid-value", "invalid unit '" + s + "' in " + where + ": use sentence, turn or paragraph");
    }

    void speakers(const Entry& e, const std::string& where, const std::string& code) {
        const auto s = e.value.IsScalar() ? e.value.Scalar() : std::string();
        if (!parse_speaker_scope(s))
            error(e.line, code, "invalid-value",
                  "invalid speakers '" + s + "' in " + where + ": use respondents, interviewers or all");
    }

    // A fold: list as yaml.cpp reads it; nothing when it is not one (the
    // reporting variant below says why).
    static std::optional<text::FoldOptions> read_fold(const YAML::Node& value) {
        std::vector<std::string> items;
        if (value.IsScalar()) items.push_back(value.Scalar());
        else if (value.IsSequence())
            for (const auto& item : value) {
                if (!item.IsScalar()) return std::nullopt;
                items.push_back(item.Scalar());
            }
        else
            return std::nullopt;
        try {
            return parse_fold(items);
        } catch (const Error&) {
            return std::nullopt;
        }
    }

    void fold(const Entry& e, const std::string& where, const std::string& code) {
        if (read_fold(e.value)) return;
        std::string why = "'fold' in " + where + " must be a list, as in fold: [case, umlauts]";
        if (e.value.IsScalar() || e.value.IsSequence()) {
            std::vector<std::string> items;
            for (const auto& item : e.value.IsScalar() ? std::vector<YAML::Node>{e.value}
                                                       : std::vector<YAML::Node>(e.value.begin(), e.value.end()))
                if (item.IsScalar()) items.push_back(item.Scalar());
            try {
                parse_fold(items);
            } catch (const Error& err) {
                why = err.message() + " (in 'fold' of " + where + ")";
            }
        }
        error(e.line, code, "invalid-value", why);
    }

    // context, speaker_labels, where: read as the loader reads them, so the
    // message is the loader's, but every mistake is reported, not the first.
    void scope_key(const Entry& e, const std::string& where, const std::string& code) {
        try {
            if (e.key == "context") read_context(e.value, e.line, where, path_);
            else if (e.key == "speaker_labels") read_speaker_labels(e.value, e.line, where, path_);
            else read_where(e.value, e.line, where, path_);
        } catch (const Error& err) {
            error(err.line() ? err.line() : e.line, code, "invalid-value", err.message());
        }
    }

    // The codebook's default fold, read before the codes wherever it stands.
    text::FoldOptions default_fold_;

    void defaults(const Entry& e) {
        if (e.value.IsNull()) return;
        if (!e.value.IsMap()) {
            error(e.line, "", "invalid-value",
                  "'defaults' must be a map, as in defaults: { unit: sentence, speakers: respondents }");
            return;
        }
        for (const auto& d : entries(e.value, kDefaultKeys, "defaults", "")) {
            if (d.key == "unit") unit(d, "defaults", "");
            else if (d.key == "speakers") speakers(d, "defaults", "");
            else if (d.key == "fold") fold(d, "defaults", "");
            else if (d.key == "context") scope_key(d, "defaults", "");
        }
    }

    void code_list(const YAML::Node& list, const std::string& parent) {
        std::map<std::string, int> ids;
        for (const auto& node : list) {
            const int line = line_of(node);
            const auto id = code(node, parent);
            if (id.empty()) continue;
            if (auto it = ids.find(id); it != ids.end())
                error(line, parent.empty() ? id : parent + "/" + id, "duplicate-id",
                      "duplicate id '" + id + "' (also on line " + std::to_string(it->second) +
                          "); ids of codes with the same parent must differ");
            else
                ids[id] = line;
        }
    }

    // Checks one code and its subtree; returns its id ("" when it has none).
    std::string code(const YAML::Node& node, const std::string& parent) {
        const int line = line_of(node);
        if (!node.IsMap()) {
            error(line, parent, "invalid-value", "a code must be a map with at least id and label, as in - id: technik");
            return {};
        }
        std::string id;
        const YAML::Node id_node = node["id"];
        if (!id_node || id_node.IsNull()) {
            error(line, parent, "missing", "a code has no id; add one, as in id: technik");
        } else if (!id_node.IsScalar() || !valid_id(id_node.Scalar())) {
            error(line_of(id_node), parent, "invalid-id",
                  "invalid id '" + (id_node.IsScalar() ? id_node.Scalar() : std::string("…")) +
                      "': use letters, digits, '_', '-' and '.' only (no spaces, no '/')");
        } else {
            id = id_node.Scalar();
        }
        LintCode lc;
        lc.path = parent.empty() ? (id.empty() ? "?" : id) : parent + "/" + (id.empty() ? "?" : id);
        lc.line = line;
        const std::string where = "code '" + lc.path + "'";
        bool has_label = false;
        int labels_line = 0;
        std::optional<YAML::Node> children;
        int children_line = 0;
        // Patterns are parsed with the code's fold, as the loader does.
        text::FoldOptions code_fold = default_fold_;
        if (const auto f = node["fold"]) code_fold = read_fold(f).value_or(default_fold_);
        for (const auto& e : entries(node, kCodeKeys, where, lc.path)) {
            if (e.key == "label") {
                has_label = true;
                const auto l = text(e, where, lc.path);
                if (!l || l->find_first_not_of(" \t") == std::string::npos)
                    error(e.line, lc.path, "missing", where + " has an empty label; write what the code means");
            } else if (e.key == "description" || e.key == "definition" || e.key == "coding_rules") {
                const auto t = text(e, where, lc.path);
                if (e.key != "description" && t && !t->empty()) lc.has_guide_text = true;
            } else if (e.key == "anchor_examples") {
                const auto items = text_list(e, where, lc.path);
                if (!items.empty()) lc.has_guide_text = true;
            } else if (e.key == "color") {
                const auto c = text(e, where, lc.path);
                if (!c && e.value.IsNull())
                    error(e.line, lc.path, "invalid-value",
                          "empty color in " + where + "; YAML starts a comment at #, so quote it: color: \"#d62728\"");
                else if (c && !normalize_color(*c, true))
                    error(e.line, lc.path, "invalid-value", "invalid color '" + *c + "' in " + where + ": use \"#rgb\" or \"#rrggbb\"");
            } else if (e.key == "codable") {
                bool b = true;
                if (!e.value.IsScalar() || !YAML::convert<bool>::decode(e.value, b))
                    error(e.line, lc.path, "invalid-value", "'codable' in " + where + " must be true or false");
                lc.codable = b;
            } else if (e.key == "patterns" || e.key == "exclude") {
                auto& into = e.key == "patterns" ? lc.patterns : lc.exclude;
                const auto items = text_list(e, where, lc.path);
                if (e.key == "patterns") lc.pattern_items = items.size();
                for (const auto& [src, pline] : items) {
                    try {
                        Pattern p = parse_pattern(src, code_fold);
                        p.line = pline;
                        into.push_back(std::move(p));
                    } catch (const Error& err) {
                        std::string msg = "in " + std::string(e.key == "exclude" ? "exclude " : "") + "pattern '" + src +
                                          "' of " + where + ": " + err.message();
                        if (needs_phrase_quotes(src)) msg += " (in YAML: - '\"" + single_quote_escape(src) + "\"')";
                        error(pline, lc.path, "invalid-pattern", msg);
                    }
                }
            } else if (e.key == "unit") {
                unit(e, where, lc.path);
            } else if (e.key == "speakers") {
                speakers(e, where, lc.path);
            } else if (e.key == "fold") {
                fold(e, where, lc.path);
            } else if (e.key == "context" || e.key == "speaker_labels" || e.key == "where") {
                scope_key(e, where, lc.path);
                if (e.key == "speaker_labels") labels_line = e.line;
            } else if (e.key == "within") {
                const auto w = text(e, where, lc.path);
                if (!w || w->empty())
                    error(e.line, lc.path, "missing", "'within' in " + where + " names no code; write a path, as in within: huerden");
                else
                    lc.within = *w, lc.within_line = e.line;
            } else if (e.key == "children") {
                children = e.value;
                children_line = e.line;
            }
        }
        if (!has_label) error(line, lc.path, "missing", where + " has no label; add one, as in label: Technische Hürden");
        if (labels_line && node["speakers"])
            error(labels_line, lc.path, "invalid-value",
                  where + " has both speakers: and speaker_labels:; the labels already say whose turns count, so keep one");
        const auto index = codes.size();
        codes.push_back(std::move(lc));
        if (children && !children->IsNull()) {
            if (!children->IsSequence()) {
                error(children_line, codes[index].path, "invalid-value",
                      "'children' in " + where + " must be a list of codes, each starting with '- id: …'");
            } else {
                codes[index].children = children->size();
                const std::string path = codes[index].path;  // code_list grows `codes`
                code_list(*children, path);
            }
        }
        return id;
    }

    std::vector<std::pair<std::string, int>> text_list(const Entry& e, const std::string& where, const std::string& code) {
        std::vector<std::pair<std::string, int>> out;
        if (e.value.IsNull()) return out;
        if (!e.value.IsSequence()) {
            error(e.line, code, "invalid-value",
                  "'" + e.key + "' in " + where + " must be a list: put each item on its own line, starting with '- '");
            return out;
        }
        for (const auto& item : e.value) {
            if (!item.IsScalar()) {
                error(line_of(item), code, "invalid-value", "each item of '" + e.key + "' in " + where + " must be a text");
                continue;
            }
            out.emplace_back(item.Scalar(), line_of(item));
        }
        return out;
    }

    const std::string& path_;
};

// --- checks on what loaded ------------------------------------------------------

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

// The loader decides what is an error. If it fails where lint saw no error,
// its error is added; if it loads, lint's errors were drift (a key or
// pattern form the loader learnt) and are dropped.
void reconcile(std::string_view text, const std::string& path, std::vector<Finding>& findings) {
    try {
        (void)parse_yaml(text, path);
        std::erase_if(findings, [](const Finding& f) { return f.severity == Severity::error; });
    } catch (const Error& e) {
        const bool known = std::any_of(findings.begin(), findings.end(), [&](const Finding& f) {
            return f.severity == Severity::error && f.line == e.line();
        });
        if (!known) findings.push_back(Finding{e.file().empty() ? path : e.file(), e.line(), Severity::error, "", "load", e.message()});
    }
}

}  // namespace

std::string_view to_string(Severity severity) {
    switch (severity) {
        case Severity::error: return "error";
        case Severity::warning: return "warning";
        case Severity::info: return "info";
    }
    return "?";
}

std::string format_finding(const Finding& f) {
    std::string out = f.file;
    if (f.line > 0) out += ":" + std::to_string(f.line);
    return out + ": " + std::string(to_string(f.severity)) + ": " + f.message;
}

bool has_errors(const std::vector<Finding>& findings) {
    return std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return f.severity == Severity::error; });
}

void sort_findings(std::vector<Finding>& findings) {
    std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
        if (a.file != b.file) return a.file < b.file;
        if (a.line != b.line) return a.line < b.line;
        return static_cast<int>(a.severity) < static_cast<int>(b.severity);
    });
}

namespace {

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

std::vector<Finding> lint_yaml(std::string_view raw, const std::string& path) {
    std::vector<Finding> findings;
    const auto text = strip_bom(raw);
    YAML::Node root;
    try {
        check_utf8(text, path);
        root = load_yaml_document(text, path);
    } catch (const Error& e) {
        findings.push_back(Finding{path, e.line(), Severity::error, "", "yaml", e.message()});
        return findings;
    }
    Linter l(path);
    l.top(root);
    for (const auto& c : l.codes) check_code(c, l);
    check_within_keys(l);
    findings = std::move(l.findings);
    reconcile(text, path, findings);
    sort_findings(findings);
    return findings;
}

std::vector<Finding> lint_yaml_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::error_code ec;
    if (!in || std::filesystem::is_directory(path, ec)) {
        const bool exists = std::filesystem::exists(path, ec);
        return {Finding{path, 0, Severity::error, "", "yaml",
                        std::string("cannot read the codebook: ") + (exists ? "not a readable file" : "no such file")}};
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return lint_yaml(bytes.str(), path);
}

}  // namespace qcode::codebook
