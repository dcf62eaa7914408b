#include "ingest/speaker_label.hpp"

#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <array>
#include <cctype>
#include <vector>

#include "core/error.hpp"
#include "text/normalize.hpp"

namespace qcode::ingest {

namespace {

constexpr std::size_t kMaxLabelBytes = 60;
constexpr std::size_t kMaxLabelWords = 6;

constexpr std::array<std::string_view, 12> kParticles = {"von", "van", "de", "der", "den", "zu", "vom", "zum",
                                                         "del", "da", "di", "y"};
constexpr std::array<std::string_view, 16> kRoleWords = {
    "interviewer", "interviewerin", "interviewte", "interviewter", "moderation", "moderator", "moderatorin",
    "befragte", "befragter", "teilnehmer", "teilnehmerin", "sprecher", "sprecherin", "respondent", "frage", "antwort"};

UChar32 first_code_point(std::string_view word) {
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(word.data()), i, static_cast<int32_t>(word.size()), c);
    return c;
}

std::vector<std::string_view> split_words(std::string_view s) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        std::size_t j = i;
        while (j < s.size() && s[j] != ' ') ++j;
        if (j > i) words.push_back(s.substr(i, j - i));
        i = j;
    }
    return words;
}

bool is_short_code(std::string_view name) {
    // I, B, B1, IP, IP2, IP 2, TN3, M: one to three capitals, optional number.
    std::size_t i = 0;
    while (i < name.size() && name[i] >= 'A' && name[i] <= 'Z') ++i;
    if (i == 0 || i > 3) return false;
    if (i < name.size() && name[i] == ' ') ++i;
    std::size_t d = 0;
    while (i < name.size() && std::isdigit(static_cast<unsigned char>(name[i]))) { ++i; ++d; }
    return i == name.size() && d <= 3 && name.back() != ' ';
}

// Words in brackets that mark something other than a speaker: Dresing/Pehl
// style transcription marks and anonymisation placeholders (case-folded).
constexpr std::array<std::string_view, 32> kBracketNonLabels = {
    "pause",   "lachen",   "lacht",     "gelächter", "unverständlich", "unv.",    "unv",     "räuspern",
    "hustet",  "husten",   "seufzt",    "stille",    "unterbrechung",  "störung", "applaus", "beifall",
    "musik",   "name",     "vorname",   "nachname",  "ort",            "stadt",   "datum",   "firma",
    "behörde", "anonymisiert", "zwischenruf", "inaudible", "crosstalk", "laughter", "...", "…"};

bool words_look_like_a_name(const std::vector<std::string_view>& words) {
    for (auto w : words) {
        const UChar32 c = first_code_point(w);
        const bool capital_or_digit = u_isupper(c) || u_istitle(c) || u_isdigit(c);
        bool particle = false;
        for (auto p : kParticles) particle = particle || w == p;
        if (!capital_or_digit && !particle) return false;
    }
    return true;
}

bool has_letter(std::string_view s) {
    std::int32_t i = 0;
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    const auto n = static_cast<std::int32_t>(s.size());
    while (i < n) {
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        if (c >= 0 && u_isalpha(c)) return true;
    }
    return false;
}

// "[Interviewer] …", "{B2}: …" (see speaker_label.hpp).
std::optional<LabelMatch> match_bracket_label(std::string_view line) {
    if (line.empty() || (line[0] != '[' && line[0] != '{')) return std::nullopt;
    const char close = line[0] == '[' ? ']' : '}';
    const auto end = line.find(close, 1);
    if (end == std::string_view::npos || end == 1 || end - 1 > kMaxLabelBytes) return std::nullopt;
    const auto name = line.substr(1, end - 1);
    if (name.front() == ' ' || name.back() == ' ' || name.find_first_of("[]{}\t") != std::string_view::npos)
        return std::nullopt;
    if (!has_letter(name)) return std::nullopt;  // "[01:23]" is a time
    const auto words = split_words(name);
    if (words.empty() || words.size() > kMaxLabelWords || !words_look_like_a_name(words)) return std::nullopt;
    const auto folded = text::fold_case(name);
    for (auto w : kBracketNonLabels)
        if (folded == w) return std::nullopt;
    std::size_t after = end + 1;
    if (after < line.size() && line[after] == ':') ++after;
    if (after < line.size() && line[after] != ' ' && line[after] != '\t') return std::nullopt;
    while (after < line.size() && (line[after] == ' ' || line[after] == '\t')) ++after;
    return LabelMatch{std::string(name), after, true};
}

std::string_view trim_blanks(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

struct UTextCloser {
    void operator()(UText* t) const { utext_close(t); }
};

}  // namespace

struct LabelMatcher::Pattern {
    std::unique_ptr<icu::RegexPattern> regex;
};

LabelMatcher::LabelMatcher(const TranscriptOptions& options) {
    if (options.speaker_pattern.empty()) return;
    const auto& source = options.speaker_pattern;
    UErrorCode status = U_ZERO_ERROR;
    UParseError where{};
    auto pattern = std::make_shared<Pattern>();
    pattern->regex.reset(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(source), 0, where, status));
    if (U_FAILURE(status) || !pattern->regex)
        throw Error("invalid --speaker-pattern: '" + source + "' is not a valid ICU regular expression (" +
                    u_errorName(status) + " at character " + std::to_string(where.offset + 1) + ")");
    std::unique_ptr<icu::RegexMatcher> probe(pattern->regex->matcher(status));
    if (U_FAILURE(status) || !probe || probe->groupCount() < 1)
        throw Error("invalid --speaker-pattern: '" + source +
                    "' has no capture group; put the label in parentheses, e.g. '^(P\\d+)\\s*>\\s*'");
    pattern_ = std::move(pattern);
}

std::optional<LabelMatch> LabelMatcher::match(std::string_view line) const {
    if (!pattern_) return match_label(line);
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UText, UTextCloser> text(
        utext_openUTF8(nullptr, line.data(), static_cast<std::int64_t>(line.size()), &status));
    std::unique_ptr<icu::RegexMatcher> matcher(pattern_->regex->matcher(status));
    if (U_FAILURE(status) || !matcher) return std::nullopt;
    matcher->reset(text.get());
    if (!matcher->lookingAt(status) || U_FAILURE(status)) return std::nullopt;
    // With UTF-8 UText input, start64/end64 are byte offsets into `line`.
    const auto label_start = matcher->start64(1, status);
    const auto label_end = matcher->end64(1, status);
    const auto whole_end = matcher->end64(0, status);
    if (U_FAILURE(status) || label_start < 0 || label_end < label_start) return std::nullopt;
    const auto label = trim_blanks(line.substr(static_cast<std::size_t>(label_start),
                                               static_cast<std::size_t>(label_end - label_start)));
    if (label.empty()) return std::nullopt;
    return LabelMatch{std::string(label), static_cast<std::size_t>(whole_end), true};
}

std::optional<LabelMatch> match_label(std::string_view line, const TranscriptOptions& options) {
    return LabelMatcher(options).match(line);
}

std::optional<LabelMatch> match_label(std::string_view line) {
    if (auto bracket = match_bracket_label(line)) return bracket;
    const auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > kMaxLabelBytes) return std::nullopt;
    // The colon must end the label: followed by white space or the line end
    // (so "10:30 Uhr" and "https://…" are not labels).
    if (colon + 1 < line.size() && line[colon + 1] != ' ' && line[colon + 1] != '\t') return std::nullopt;
    std::string_view head = line.substr(0, colon);
    while (!head.empty() && head.back() == ' ') head.remove_suffix(1);
    if (head.empty() || head.front() == ' ' || head.front() == '\t') return std::nullopt;

    // An optional trailing "(Party)" or "(Ort)".
    bool has_affiliation = false;
    std::string_view name = head;
    if (name.back() == ')') {
        const auto open = name.rfind('(');
        if (open == std::string_view::npos || open == 0) return std::nullopt;
        const auto inner = name.substr(open + 1, name.size() - open - 2);
        if (inner.empty() || inner.find_first_of("()") != std::string_view::npos) return std::nullopt;
        has_affiliation = true;
        name = name.substr(0, open);
        while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
        if (name.empty()) return std::nullopt;
    }
    if (name.find_first_of("()[]{}\"„“,;!?#") != std::string_view::npos) return std::nullopt;

    const auto words = split_words(name);
    if (words.empty() || words.size() > kMaxLabelWords || !words_look_like_a_name(words)) return std::nullopt;

    // A role word counts only as the whole label ("Interviewer", "Befragte 2"),
    // not as the start of a header line such as "Befragte Person: …".
    bool role_word = false;
    const bool numbered = words.size() == 2 && u_isdigit(first_code_point(words[1]));
    if (words.size() == 1 || numbered) {
        const auto folded_first = text::fold_case(words.front());
        for (auto r : kRoleWords) role_word = role_word || folded_first == r;
    }

    std::size_t end = colon + 1;
    while (end < line.size() && (line[end] == ' ' || line[end] == '\t')) ++end;
    return LabelMatch{std::string(head), end, is_short_code(name) || role_word || has_affiliation};
}

}  // namespace qcode::ingest
