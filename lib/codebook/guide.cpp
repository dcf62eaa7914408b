#include "codebook/guide.hpp"

namespace qcode::codebook {

namespace {

std::string join(const std::vector<Pattern>& patterns) {
    std::string out;
    for (const auto& p : patterns) out += (out.empty() ? "" : "; ") + p.source;
    return out;
}

}  // namespace

const std::string& guide_definition(const Code& code) {
    return code.definition.empty() ? code.description : code.definition;
}

std::string guide_patterns(const Code& code) {
    std::string out = join(code.patterns);
    if (!code.exclude.empty()) out += (out.empty() ? "" : "\n") + std::string("ausgenommen: ") + join(code.exclude);
    return out;
}

Table coding_guide(const Codebook& cb) {
    Table t;
    t.title = "Kodierleitfaden: " + cb.name;
    t.column("Kategorie").column("Bezeichnung").column("Definition").column("Ankerbeispiele");
    t.column("Kodierregeln").column("Muster");
    for_each_code(cb.codes, [&](const Code& c) {
        std::string anchors;
        for (const auto& a : c.anchor_examples) anchors += (anchors.empty() ? "" : "\n") + a;
        t.add_row({c.path, c.label, guide_definition(c), anchors, c.coding_rules, guide_patterns(c)});
    });
    return t;
}

}  // namespace qcode::codebook
