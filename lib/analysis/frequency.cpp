#include "analysis/frequency.hpp"

#include <set>

namespace qcode::analysis {

Table frequency_table(store::Store& store, const store::CodingFilter& filter, const CodeSelection& selection) {
    const auto total_documents = filtered_documents(store, filter).size();
    Table t;
    t.title = "Frequencies";
    t.column("code").column("label").column("depth", ColumnType::integer).column("segments", ColumnType::integer);
    t.column("documents", ColumnType::integer).column("documents_pct", ColumnType::percent);
    for (const auto& cs : code_segments(store, filter, selection)) {
        std::set<Id> documents;
        for (const auto& s : cs.segments) documents.insert(s.document);
        const double pct = total_documents ? 100.0 * static_cast<double>(documents.size()) / static_cast<double>(total_documents) : 0.0;
        t.add_row({cs.code.path, cs.code.label, std::int64_t(cs.code.depth()), std::int64_t(cs.segments.size()),
                   std::int64_t(documents.size()), pct});
    }
    t.notes.push_back("segments: distinct coded places (document + range), parents rolled up over their subtree; "
                      "documents_pct: share of " + std::to_string(total_documents) + " documents");
    return t;
}

}  // namespace qcode::analysis
