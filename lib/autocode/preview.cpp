#include "autocode/preview.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/kwic_line.hpp"
#include "core/utf8.hpp"

namespace qcode::autocode {

namespace {

struct PerCode {
    std::vector<std::size_t> found;  // indices into Report::found, in its order
    std::set<std::tuple<Id, UnitKind, std::uint32_t>> units;
    std::set<Id> documents;
};

// Up to `k` of `found`: the first hit of each document in turn, then the
// second of each …, returned in their original (document) order.
std::vector<std::size_t> pick_examples(const Report& report, const std::vector<std::size_t>& found, std::size_t k) {
    std::vector<std::size_t> picked;
    std::vector<bool> taken(found.size(), false);
    while (picked.size() < std::min(k, found.size())) {
        std::set<Id> this_round;
        for (std::size_t i = 0; i < found.size() && picked.size() < k; ++i) {
            if (taken[i] || !this_round.insert(report.found[found[i]].document).second) continue;
            taken[i] = true;
            picked.push_back(found[i]);
        }
    }
    std::sort(picked.begin(), picked.end());
    return picked;
}

struct DocumentText {
    std::string text;
    utf8::Index index;
    explicit DocumentText(std::string t) : text(std::move(t)), index(text) {}
};

}  // namespace

Table preview_table(store::Store& store, const codebook::Codebook& cb, const Report& report, const PreviewOptions& options) {
    std::vector<std::string> paths;
    codebook::for_each_code(cb.codes, [&](const codebook::Code& c) {
        if (!c.patterns.empty()) paths.push_back(c.path);
    });
    std::map<std::string, PerCode, std::less<>> per_code;
    std::set<std::tuple<Id, UnitKind, std::uint32_t>> all_units;
    std::set<Id> all_documents;
    for (std::size_t i = 0; i < report.found.size(); ++i) {
        const auto& f = report.found[i];
        if (!per_code.contains(f.code_path) && std::find(paths.begin(), paths.end(), f.code_path) == paths.end())
            paths.emplace_back(f.code_path);
        auto pc_it = per_code.find(f.code_path);
        if (pc_it == per_code.end()) pc_it = per_code.emplace(std::string(f.code_path), PerCode{}).first;
        auto& pc = pc_it->second;
        pc.found.push_back(i);
        pc.units.emplace(f.document, f.kind, f.ordinal);
        pc.documents.insert(f.document);
        all_units.emplace(f.document, f.kind, f.ordinal);
        all_documents.insert(f.document);
    }

    Table t;
    t.title = "Dry run";
    t.column("code").column("hits", ColumnType::integer).column("units", ColumnType::integer);
    t.column("documents", ColumnType::integer).column("document").column("unit").column("rule");
    t.column("left").column("keyword").column("right");

    std::map<Id, DocumentText> texts;
    auto text_of = [&](Id document) -> const DocumentText& {
        auto it = texts.find(document);
        if (it == texts.end()) it = texts.emplace(document, DocumentText(store.document_text(document))).first;
        return it->second;
    };
    for (const auto& path : paths) {
        static const PerCode none;
        const auto it = per_code.find(path);
        const PerCode& pc = it == per_code.end() ? none : it->second;
        const auto hits = static_cast<std::int64_t>(pc.found.size());
        const auto units = static_cast<std::int64_t>(pc.units.size());
        const auto documents = static_cast<std::int64_t>(pc.documents.size());
        const auto examples = pick_examples(report, pc.found, options.examples);
        if (examples.empty()) t.add_row({path, hits, units, documents, {}, {}, {}, {}, {}, {}});
        for (auto i : examples) {
            const auto& f = report.found[i];
            const auto& doc = text_of(f.document);
            const auto line = kwic_line(doc.text, doc.index, f.span, f.match, options.window);
            t.add_row({path, hits, units, documents, std::string(report.document_name(f.document)),
                       std::string(to_string(f.kind)) + " " + std::to_string(f.ordinal), std::string(f.rule), line.left, line.keyword,
                       line.right});
        }
    }
    t.notes.push_back("dry run: " + std::to_string(report.found.size()) + " codings in " +
                      std::to_string(all_units.size()) + " units of " + std::to_string(all_documents.size()) +
                      " documents (" + std::to_string(report.units) + " units of " + std::to_string(report.documents) +
                      " documents looked at); nothing stored");
    return t;
}

}  // namespace qcode::autocode
