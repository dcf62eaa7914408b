#include "ingest/speaker_label.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <vector>

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

}  // namespace

std::optional<LabelMatch> match_label(std::string_view line) {
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
    if (words.empty() || words.size() > kMaxLabelWords) return std::nullopt;
    for (auto w : words) {
        const UChar32 c = first_code_point(w);
        const bool capital_or_digit = u_isupper(c) || u_istitle(c) || u_isdigit(c);
        bool particle = false;
        for (auto p : kParticles) particle = particle || w == p;
        if (!capital_or_digit && !particle) return std::nullopt;
    }

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
