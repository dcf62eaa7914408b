#include "analysis/cooccurrence.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

namespace qcode::analysis {

std::optional<CoocScope> parse_cooc_scope(std::string_view s) {
    if (s == "overlap") return CoocScope::overlap;
    if (s == "sentence") return CoocScope::sentence;
    if (s == "turn") return CoocScope::turn;
    if (s == "paragraph") return CoocScope::paragraph;
    if (s == "window") return CoocScope::window;
    if (s == "document") return CoocScope::document;
    return std::nullopt;
}

std::string_view to_string(CoocScope scope) {
    switch (scope) {
        case CoocScope::overlap: return "overlap";
        case CoocScope::sentence: return "sentence";
        case CoocScope::turn: return "turn";
        case CoocScope::paragraph: return "paragraph";
        case CoocScope::window: return "window";
        case CoocScope::document: return "document";
    }
    return "?";
}

std::optional<ScopeSpec> parse_scope_spec(std::string_view s) {
    if (s.starts_with("window:")) {
        const auto digits = s.substr(7);
        if (digits.empty() || digits.size() > 6) return std::nullopt;
        int n = 0;
        for (char ch : digits) {
            if (ch < '0' || ch > '9') return std::nullopt;
            n = n * 10 + (ch - '0');
        }
        return ScopeSpec{CoocScope::window, n};
    }
    const auto scope = parse_cooc_scope(s);
    if (!scope || *scope == CoocScope::window) return std::nullopt;
    return ScopeSpec{*scope, 0};
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
    if (p.count_ba >= 0 && m != Measure::count && m != Measure::conditional) {
        // Window scope: count (A's view) and count_ba (B's view) differ.
        const double nba = static_cast<double>(p.count_ba);
        switch (m) {
            case Measure::jaccard: {
                const double n12 = (n + nba) / 2;
                return ratio(n12, a + b - n12);
            }
            case Measure::dice: return ratio(n + nba, a + b);
            case Measure::ochiai: return std::sqrt(ratio(n, a) * ratio(nba, b));
            default: break;
        }
    }
    switch (m) {
        case Measure::count: return n;
        case Measure::jaccard: return ratio(n, a + b - n);  // ATLAS.ti's c-coefficient
        case Measure::conditional: return ratio(n, a);      // P(B|A)
        case Measure::dice: return ratio(2 * n, a + b);
        case Measure::ochiai: return ratio(n, std::sqrt(a * b));
    }
    return 0.0;
}

bool imbalanced(const PairCounts& p) {
    if (p.n_a <= 0 || p.n_b <= 0) return false;
    const auto lo = static_cast<double>(std::min(p.n_a, p.n_b)), hi = static_cast<double>(std::max(p.n_a, p.n_b));
    return hi > kImbalanceRatio * lo;
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

// A code's segments with overlapping ones merged, per document, in order:
// the "places" a code occupies. Two coders' or two rules' overlapping
// segments of one code are one place, not two.
std::vector<Segment> merged_places(const std::vector<Segment>& segments) {
    std::vector<Segment> sorted = segments;
    std::sort(sorted.begin(), sorted.end());
    std::vector<Segment> out;
    for (const auto& s : sorted) {
        if (!out.empty() && out.back().document == s.document && s.span.start < out.back().span.end)
            out.back().span.end = std::max(out.back().span.end, s.span.end);
        else
            out.push_back(s);
    }
    return out;
}

// Places where A and B overlap: the clusters of intersecting A- and
// B-places (merged_places) that hold both codes. Counting clusters rather
// than intersection ranges keeps count <= min(n_A, n_B), so Jaccard, Dice
// and Ochiai stay within [0, 1] even when one A-segment meets two
// B-segments (hand coding with ragged boundaries); for autocoded sentences
// a cluster is just a sentence coded with both.
std::int64_t overlap_count(const std::vector<Segment>& a, const std::vector<Segment>& b) {
    std::int64_t n = 0;
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        // Start a cluster at whichever place comes first; grow it while the
        // next place of either code begins inside it.
        const bool a_first = a[i] < b[j];
        Segment cluster = a_first ? a[i++] : b[j++];
        bool has_a = a_first, has_b = !a_first;
        for (bool grew = true; grew;) {
            grew = false;
            for (auto [list, index, has] : {std::tuple{&a, &i, &has_a}, std::tuple{&b, &j, &has_b}}) {
                while (*index < list->size() && (*list)[*index].document == cluster.document &&
                       (*list)[*index].span.start < cluster.span.end) {
                    cluster.span.end = std::max(cluster.span.end, (*list)[(*index)++].span.end);
                    *has = grew = true;
                }
            }
        }
        if (has_a && has_b) ++n;
    }
    return n;
}

// Per code: the (document, sentence index) pairs of the sentences holding
// it, sorted — the positions the window scope measures distances in.
using Positions = std::vector<std::pair<Id, std::size_t>>;

std::vector<Positions> sentence_positions(store::Store& store, const std::vector<CodeSegments>& codes) {
    std::map<Id, std::vector<store::UnitRow>> sentences;
    for (const auto& c : codes)
        for (const auto& s : c.segments)
            if (!sentences.contains(s.document)) sentences[s.document] = store.units(UnitKind::sentence, s.document);
    std::vector<Positions> out;
    for (const auto& c : codes) {
        Positions pos;
        for (const auto& s : c.segments) {
            const auto& units = sentences[s.document];
            auto it = std::partition_point(units.begin(), units.end(),
                                           [&](const store::UnitRow& u) { return u.span.end <= s.span.start; });
            for (; it != units.end() && it->span.start < s.span.end; ++it)
                if (it->span.intersects(s.span))
                    pos.emplace_back(s.document, static_cast<std::size_t>(it - units.begin()));
        }
        std::sort(pos.begin(), pos.end());
        pos.erase(std::unique(pos.begin(), pos.end()), pos.end());
        out.push_back(std::move(pos));
    }
    return out;
}

// A-sentences with a B-sentence at most `window` sentences away, in the same document.
std::int64_t window_count(const Positions& a, const Positions& b, std::size_t window) {
    std::int64_t n = 0;
    for (const auto& [doc, i] : a) {
        const auto it = std::lower_bound(b.begin(), b.end(), std::make_pair(doc, i > window ? i - window : 0));
        if (it != b.end() && it->first == doc && it->second <= i + window) ++n;
    }
    return n;
}

}  // namespace

Table cooccurrence_table(store::Store& store, const store::CodingFilter& filter, const CoocOptions& options) {
    // The codes, and which of them are rows and which columns.
    std::vector<CodeSegments> codes;
    std::vector<std::size_t> row_codes, col_codes;
    const bool crossed = options.rows || options.cols;
    if (!crossed) {
        codes = level_codes(store, filter, options.selection);
        for (std::size_t i = 0; i < codes.size(); ++i) row_codes.push_back(i);
        col_codes = row_codes;
    } else {
        std::map<Id, std::size_t> position;
        auto take = [&](const std::optional<std::string>& root, std::vector<std::size_t>& into) {
            auto selection = options.selection;
            if (root) selection.root = *root;
            for (auto& c : level_codes(store, filter, selection)) {
                auto [it, fresh] = position.emplace(c.code.id, codes.size());
                if (fresh) codes.push_back(std::move(c));
                into.push_back(it->second);
            }
        };
        take(options.rows, row_codes);
        take(options.cols, col_codes);
    }

    std::vector<Items> items;
    std::vector<Positions> positions;
    std::vector<std::vector<Segment>> places;
    switch (options.scope) {
        case CoocScope::overlap:
            for (const auto& c : codes) places.push_back(merged_places(c.segments));
            break;
        case CoocScope::sentence: items = units_holding(store, codes, UnitKind::sentence); break;
        case CoocScope::turn: items = units_holding(store, codes, UnitKind::turn); break;
        case CoocScope::paragraph: items = units_holding(store, codes, UnitKind::paragraph); break;
        case CoocScope::window: positions = sentence_positions(store, codes); break;
        case CoocScope::document: items = documents_holding(codes); break;
    }
    const bool window = options.scope == CoocScope::window;
    const auto span = static_cast<std::size_t>(std::max(0, options.window));
    auto size_of = [&](std::size_t i) -> std::int64_t {
        if (options.scope == CoocScope::overlap) return static_cast<std::int64_t>(places[i].size());
        if (window) return static_cast<std::int64_t>(positions[i].size());
        return static_cast<std::int64_t>(items[i].size());
    };
    auto pair = [&](std::size_t i, std::size_t j) {
        PairCounts p{size_of(i), size_of(j), 0};
        if (options.scope == CoocScope::overlap) p.count = overlap_count(places[i], places[j]);
        else if (window) {
            p.count = window_count(positions[i], positions[j], span);
            p.count_ba = window_count(positions[j], positions[i], span);
        } else p.count = intersection_size(items[i], items[j]);
        return p;
    };
    auto related = [&](std::size_t i, std::size_t j) {
        return i == j || is_ancestor(codes[i].code.path, codes[j].code.path) ||
               is_ancestor(codes[j].code.path, codes[i].code.path);
    };
    auto strong_enough = [&](const PairCounts& p) { return std::max(p.count, p.count_ba) >= options.min; };
    auto flag_text = [](const PairCounts& p) {
        if (!imbalanced(p)) return std::string();
        return std::string(p.n_a > p.n_b ? "n_a > 5×n_b" : "n_b > 5×n_a");
    };

    Table t;
    const std::string scope_name =
        window ? "window:" + std::to_string(options.window) : std::string(to_string(options.scope));
    t.title = "Co-occurrence (" + scope_name + ")";
    std::int64_t imbalanced_pairs = 0;
    if (options.long_form) {
        t.column("code_a").column("code_b").column("n_a", ColumnType::integer).column("n_b", ColumnType::integer);
        t.column("count", ColumnType::integer).column("jaccard", ColumnType::real).column("conditional", ColumnType::real);
        t.column("conditional_ba", ColumnType::real).column("dice", ColumnType::real).column("ochiai", ColumnType::real);
        if (window) t.column("count_ba", ColumnType::integer);
        if (options.flag) t.column("flag");
        std::set<std::pair<std::size_t, std::size_t>> done;
        for (std::size_t ri = 0; ri < row_codes.size(); ++ri)
            for (std::size_t ci = crossed ? 0 : ri + 1; ci < col_codes.size(); ++ci) {
                const std::size_t i = row_codes[ri], j = col_codes[ci];
                if (related(i, j) || !done.emplace(std::min(i, j), std::max(i, j)).second) continue;
                const auto p = pair(i, j);
                if (!strong_enough(p)) continue;
                const PairCounts reverse{p.n_b, p.n_a, window ? p.count_ba : p.count, window ? p.count : -1};
                std::vector<Cell> row{codes[i].code.path, codes[j].code.path, p.n_a, p.n_b, p.count,
                                      measure_value(Measure::jaccard, p), measure_value(Measure::conditional, p),
                                      measure_value(Measure::conditional, reverse), measure_value(Measure::dice, p),
                                      measure_value(Measure::ochiai, p)};
                if (window) row.emplace_back(p.count_ba);
                if (imbalanced(p)) ++imbalanced_pairs;
                if (options.flag) row.emplace_back(flag_text(p));
                t.add_row(std::move(row));
            }
    } else {
        // Cells first, so that --min can drop codes left without a pair.
        const std::size_t nr = row_codes.size(), nc = col_codes.size();
        std::vector<std::vector<std::optional<PairCounts>>> cells(nr, std::vector<std::optional<PairCounts>>(nc));
        std::vector<bool> row_kept(nr, options.min <= 0), col_kept(nc, options.min <= 0);
        std::set<std::pair<std::size_t, std::size_t>> counted;
        for (std::size_t ri = 0; ri < nr; ++ri)
            for (std::size_t ci = 0; ci < nc; ++ci) {
                const std::size_t i = row_codes[ri], j = col_codes[ci];
                if (related(i, j)) continue;
                const auto p = pair(i, j);
                if (imbalanced(p) && counted.emplace(std::min(i, j), std::max(i, j)).second) ++imbalanced_pairs;
                if (!strong_enough(p)) continue;
                cells[ri][ci] = p;
                row_kept[ri] = col_kept[ci] = true;
            }
        if (!crossed)  // square: a code stays as row and column, or goes as both
            for (std::size_t k = 0; k < nr; ++k) row_kept[k] = col_kept[k] = row_kept[k] || col_kept[k];

        const ColumnType cell = options.measure == Measure::count ? ColumnType::integer : ColumnType::real;
        t.column("code").column("n", ColumnType::integer);
        for (std::size_t ci = 0; ci < nc; ++ci)
            if (col_kept[ci]) t.column(codes[col_codes[ci]].code.path, cell);
        if (options.flag) t.column("flag");
        for (std::size_t ri = 0; ri < nr; ++ri) {
            if (!row_kept[ri]) continue;
            const std::size_t i = row_codes[ri];
            std::vector<Cell> row{codes[i].code.path, size_of(i)};
            std::string flags;
            for (std::size_t ci = 0; ci < nc; ++ci) {
                if (!col_kept[ci]) continue;
                const auto& p = cells[ri][ci];
                if (!p) { row.emplace_back(); continue; }
                if (options.measure == Measure::count) row.emplace_back(p->count);
                else row.emplace_back(measure_value(options.measure, *p));
                if (imbalanced(*p)) flags += (flags.empty() ? "" : "; ") + codes[col_codes[ci]].code.path;
            }
            if (options.flag) row.emplace_back(flags);
            t.add_row(std::move(row));
        }
        if (options.measure == Measure::conditional) t.notes.push_back("cell = P(column | row) = count / n of the row code");
        if (window) t.notes.push_back("cell = count seen from the row code: row sentences with a column sentence within " +
                                      std::to_string(options.window) + " (the matrix need not be symmetric)");
    }
    if (window)
        t.notes.push_back("scope window:" + std::to_string(options.window) + ": count = sentences holding A with a sentence holding B at most " +
                          std::to_string(options.window) + " sentences away (same document); count_ba the same from B; n = sentences holding the code");
    else
        t.notes.push_back(options.scope == CoocScope::overlap
                              ? "scope overlap: count = places where segments of both codes overlap; n = the code's places (its overlapping segments merged)"
                              : "scope " + std::string(to_string(options.scope)) + ": count = " +
                                    std::string(to_string(options.scope)) + "s holding both codes; n = " +
                                    std::string(to_string(options.scope)) + "s holding the code");
    if (imbalanced_pairs > 0)
        t.notes.push_back(std::to_string(imbalanced_pairs) +
                          " pair(s) join codes whose n differ more than 5-fold: Jaccard (ATLAS.ti's c-coefficient), "
                          "Dice and Ochiai understate them; conditional does not" +
                          (options.flag ? "" : " (the flag option marks them)"));
    if (options.min > 0) t.notes.push_back("pairs with count below " + std::to_string(options.min) + " hidden");
    return t;
}

}  // namespace qcode::analysis
