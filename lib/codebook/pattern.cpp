// parse_pattern: turns what a researcher wrote into an expression tree of
// phrases whose word globs compare with the tokens of lib/text/tokenize.
// The words are split and folded the way the text is (ICU splits at hyphens
// and slashes, compares case folds, then the code's fold: letters), so that
// a pattern can only fail to match because the words differ, never because
// pattern and text were cut or folded differently.
//
// Parsing is a small lexer plus recursive descent over three precedence
// levels (OR < AND < NEAR/BEFORE). Recursion only happens at parentheses,
// which are limited to kMaxNesting, and the whole pattern is limited in
// bytes and operands, so no codebook can exhaust the stack here or in the
// matcher that walks the tree.
#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "codebook/pattern.hpp"
#include "core/error.hpp"
#include "core/utf8.hpp"
#include "text/fold.hpp"
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

// The stemmer is not thread-safe and loads its tables on creation: one per
// thread, made only when a codebook asks for `stem`.
text::Stemmer& stemmer() {
    thread_local std::unique_ptr<text::Stemmer> s;
    if (!s) s = std::make_unique<text::Stemmer>();
    return *s;
}

// --- regular expressions ---------------------------------------------------------

std::string regex_problem(UErrorCode status) {
    switch (status) {
        case U_REGEX_MISMATCHED_PAREN: return "parentheses do not match";
        case U_REGEX_MISSING_CLOSE_BRACKET: return "a '[' is not closed";
        case U_REGEX_BAD_ESCAPE_SEQUENCE: return "unknown escape sequence";
        case U_REGEX_RULE_SYNTAX: return "syntax error";
        case U_REGEX_BAD_INTERVAL:
        case U_REGEX_MAX_LT_MIN: return "invalid repetition {min,max}";
        case U_REGEX_INVALID_RANGE: return "invalid range in [...]";
        case U_REGEX_PROPERTY_SYNTAX: return "invalid \\p{...} property";
        case U_REGEX_LOOK_BEHIND_LIMIT: return "a look-behind must have a bounded length";
        case U_REGEX_INVALID_FLAG: return "invalid (?flag)";
        case U_REGEX_INVALID_BACK_REF: return "a back-reference to a group that does not exist";
        case U_REGEX_PATTERN_TOO_BIG: return "the expression is too big";
        default: return "invalid expression";
    }
}

// Compiles `expr` the way the matcher will (case-insensitive, on folded
// text) to reject it here, with ICU's diagnosis and the position.
void check_regex(const std::string& expr) {
    const auto pattern = icu::UnicodeString::fromUTF8(expr);
    UParseError where{};
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexPattern> compiled(
        icu::RegexPattern::compile(pattern, UREGEX_CASE_INSENSITIVE, where, status));
    if (U_FAILURE(status)) {
        std::string msg = "invalid regular expression '" + expr + "': " + regex_problem(status) + " (ICU: " +
                          u_errorName(status) + ")";
        if (where.offset >= 0 && where.offset <= pattern.length())
            msg += " at character " + std::to_string(pattern.countChar32(0, where.offset) + 1);
        throw Error(msg + "; see the ICU regular expression syntax");
    }
    // An expression that matches empty text would code every unit, like a
    // lone '*' would.
    std::unique_ptr<icu::RegexMatcher> m(compiled->matcher(icu::UnicodeString(), status));
    if (U_SUCCESS(status)) m->setTimeLimit(100, status);
    if (U_SUCCESS(status) && m->find(status) && U_SUCCESS(status))
        throw Error("the regular expression '" + expr +
                    "' matches empty text, so it would code every unit; make it need at least one character "
                    "(for example + instead of *)");
}

// --- lexer -------------------------------------------------------------------------

struct Lexeme {
    enum class Kind { word, phrase, open, close, op_and, op_or, op_near, op_before, end };
    Kind kind = Kind::end;
    std::string_view text;  // as written (a phrase without its quotes)
    int distance = 0;
};

bool is_operator(Lexeme::Kind k) {
    return k == Lexeme::Kind::op_and || k == Lexeme::Kind::op_or || k == Lexeme::Kind::op_near ||
           k == Lexeme::Kind::op_before;
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// "NEAR/5" → 5; errors for what is meant as a distance but is not one.
int parse_distance(std::string_view word, std::string_view op) {
    const auto digits = word.substr(op.size() + 1);
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string_view::npos)
        throw Error(std::string(word) + ": the distance after " + std::string(op) + "/ is a number of words, as in " +
                    std::string(op) + "/5");
    if (digits.size() > 6 || std::stoi(std::string(digits)) > kMaxDistance)
        throw Error(std::string(word) + ": the distance is at most " + std::to_string(kMaxDistance) +
                    " words; for words anywhere in the unit use AND");
    const int n = std::stoi(std::string(digits));
    if (n < 1)
        throw Error(std::string(word) + ": the distance is at least 1 (" + std::string(op) +
                    "/1 means the next word)");
    return n;
}

// A lower-case (or German) spelling of an operator: what it should be, or
// nothing when `word` does not look like one.
std::optional<std::string> operator_meant(std::string_view word) {
    const auto lower = lower_ascii(word);
    if (lower == "and" || lower == "und") return std::string("AND");
    if (lower == "or" || lower == "oder") return std::string("OR");
    for (std::string_view op : {"near", "before"}) {
        if (lower.size() > op.size() + 1 && lower.starts_with(op) && lower[op.size()] == '/' &&
            lower.find_first_not_of("0123456789", op.size() + 1) == std::string::npos)
            return (op == "near" ? "NEAR" : "BEFORE") + lower.substr(op.size());
    }
    return std::nullopt;
}

Lexeme classify_word(std::string_view word) {
    if (word == "AND") return {Lexeme::Kind::op_and, word, 0};
    if (word == "OR") return {Lexeme::Kind::op_or, word, 0};
    for (auto [op, kind] : {std::pair{std::string_view("NEAR"), Lexeme::Kind::op_near},
                            std::pair{std::string_view("BEFORE"), Lexeme::Kind::op_before}}) {
        if (word == op)
            throw Error(std::string(op) + " needs a distance in words, as in " + std::string(op) + "/5");
        if (word.starts_with(op) && word.size() > op.size() && word[op.size()] == '/')
            return {kind, word, parse_distance(word, op)};
    }
    if (word.starts_with("re:"))
        throw Error("re: must be the whole pattern: a regular expression cannot be combined with words; "
                    "put the alternatives into the expression (re:a|b)");
    return {Lexeme::Kind::word, word, 0};
}

std::vector<Lexeme> lex(std::string_view body) {
    std::vector<Lexeme> out;
    const auto quote_in_word = [] {
        return Error("double quotes must enclose a whole phrase, with a space before and after, as in "
                     "\"händisch übertragen\"");
    };
    std::size_t i = 0;
    while (i < body.size()) {
        const auto cp = decode(body, i);
        if (is_space(cp.value)) {
            i += cp.size;
            continue;
        }
        if (body[i] == '(' || body[i] == ')') {
            out.push_back({body[i] == '(' ? Lexeme::Kind::open : Lexeme::Kind::close, body.substr(i, 1), 0});
            ++i;
            continue;
        }
        if (body[i] == '"') {
            const auto close = body.find('"', i + 1);
            if (close == std::string_view::npos)
                throw Error("unbalanced double quote: a phrase is enclosed in a pair of \"…\"");
            out.push_back({Lexeme::Kind::phrase, body.substr(i + 1, close - i - 1), 0});
            i = close + 1;
            if (i < body.size() && body[i] != '(' && body[i] != ')' && !is_space(decode(body, i).value))
                throw quote_in_word();
            continue;
        }
        const auto start = i;
        while (i < body.size()) {
            const auto c = decode(body, i);
            if (is_space(c.value) || body[i] == '(' || body[i] == ')' || body[i] == '"') break;
            i += c.size;
        }
        if (i < body.size() && body[i] == '"') throw quote_in_word();
        out.push_back(classify_word(body.substr(start, i - start)));
    }
    out.push_back({Lexeme::Kind::end, {}, 0});
    return out;
}

// --- parser ------------------------------------------------------------------------

class Parser {
public:
    Parser(std::string_view body, std::vector<Lexeme> lexemes, const text::FoldOptions& fold, Pattern& out)
        : body_(body), lex_(std::move(lexemes)), fold_(fold), out_(out) {}

    Rule parse() {
        Rule r = parse_or(0);
        const auto& next = peek();
        if (next.kind == Lexeme::Kind::close) throw Error("')' has no matching '('");
        if (next.kind != Lexeme::Kind::end) missing_operator();
        return r;
    }

private:
    const Lexeme& peek() const { return lex_[pos_]; }
    const Lexeme& take() { return lex_[pos_++]; }

    Rule parse_or(int depth) {
        Rule first = parse_and(depth);
        if (peek().kind != Lexeme::Kind::op_or) return first;
        Rule r;
        r.op = Rule::Op::any_of;
        r.operands.push_back(std::move(first));
        while (peek().kind == Lexeme::Kind::op_or) {
            take();
            r.operands.push_back(parse_and(depth));
        }
        return r;
    }

    Rule parse_and(int depth) {
        Rule first = parse_near(depth);
        if (peek().kind != Lexeme::Kind::op_and) return first;
        Rule r;
        r.op = Rule::Op::all_of;
        r.operands.push_back(std::move(first));
        while (peek().kind == Lexeme::Kind::op_and) {
            take();
            r.operands.push_back(parse_near(depth));
        }
        return r;
    }

    Rule parse_near(int depth) {
        Rule left = parse_primary(depth);
        while (peek().kind == Lexeme::Kind::op_near || peek().kind == Lexeme::Kind::op_before) {
            const auto op = take();
            Rule right = parse_primary(depth);
            for (const Rule* side : {&left, &right})
                if (!is_positional(*side))
                    throw Error("AND inside " + std::string(op.text) +
                                ": AND holds anywhere in the unit, so there is no place to count words from; "
                                "put the " + std::string(op.text) + " inside the AND, as in (a " +
                                std::string(op.text) + " b) AND c");
            Rule r;
            r.op = op.kind == Lexeme::Kind::op_near ? Rule::Op::near : Rule::Op::before;
            r.distance = op.distance;
            r.operands.push_back(std::move(left));
            r.operands.push_back(std::move(right));
            left = std::move(r);
        }
        return left;
    }

    Rule parse_primary(int depth) {
        const auto& l = take();
        switch (l.kind) {
            case Lexeme::Kind::word: return phrase(l.text, false);
            case Lexeme::Kind::phrase: return phrase(l.text, true);
            case Lexeme::Kind::open: {
                if (depth + 1 > kMaxNesting)
                    throw Error("parentheses nested more than " + std::to_string(kMaxNesting) +
                                " deep; split the pattern into several patterns (any pattern codes the unit)");
                if (peek().kind == Lexeme::Kind::close) throw Error("empty parentheses (): put words between them");
                Rule inner = parse_or(depth + 1);
                if (peek().kind == Lexeme::Kind::end) throw Error("a '(' is not closed: add the ')'");
                if (peek().kind != Lexeme::Kind::close) missing_operator();
                take();
                return inner;
            }
            case Lexeme::Kind::close: throw Error("')' has no matching '('");
            case Lexeme::Kind::end: {
                if (pos_ == 1)  // nothing but white space (such as no-break spaces)
                    throw Error("empty pattern: write a word (amt), a glob (schnittstelle*) or a phrase (\"händisch übertragen\")");
                const auto& before = lex_[pos_ - 2];
                if (is_operator(before.kind))
                    throw Error("the pattern ends with " + std::string(before.text) +
                                ": an operator needs a word or phrase on each side");
                throw Error("a '(' is not closed: add the ')'");
            }
            default: {
                const bool at_start = pos_ == 1 || lex_[pos_ - 2].kind == Lexeme::Kind::open;
                throw Error(std::string(l.text) + (at_start ? " at the start" : " right after another operator") +
                            ": an operator needs a word or phrase on each side");
            }
        }
    }

    // Two operands with nothing between them: say what was probably meant.
    [[noreturn]] void missing_operator() const {
        const auto& next = peek();
        const auto& prev = lex_[pos_ - 1];
        if (next.kind == Lexeme::Kind::word) {
            if (auto meant = operator_meant(next.text)) {
                if (*meant == "AND" || *meant == "OR")
                    throw Error("'" + std::string(next.text) + "' between two words is no operator: operators are " +
                                "written in capitals (" + *meant + "); to match the words as they stand, put them " +
                                "in double quotes: \"" + std::string(body_) + "\"");
                throw Error("'" + std::string(next.text) + "' is no operator: operators are written in capitals (" +
                            *meant + ")");
            }
        }
        const bool plain = std::none_of(lex_.begin(), lex_.end(), [](const Lexeme& l) {
            return l.kind != Lexeme::Kind::word && l.kind != Lexeme::Kind::end;
        });
        if (plain) throw Error("a pattern with spaces is a phrase: put it in double quotes: \"" + std::string(body_) + "\"");
        const auto shown = [](const Lexeme& l) {
            return l.kind == Lexeme::Kind::phrase ? "\"" + std::string(l.text) + "\"" : std::string(l.text);
        };
        throw Error("nothing between " + shown(prev) + " and " + shown(next) +
                    ": put words that follow each other into one phrase in double quotes, or put an operator "
                    "between them (AND, OR, NEAR/n, BEFORE/n)");
    }

    // One operand: a bare word (split at hyphens into a phrase) or a quoted phrase.
    Rule phrase(std::string_view content, bool quoted) {
        if (quoted && trim(content).empty()) throw Error("empty phrase \"\": put the words between the quotes");
        const bool whole = lex_.size() == 2;  // the operand is the pattern
        Phrase ph;
        const std::string normalized = text::nfc(content);
        for (auto piece : split_words(normalized)) {
            const auto word = strip_punctuation(piece);
            if (word.empty()) continue;
            if (word.find("**") != std::string_view::npos)
                throw Error("'**' in '" + std::string(word) + "': one * already matches any run of characters");
            auto g = classify(text::fold_letters(text::fold_case(word), fold_));
            if (fold_.stem && g.kind == WordGlob::Kind::exact) g.stem = stemmer().stem(g.literal);
            ph.words.push_back(std::move(g));
        }
        // Built by appending: GCC 12 warns (-Wrestrict, a false positive) on "…" + std::string here.
        std::string shown(1, quoted ? '"' : '\'');
        shown.append(content).push_back(quoted ? '"' : '\'');
        if (ph.words.empty())
            throw Error(whole ? std::string("the pattern has no words, only punctuation")
                              : shown + " has no words, only punctuation");
        if (ph.words.size() == 1 && only_wildcards(ph.words.front().text))
            throw Error("'" + ph.words.front().text + "' alone matches any word; add letters (amt*, *akte*)");
        if (ph.words.front().kind == WordGlob::Kind::any || ph.words.back().kind == WordGlob::Kind::any)
            throw Error(std::string("a phrase cannot ") + (ph.words.front().kind == WordGlob::Kind::any ? "start" : "end") +
                        " with a lone *: it would match any word there and only widen the match; drop it");
        if (out_.phrases.size() >= kMaxOperands)
            throw Error("more than " + std::to_string(kMaxOperands) +
                        " words and phrases in one pattern; split it into several patterns (any pattern codes the unit)");
        Rule r;
        r.op = Rule::Op::phrase;
        r.phrase = out_.phrases.size();
        out_.phrases.push_back(std::move(ph));
        return r;
    }

    std::string_view body_;
    std::vector<Lexeme> lex_;
    std::size_t pos_ = 0;
    const text::FoldOptions& fold_;
    Pattern& out_;
};

}  // namespace

bool is_positional(const Rule& rule) {
    switch (rule.op) {
        case Rule::Op::phrase: return true;
        case Rule::Op::all_of:
        case Rule::Op::regex: return false;
        default:
            return std::all_of(rule.operands.begin(), rule.operands.end(), [](const Rule& r) { return is_positional(r); });
    }
}

Pattern parse_pattern(std::string_view source, const text::FoldOptions& fold) {
    if (!utf8::valid(source)) throw Error("the pattern is not valid UTF-8");
    if (source.size() > kMaxPatternBytes)
        throw Error("the pattern is " + std::to_string(source.size()) + " bytes long, more than " +
                    std::to_string(kMaxPatternBytes) + "; split it into several patterns (any pattern codes the unit)");
    const auto body = trim(source);
    if (body.empty()) throw Error("empty pattern: write a word (amt), a glob (schnittstelle*) or a phrase (\"händisch übertragen\")");

    Pattern p;
    p.source = std::string(source);
    p.fold = fold;
    if (!body.starts_with("re:") && std::count(body.begin(), body.end(), '"') % 2 != 0)
        throw Error("unbalanced double quote: a phrase is enclosed in a pair of \"…\"");
    if (body.starts_with("re:")) {
        const auto expr = body.substr(3);
        if (trim(expr).empty()) throw Error("empty regular expression after re:; write one, as in re:sch(n|m)itt");
        p.rule.op = Rule::Op::regex;
        p.rule.regex = text::nfc(expr);
        check_regex(p.rule.regex);
        return p;
    }
    Parser parser(body, lex(body), fold, p);
    p.rule = parser.parse();
    return p;
}

bool needs_phrase_quotes(std::string_view source) {
    if (!utf8::valid(source)) return false;
    const auto body = trim(source);
    if (body.empty() || body.find_first_of("\"()") != std::string_view::npos || !has_space(body) ||
        body.starts_with("re:"))
        return false;
    try {
        // Words that are (or look like) operators mean something else was
        // intended than a phrase; "und"/"and" are the exception: they are
        // ordinary words of German phrases as well.
        for (const auto& l : lex(body)) {
            if (is_operator(l.kind)) return false;
            if (l.kind == Lexeme::Kind::word) {
                const auto meant = operator_meant(l.text);
                if (meant && *meant != "AND" && *meant != "OR") return false;
            }
        }
        std::string quoted(1, '"');  // appended: see Parser::phrase on GCC 12's -Wrestrict
        quoted.append(body).push_back('"');
        parse_pattern(quoted);
        return true;
    } catch (const Error&) {
        return false;
    }
}

}  // namespace qcode::codebook
