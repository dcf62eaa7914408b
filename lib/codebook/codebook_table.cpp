#include "codebook/codebook_table.hpp"

#include <map>

namespace qcode::codebook {

Table codebook_table(store::Store& store, const Codebook& cb) {
    Table t;
    t.title = "Codebook: " + cb.name;
    t.column("code").column("label").column("depth", ColumnType::integer).column("patterns", ColumnType::integer);
    t.column("exclude", ColumnType::integer).column("description");
    std::map<std::string, const Code*> by_path;
    for_each_code(cb.codes, [&](const Code& c) { by_path[c.path] = &c; });
    for (const auto& row : store.codes()) {
        const auto it = by_path.find(row.path);
        const auto* c = it == by_path.end() ? nullptr : it->second;
        t.add_row({row.path, std::string(2 * (row.depth() - 1), ' ') + row.label, std::int64_t(row.depth()),
                   std::int64_t(c ? c->patterns.size() : 0), std::int64_t(c ? c->exclude.size() : 0), row.description});
    }
    return t;
}

}  // namespace qcode::codebook
