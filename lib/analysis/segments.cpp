#include "analysis/segments.hpp"

#include <algorithm>
#include <map>

#include <fmt/core.h>

#include "analysis/code_segments.hpp"
#include "core/error.hpp"
#include "core/utf8.hpp"

namespace qcode::analysis {

namespace {

bool in_subtree(const std::string& path, const std::string& root) {
    return path == root || (path.size() > root.size() && path.starts_with(root) && path[root.size()] == '/');
}

std::string_view trim(std::string_view s) {
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!s.empty() && blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && blank(s.back())) s.remove_suffix(1);
    return s;
}

// One document's text and units, loaded when first needed.
struct DocumentView {
    std::string name;
    std::string text;
    utf8::Index index{""};
    std::map<UnitKind, std::vector<store::UnitRow>> units;

    std::string slice(std::size_t start, std::size_t end) const {
        end = std::min(end, index.length());
        start = std::min(start, end);
        return std::string(utf8::slice(text, index, start, end));
    }
};

// The kind of unit whose span the coding covers exactly; sentences otherwise.
UnitKind kind_of(const DocumentView& doc, Span span) {
    for (const auto kind : {UnitKind::sentence, UnitKind::paragraph, UnitKind::turn}) {
        const auto& units = doc.units.at(kind);
        const auto it = std::lower_bound(units.begin(), units.end(), span.start,
                                         [](const store::UnitRow& u, std::uint32_t pos) { return u.span.start < pos; });
        if (it != units.end() && it->span == span) return kind;
    }
    return UnitKind::sentence;
}

}  // namespace

std::string format_hms(std::int64_t ms) {
    const std::int64_t s = std::max<std::int64_t>(ms, 0) / 1000;
    return fmt::format("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
}

Table segments_table(store::Store& store, const store::CodingFilter& filter, const SegmentOptions& options) {
    const auto codes = store.codes();
    if (options.code && std::none_of(codes.begin(), codes.end(), [&](const auto& c) { return c.path == *options.code; }))
        throw Error("no code '" + *options.code + "' in the project; see `qcode codebook show` for the paths");
    std::map<Id, const store::CodeRow*> selected;
    std::map<Id, std::size_t> tree_order;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        const auto& c = codes[i];
        tree_order[c.id] = i;
        if (options.code && (options.exact ? c.path != *options.code : !in_subtree(c.path, *options.code))) continue;
        if (options.depth && c.depth() > *options.depth) continue;
        selected[c.id] = &c;
    }

    std::map<Id, std::string> names;
    for (const auto& d : store.documents()) names[d.id] = d.name;
    for (const auto& wanted : filter.documents)
        if (std::none_of(names.begin(), names.end(), [&](const auto& n) { return n.second == wanted; }))
            throw Error("no document named '" + wanted + "' in the project; see `qcode info` for the names");

    auto rows = store.codings(filter);
    std::erase_if(rows, [&](const store::CodingRow& c) { return !selected.contains(c.code); });
    std::stable_sort(rows.begin(), rows.end(), [&](const store::CodingRow& a, const store::CodingRow& b) {
        if (a.document != b.document) return names[a.document] < names[b.document];
        if (a.span != b.span) return a.span < b.span;
        if (a.code != b.code) return tree_order[a.code] < tree_order[b.code];
        return a.coder < b.coder;
    });

    Table t;
    t.title = "Segments";
    t.column("document").column("code").column("coder").column("origin").column("speaker").column("role");
    t.column("start", ColumnType::integer).column("end", ColumnType::integer).column("t_start").column("text");
    if (options.context > 0) t.column("context_before").column("context_after");

    std::map<Id, DocumentView> views;
    for (const auto& c : rows) {
        auto [it, fresh] = views.try_emplace(c.document);
        auto& doc = it->second;
        if (fresh) {
            doc.name = names[c.document];
            doc.text = store.document_text(c.document);
            doc.index = utf8::Index(doc.text);
            for (const auto kind : {UnitKind::turn, UnitKind::paragraph, UnitKind::sentence})
                doc.units[kind] = store.units(kind, c.document);
        }
        const auto* turn = owning_turn(doc.units[UnitKind::turn], c.span);
        const std::string speaker = turn ? turn->speaker : std::string();
        if (!options.speakers.empty() &&
            std::find(options.speakers.begin(), options.speakers.end(), speaker) == options.speakers.end())
            continue;
        std::vector<Cell> row{doc.name,
                              selected[c.code]->path,
                              c.coder,
                              std::string(to_string(c.origin)),
                              speaker,
                              turn && turn->role ? std::string(to_string(*turn->role)) : std::string(),
                              std::int64_t(c.span.start),
                              std::int64_t(c.span.end),
                              turn && turn->t_start_ms ? format_hms(*turn->t_start_ms) : std::string(),
                              doc.slice(c.span.start, c.span.end)};
        if (options.context > 0) {
            const auto& units = doc.units[kind_of(doc, c.span)];
            const auto n = static_cast<std::size_t>(options.context);
            // Units wholly before the coding, and wholly after it.
            const auto first_after = std::partition_point(units.begin(), units.end(),
                                                          [&](const store::UnitRow& u) { return u.span.start < c.span.end; });
            const auto end_before = std::partition_point(units.begin(), units.end(),
                                                         [&](const store::UnitRow& u) { return u.span.end <= c.span.start; });
            std::string before, after;
            if (end_before != units.begin()) {
                const auto from = end_before - static_cast<std::ptrdiff_t>(std::min<std::size_t>(n, end_before - units.begin()));
                before = std::string(trim(doc.slice(from->span.start, c.span.start)));
            }
            if (first_after != units.end()) {
                const auto count = std::min<std::size_t>(n, static_cast<std::size_t>(units.end() - first_after));
                const auto to = first_after + static_cast<std::ptrdiff_t>(count) - 1;
                after = std::string(trim(doc.slice(c.span.end, to->span.end)));
            }
            row.emplace_back(std::move(before));
            row.emplace_back(std::move(after));
        }
        t.add_row(std::move(row));
    }
    return t;
}

}  // namespace qcode::analysis
