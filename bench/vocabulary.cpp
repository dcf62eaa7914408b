#include "vocabulary.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "core/utf8.hpp"

namespace qbench {

namespace fs = std::filesystem;

bool is_letter(char32_t c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
    if (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) return true;
    return false;
}

namespace {

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xA0; }
bool is_upper(char32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7); }

// Strict UTF-8 check (the cp1252 sample is skipped, not misread).
bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b = static_cast<unsigned char>(s[i]);
        std::size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += n;
    }
    return true;
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + p.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// "I", "Moderation" ask; "B", "B1" … answer. Anything else is header text.
enum class Speaker { none, interviewer, respondent };
Speaker label_kind(std::string_view label) {
    if (label == "I" || label == "Interviewer" || label == "Interviewerin" || label == "Moderation") return Speaker::interviewer;
    if (label == "B" || (label.size() <= 3 && label[0] == 'B' &&
                         std::all_of(label.begin() + 1, label.end(), [](char c) { return c >= '0' && c <= '9'; })))
        return Speaker::respondent;
    return Speaker::none;
}

class Interner {
public:
    explicit Interner(Source& s) : s_(s) {}
    std::uint32_t id(const std::string& tok, bool word) {
        auto [it, added] = ids_.try_emplace(tok, static_cast<std::uint32_t>(s_.tokens.size()));
        if (added) {
            s_.tokens.push_back(tok);
            s_.is_word.push_back(word ? 1 : 0);
            s_.count.push_back(0);
            s_.interviewer.next.emplace_back();
            s_.respondent.next.emplace_back();
        }
        ++s_.count[it->second];
        return it->second;
    }

private:
    Source& s_;
    std::unordered_map<std::string, std::uint32_t> ids_;
};

// Words (letters/digits) and punctuation (a run of dots is one mark, any
// other mark is one code point each). f4 timestamps #hh:mm:ss-d# are dropped.
std::vector<std::pair<std::string, bool>> split_tokens(std::string_view line) {
    std::string text;
    for (std::size_t i = 0; i < line.size();) {
        if (line[i] == '#') {
            const auto close = line.find('#', i + 1);
            if (close != std::string_view::npos && close - i <= 14) {
                i = close + 1;
                continue;
            }
        }
        text += line[i++];
    }
    std::vector<std::pair<std::string, bool>> out;
    const auto cps = decode(text);
    for (std::size_t i = 0; i < cps.size();) {
        const char32_t c = cps[i];
        if (is_space(c)) {
            ++i;
        } else if (is_letter(c) || is_digit(c)) {
            std::size_t j = i;
            while (j < cps.size() && (is_letter(cps[j]) || is_digit(cps[j]))) ++j;
            out.emplace_back(encode(cps.substr(i, j - i)), true);
            i = j;
        } else if (c == '.') {
            std::size_t j = i;
            while (j < cps.size() && cps[j] == '.') ++j;
            out.emplace_back(std::string(j - i, '.'), false);
            i = j;
        } else {
            out.emplace_back(encode(cps.substr(i, 1)), false);
            ++i;
        }
    }
    return out;
}

}  // namespace

std::u32string decode(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        char32_t c;
        std::size_t n;
        if (b < 0x80) c = b, n = 1;
        else if ((b >> 5) == 6) c = b & 0x1F, n = 2;
        else if ((b >> 4) == 14) c = b & 0x0F, n = 3;
        else c = b & 0x07, n = 4;
        for (std::size_t k = 1; k < n && i + k < s.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out += c;
        i += n;
    }
    return out;
}

std::string encode(std::u32string_view cps) {
    std::string out;
    out.reserve(cps.size() * 2);
    for (char32_t c : cps) qcode::utf8::append(out, c);
    return out;
}

std::string lower(std::string_view utf8) {
    auto cps = decode(utf8);
    for (auto& c : cps)
        if (is_upper(c)) c += 0x20;
    return encode(cps);
}

std::vector<std::string> lexicon(const Source& src, std::size_t n) {
    std::vector<std::string> parts;
    for (const auto& w : src.nouns) parts.push_back(lower(w));
    parts.insert(parts.end(), src.codebook_words.begin(), src.codebook_words.end());
    std::vector<std::string> out;
    if (src.nouns.empty() || parts.empty()) return out;
    std::set<std::string> seen(src.nouns.begin(), src.nouns.end());
    Rng rng(0x1E71C0Full);
    for (std::size_t tries = 0; out.size() < n && tries < n * 20; ++tries) {
        std::string w = src.nouns[rng.below(src.nouns.size())];
        const char last = w.back();
        if (last != 's' && last != 'e' && rng.below(100) < 30) w += 's';
        w += parts[rng.below(parts.size())];
        if (seen.insert(w).second) out.push_back(std::move(w));
    }
    return out;
}

Zipf::Zipf(std::size_t n) {
    cdf_.reserve(n);
    double sum = 0;
    for (std::size_t r = 0; r < n; ++r) cdf_.push_back(sum += 1.0 / static_cast<double>(r + 1));
}

std::size_t Zipf::draw(Rng& rng) const {
    const double u = static_cast<double>(rng.next() >> 11) * 0x1.0p-53 * cdf_.back();
    const auto it = std::upper_bound(cdf_.begin(), cdf_.end(), u);
    return std::min<std::size_t>(static_cast<std::size_t>(it - cdf_.begin()), cdf_.size() - 1);
}

Source load_source(const std::string& samples_dir, const std::string& codebook_yaml) {
    Source src;
    Interner intern(src);

    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(samples_dir))
        if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());  // directory order is not deterministic

    std::set<std::string> noun_set;
    std::set<std::pair<std::uint32_t, std::uint32_t>> bigram_set;
    auto is_end = [&](std::uint32_t prev, std::uint32_t t) {
        const auto& tok = src.tokens[t];
        if (tok != "." && tok != "?" && tok != "!") return false;
        return !src.is_word[prev] || src.tokens[prev].size() >= 3;  // "z. B.", "ca." do not end sentences
    };

    for (const auto& path : files) {
        std::string text = read_file(path);
        if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
        if (!valid_utf8(text)) continue;
        ++src.sample_files;
        src.sample_bytes += text.size();

        Speaker current = Speaker::none;
        std::vector<std::uint32_t> turn;
        auto flush = [&] {
            if (turn.empty() || current == Speaker::none) {
                turn.clear();
                return;
            }
            Chain& chain = current == Speaker::interviewer ? src.interviewer : src.respondent;
            chain.starts.push_back(turn.front());
            for (std::size_t i = 0; i + 1 < turn.size(); ++i) {
                chain.next[turn[i]].push_back(turn[i + 1]);
                if (i > 0 && is_end(turn[i - 1], turn[i])) chain.starts.push_back(turn[i + 1]);
            }
            for (std::size_t i = 0; i < turn.size(); ++i) {
                const auto& tok = src.tokens[turn[i]];
                const bool sentence_start = i == 0 || (i >= 2 && is_end(turn[i - 2], turn[i - 1]));
                if (src.is_word[turn[i]] && !sentence_start) {
                    const auto cps = decode(tok);
                    if (cps.size() >= 4 && is_upper(cps[0]) && !is_upper(cps[1]) &&
                        std::all_of(cps.begin(), cps.end(), is_letter))
                        noun_set.insert(tok);
                }
                if (i + 1 < turn.size() && src.is_word[turn[i]] && src.is_word[turn[i + 1]] && tok.size() >= 3 &&
                    src.tokens[turn[i + 1]].size() >= 3)
                    bigram_set.insert({turn[i], turn[i + 1]});
            }
            turn.clear();
        };

        std::istringstream lines(text);
        std::string line;
        while (std::getline(lines, line)) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            const auto colon = line.find(": ");
            if (colon != std::string::npos && colon <= 12) {
                const auto kind = label_kind(std::string_view(line).substr(0, colon));
                if (kind != Speaker::none) {
                    flush();
                    current = kind;
                    line.erase(0, colon + 2);
                } else if (current == Speaker::none) {
                    continue;  // header line ("Datum: …")
                }
            }
            if (current == Speaker::none) continue;
            for (auto& [tok, word] : split_tokens(line)) turn.push_back(intern.id(tok, word));
        }
        flush();
    }
    if (src.respondent.starts.empty() || src.interviewer.starts.empty())
        throw std::runtime_error("no interviewer and respondent turns found in " + samples_dir + "/*.txt");

    src.nouns.assign(noun_set.begin(), noun_set.end());
    src.bigrams.assign(bigram_set.begin(), bigram_set.end());

    // Words of the shipped codebook's pattern lists: patterns: ['a*', '"b c"', …]
    std::set<std::string> cb_words;
    std::istringstream cb(read_file(codebook_yaml));
    std::string line;
    while (std::getline(cb, line)) {
        const auto key = line.find("patterns:");
        if (key == std::string::npos) continue;
        std::string_view rest = std::string_view(line).substr(key + 9);
        // items are single-quoted; skip the ones with ? or re:
        for (std::size_t i = rest.find('\''); i != std::string_view::npos; i = rest.find('\'', i)) {
            const auto j = rest.find('\'', i + 1);
            if (j == std::string_view::npos) break;
            const auto item = rest.substr(i + 1, j - i - 1);
            i = j + 1;
            if (item.find('?') != std::string_view::npos || item.starts_with("re:")) continue;
            const auto cps = decode(item);
            for (std::size_t a = 0; a < cps.size();) {
                if (!is_letter(cps[a])) {
                    ++a;
                    continue;
                }
                std::size_t b = a;
                while (b < cps.size() && is_letter(cps[b])) ++b;
                const auto w = cps.substr(a, b - a);
                const bool all_upper = std::all_of(w.begin(), w.end(), is_upper);  // NEAR, AND, AZR
                if (w.size() >= 4 && !all_upper) cb_words.insert(lower(encode(w)));
                a = b;
            }
        }
    }
    // Keep the nouns: a word the samples write in lower case ("nicht",
    // "haben", "automatisch") is no compound part.
    std::set<std::string> lower_case_in_samples;
    for (std::size_t t = 0; t < src.tokens.size(); ++t)
        if (src.is_word[t] && lower(src.tokens[t]) == src.tokens[t]) lower_case_in_samples.insert(src.tokens[t]);
    for (const auto& w : cb_words)
        if (!lower_case_in_samples.contains(w)) src.codebook_words.push_back(w);
    return src;
}

}  // namespace qbench
