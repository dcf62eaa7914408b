#include "analysis/code_segments.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/error.hpp"

namespace qcode::analysis {

namespace {

bool in_subtree(const std::string& path, const std::string& root) {
    return path == root || (path.size() > root.size() && path.starts_with(root) && path[root.size()] == '/');
}

}  // namespace

std::vector<CodeSegments> code_segments(store::Store& store, const store::CodingFilter& filter,
                                        const CodeSelection& selection) {
    const auto codes = store.codes();
    if (selection.root && std::none_of(codes.begin(), codes.end(), [&](auto& c) { return c.path == *selection.root; }))
        throw Error("no code '" + *selection.root + "' in the project; see `qcode codebook show` for the paths");

    std::map<Id, std::size_t> index;
    for (std::size_t i = 0; i < codes.size(); ++i) index[codes[i].id] = i;

    std::vector<std::vector<Segment>> rolled(codes.size());
    for (const auto& c : store.codings(filter)) {
        // Hand the segment to the code and each of its ancestors.
        for (auto it = index.find(c.code); it != index.end();) {
            rolled[it->second].push_back(Segment{c.document, c.span});
            const auto& parent = codes[it->second].parent;
            it = parent ? index.find(*parent) : index.end();
        }
    }

    std::set<Id> has_children;
    for (const auto& c : codes)
        if (c.parent) has_children.insert(*c.parent);

    std::vector<CodeSegments> out;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        const auto& code = codes[i];
        if (selection.root && !in_subtree(code.path, *selection.root)) continue;
        if (selection.depth && code.depth() > *selection.depth) continue;
        auto& segs = rolled[i];
        std::sort(segs.begin(), segs.end());
        segs.erase(std::unique(segs.begin(), segs.end()), segs.end());
        out.push_back(CodeSegments{code, std::move(segs), !has_children.contains(code.id)});
    }
    return out;
}

std::vector<store::DocumentInfo> filtered_documents(store::Store& store, const store::CodingFilter& filter) {
    auto docs = store.documents();
    if (filter.documents.empty() && filter.where.empty()) return docs;
    std::map<Id, std::map<std::string, std::string>> attrs;
    for (const auto& a : store.attributes()) attrs[a.document][a.name] = a.value;
    std::vector<store::DocumentInfo> out;
    for (auto& d : docs) {
        if (!filter.documents.empty() &&
            std::find(filter.documents.begin(), filter.documents.end(), d.name) == filter.documents.end())
            continue;
        bool ok = true;
        for (const auto& [name, value] : filter.where) {
            auto it = attrs[d.id].find(name);
            ok = ok && it != attrs[d.id].end() && it->second == value;
        }
        if (ok) out.push_back(std::move(d));
    }
    return out;
}

std::vector<CodeSegments> level_codes(store::Store& store, const store::CodingFilter& filter,
                                      const CodeSelection& selection) {
    auto all = code_segments(store, filter, selection);
    std::vector<CodeSegments> out;
    for (auto& c : all) {
        const bool keep = selection.depth ? (c.code.depth() == *selection.depth || c.leaf) : c.leaf;
        if (keep) out.push_back(std::move(c));
    }
    return out;
}

const store::UnitRow* owning_turn(const std::vector<store::UnitRow>& turns, Span span) {
    auto it = std::partition_point(turns.begin(), turns.end(),
                                   [&](const store::UnitRow& u) { return u.span.end <= span.start; });
    return it != turns.end() && it->span.start < span.end ? &*it : nullptr;
}

}  // namespace qcode::analysis
