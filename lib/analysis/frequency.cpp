#include "analysis/frequency.hpp"

#include <set>

#include "analysis/words.hpp"

namespace qcode::analysis {

namespace {

double share(std::int64_t part, std::int64_t whole) {
    return whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

std::int64_t distinct_documents(const std::vector<Segment>& segments) {
    std::set<Id> documents;
    for (const auto& s : segments) documents.insert(s.document);
    return static_cast<std::int64_t>(documents.size());
}

}  // namespace

Table frequency_table(store::Store& store, const store::CodingFilter& filter, const CodeSelection& selection) {
    return frequencies(store, filter, FrequencyOptions{selection, std::nullopt, false});
}

Table frequencies(store::Store& store, const store::CodingFilter& filter, const FrequencyOptions& options) {
    const auto documents = filtered_documents(store, filter);
    const auto total_documents = static_cast<std::int64_t>(documents.size());
    const auto codes = code_segments(store, filter, options.selection);

    Table t;
    t.title = "Frequencies";
    t.column("code").column("label").column("depth", ColumnType::integer).column("segments", ColumnType::integer);
    t.column("documents", ColumnType::integer).column("documents_pct", ColumnType::percent);

    std::optional<WordCounter> words;
    std::int64_t total_words = 0;
    if (options.words) {
        t.column("words", ColumnType::integer).column("words_pct", ColumnType::percent);
        words.emplace(store);
        for (const auto& d : documents) total_words += words->total(d.id);
    }

    // Per code and group: the code's segments in that group.
    std::optional<Grouping> groups;
    std::vector<std::vector<std::vector<Segment>>> split(codes.size());
    std::vector<std::size_t> shown;
    if (options.by) {
        groups.emplace(store, *options.by, documents);
        std::vector<std::int64_t> per_group(groups->size(), 0);
        for (std::size_t i = 0; i < codes.size(); ++i) {
            split[i].resize(groups->size());
            for (const auto& s : codes[i].segments)
                if (const auto g = groups->group_of(s)) split[i][*g].push_back(s);
        }
        for (std::size_t g = 0; g < groups->size(); ++g) {
            std::int64_t n = 0;
            for (const auto& per_code : split) n += static_cast<std::int64_t>(per_code[g].size());
            if (groups->visible(g, n)) shown.push_back(g);
        }
        const bool by_document = options.by->kind == GroupKind::document;
        for (auto g : shown) {
            const auto& name = groups->name(g);
            t.column("segments:" + name, ColumnType::integer);
            if (!by_document) {
                t.column("documents:" + name, ColumnType::integer);
                t.column("documents_pct:" + name, ColumnType::percent);
            }
            if (options.words) t.column("words:" + name, ColumnType::integer);
        }
    }

    for (std::size_t i = 0; i < codes.size(); ++i) {
        const auto& cs = codes[i];
        const auto docs = distinct_documents(cs.segments);
        std::vector<Cell> row{cs.code.path, cs.code.label, std::int64_t(cs.code.depth()),
                              std::int64_t(cs.segments.size()), docs, share(docs, total_documents)};
        if (words) {
            const auto w = words->coded(cs.segments);
            row.emplace_back(w);
            row.emplace_back(share(w, total_words));
        }
        for (auto g : shown) {
            const auto& segs = split[i][g];
            row.emplace_back(std::int64_t(segs.size()));
            if (options.by->kind != GroupKind::document) {
                const auto gd = distinct_documents(segs);
                row.emplace_back(gd);
                row.emplace_back(share(gd, static_cast<std::int64_t>(groups->documents(g).size())));
            }
            if (words) row.emplace_back(words->coded(segs));
        }
        t.add_row(std::move(row));
    }
    t.notes.push_back("segments: distinct coded places (document + range), parents rolled up over their subtree; "
                      "documents_pct: share of " + std::to_string(total_documents) + " documents");
    if (options.words)
        t.notes.push_back("words: words inside the segments, each once; words_pct: share of the " +
                          std::to_string(total_words) + " words spoken in those documents");
    if (groups && options.by->kind != GroupKind::document) {
        std::string bases;
        for (auto g : shown)
            bases += (bases.empty() ? "" : ", ") + groups->name(g) + " " + std::to_string(groups->documents(g).size());
        t.notes.push_back("by " + to_string(*options.by) + ": documents_pct:G is the share of the group's documents (" +
                          bases + ")");
    }
    return t;
}

}  // namespace qcode::analysis
