#pragma once
// Folding beyond case (DESIGN §4 `fold:`): what a codebook may ask for on top
// of ICU full case folding, which is always on. Tokens and pattern words go
// through the same functions, so a pattern can only differ from the text in
// its letters, never in how the two were folded.
//
//   diacritics  strips what NFD splits off as nonspacing marks (Mn):
//               Behorde = Behörde, Café = Cafe, łódź → łodz. Letters without
//               a decomposition are letters, not diacritics, and stay:
//               ø, ł, đ, æ, œ — and ß (that is `umlauts`' business)
//   umlauts     German transliteration: ä → ae, ö → oe, ü → ue, ß → ss
//               (Auslaender = Ausländer); applied before diacritics, so with
//               both on, Ausländer folds to auslaender, not auslander
//   stem        Snowball German (libstemmer): Schnittstellen = Schnittstelle;
//               only whole words are stemmed, never globs (a stemmed prefix
//               means nothing)
#include <memory>
#include <string>
#include <string_view>

namespace qcode::text {

struct FoldOptions {
    bool diacritics = false;
    bool umlauts = false;
    bool stem = false;

    // Whether tokens need work beyond the case fold the tokenizer does.
    bool any_letters() const { return diacritics || umlauts; }
    friend bool operator==(const FoldOptions&, const FoldOptions&) = default;
};

// "case", "case, diacritics, stem", … as written in a codebook; "case" is
// always included first. Stable, so it can go into run options and exports.
std::string to_string(const FoldOptions& fold);

// Applies `umlauts` then `diacritics` to an already case-folded word (a token's
// `folded`, or a pattern word). `*` and `?` pass through unchanged, so globs
// fold like words. Returns the input unchanged when neither option is set,
// and ASCII input without touching ICU. Decomposed input (a + U+0308) folds
// like its NFC form; the result is NFC.
std::string fold_letters(std::string_view case_folded, const FoldOptions& fold);

// Snowball German stemmer. Not thread-safe: one per thread or per matcher.
class Stemmer {
public:
    Stemmer();
    ~Stemmer();
    Stemmer(const Stemmer&) = delete;
    Stemmer& operator=(const Stemmer&) = delete;

    // The stem of a case-folded (and letter-folded) NFC word. Snowball German
    // drops umlauts itself (ämter → amt), so `stem` alone already equates
    // Ämter and Amt.
    std::string stem(std::string_view word);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace qcode::text
