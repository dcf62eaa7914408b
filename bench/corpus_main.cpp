// qcode_bench_corpus: writes a German transcript-like corpus of any size for
// the benchmark (issue #4), learned from samples/*.txt and the shipped
// codebook. Same samples + same seed + same options = same bytes.
//
//   qcode_bench_corpus --out DIR [--mb 200] [--seed 1] [--file-kb 1000-2000]
//                      [--samples samples] [--codebook codebooks/azr.yaml]
//
// Files are bench_0001.txt …, plain-text transcripts as `qcode import`
// reads them: a header, speaker labels (I:/B: interviews, Moderation:/B1…B5:
// focus groups), turns of sentences drawn from first-order Markov chains of
// the samples' interviewer and respondent turns, continuation paragraphs,
// German compounds built from the samples' nouns and the codebook's words,
// and f4 timestamps (#00:01:23-4#) at turn ends in most files.
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "args.hpp"
#include "vocabulary.hpp"

namespace {

using qbench::Rng;
using qbench::Source;

constexpr std::uint64_t kMB = 1'000'000;  // MB = 10^6 bytes throughout the benchmark

struct Options {
    std::string out;
    std::string samples = "samples";
    std::string codebook = "codebooks/azr.yaml";
    double mb = 200;
    std::uint64_t seed = 1;
    std::uint64_t file_min = 1'000'000, file_max = 2'000'000;
};

Options parse(int argc, char** argv) {
    qbench::Args args(argc, argv, "qcode_bench_corpus",
                      "--out DIR [--mb N] [--seed N] [--file-kb MIN-MAX] [--samples DIR] [--codebook FILE]");
    Options o;
    while (args.next()) {
        const auto& a = args.name();
        if (a == "--out") o.out = args.value();
        else if (a == "--samples") o.samples = args.value();
        else if (a == "--codebook") o.codebook = args.value();
        else if (a == "--mb") {
            const auto v = args.value();
            try {
                o.mb = std::stod(v);
            } catch (...) {
                args.usage("bad number for --mb: " + v);
            }
            if (!(o.mb > 0)) args.usage("--mb must be positive");
        } else if (a == "--seed") o.seed = args.number();
        else if (a == "--file-kb") {
            const auto v = args.value();
            const auto dash = v.find('-');
            if (dash == std::string::npos) args.usage("--file-kb wants MIN-MAX, e.g. 1000-2000");
            o.file_min = args.number(v.substr(0, dash)) * 1000;
            o.file_max = args.number(v.substr(dash + 1)) * 1000;
            if (o.file_min == 0 || o.file_max < o.file_min) args.usage("--file-kb wants 0 < MIN <= MAX");
        } else args.usage("unknown argument " + a);
    }
    if (o.out.empty()) args.usage("--out DIR is required");
    return o;
}

bool one_of(const std::string& tok, std::initializer_list<const char*> set) {
    for (const char* s : set)
        if (tok == s) return true;
    return false;
}

class Writer {
public:
    Writer(const Source& src, std::vector<std::uint8_t> is_noun, std::vector<std::string> parts)
        : src_(src), is_noun_(std::move(is_noun)), parts_(std::move(parts)),
          lexicon_(qbench::lexicon(src, qbench::kLexiconSize)), zipf_(lexicon_.size()) {}

    // One sentence from `chain`, rendered onto `out`.
    void sentence(const qbench::Chain& chain, Rng& rng, std::string& out) {
        std::uint32_t prev = UINT32_MAX;
        std::uint32_t t = chain.starts[rng.below(chain.starts.size())];
        for (int n = 0;; ++n) {
            emit(t, rng, out);
            if (prev != UINT32_MAX && is_end(prev, t)) return;
            const auto& next = chain.next[t];
            if (next.empty() || n >= 60) {
                emit_mark(".", out);
                return;
            }
            prev = t;
            t = next[rng.below(next.size())];
        }
    }

    void begin_paragraph() { glue_ = true; }

private:
    bool is_end(std::uint32_t prev, std::uint32_t t) const {
        const auto& tok = src_.tokens[t];
        if (tok != "." && tok != "?" && tok != "!") return false;
        return !src_.is_word[prev] || src_.tokens[prev].size() >= 3;
    }

    void emit(std::uint32_t t, Rng& rng, std::string& out) {
        const auto& tok = src_.tokens[t];
        if (!src_.is_word[t]) {
            emit_mark(tok, out);
            return;
        }
        if (!glue_) out += ' ';
        glue_ = false;
        if (is_noun_[t] && rng.chance(10)) {  // a compound of the lexicon, Zipf-distributed
            out += lexicon_[zipf_.draw(rng)];
            return;
        }
        out += tok;
        // A one-off compound: Noun + (Fugen-s) + lower-case part ("Aktenanforderungsschnittstelle").
        if (is_noun_[t] && rng.chance(3)) {
            const char last = tok.back();
            if (last != 's' && last != 'e' && rng.chance(30)) out += 's';
            out += parts_[rng.below(parts_.size())];
        }
    }

    void emit_mark(const std::string& tok, std::string& out) {
        if (one_of(tok, {"(", "[", "\xE2\x80\x9E" /* „ */})) {
            if (!glue_) out += ' ';
            out += tok;
            glue_ = true;
        } else if (one_of(tok, {"-", "/"})) {
            out += tok;
            glue_ = true;
        } else if (one_of(tok, {"\xE2\x80\x93" /* – */, "&", "+", "="})) {
            if (!glue_) out += ' ';
            out += tok;
            glue_ = false;
        } else {  // , . ; : ! ? ) ] “ … % and the rest close up to the word before
            out += tok;
            glue_ = false;
        }
    }

    const Source& src_;
    std::vector<std::uint8_t> is_noun_;
    std::vector<std::string> parts_;    // lower-case compound tails
    std::vector<std::string> lexicon_;  // frequent compounds, most frequent first
    qbench::Zipf zipf_;
    bool glue_ = true;
};

void timestamp(std::uint64_t ms, std::string& out) {
    char buf[32];
    const auto s = ms / 1000;
    std::snprintf(buf, sizeof buf, " #%02u:%02u:%02u-%u#", static_cast<unsigned>(s / 3600),
                  static_cast<unsigned>(s / 60 % 60), static_cast<unsigned>(s % 60),
                  static_cast<unsigned>(ms % 1000 / 100));
    out += buf;
}

const char* const kAuthorities[] = {"Ausländerbehörde", "Jobcenter", "Sozialamt", "Meldebehörde",
                                    "Standesamt", "Bürgeramt", "Einbürgerungsbehörde", "Ordnungsamt"};
const char* const kPlaces[] = {"Nordheim", "Südtal", "Weststadt", "Osterfeld", "Großbach",
                               "Mühlhausen am See", "Überlingen-Nord", "Weißenfels"};

std::string make_file(std::size_t index, std::uint64_t target, const Options& o, const Source& src, Writer& w) {
    Rng rng(o.seed * 0x9E3779B97F4A7C15ull + index);
    const bool focus_group = rng.chance(20);
    const bool timestamps = rng.chance(70);
    std::string ask = focus_group ? "Moderation" : "I";
    std::vector<std::string> answer;
    if (focus_group) {
        const auto n = 3 + rng.below(3);
        for (std::uint64_t i = 1; i <= n; ++i) answer.push_back(std::string(1, 'B').append(std::to_string(i)));
    } else if (rng.chance(25)) {
        answer = {"B1", "B2"};
    } else {
        answer = {"B"};
    }

    std::string out;
    out.reserve(target + 4096);
    const char* authority = kAuthorities[rng.below(std::size(kAuthorities))];
    const char* place = kPlaces[rng.below(std::size(kPlaces))];
    out += (focus_group ? "Fokusgruppe " : "Interview ") + std::to_string(index) + " \xE2\x80\x93 " + authority + " " +
           place + "\n";
    out += "Datum: " + std::to_string(1 + rng.below(28)) + "." + std::to_string(1 + rng.below(12)) +
           ".2025, Dauer: " + std::to_string(target / 9000) + " Minuten\n";
    out += "Transkription: generiert (qcode bench, Seed " + std::to_string(o.seed) + ")\n\n";

    std::uint64_t ms = 5000 + rng.below(15000);
    std::size_t speaker = 0;
    bool asking = true;
    while (out.size() < target) {
        const auto start = out.size();
        if (asking) {
            out += ask + ":";
            w.begin_paragraph();
            out += ' ';
            const auto sentences = 1 + rng.below(2);
            for (std::uint64_t s = 0; s < sentences; ++s) w.sentence(src.interviewer, rng, out);
        } else {
            speaker = answer.size() == 1 ? 0 : rng.below(answer.size());
            out += answer[speaker] + ":";
            w.begin_paragraph();
            out += ' ';
            const auto sentences = 1 + rng.below(10);
            for (std::uint64_t s = 0; s < sentences; ++s) {
                if (s > 0 && rng.chance(12)) {
                    out += '\n';  // a line without a label continues the turn as a new paragraph
                    w.begin_paragraph();
                }
                w.sentence(src.respondent, rng, out);
            }
        }
        ms += (out.size() - start) * 60 + rng.below(3000);  // about 16 bytes of transcript per second
        if (timestamps) timestamp(ms, out);
        out += "\n\n";
        // Focus groups: respondents often answer each other before the moderator asks again.
        asking = asking ? false : !(focus_group && rng.chance(50));
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) try {
    const Options o = parse(argc, argv);
    const Source src = qbench::load_source(o.samples, o.codebook);

    std::vector<std::uint8_t> is_noun(src.tokens.size(), 0);
    for (std::uint32_t t = 0; t < src.tokens.size(); ++t)  // src.nouns is sorted
        is_noun[t] = std::binary_search(src.nouns.begin(), src.nouns.end(), src.tokens[t]) ? 1 : 0;
    std::vector<std::string> parts;
    for (const auto& n : src.nouns) parts.push_back(qbench::lower(n));
    for (const auto& c : src.codebook_words) parts.push_back(c);
    Writer writer(src, std::move(is_noun), std::move(parts));

    std::filesystem::create_directories(o.out);
    const auto total = static_cast<std::uint64_t>(o.mb * static_cast<double>(kMB));
    Rng sizes(o.seed ^ 0x5EEDull);
    std::vector<std::uint64_t> targets;
    for (std::uint64_t sum = 0; sum < total;) {
        auto t = o.file_min + (o.file_max > o.file_min ? sizes.below(o.file_max - o.file_min + 1) : 0);
        if (total - sum < t + o.file_min / 2) t = total - sum;  // the last file takes the rest
        targets.push_back(t);
        sum += t;
    }

    std::uint64_t written = 0;
    for (std::size_t i = 0; i < targets.size(); ++i) {
        const auto text = make_file(i + 1, targets[i], o, src, writer);
        char name[32];
        std::snprintf(name, sizeof name, "bench_%04zu.txt", i + 1);
        const auto path = std::filesystem::path(o.out) / name;
        std::FILE* f = std::fopen(path.c_str(), "wb");
        if (!f || std::fwrite(text.data(), 1, text.size(), f) != text.size() || std::fclose(f) != 0)
            throw std::runtime_error("cannot write " + path.string());
        written += text.size();
    }
    std::cout << "corpus: " << targets.size() << " files, " << written << " bytes in " << o.out << " (seed " << o.seed
              << "; learned from " << src.sample_files << " sample files, " << src.tokens.size() << " distinct tokens, "
              << src.nouns.size() << " nouns, " << src.codebook_words.size() << " codebook words)\n";
    return 0;
} catch (const std::exception& e) {
    std::cerr << "qcode_bench_corpus: " << e.what() << "\n";
    return 1;
}
