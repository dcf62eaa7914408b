#pragma once
// Compares two code trees field by field and says where they differ, so a
// failing round-trip test names the code and the field, not just "false".
#include <string>
#include <vector>

#include "codebook/codebook.hpp"

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
};

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
    return diff_codes(a.codes, b.codes, f);
}

}  // namespace qcode::codebook_test
