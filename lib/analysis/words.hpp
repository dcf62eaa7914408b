#pragma once
// Coded words (NVivo's "coverage"): how many words of the transcripts a
// code's segments cover. A word is a token of text::tokenize (ICU word
// boundaries, punctuation left out) inside a turn, so speaker labels do not
// count; a word counts as coded when one of its characters is, and once
// however many segments cover it.
#include <cstdint>
#include <map>
#include <vector>

#include "analysis/code_segments.hpp"

namespace qcode::analysis {

class WordCounter {
public:
    explicit WordCounter(store::Store& store) : store_(store) {}

    // Words spoken in the document's turns.
    std::int64_t total(Id document);
    // Words covered by the segments (sorted by document, then span, as
    // CodeSegments holds them), each word once.
    std::int64_t coded(const std::vector<Segment>& segments);

private:
    const std::vector<Span>& words(Id document);
    store::Store& store_;
    std::map<Id, std::vector<Span>> words_;  // per document, in text order
};

}  // namespace qcode::analysis
