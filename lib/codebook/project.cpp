#include "codebook/project.hpp"

namespace qcode::codebook {

namespace {

void upsert_tree(store::Store& store, const std::vector<Code>& codes, std::vector<std::string>& paths) {
    int ordinal = 0;
    for (const auto& c : codes) {
        store::CodeRow row;
        row.path = c.path;
        row.label = c.label;
        row.description = c.description;
        row.color = c.color;
        row.codable = c.codable;
        row.ordinal = ++ordinal;
        row.definition = c.definition;
        row.coding_rules = c.coding_rules;
        row.anchor_examples = c.anchor_examples;
        store.upsert_code(row);
        paths.push_back(c.path);
        upsert_tree(store, c.children, paths);
    }
}

}  // namespace

InstallReport install(store::Store& store, const Codebook& cb) {
    auto tx = store.transaction();
    store.set_codebook(store::CodebookSource{cb.name, cb.source_path, cb.sha256, cb.source, {}});
    std::vector<std::string> paths;
    upsert_tree(store, cb.codes, paths);
    InstallReport report;
    report.kept_coded = store.prune_codes(paths);
    report.codes = count_codes(cb);
    report.leaves = count_leaves(cb);
    tx->commit();
    return report;
}

std::optional<Codebook> load_installed(store::Store& store) {
    const auto source = store.codebook();
    if (!source) return std::nullopt;
    auto cb = parse_yaml(source->source, source->source_path.empty() ? "(project codebook)" : source->source_path);
    return cb;
}

}  // namespace qcode::codebook
