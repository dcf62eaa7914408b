#pragma once
// Shared by the analysis tests: a project of three imported transcripts,
// a small code tree, and manual codings whose ranges the tests choose, so
// that every expected count can be worked out by hand.
#include <cmath>
#include <cstdint>
#include <ostream>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include "codebook/codebook.hpp"
#include "codebook/project.hpp"
#include "core/model.hpp"
#include "ingest/import.hpp"
#include "store/store.hpp"
#include "support/temp_dir.hpp"
#include "table/table.hpp"

namespace qcode {
inline std::ostream& operator<<(std::ostream& os, const Span& s) { return os << '[' << s.start << ',' << s.end << ')'; }
}  // namespace qcode

namespace qcode::analysis_test {

// d1 (code points):
//   "B: Aaaa aaaa. Bbbb bbbb.\nCccc cccc.\nI: Dddd.\n"
//    0  3         13 14       24 25       35 36 39  44
//   sentences  s1 [3,13)  s2 [14,24)  s3 [25,35)  s4 [39,44)
//   paragraphs p1 [3,24)  p2 [25,35)  p3 [39,44)
//   turns      t1 [3,35)  t2 [39,44)
// d2: "B: Eeee eeee.\n"  one sentence/paragraph/turn [3,13)
// d3: "B: Ffff ffff.\n"  one sentence/paragraph/turn [3,13)
inline constexpr const char* kD1 = "B: Aaaa aaaa. Bbbb bbbb.\nCccc cccc.\nI: Dddd.\n";
inline constexpr const char* kD2 = "B: Eeee eeee.\n";
inline constexpr const char* kD3 = "B: Ffff ffff.\n";

// a (A) ── a1 (A1), a2 (A2);  b (B) ── b1 (B1) ── x (X);  c (C)
// Leaves: a/a1, a/a2, b/b1/x, c.
inline constexpr const char* kCodebook = R"(codebook: Analysis
codes:
  - id: a
    label: A
    children:
      - id: a1
        label: A1
      - id: a2
        label: A2
  - id: b
    label: B
    children:
      - id: b1
        label: B1
        children:
          - id: x
            label: X
  - id: c
    label: C
)";

struct Project {
    testing::TempDir dir;
    store::Store store = store::Store::create((dir.path() / "p.qcode").string());
    Id d1 = 0, d2 = 0, d3 = 0;

    explicit Project(const char* codebook_yaml = kCodebook) {
        ingest::import_files(store, {dir.write("d1.txt", kD1), dir.write("d2.txt", kD2), dir.write("d3.txt", kD3)}, {});
        d1 = store.find_document("d1")->id;
        d2 = store.find_document("d2")->id;
        d3 = store.find_document("d3")->id;
        codebook::install(store, codebook::parse_yaml(codebook_yaml, "cb.yaml"));
    }

    Id code_id(const std::string& path) {
        const auto c = store.find_code(path);
        if (!c) throw std::runtime_error("no code " + path);
        return c->id;
    }

    // Adds one coding of `path` at [start, end) of `doc`.
    void code(const std::string& path, Id doc, std::uint32_t start, std::uint32_t end, const std::string& coder = "anna",
              Origin origin = Origin::manual) {
        Coding c;
        c.document = doc;
        c.span = Span{start, end};
        c.code = code_id(path);
        c.coder = coder;
        c.origin = origin;
        store.add_codings({c});
    }
};

// --- reading Tables

inline std::vector<std::string> column_names(const Table& t) {
    std::vector<std::string> out;
    for (const auto& c : t.columns) out.push_back(c.name);
    return out;
}

inline const Cell& cell(const Table& t, std::size_t row, const std::string& column) {
    const int i = t.find_column(column);
    if (i < 0) throw std::runtime_error("no column " + column);
    return t.rows.at(row).at(static_cast<std::size_t>(i));
}

inline std::string text_at(const Table& t, std::size_t row, const std::string& column) {
    const auto& c = cell(t, row, column);
    if (!std::holds_alternative<std::string>(c)) throw std::runtime_error("not text: " + column);
    return std::get<std::string>(c);
}

inline std::int64_t int_at(const Table& t, std::size_t row, const std::string& column) {
    const auto& c = cell(t, row, column);
    if (!std::holds_alternative<std::int64_t>(c)) throw std::runtime_error("not an integer: " + column);
    return std::get<std::int64_t>(c);
}

inline double real_at(const Table& t, std::size_t row, const std::string& column) {
    const auto& c = cell(t, row, column);
    if (!std::holds_alternative<double>(c)) throw std::runtime_error("not a real: " + column);
    return std::get<double>(c);
}

inline bool empty_at(const Table& t, std::size_t row, const std::string& column) {
    return std::holds_alternative<std::monostate>(cell(t, row, column));
}

// The row whose first column is `key` (code path); throws if absent.
inline std::size_t row_of(const Table& t, const std::string& key) {
    for (std::size_t r = 0; r < t.rows.size(); ++r)
        if (std::holds_alternative<std::string>(t.rows[r].at(0)) && std::get<std::string>(t.rows[r].at(0)) == key)
            return r;
    throw std::runtime_error("no row " + key);
}

// The first column of every row, in order.
inline std::vector<std::string> keys(const Table& t) {
    std::vector<std::string> out;
    for (const auto& r : t.rows) out.push_back(std::get<std::string>(r.at(0)));
    return out;
}

// Long co-occurrence form: the row of the pair (a, b) in either order; throws if absent.
inline std::size_t pair_row(const Table& t, const std::string& a, const std::string& b) {
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const auto ca = text_at(t, r, "code_a"), cb = text_at(t, r, "code_b");
        if ((ca == a && cb == b) || (ca == b && cb == a)) return r;
    }
    throw std::runtime_error("no pair " + a + " × " + b);
}

inline bool is_ancestor(const std::string& a, const std::string& b) {
    return b.size() > a.size() && b.starts_with(a) && b[a.size()] == '/';
}

using Strings = std::vector<std::string>;

}  // namespace qcode::analysis_test
