// The YAML walk of lint_yaml: walks the YAML itself (instead of stopping at
// the loader's first error) and checks each pattern with parse_pattern.
#include "codebook/lint_walk.hpp"

#include <algorithm>
#include <map>

#include "codebook/codebook.hpp"
#include "codebook/scope_keys.hpp"
#include "codebook/suggest.hpp"
#include "codebook/yaml_syntax.hpp"
#include "core/error.hpp"

namespace qcode::codebook::lint_detail {

void Linter::top(const YAML::Node& root) {
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

std::vector<Entry> Linter::entries(const YAML::Node& map, std::span<const std::string_view> allowed, const std::string& where,
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

std::optional<std::string> Linter::text(const Entry& e, const std::string& where, const std::string& code) {
    if (e.value.IsNull()) return std::nullopt;
    if (!e.value.IsScalar()) {
        error(e.line, code, "invalid-value", "'" + e.key + "' in " + where + " must be a text, not a list or map");
        return std::nullopt;
    }
    return e.value.Scalar();
}

void Linter::unit(const Entry& e, const std::string& where, const std::string& code) {
    const auto s = e.value.IsScalar() ? e.value.Scalar() : std::string();
    if (!parse_unit_kind(s))
        error(e.line, code, "invalid-value", "invalid unit '" + s + "' in " + where + ": use sentence, turn or paragraph");
}

void Linter::speakers(const Entry& e, const std::string& where, const std::string& code) {
    const auto s = e.value.IsScalar() ? e.value.Scalar() : std::string();
    if (!parse_speaker_scope(s))
        error(e.line, code, "invalid-value",
              "invalid speakers '" + s + "' in " + where + ": use respondents, interviewers or all");
}

// A fold: list as yaml.cpp reads it; nothing when it is not one (the
// reporting variant below says why).
std::optional<text::FoldOptions> Linter::read_fold(const YAML::Node& value) {
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

void Linter::fold(const Entry& e, const std::string& where, const std::string& code) {
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
void Linter::scope_key(const Entry& e, const std::string& where, const std::string& code) {
    try {
        if (e.key == "context") read_context(e.value, e.line, where, path_);
        else if (e.key == "speaker_labels") read_speaker_labels(e.value, e.line, where, path_);
        else read_where(e.value, e.line, where, path_);
    } catch (const Error& err) {
        error(err.line() ? err.line() : e.line, code, "invalid-value", err.message());
    }
}

void Linter::defaults(const Entry& e) {
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

void Linter::code_list(const YAML::Node& list, const std::string& parent) {
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
std::string Linter::code(const YAML::Node& node, const std::string& parent) {
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

std::vector<std::pair<std::string, int>> Linter::text_list(const Entry& e, const std::string& where, const std::string& code) {
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

}  // namespace qcode::codebook::lint_detail
