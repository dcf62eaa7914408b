#include "analysis/matrix.hpp"

#include <set>

namespace qcode::analysis {

std::optional<MatrixCells> parse_matrix_cells(std::string_view s) {
    if (s == "segments") return MatrixCells::segments;
    if (s == "documents") return MatrixCells::documents;
    if (s == "row-pct" || s == "row_pct") return MatrixCells::row_pct;
    if (s == "col-pct" || s == "col_pct") return MatrixCells::col_pct;
    return std::nullopt;
}

std::string_view to_string(MatrixCells cells) {
    switch (cells) {
        case MatrixCells::segments: return "segments";
        case MatrixCells::documents: return "documents";
        case MatrixCells::row_pct: return "row-pct";
        case MatrixCells::col_pct: return "col-pct";
    }
    return "?";
}

namespace {

// Counts of one row (a code, or the total) per group, and over all groups.
struct RowCounts {
    std::vector<std::int64_t> per_group;
    std::int64_t total = 0;
};

RowCounts count_row(const std::vector<Segment>& segments, const Grouping& groups, bool documents) {
    RowCounts r;
    r.per_group.assign(groups.size(), 0);
    std::vector<std::set<Id>> docs(groups.size());
    std::set<Id> all_docs;
    for (const auto& s : segments) {
        const auto g = groups.group_of(s);
        if (!g) continue;
        if (documents) {
            docs[*g].insert(s.document);
            all_docs.insert(s.document);
        } else {
            ++r.per_group[*g];
            ++r.total;
        }
    }
    if (documents) {
        for (std::size_t g = 0; g < groups.size(); ++g) r.per_group[g] = static_cast<std::int64_t>(docs[g].size());
        r.total = static_cast<std::int64_t>(all_docs.size());
    }
    return r;
}

Cell pct(std::int64_t part, std::int64_t whole) {
    if (whole == 0) return Cell{};
    return 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

Table matrix_table(store::Store& store, const store::CodingFilter& filter, const MatrixOptions& options) {
    const auto documents = filtered_documents(store, filter);
    const auto codes = code_segments(store, filter, options.selection);
    const Grouping groups(store, options.cols, documents);
    const bool by_documents = options.cells == MatrixCells::documents;

    std::vector<RowCounts> rows;
    std::set<Segment> any;
    for (const auto& c : codes) {
        rows.push_back(count_row(c.segments, groups, by_documents));
        any.insert(c.segments.begin(), c.segments.end());
    }
    const RowCounts total = count_row(std::vector<Segment>(any.begin(), any.end()), groups, by_documents);
    const RowCounts total_segments = by_documents ? count_row(std::vector<Segment>(any.begin(), any.end()), groups, false) : total;

    std::vector<std::size_t> shown;
    for (std::size_t g = 0; g < groups.size(); ++g)
        if (groups.visible(g, total_segments.per_group[g])) shown.push_back(g);

    const bool percent = options.cells == MatrixCells::row_pct || options.cells == MatrixCells::col_pct;
    const ColumnType type = percent ? ColumnType::percent : ColumnType::integer;
    Table t;
    t.title = "Code × " + (options.cols.kind == GroupKind::attribute ? options.cols.attribute : to_string(options.cols));
    t.column("code").column("label");
    for (auto g : shown) t.column(groups.name(g), type);
    t.column("total", type);

    auto add = [&](const std::string& code, const std::string& label, const RowCounts& r) {
        std::vector<Cell> row{code, label};
        switch (options.cells) {
            case MatrixCells::segments:
            case MatrixCells::documents:
                for (auto g : shown) row.emplace_back(r.per_group[g]);
                row.emplace_back(r.total);
                break;
            case MatrixCells::row_pct:
                for (auto g : shown) row.push_back(pct(r.per_group[g], r.total));
                row.push_back(pct(r.total, r.total));
                break;
            case MatrixCells::col_pct:
                for (auto g : shown) row.push_back(pct(r.per_group[g], total.per_group[g]));
                row.push_back(pct(r.total, total.total));
                break;
        }
        t.add_row(std::move(row));
    };
    for (std::size_t i = 0; i < codes.size(); ++i) add(codes[i].code.path, codes[i].code.label, rows[i]);
    add("total", "(any code)", total);

    const std::string unit = by_documents ? "documents" : "segments";
    t.notes.push_back("cells: " + std::string(to_string(options.cells)) + "; parents roll up their subtree; the total row counts " +
                      unit + " of any listed code once (not the column sum when codes nest or share a place)");
    if (options.cells == MatrixCells::row_pct) t.notes.push_back("row-pct: share of the row's segments (total column)");
    if (options.cells == MatrixCells::col_pct) t.notes.push_back("col-pct: share of the column's segments (total row)");
    if (options.cols.kind == GroupKind::speaker || options.cols.kind == GroupKind::role)
        t.notes.push_back("a segment belongs to the speaker of the turn holding its start");
    return t;
}

}  // namespace qcode::analysis
