#include "analysis/crosstab.hpp"

#include <cmath>
#include <map>
#include <set>

#include <fmt/core.h>

#include "analysis/groups.hpp"
#include "core/error.hpp"

namespace qcode::analysis {

namespace {

std::string p_text(double p) {
    if (std::isnan(p)) return "p n/a";
    if (p < 0.001) return "p < 0.001";
    return fmt::format("p = {:.3f}", p);
}

}  // namespace

Table Crosstab::test_table() const {
    Table t;
    t.title = "Chi-square test";
    t.column("chi2", ColumnType::real).column("df", ColumnType::integer).column("p", ColumnType::real);
    t.column("cramers_v", ColumnType::real).column("n", ColumnType::integer).column("rows", ColumnType::integer);
    t.column("cols", ColumnType::integer).column("expected_below_5", ColumnType::integer);
    t.column("expected_below_5_pct", ColumnType::percent).column("min_expected", ColumnType::real);
    if (!test.valid) {
        t.add_row({Cell{}, Cell{}, Cell{}, Cell{}, static_cast<std::int64_t>(std::llround(test.n)), test.rows, test.cols,
                   Cell{}, Cell{}, Cell{}});
        t.notes.push_back("no test: it needs at least two codes and two attribute values with counts");
        return t;
    }
    t.add_row({test.chi2, test.df, test.p, test.cramers_v, static_cast<std::int64_t>(std::llround(test.n)), test.rows,
               test.cols, test.expected_below_5,
               test.cells ? 100.0 * static_cast<double>(test.expected_below_5) / static_cast<double>(test.cells) : 0.0,
               test.min_expected});
    return t;
}

Crosstab crosstab(store::Store& store, const store::CodingFilter& filter, const CrosstabOptions& options) {
    const auto documents = filtered_documents(store, filter);
    bool known = false;
    for (const auto& a : store.attributes()) known = known || a.name == options.attribute;
    if (!known)
        throw Error("no attribute '" + options.attribute +
                    "' in the project; attributes come from `qcode attributes FILE.csv` (see the Documents sheet of `qcode export xlsx`)");
    const Grouping groups(store, GroupBy{GroupKind::attribute, options.attribute}, documents);
    const auto codes = level_codes(store, filter, options.selection);

    // Counts per code and value; the no-value group is kept apart.
    const std::size_t nv = groups.size() - 1;  // the last group is kNoValue
    std::vector<std::vector<std::int64_t>> counts(codes.size(), std::vector<std::int64_t>(nv, 0));
    std::int64_t without_value = 0;
    std::map<Segment, int> rows_of_place;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        std::vector<std::set<Id>> docs(nv);
        for (const auto& s : codes[i].segments) {
            const auto g = groups.group_of(s);
            if (!g) continue;
            if (*g == nv) { ++without_value; continue; }
            ++rows_of_place[s];
            if (options.documents) docs[*g].insert(s.document);
            else ++counts[i][*g];
        }
        if (options.documents)
            for (std::size_t g = 0; g < nv; ++g) counts[i][g] = static_cast<std::int64_t>(docs[g].size());
    }
    std::int64_t multi = 0;
    for (const auto& [place, n] : rows_of_place)
        if (n > 1) ++multi;

    Crosstab out;
    Table& t = out.table;
    t.title = "Crosstab: code × " + options.attribute;
    t.column("code").column("label");
    std::vector<std::size_t> values;  // shown value groups
    for (std::size_t g = 0; g < nv; ++g) values.push_back(g);
    for (auto g : values) t.column(groups.name(g), ColumnType::integer);
    t.column("total", ColumnType::integer);

    std::vector<std::vector<double>> observed;
    std::vector<std::int64_t> col_total(nv, 0);
    std::int64_t grand = 0;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        std::vector<Cell> row{codes[i].code.path, codes[i].code.label};
        std::int64_t total = 0;
        std::vector<double> obs;
        for (auto g : values) {
            row.emplace_back(counts[i][g]);
            total += counts[i][g];
            col_total[g] += counts[i][g];
            obs.push_back(static_cast<double>(counts[i][g]));
        }
        row.emplace_back(total);
        grand += total;
        observed.push_back(std::move(obs));
        t.add_row(std::move(row));
    }
    std::vector<Cell> total_row{std::string("total"), std::string("(sum)")};
    for (auto g : values) total_row.emplace_back(col_total[g]);
    total_row.emplace_back(grand);
    t.add_row(std::move(total_row));

    out.test = chi_square_test(observed);
    const auto& r = out.test;
    const std::string unit = options.documents ? "documents" : "segments";
    if (r.valid) {
        t.notes.push_back(fmt::format("chi² = {:.4f}, df = {}, {}, Cramér's V = {:.4f} (n = {} {}; {} codes × {} values)",
                                      r.chi2, r.df, p_text(r.p), r.cramers_v, static_cast<std::int64_t>(r.n), unit,
                                      r.rows, r.cols));
        if (r.expected_below_5 > 0)
            t.notes.push_back(fmt::format(
                "warning: {} of {} expected counts ({:.0f} %) are below 5 (smallest {:.2f}); the chi-square approximation "
                "is {}reliable (Cochran: at most 20 % below 5, none below 1) — merge codes or values, or use an exact test",
                r.expected_below_5, r.cells, 100.0 * static_cast<double>(r.expected_below_5) / static_cast<double>(r.cells),
                r.min_expected, r.cochran_ok() ? "still " : "not "));
    } else {
        t.notes.push_back("no chi-square test: it needs at least two codes and two values with counts");
    }
    if (static_cast<std::size_t>(r.rows) < codes.size() || static_cast<std::size_t>(r.cols) < nv)
        t.notes.push_back("rows or columns with a total of 0 are left out of the test");
    if (without_value > 0)
        t.notes.push_back(fmt::format("{} segment(s) in documents without a value for '{}' are left out", without_value,
                                      options.attribute));
    if (options.documents)
        t.notes.push_back("a document holding several codes counts in each of their rows; the test assumes "
                          "independent observations, so read p with care");
    else if (multi > 0)
        t.notes.push_back(fmt::format("{} place(s) are counted in more than one row (coded with several codes); the test "
                                      "assumes each observation in one cell",
                                      multi));
    return out;
}

}  // namespace qcode::analysis
