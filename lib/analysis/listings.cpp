#include "analysis/listings.hpp"

#include <algorithm>
#include <map>

#include "analysis/groups.hpp"
#include "core/error.hpp"
#include "core/utf8.hpp"

namespace qcode::analysis {

namespace {

bool in_subtree(const std::string& path, const std::string& root) {
    return path == root || (path.size() > root.size() && path.starts_with(root) && path[root.size()] == '/');
}

}  // namespace

std::vector<AttributeColumn> attribute_columns(store::Store& store, const std::set<std::string>& taken) {
    std::set<std::string> names;
    for (const auto& a : store.attributes()) names.insert(a.name);
    std::vector<std::string> sorted(names.begin(), names.end());
    collate_sort(sorted);
    std::vector<AttributeColumn> out;
    for (auto& n : sorted) {
        const std::string column = taken.contains(n) ? "attr:" + n : n;
        out.push_back(AttributeColumn{std::move(n), column});
    }
    return out;
}

Table codings_table(store::Store& store, const store::CodingFilter& filter, const CodeSelection& selection) {
    std::map<Id, const store::CodeRow*> code_of;
    const auto codes = store.codes();
    if (selection.root && std::none_of(codes.begin(), codes.end(), [&](auto& c) { return c.path == *selection.root; }))
        throw Error("no code '" + *selection.root + "' in the project; see `qcode codebook show` for the paths");
    std::map<Id, std::size_t> tree_order;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        tree_order[codes[i].id] = i;
        if (!selection.root || in_subtree(codes[i].path, *selection.root)) code_of[codes[i].id] = &codes[i];
    }
    std::map<Id, std::string> names;
    for (const auto& d : store.documents()) names[d.id] = d.name;

    auto rows = store.codings(filter);
    std::erase_if(rows, [&](const store::CodingRow& c) { return !code_of.contains(c.code); });
    std::stable_sort(rows.begin(), rows.end(), [&](const store::CodingRow& a, const store::CodingRow& b) {
        if (a.document != b.document) return names[a.document] < names[b.document];
        if (a.span != b.span) return a.span < b.span;
        return tree_order[a.code] < tree_order[b.code];
    });

    Table t;
    t.title = "Segments";
    t.column("document").column("code").column("start", ColumnType::integer).column("end", ColumnType::integer);
    t.column("coder").column("origin").column("speaker").column("text");
    Id current = -1;
    std::string text;
    std::optional<utf8::Index> index;
    std::vector<store::UnitRow> turns;
    for (const auto& c : rows) {
        if (c.document != current) {
            current = c.document;
            text = store.document_text(current);
            index.emplace(text);
            turns = store.units(UnitKind::turn, current);
        }
        const auto* turn = owning_turn(turns, c.span);
        const std::size_t end = std::min<std::size_t>(c.span.end, index->length());
        const std::size_t start = std::min<std::size_t>(c.span.start, end);
        t.add_row({names[c.document], code_of[c.code]->path, std::int64_t(c.span.start), std::int64_t(c.span.end), c.coder,
                   std::string(to_string(c.origin)), turn ? turn->speaker : std::string(),
                   std::string(utf8::slice(text, *index, start, end))});
    }
    return t;
}

Table documents_table(store::Store& store, const store::CodingFilter& filter) {
    const auto documents = filtered_documents(store, filter);
    Table t;
    t.title = "Documents";
    t.column("document").column("format").column("imported_at").column("length", ColumnType::integer);
    t.column("speakers", ColumnType::integer).column("turns", ColumnType::integer).column("sentences", ColumnType::integer);
    std::set<std::string> taken;
    for (const auto& c : t.columns) taken.insert(c.name);
    const auto attrs = attribute_columns(store, taken);
    for (const auto& a : attrs) t.column(a.column);

    std::map<Id, std::map<std::string, std::string>> values;
    for (const auto& a : store.attributes()) values[a.document][a.name] = a.value;
    for (const auto& d : documents) {
        std::vector<Cell> row{d.name, d.format, d.imported_at, std::int64_t(d.length),
                              std::int64_t(store.speakers(d.id).size()),
                              std::int64_t(store.units(UnitKind::turn, d.id).size()),
                              std::int64_t(store.units(UnitKind::sentence, d.id).size())};
        for (const auto& a : attrs) {
            const auto& dv = values[d.id];
            const auto it = dv.find(a.attribute);
            row.emplace_back(it == dv.end() ? std::string() : it->second);
        }
        t.add_row(std::move(row));
    }
    return t;
}

}  // namespace qcode::analysis
