#pragma once
// Compares two code trees field by field and says where they differ, so a
// failing round-trip test names the code and the field, not just "false".
#include <string>
#include <vector>

#include "codebook/codebook.hpp"
#include "text/fold.hpp"

namespace qcode::codebook_test {

// Which fields a format holds; the rest is not compared.
struct Fields {
    bool ids = true;
    bool descriptions = true;
    bool guide = true;      // definition, coding_rules, anchor_examples
    bool colors = true;
    bool codable = true;
    bool patterns = true;   // patterns (sources) and, with `exclude`, exclude
    bool exclude = true;
    bool scope = true;      // unit, speakers, speaker_labels, where, within, context
    // Each code's effective fold (its own fold:, else the default below)
    // where it has patterns or excludes, and the fold they were parsed with.
    bool folds = true;
    // Each code's fold: key as written (own fold or none). Off where a
    // format writes the default fold onto the codes (QDC, which has no
    // defaults): there only what the codes match must stay the same.
    bool fold_keys = true;
    // The default fold each side's codes fall back on (with_defaults sets them).
    text::FoldOptions default_fold_a, default_fold_b;
};

// `f` with the default folds of the codebooks `a` and `b` compare on.
inline Fields with_defaults(Fields f, const codebook::Codebook& a, const codebook::Codebook& b) {
    f.default_fold_a = a.defaults.fold;
    f.default_fold_b = b.defaults.fold;
    return f;
}

inline std::string pattern_folds(const codebook::Code& c) {
    std::string out;
    for (const auto* ps : {&c.patterns, &c.exclude})
        for (const auto& p : *ps)
            out.append("[").append(text::to_string(p.fold)).append("]");  // not "[" + …: GCC 12's -Wrestrict
    return out;
}

inline std::string sources(const std::vector<codebook::Pattern>& ps) {
    std::string out;
    for (const auto& p : ps) out += "[" + p.source + "]";
    return out;
}

inline std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += "[" + s + "]";
    return out;
}

// "" when equal, else the first difference.
inline std::string diff_codes(const std::vector<codebook::Code>& a, const std::vector<codebook::Code>& b,
                              const Fields& f, const std::string& where = "") {
    if (a.size() != b.size())
        return where + ": " + std::to_string(a.size()) + " vs " + std::to_string(b.size()) + " children";
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto& x = a[i];
        const auto& y = b[i];
        const std::string at = where + "/" + x.label;
        auto field = [&](const char* name, const std::string& u, const std::string& v) -> std::string {
            return u == v ? "" : at + ": " + name + " '" + u + "' vs '" + v + "'";
        };
        std::string d;
        if (d.empty()) d = field("label", x.label, y.label);
        if (d.empty() && f.ids) d = field("id", x.id, y.id);
        if (d.empty() && f.ids) d = field("path", x.path, y.path);
        if (d.empty() && f.descriptions) d = field("description", x.description, y.description);
        if (d.empty() && f.guide) d = field("definition", x.definition, y.definition);
        if (d.empty() && f.guide) d = field("coding_rules", x.coding_rules, y.coding_rules);
        if (d.empty() && f.guide) d = field("anchor_examples", joined(x.anchor_examples), joined(y.anchor_examples));
        if (d.empty() && f.colors) d = field("color", x.color, y.color);
        if (d.empty() && f.codable) d = field("codable", x.codable ? "true" : "false", y.codable ? "true" : "false");
        if (d.empty() && f.patterns) d = field("patterns", sources(x.patterns), sources(y.patterns));
        if (d.empty() && f.exclude) d = field("exclude", sources(x.exclude), sources(y.exclude));
        if (d.empty() && f.scope)
            d = field("unit", x.unit ? std::string(to_string(*x.unit)) : "-", y.unit ? std::string(to_string(*y.unit)) : "-");
        if (d.empty() && f.scope)
            d = field("speakers", x.speakers ? std::string(codebook::to_string(*x.speakers)) : "-",
                      y.speakers ? std::string(codebook::to_string(*y.speakers)) : "-");
        if (d.empty() && f.scope) d = field("speaker_labels", joined(x.speaker_labels), joined(y.speaker_labels));
        if (d.empty() && f.scope) {
            auto where = [](const codebook::Code& c) {
                std::string out;
                for (const auto& w : c.where) out += w.name + "=" + joined(w.values) + ";";
                return out;
            };
            d = field("where", where(x), where(y));
        }
        if (d.empty() && f.scope) d = field("within", x.within, y.within);
        if (d.empty() && f.scope)
            d = field("context", x.context ? std::to_string(*x.context) : "-", y.context ? std::to_string(*y.context) : "-");
        // A code without rules has nothing to fold.
        const bool rules = !x.patterns.empty() || !x.exclude.empty() || !y.patterns.empty() || !y.exclude.empty();
        if (d.empty() && f.folds && rules)
            d = field("fold", text::to_string(x.fold.value_or(f.default_fold_a)),
                      text::to_string(y.fold.value_or(f.default_fold_b)));
        if (d.empty() && f.folds && f.patterns) d = field("pattern folds", pattern_folds(x), pattern_folds(y));
        if (d.empty() && f.fold_keys)
            d = field("fold key", x.fold ? text::to_string(*x.fold) : "-", y.fold ? text::to_string(*y.fold) : "-");
        if (d.empty()) d = diff_codes(x.children, y.children, f, at);
        if (!d.empty()) return d;
    }
    return "";
}

// Header fields too (name, version, language, defaults).
inline std::string diff_codebooks(const codebook::Codebook& a, const codebook::Codebook& b, const Fields& f = {}) {
    if (a.name != b.name) return "name '" + a.name + "' vs '" + b.name + "'";
    if (a.version != b.version) return "version";
    if (a.language != b.language) return "language";
    if (a.defaults.unit != b.defaults.unit || a.defaults.speakers != b.defaults.speakers ||
        a.defaults.context != b.defaults.context)
        return "defaults";
    if (a.defaults.fold != b.defaults.fold)
        return "default fold '" + text::to_string(a.defaults.fold) + "' vs '" + text::to_string(b.defaults.fold) + "'";
    return diff_codes(a.codes, b.codes, with_defaults(f, a, b));
}

}  // namespace qcode::codebook_test
