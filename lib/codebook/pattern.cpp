// parse_pattern: turns what a researcher wrote into word globs that compare
// with the tokens of lib/text/tokenize. The words are split and folded the
// way the text is (ICU splits at hyphens and slashes, compares case folds),
// so that a pattern can only fail to match because the words differ, never
// because pattern and text were cut or folded differently.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "codebook/pattern.hpp"
#include "core/error.hpp"
#include "core/utf8.hpp"
#include "text/normalize.hpp"

namespace qcode::codebook {

namespace {

// One code point decoded from valid UTF-8 (the source is checked first).
struct CodePoint {
    char32_t value;
    std::size_t size;
};

CodePoint decode(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return {c, 1};
    const std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    char32_t cp = c & (0x7F >> n);
    for (std::size_t k = 1; k < n && i + k < s.size(); ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    return {cp, n};
}

bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
           c == 0x00A0 || c == 0x2007 || c == 0x202F || c == 0x3000;
}

// ICU's word break iterator ends a word at these, so a pattern must too:
// `azr-abfrage` is the two tokens `azr`, `abfrage` in the text.
bool is_word_separator(char32_t c) {
    return c == '-' || c == '/' || (c >= 0x2010 && c <= 0x2015);
}

// Punctuation a researcher copies along with a word from a transcript
// ("Akte," or „Schnittstelle“). ICU never makes it part of a token, so a
// pattern word carrying it could never match. `?` is deliberately not here:
// it is the one-character glob (DESIGN §4), also at the end of a word.
bool is_edge_punctuation(char32_t c) {
    switch (c) {
        case ',': case '.': case ';': case ':': case '!': case '(': case ')':
        case '"': case '\'': case 0x00A7 /* § */:
        case 0x201E /* „ */: case 0x201C /* “ */: case 0x201D /* ” */:
        case 0x201A /* ‚ */: case 0x2018 /* ‘ */: case 0x2019 /* ’ */:
        case 0x00AB /* « */: case 0x00BB /* » */:
            return true;
        default:
            return false;
    }
}

std::string_view trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && is_ascii_space(s[b])) ++b;
    while (e > b && is_ascii_space(s[e - 1])) --e;
    return s.substr(b, e - b);
}

bool has_space(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto cp = decode(s, i);
        if (is_space(cp.value)) return true;
        i += cp.size;
    }
    return false;
}

// Drops leading and trailing punctuation, code point by code point.
std::string_view strip_punctuation(std::string_view w) {
    while (!w.empty()) {
        const auto cp = decode(w, 0);
        if (!is_edge_punctuation(cp.value)) break;
        w.remove_prefix(cp.size);
    }
    while (!w.empty()) {
        std::size_t start = w.size() - 1;
        while (start > 0 && (static_cast<unsigned char>(w[start]) & 0xC0) == 0x80) --start;
        if (!is_edge_punctuation(decode(w, start).value)) break;
        w.remove_suffix(w.size() - start);
    }
    return w;
}

// Splits at whitespace and word separators; pieces may still be empty.
std::vector<std::string_view> split_words(std::string_view s) {
    std::vector<std::string_view> words;
    std::size_t start = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto cp = decode(s, i);
        if (is_space(cp.value) || is_word_separator(cp.value)) {
            words.push_back(s.substr(start, i - start));
            start = i + cp.size;
        }
        i += cp.size;
    }
    words.push_back(s.substr(start));
    return words;
}

bool only_wildcards(std::string_view w) {
    return !w.empty() && w.find_first_not_of("*?") == std::string_view::npos;
}

WordGlob classify(std::string word) {
    WordGlob g;
    const bool has_star = word.find('*') != std::string::npos;
    const bool has_any = has_star || word.find('?') != std::string::npos;
    if (!has_any) {
        g.kind = WordGlob::Kind::exact;
        g.literal = word;
    } else if (word == "*") {
        g.kind = WordGlob::Kind::any;
    } else if (word.find('?') == std::string::npos) {
        // Only '*', and never "**" (rejected earlier): look at where they sit.
        const bool lead = word.front() == '*';
        const bool tail = word.back() == '*';
        const auto inner = std::string_view(word).substr(lead ? 1 : 0, word.size() - (lead ? 1 : 0) - (tail ? 1 : 0));
        if (inner.find('*') != std::string_view::npos) {
            g.kind = WordGlob::Kind::general;
        } else {
            g.kind = lead && tail ? WordGlob::Kind::infix : lead ? WordGlob::Kind::suffix : WordGlob::Kind::prefix;
            g.literal = std::string(inner);
        }
    } else {
        g.kind = WordGlob::Kind::general;
    }
    g.text = std::move(word);
    return g;
}

// The rule language of DESIGN §4 has operators this version does not
// evaluate. Rejecting them (instead of reading "NEAR/5" as two words) keeps
// a codebook written for the full language from silently matching nothing.
void reject_operators(std::string_view source) {
    if (source.starts_with("re:"))
        throw Error("regular expressions (re:) are not supported yet; write the words as globs (wort*, *wort, \"zwei worte\")");
    bool quoted = false;
    std::size_t start = 0;
    auto check = [](std::string_view tok) {
        if (tok == "AND")
            throw Error("AND is not supported yet; a phrase \"a * b\" matches words a fixed distance apart");
        if (tok == "OR")
            throw Error("OR is not supported yet; give each alternative as its own pattern (any pattern codes the unit)");
        for (std::string_view op : {"NEAR", "BEFORE"}) {
            std::string upper;
            for (char c : tok.substr(0, op.size())) upper += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
            const auto rest = tok.substr(std::min(op.size(), tok.size()));
            if (upper == op && (tok == op || (rest.starts_with('/') && rest.size() > 1 &&
                                              rest.substr(1).find_first_not_of("0123456789") == std::string_view::npos)))
                throw Error(std::string(tok) + " is not supported yet: the " + std::string(op) +
                            " operator comes with the full rule language; a phrase \"a * b\" matches words a fixed distance apart");
        }
        if (tok.find_first_of("()") != std::string_view::npos)
            throw Error("parentheses (grouping) are not supported yet; give each alternative as its own pattern");
    };
    for (std::size_t i = 0; i <= source.size(); ++i) {
        const bool end = i == source.size();
        if (!end && source[i] == '"') quoted = !quoted;
        if (end || (!quoted && is_ascii_space(source[i]))) {
            auto tok = source.substr(start, i - start);
            if (!tok.empty() && tok.front() != '"') check(tok);
            start = i + 1;
        }
    }
}

}  // namespace

Pattern parse_pattern(std::string_view source) {
    if (!utf8::valid(source)) throw Error("the pattern is not valid UTF-8");
    const auto body = trim(source);
    if (body.empty()) throw Error("empty pattern: write a word (amt), a glob (schnittstelle*) or a phrase (\"händisch übertragen\")");

    const auto quotes = std::count(body.begin(), body.end(), '"');
    if (quotes % 2 != 0) throw Error("unbalanced double quote: a phrase is enclosed in a pair of \"…\"");
    reject_operators(body);

    std::string_view content;
    const bool phrase = quotes > 0;
    if (phrase) {
        if (quotes != 2 || body.front() != '"' || body.back() != '"')
            throw Error("double quotes must enclose the whole pattern, as in \"händisch übertragen\"");
        content = trim(body.substr(1, body.size() - 2));
        if (content.empty()) throw Error("empty phrase \"\": put the words between the quotes");
    } else {
        if (has_space(body))
            throw Error("a pattern with spaces is a phrase: put it in double quotes: \"" + std::string(body) + "\"");
        content = body;
    }

    Pattern p;
    p.source = std::string(source);
    const std::string normalized = text::nfc(content);
    for (auto piece : split_words(normalized)) {
        const auto word = strip_punctuation(piece);
        if (word.empty()) continue;
        if (word.find("**") != std::string_view::npos)
            throw Error("'**' in '" + std::string(word) + "': one * already matches any run of characters");
        p.words.push_back(classify(text::fold_case(word)));
    }
    if (p.words.empty()) throw Error("the pattern has no words, only punctuation");

    if (p.words.size() == 1 && only_wildcards(p.words.front().text))
        throw Error("'" + p.words.front().text + "' alone matches any word; add letters (amt*, *akte*)");
    if (p.words.front().kind == WordGlob::Kind::any || p.words.back().kind == WordGlob::Kind::any)
        throw Error(std::string("a phrase cannot ") + (p.words.front().kind == WordGlob::Kind::any ? "start" : "end") +
                    " with a lone *: it would match any word there and only widen the match; drop it");
    return p;
}

bool needs_phrase_quotes(std::string_view source) {
    if (!utf8::valid(source)) return false;
    const auto body = trim(source);
    if (body.empty() || body.find('"') != std::string_view::npos || !has_space(body)) return false;
    try {
        reject_operators(body);
        parse_pattern("\"" + std::string(body) + "\"");
        return true;
    } catch (const Error&) {
        return false;
    }
}

}  // namespace qcode::codebook
