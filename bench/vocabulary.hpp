#pragma once
// What the benchmark generators learn from the shipped material: the words
// and punctuation of samples/*.txt as two first-order Markov chains (one for
// interviewer turns, one for respondents), the nouns that German compounds
// are built from, and the words of the shipped codebook's patterns.
//
// Everything here is deterministic: the same input files and the same seed
// give the same bytes on every machine (own RNG, no std::*_distribution,
// whose results differ between standard libraries).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qbench {

// splitmix64: small, fast, and fully specified.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in [0, n); n > 0. The modulo bias is irrelevant here.
    std::uint64_t below(std::uint64_t n) { return next() % n; }
    // True with probability percent/100.
    bool chance(unsigned percent) { return below(100) < percent; }

private:
    std::uint64_t state_;
};

// One first-order chain over tokens (words and punctuation marks).
struct Chain {
    std::vector<std::vector<std::uint32_t>> next;  // successors with multiplicity (frequency-weighted)
    std::vector<std::uint32_t> starts;             // tokens that followed a sentence end
};

struct Source {
    std::vector<std::string> tokens;      // interned; index = token id
    std::vector<std::uint8_t> is_word;    // letters/digits (not punctuation)
    std::vector<std::uint64_t> count;     // occurrences in the samples
    Chain interviewer, respondent;
    std::vector<std::string> nouns;       // capitalised words of >= 4 letters, distinct
    std::vector<std::string> codebook_words;  // lower-case nouns of the shipped codebook's patterns
    std::vector<std::pair<std::uint32_t, std::uint32_t>> bigrams;  // adjacent word pairs in sample sentences
    std::size_t sample_files = 0;
    std::size_t sample_bytes = 0;
};

// Reads `samples_dir`/*.txt (files that are not valid UTF-8 are skipped)
// and the pattern lists of `codebook_yaml`. Throws std::runtime_error.
Source load_source(const std::string& samples_dir, const std::string& codebook_yaml);

// Compound nouns the corpus uses besides the samples' own words, most
// frequent first: noun + (Fugen-s) + lower-case part, e.g.
// "Aufenthaltsschnittstelle". They give the corpus the long tail of
// distinct words real German text has (the samples alone have ~2,000), so a
// 2,000-pattern codebook does not cover every content word. Depends only
// on the samples and the codebook (fixed internal seed), so both generators
// agree whatever --seed says.
std::vector<std::string> lexicon(const Source& src, std::size_t n);
constexpr std::size_t kLexiconSize = 20000;

// Ranks 0..n-1 with probability proportional to 1/(rank+1): Zipf's law.
class Zipf {
public:
    explicit Zipf(std::size_t n);
    std::size_t draw(Rng& rng) const;

private:
    std::vector<double> cdf_;
};

// Lower case for ASCII and the Latin-1 letters (Ä → ä …); what the
// codebook convention ("alles klein schreiben") needs. ß stays ß.
std::string lower(std::string_view utf8);

// Code points of a UTF-8 string, and back.
std::u32string decode(std::string_view utf8);
std::string encode(std::u32string_view cps);

bool is_letter(char32_t c);  // ASCII letters and the Latin-1/Latin Extended-A letters

}  // namespace qbench
