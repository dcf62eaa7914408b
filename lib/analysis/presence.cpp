#include "analysis/presence.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "analysis/listings.hpp"
#include "core/utf8.hpp"

namespace qcode::analysis {

Table presence_table(store::Store& store, const store::CodingFilter& filter, const PresenceOptions& options) {
    const auto documents = filtered_documents(store, filter);
    const auto codes = code_segments(store, filter, options.selection);

    Table t;
    t.title = options.unit ? "Presence by " + std::string(to_string(*options.unit)) : "Presence by document";
    t.column("document");
    if (options.unit) {
        t.column(std::string(to_string(*options.unit)), ColumnType::integer);
        t.column("start", ColumnType::integer).column("end", ColumnType::integer).column("speaker").column("role");
        if (options.text) t.column("text");
    }
    std::vector<AttributeColumn> attrs;
    std::map<Id, std::map<std::string, std::string>> values;
    if (options.attributes) {
        std::set<std::string> taken;
        for (const auto& c : t.columns) taken.insert(c.name);
        for (const auto& c : codes) taken.insert(c.code.path);
        attrs = attribute_columns(store, taken);
        for (const auto& a : attrs) t.column(a.column);
        for (const auto& a : store.attributes()) values[a.document][a.name] = a.value;
    }
    for (const auto& c : codes) t.column(c.code.path, ColumnType::integer);

    auto attribute_cells = [&](Id document, std::vector<Cell>& row) {
        const auto& dv = values[document];
        for (const auto& a : attrs) {
            const auto it = dv.find(a.attribute);
            row.emplace_back(it == dv.end() ? std::string() : it->second);
        }
    };

    if (!options.unit) {
        for (const auto& d : documents) {
            std::vector<Cell> row{d.name};
            attribute_cells(d.id, row);
            for (const auto& c : codes) {
                const bool has = std::any_of(c.segments.begin(), c.segments.end(),
                                             [&](const Segment& s) { return s.document == d.id; });
                row.emplace_back(std::int64_t(has ? 1 : 0));
            }
            t.add_row(std::move(row));
        }
        t.notes.push_back("1 = the document holds a segment of the code (parents roll up their subtree)");
        return t;
    }

    for (const auto& d : documents) {
        auto units = store.units(*options.unit, d.id);
        if (!filter.roles.empty())
            std::erase_if(units, [&](const store::UnitRow& u) {
                return !u.role || std::find(filter.roles.begin(), filter.roles.end(), *u.role) == filter.roles.end();
            });
        // hold[u][c]: unit u holds code c.
        std::vector<std::vector<char>> hold(units.size(), std::vector<char>(codes.size(), 0));
        for (std::size_t c = 0; c < codes.size(); ++c) {
            const auto& segs = codes[c].segments;
            auto first = std::lower_bound(segs.begin(), segs.end(), Segment{d.id, Span{0, 0}});
            for (auto s = first; s != segs.end() && s->document == d.id; ++s) {
                auto it = std::partition_point(units.begin(), units.end(),
                                               [&](const store::UnitRow& u) { return u.span.end <= s->span.start; });
                for (; it != units.end() && it->span.start < s->span.end; ++it)
                    if (it->span.intersects(s->span)) hold[static_cast<std::size_t>(it - units.begin())][c] = 1;
            }
        }
        std::string text;
        std::optional<utf8::Index> index;
        if (options.text) {
            text = store.document_text(d.id);
            index.emplace(text);
        }
        for (std::size_t u = 0; u < units.size(); ++u) {
            const auto& unit = units[u];
            std::vector<Cell> row{d.name, std::int64_t(unit.ordinal), std::int64_t(unit.span.start),
                                  std::int64_t(unit.span.end), unit.speaker,
                                  unit.role ? std::string(to_string(*unit.role)) : std::string()};
            if (options.text) {
                const std::size_t end = std::min<std::size_t>(unit.span.end, index->length());
                row.emplace_back(std::string(utf8::slice(text, *index, std::min<std::size_t>(unit.span.start, end), end)));
            }
            attribute_cells(d.id, row);
            for (std::size_t c = 0; c < codes.size(); ++c) row.emplace_back(std::int64_t(hold[u][c]));
            t.add_row(std::move(row));
        }
    }
    t.notes.push_back("1 = a segment of the code intersects the " + std::string(to_string(*options.unit)) +
                      " (parents roll up their subtree)");
    return t;
}

}  // namespace qcode::analysis
