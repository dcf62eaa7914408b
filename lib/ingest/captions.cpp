#include "ingest/captions.hpp"

#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <set>

#include "core/error.hpp"
#include "core/utf8.hpp"
#include "ingest/builder.hpp"

namespace qcode::ingest {

namespace {

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads 1..max_digits decimal digits at s[i]; advances i.
std::optional<std::int64_t> read_number(std::string_view s, std::size_t& i, std::size_t max_digits) {
    std::size_t n = 0;
    std::int64_t v = 0;
    while (i < s.size() && is_digit(s[i])) {
        if (++n > max_digits) return std::nullopt;
        v = v * 10 + (s[i] - '0');
        ++i;
    }
    if (n == 0) return std::nullopt;
    return v;
}

std::size_t count_digits_at(std::string_view s, std::size_t i) {
    std::size_t n = 0;
    while (i + n < s.size() && is_digit(s[i + n])) ++n;
    return n;
}

// The first code point of `s` (U+FFFD when it is not valid UTF-8).
UChar32 first_code_point(std::string_view s) {
    if (s.empty()) return 0;
    std::int32_t i = 0;
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const std::uint8_t*>(s.data()), i, static_cast<std::int32_t>(s.size()), c);
    return c < 0 ? 0xFFFD : c;
}

// Lower-case particles of names ("Anna von Berg", "Jan de Vries"),
// allowed after the first word of a speaker prefix.
const std::set<std::string_view> kNameParticles = {"von", "van", "vom", "de", "der", "den", "zu", "zum", "zur",
                                                   "ten", "ter", "da", "di", "del", "la", "le"};

// Words that open German sentences far more often than they open a
// speaker name: "Das Problem: …", "Zum Beispiel: …" are not speakers.
const std::set<std::string_view> kSentenceOpeners = {
    "Das",   "Der",   "Die",   "Den",    "Dem",    "Des",   "Ein",   "Eine",  "Einen", "Einem",  "Einer",
    "Und",   "Aber",  "Oder",  "Also",   "Denn",   "Doch",  "Ich",   "Wir",   "Es",    "Er",     "Man",
    "Da",    "Dann",  "Wenn",  "Weil",   "Dass",   "Wie",   "Was",   "Wer",   "Wo",    "Warum",  "Zum",
    "Zur",   "Im",    "Am",    "Beim",   "In",     "Bei",   "Mit",   "Für",   "Auf",   "Aus",    "Nach",
    "Von",   "Vor",   "Ja",    "Nein",   "Nur",    "Noch",  "So",    "Hier",  "Dort",  "Dies",   "Diese",
    "Dieser", "Dieses", "Mein", "Meine", "Unser", "Unsere", "Ihr",  "Ihre",  "Sein",  "Seine",  "Alle",
    "Naja",  "Genau", "Okay",   "Gut",    "Wichtig", "Fazit", "Beispiel", "Hinweis", "Achtung"};

bool is_name_char(UChar32 c) {
    return u_isalnum(c) || c == '.' || c == '-' || c == '\'' || c == 0x2019 || c == '(' || c == ')';
}

bool is_name_word(std::string_view word, bool first) {
    if (word.empty()) return false;
    std::string_view w = word;
    if (w.front() == '(' && w.size() > 1) w.remove_prefix(1);
    const UChar32 c = first_code_point(w);
    const bool capital = u_isupper(c) || u_istitle(c) || u_isdigit(c);
    if (!capital && (first || !kNameParticles.contains(word))) return false;
    std::int32_t i = 0;
    const auto* p = reinterpret_cast<const std::uint8_t*>(word.data());
    const auto n = static_cast<std::int32_t>(word.size());
    while (i < n) {
        UChar32 cp = 0;
        U8_NEXT(p, i, n, cp);
        if (cp < 0 || !is_name_char(cp)) return false;
    }
    return true;
}

struct Prefix {
    std::string label;
    std::size_t bytes = 0;  // label, colon and the spaces after it
};

// The built-in rule: 1–5 capitalised words before the first ": " (or a
// final ":") within the first 40 bytes.
std::optional<Prefix> builtin_prefix(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon >= 40) return std::nullopt;
    if (colon + 1 < text.size() && !is_ascii_space(text[colon + 1])) return std::nullopt;
    const auto label = trim(text.substr(0, colon));
    if (label.empty()) return std::nullopt;
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < label.size()) {
        while (i < label.size() && label[i] == ' ') ++i;
        const auto start = i;
        while (i < label.size() && label[i] != ' ') ++i;
        if (i > start) words.push_back(label.substr(start, i - start));
    }
    if (words.empty() || words.size() > 5) return std::nullopt;
    if (kSentenceOpeners.contains(words.front())) return std::nullopt;
    for (std::size_t w = 0; w < words.size(); ++w)
        if (!is_name_word(words[w], w == 0)) return std::nullopt;
    std::size_t end = colon + 1;
    while (end < text.size() && is_ascii_space(text[end])) ++end;
    return Prefix{std::string(label), end};
}

// --speaker-pattern: an ICU regex whose group 1 is the label, matched at
// the start of the cue text; the whole match is the prefix.
class PatternPrefix {
public:
    PatternPrefix(const std::string& pattern, const std::string& file) {
        UErrorCode status = U_ZERO_ERROR;
        UParseError parse_error{};
        pattern_.reset(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), 0, parse_error, status));
        if (U_FAILURE(status) || !pattern_)
            throw Error("the speaker pattern '" + pattern + "' is not a valid regular expression (" +
                            u_errorName(status) + "); correct --speaker-pattern",
                        file);
        matcher_.reset(pattern_->matcher(status));
        if (U_FAILURE(status) || !matcher_ || matcher_->groupCount() < 1)
            throw Error("the speaker pattern '" + pattern +
                            "' has no group for the label; put the label in parentheses, e.g. '^([^:]+):\\s*'",
                        file);
    }

    std::optional<Prefix> match(std::string_view text) {
        const auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
        UErrorCode status = U_ZERO_ERROR;
        matcher_->reset(u);
        if (!matcher_->lookingAt(status) || U_FAILURE(status)) return std::nullopt;
        std::string label;
        matcher_->group(1, status).toUTF8String(label);
        if (U_FAILURE(status)) return std::nullopt;
        const auto end16 = matcher_->end(status);
        if (U_FAILURE(status)) return std::nullopt;
        std::string consumed;
        u.tempSubString(0, end16).toUTF8String(consumed);
        label = collapse_space(label);
        if (label.empty()) return std::nullopt;
        return Prefix{label, consumed.size()};
    }

private:
    std::unique_ptr<icu::RegexPattern> pattern_;
    std::unique_ptr<icu::RegexMatcher> matcher_;
};

// Known SRT tags (lower-case name without "/").
bool is_srt_tag(std::string_view name) {
    return name == "b" || name == "i" || name == "u" || name == "s" || name == "font" || name == "v";
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

void flush_piece(std::string& buffer, const std::optional<std::string>& voice, std::vector<CuePiece>& out) {
    auto text = collapse_space(decode_entities(buffer));
    buffer.clear();
    if (text.empty()) return;
    out.push_back(CuePiece{voice, std::move(text)});
}

}  // namespace

std::optional<std::int64_t> parse_cue_time(std::string_view s) {
    std::size_t i = 0;
    std::array<std::int64_t, 3> groups{};
    std::array<std::size_t, 3> widths{};
    std::size_t n = 0;
    while (true) {
        if (n == 3) return std::nullopt;
        widths[n] = count_digits_at(s, i);
        const auto v = read_number(s, i, n == 0 ? 6 : 2);
        if (!v) return std::nullopt;
        groups[n++] = *v;
        if (i < s.size() && s[i] == ':') {
            ++i;
            continue;
        }
        break;
    }
    if (n < 2) return std::nullopt;
    if (i >= s.size() || (s[i] != '.' && s[i] != ',')) return std::nullopt;
    ++i;
    const auto fraction_digits = count_digits_at(s, i);
    const auto fraction = read_number(s, i, 3);
    if (!fraction || i != s.size()) return std::nullopt;
    std::int64_t ms = *fraction;
    for (auto d = fraction_digits; d < 3; ++d) ms *= 10;
    const std::int64_t hours = n == 3 ? groups[0] : 0;
    const std::int64_t minutes = groups[n - 2];
    const std::int64_t seconds = groups[n - 1];
    if (n == 2 && widths[0] > 2) return std::nullopt;
    if (minutes > 59 || seconds > 59) return std::nullopt;
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + ms;
}

std::optional<CueTiming> parse_timing_line(std::string_view line) {
    const auto arrow = line.find("-->");
    if (arrow == std::string_view::npos) return std::nullopt;
    const auto start = parse_cue_time(trim(line.substr(0, arrow)));
    if (!start) return std::nullopt;
    auto rest = line.substr(arrow + 3);
    while (!rest.empty() && is_ascii_space(rest.front())) rest.remove_prefix(1);
    std::size_t end_len = 0;
    while (end_len < rest.size() && !is_ascii_space(rest[end_len])) ++end_len;
    const auto end = parse_cue_time(rest.substr(0, end_len));
    if (!end) return std::nullopt;
    return CueTiming{*start, *end};
}

std::string format_cue_time(std::int64_t ms) {
    const auto h = ms / 3600000, m = ms / 60000 % 60, s = ms / 1000 % 60, f = ms % 1000;
    auto two = [](std::int64_t v) { return (v < 10 ? "0" : "") + std::to_string(v); };
    const auto frac = std::to_string(f);
    return two(h) + ":" + two(m) + ":" + two(s) + "." + std::string(3 - frac.size(), '0') + frac;
}

std::string decode_entities(std::string_view s) {
    static const std::map<std::string_view, std::string_view> named = {
        {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"},
        {"nbsp", " "}, {"lrm", ""}, {"rlm", ""}};
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        if (s[i] != '&') {
            out += s[i++];
            continue;
        }
        const auto semi = s.find(';', i + 1);
        if (semi == std::string_view::npos || semi - i > 12) {
            out += s[i++];
            continue;
        }
        const auto name = s.substr(i + 1, semi - i - 1);
        if (auto it = named.find(name); it != named.end()) {
            out += it->second;
            i = semi + 1;
            continue;
        }
        if (name.size() >= 2 && name[0] == '#') {
            const bool hex = name[1] == 'x' || name[1] == 'X';
            const auto digits = name.substr(hex ? 2 : 1);
            std::uint32_t cp = 0;
            bool ok = !digits.empty() && digits.size() <= 7;
            for (char c : digits) {
                if (!ok) break;
                int d = -1;
                if (is_digit(c)) d = c - '0';
                else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
                else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
                if (d < 0) ok = false;
                else cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
            }
            ok = ok && cp != 0 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
            if (ok) {
                if (cp == 0xA0) out += ' ';
                else if (cp != 0x200E && cp != 0x200F) utf8::append(out, static_cast<char32_t>(cp));
                i = semi + 1;
                continue;
            }
        }
        out += s[i++];
    }
    return out;
}

std::string collapse_space(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending = false;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t width = 0;
        if (is_ascii_space(s[i])) width = 1;
        else if (s.substr(i, 2) == "\xC2\xA0") width = 2;
        if (width) {
            pending = !out.empty();
            i += width;
            continue;
        }
        if (pending) out += ' ';
        pending = false;
        out += s[i++];
    }
    return out;
}

std::vector<std::string_view> caption_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        auto line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

bool is_blank(std::string_view line) {
    return std::all_of(line.begin(), line.end(), is_ascii_space);
}

std::string_view trim(std::string_view line) {
    while (!line.empty() && is_ascii_space(line.front())) line.remove_prefix(1);
    while (!line.empty() && is_ascii_space(line.back())) line.remove_suffix(1);
    return line;
}

std::string quote_line(std::string_view line) {
    constexpr std::size_t kMax = 60;
    if (line.size() <= kMax) return std::string(line);
    std::size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    return std::string(line.substr(0, cut)) + "\xE2\x80\xA6";
}

void read_cue_line(std::string_view line, CueMarkup markup, std::optional<std::string>& voice,
                   std::vector<CuePiece>& out) {
    std::string buffer;
    std::size_t i = 0;
    while (i < line.size()) {
        const char c = line[i];
        if (markup == CueMarkup::srt && c == '{' && line.substr(i, 2) == "{\\") {
            // {\an8}, {\i1}: SubStation overrides that some SRT files carry.
            const auto close = line.find('}', i);
            if (close != std::string_view::npos) {
                i = close + 1;
                continue;
            }
        }
        if (c != '<') {
            buffer += c;
            ++i;
            continue;
        }
        const auto close = line.find('>', i);
        if (close == std::string_view::npos) {
            // An unterminated tag: WebVTT drops the rest of the line; in SRT it is text.
            if (markup == CueMarkup::webvtt) break;
            buffer += c;
            ++i;
            continue;
        }
        const auto tag = line.substr(i + 1, close - i - 1);
        const auto name_end = tag.find_first_of(". \t");
        const auto name = lower_ascii(tag.substr(0, name_end));
        const auto bare = std::string_view(name).substr(!name.empty() && name.front() == '/' ? 1 : 0);
        if (markup == CueMarkup::srt && !is_srt_tag(bare)) {
            buffer += c;
            ++i;
            continue;
        }
        if (name == "v") {
            // <v Name>, <v.loud Name>: the annotation after the first white space names the speaker.
            const auto space = tag.find_first_of(" \t");
            const auto annotation =
                space == std::string_view::npos ? std::string() : collapse_space(decode_entities(tag.substr(space)));
            flush_piece(buffer, voice, out);
            if (annotation.empty()) voice.reset();
            else voice = annotation;
        }
        i = close + 1;  // every other tag (and </v>) is markup only
    }
    flush_piece(buffer, voice, out);
}

bool has_text(const std::vector<Cue>& cues) {
    return std::any_of(cues.begin(), cues.end(), [](const Cue& c) {
        return std::any_of(c.pieces.begin(), c.pieces.end(), [](const CuePiece& p) { return !p.text.empty(); });
    });
}

Document build_caption_document(const std::vector<Cue>& cues, const TranscriptOptions& options,
                                 const std::string& file) {
    std::optional<PatternPrefix> pattern;
    if (!options.speaker_pattern.empty()) pattern.emplace(options.speaker_pattern, file);

    // Pass 1: prefix candidates, and the names that voice tags give.
    std::map<std::string, int> sightings;
    std::set<std::string> voices;
    for (const auto& cue : cues)
        for (const auto& piece : cue.pieces) {
            if (piece.voice) voices.insert(*piece.voice);
            else if (!pattern)
                if (auto p = builtin_prefix(piece.text)) ++sightings[p->label];
        }
    auto certain = [&](const std::string& label) {
        return sightings[label] >= 2 || voices.contains(label) || asks_questions(options.roles.role_of(label));
    };

    // Pass 2: every piece with its speaker (if any), in file order.
    struct Said {
        std::optional<std::string> speaker;
        std::string text;
        std::size_t cue;
    };
    std::vector<Said> said;
    for (std::size_t c = 0; c < cues.size(); ++c)
        for (const auto& piece : cues[c].pieces) {
            Said s{piece.voice, piece.text, c};
            if (!s.speaker) {
                std::optional<Prefix> p = pattern ? pattern->match(piece.text) : builtin_prefix(piece.text);
                if (p && (pattern || certain(p->label))) {
                    s.speaker = p->label;
                    s.text = collapse_space(std::string_view(piece.text).substr(p->bytes));
                }
            }
            said.push_back(std::move(s));
        }
    const bool any_speaker = std::any_of(said.begin(), said.end(), [](const Said& s) { return s.speaker.has_value(); });

    struct Turn {
        std::string speaker;
        std::string text;
        std::int64_t start_ms = 0, end_ms = 0;
        std::size_t last_cue = 0;
    };
    std::vector<Turn> turns;
    auto append = [](Turn& t, const std::string& text) {
        if (text.empty()) return;
        if (!t.text.empty()) t.text += ' ';
        t.text += text;
    };
    for (const auto& s : said) {
        const auto& cue = cues[s.cue];
        bool continues = false;
        if (!turns.empty()) {
            if (!any_speaker) continues = turns.back().last_cue == s.cue;  // one turn per cue
            else if (!s.speaker) continues = true;                         // a speakerless cue goes on
            else continues = turns.back().speaker == *s.speaker && !turns.back().speaker.empty();
        }
        if (!continues) turns.push_back(Turn{s.speaker.value_or(std::string()), {}, cue.start_ms, cue.end_ms, s.cue});
        auto& turn = turns.back();
        append(turn, s.text);
        turn.end_ms = cue.end_ms;
        turn.last_cue = s.cue;
    }

    DocumentBuilder builder;
    bool first = true;
    for (const auto& t : turns) {
        if (t.text.empty()) continue;  // a name with nothing said
        if (!first) builder.add_blank_line();
        first = false;
        builder.start_turn(t.speaker, t.speaker.empty() ? std::string() : t.speaker + ": ");
        builder.add_paragraph(t.text);
        builder.set_turn_start(t.start_ms);
        builder.set_turn_end(t.end_ms);
    }
    return builder.finish(options.roles);
}

}  // namespace qcode::ingest
