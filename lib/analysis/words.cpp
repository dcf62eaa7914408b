#include "analysis/words.hpp"

#include <algorithm>

#include "text/tokenize.hpp"

namespace qcode::analysis {

const std::vector<Span>& WordCounter::words(Id document) {
    auto it = words_.find(document);
    if (it != words_.end()) return it->second;
    const auto turns = store_.units(UnitKind::turn, document);
    std::vector<Span> out;
    for (const auto& token : text::tokenize(store_.document_text(document)))
        if (owning_turn(turns, token.span)) out.push_back(token.span);  // inside a turn, not a label
    return words_.emplace(document, std::move(out)).first->second;
}

std::int64_t WordCounter::total(Id document) { return static_cast<std::int64_t>(words(document).size()); }

std::int64_t WordCounter::coded(const std::vector<Segment>& segments) {
    std::int64_t n = 0;
    for (std::size_t i = 0; i < segments.size();) {
        const Id doc = segments[i].document;
        // Merge the document's segments into disjoint ranges, then count
        // the words that intersect one of them.
        std::vector<Span> merged;
        for (; i < segments.size() && segments[i].document == doc; ++i) {
            const Span s = segments[i].span;
            if (!merged.empty() && s.start <= merged.back().end) merged.back().end = std::max(merged.back().end, s.end);
            else merged.push_back(s);
        }
        const auto& ws = words(doc);
        std::size_t r = 0;
        for (const auto& w : ws) {
            while (r < merged.size() && merged[r].end <= w.start) ++r;
            if (r == merged.size()) break;
            if (merged[r].intersects(w)) ++n;
        }
    }
    return n;
}

}  // namespace qcode::analysis
