#include "analysis/cooccurrence.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace qcode::analysis {

std::optional<CoocScope> parse_cooc_scope(std::string_view s) {
    if (s == "overlap") return CoocScope::overlap;
    if (s == "sentence") return CoocScope::sentence;
    if (s == "turn") return CoocScope::turn;
    if (s == "paragraph") return CoocScope::paragraph;
    if (s == "document") return CoocScope::document;
    return std::nullopt;
}

std::string_view to_string(CoocScope scope) {
    switch (scope) {
        case CoocScope::overlap: return "overlap";
        case CoocScope::sentence: return "sentence";
        case CoocScope::turn: return "turn";
        case CoocScope::paragraph: return "paragraph";
        case CoocScope::document: return "document";
    }
    return "?";
}

std::optional<Measure> parse_measure(std::string_view s) {
    if (s == "count") return Measure::count;
    if (s == "jaccard") return Measure::jaccard;
    if (s == "conditional") return Measure::conditional;
    if (s == "dice") return Measure::dice;
    if (s == "ochiai") return Measure::ochiai;
    return std::nullopt;
}

std::string_view to_string(Measure m) {
    switch (m) {
        case Measure::count: return "count";
        case Measure::jaccard: return "jaccard";
        case Measure::conditional: return "conditional";
        case Measure::dice: return "dice";
        case Measure::ochiai: return "ochiai";
    }
    return "?";
}

double measure_value(Measure m, const PairCounts& p) {
    const double a = static_cast<double>(p.n_a), b = static_cast<double>(p.n_b), n = static_cast<double>(p.count);
    auto ratio = [](double x, double y) { return y > 0 ? x / y : 0.0; };
    switch (m) {
        case Measure::count: return n;
        case Measure::jaccard: return ratio(n, a + b - n);  // ATLAS.ti's c-coefficient
        case Measure::conditional: return ratio(n, a);      // P(B|A)
        case Measure::dice: return ratio(2 * n, a + b);
        case Measure::ochiai: return ratio(n, std::sqrt(a * b));
    }
    return 0.0;
}

namespace {

bool is_ancestor(const std::string& a, const std::string& b) {
    return b.size() > a.size() && b.starts_with(a) && b[a.size()] == '/';
}

// Per code: the sorted distinct items it occupies in a unit/document scope.
using Items = std::vector<Id>;

std::vector<Items> units_holding(store::Store& store, const std::vector<CodeSegments>& codes, UnitKind kind) {
    std::map<Id, std::vector<store::UnitRow>> units_by_doc;
    std::set<Id> docs;
    for (const auto& c : codes)
        for (const auto& s : c.segments) docs.insert(s.document);
    for (auto d : docs) units_by_doc[d] = store.units(kind, d);
    std::vector<Items> out;
    for (const auto& c : codes) {
        Items items;
        for (const auto& s : c.segments) {
            const auto& units = units_by_doc[s.document];
            // First unit ending after the segment starts; walk while units start before it ends.
            auto it = std::partition_point(units.begin(), units.end(),
                                           [&](const store::UnitRow& u) { return u.span.end <= s.span.start; });
            for (; it != units.end() && it->span.start < s.span.end; ++it)
                if (it->span.intersects(s.span)) items.push_back(it->id);
        }
        std::sort(items.begin(), items.end());
        items.erase(std::unique(items.begin(), items.end()), items.end());
        out.push_back(std::move(items));
    }
    return out;
}

std::vector<Items> documents_holding(const std::vector<CodeSegments>& codes) {
    std::vector<Items> out;
    for (const auto& c : codes) {
        Items items;
        for (const auto& s : c.segments) items.push_back(s.document);
        items.erase(std::unique(items.begin(), items.end()), items.end());  // segments are sorted by document
        out.push_back(std::move(items));
    }
    return out;
}

std::int64_t intersection_size(const Items& a, const Items& b) {
    std::int64_t n = 0;
    for (auto ia = a.begin(), ib = b.begin(); ia != a.end() && ib != b.end();) {
        if (*ia < *ib) ++ia;
        else if (*ib < *ia) ++ib;
        else { ++n; ++ia; ++ib; }
    }
    return n;
}

// Distinct intersection ranges of A-segments with B-segments.
std::int64_t overlap_count(const std::vector<Segment>& a, const std::vector<Segment>& b) {
    std::set<Segment> ranges;
    std::size_t b_first = 0;
    for (const auto& sa : a) {
        while (b_first < b.size() && b[b_first].document < sa.document) ++b_first;
        for (std::size_t j = b_first; j < b.size() && b[j].document == sa.document; ++j) {
            const auto& sb = b[j];
            if (sb.span.start >= sa.span.end) break;  // sorted by start: no later one intersects
            if (sa.span.intersects(sb.span))
                ranges.insert(Segment{sa.document, Span{std::max(sa.span.start, sb.span.start),
                                                        std::min(sa.span.end, sb.span.end)}});
        }
    }
    return static_cast<std::int64_t>(ranges.size());
}

std::vector<CodeSegments> selected_codes(store::Store& store, const store::CodingFilter& filter,
                                         const CodeSelection& selection) {
    auto all = code_segments(store, filter, selection);
    std::vector<CodeSegments> out;
    for (auto& c : all) {
        const bool keep = selection.depth ? (c.code.depth() == *selection.depth || c.leaf) : c.leaf;
        if (keep) out.push_back(std::move(c));
    }
    return out;
}

}  // namespace

Table cooccurrence_table(store::Store& store, const store::CodingFilter& filter, const CoocOptions& options) {
    const auto codes = selected_codes(store, filter, options.selection);
    const std::size_t n = codes.size();

    std::vector<Items> items;
    switch (options.scope) {
        case CoocScope::overlap: break;
        case CoocScope::sentence: items = units_holding(store, codes, UnitKind::sentence); break;
        case CoocScope::turn: items = units_holding(store, codes, UnitKind::turn); break;
        case CoocScope::paragraph: items = units_holding(store, codes, UnitKind::paragraph); break;
        case CoocScope::document: items = documents_holding(codes); break;
    }
    auto size_of = [&](std::size_t i) {
        return options.scope == CoocScope::overlap ? static_cast<std::int64_t>(codes[i].segments.size())
                                                   : static_cast<std::int64_t>(items[i].size());
    };
    auto pair = [&](std::size_t i, std::size_t j) {
        PairCounts p{size_of(i), size_of(j), 0};
        p.count = options.scope == CoocScope::overlap ? overlap_count(codes[i].segments, codes[j].segments)
                                                      : intersection_size(items[i], items[j]);
        return p;
    };
    auto related = [&](std::size_t i, std::size_t j) {
        return is_ancestor(codes[i].code.path, codes[j].code.path) || is_ancestor(codes[j].code.path, codes[i].code.path);
    };

    Table t;
    t.title = "Co-occurrence (" + std::string(to_string(options.scope)) + ")";
    if (options.long_form) {
        t.column("code_a").column("code_b").column("n_a", ColumnType::integer).column("n_b", ColumnType::integer);
        t.column("count", ColumnType::integer).column("jaccard", ColumnType::real).column("conditional", ColumnType::real);
        t.column("conditional_ba", ColumnType::real).column("dice", ColumnType::real).column("ochiai", ColumnType::real);
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = i + 1; j < n; ++j) {
                if (related(i, j)) continue;
                const auto p = pair(i, j);
                const PairCounts reverse{p.n_b, p.n_a, p.count};
                t.add_row({codes[i].code.path, codes[j].code.path, p.n_a, p.n_b, p.count,
                           measure_value(Measure::jaccard, p), measure_value(Measure::conditional, p),
                           measure_value(Measure::conditional, reverse), measure_value(Measure::dice, p),
                           measure_value(Measure::ochiai, p)});
            }
    } else {
        const ColumnType cell = options.measure == Measure::count ? ColumnType::integer : ColumnType::real;
        t.column("code").column("n", ColumnType::integer);
        for (const auto& c : codes) t.column(c.code.path, cell);
        for (std::size_t i = 0; i < n; ++i) {
            std::vector<Cell> row{codes[i].code.path, size_of(i)};
            for (std::size_t j = 0; j < n; ++j) {
                if (i == j || related(i, j)) { row.emplace_back(); continue; }
                const auto p = pair(i, j);
                if (options.measure == Measure::count) row.emplace_back(p.count);
                else row.emplace_back(measure_value(options.measure, p));
            }
            t.add_row(std::move(row));
        }
        if (options.measure == Measure::conditional) t.notes.push_back("cell = P(column | row) = count / n of the row code");
    }
    t.notes.push_back(options.scope == CoocScope::overlap
                          ? "scope overlap: count = distinct ranges where the two codes' segments intersect; n = distinct segments"
                          : "scope " + std::string(to_string(options.scope)) + ": count = " +
                                std::string(to_string(options.scope)) + "s holding both codes; n = " +
                                std::string(to_string(options.scope)) + "s holding the code");
    return t;
}

}  // namespace qcode::analysis
