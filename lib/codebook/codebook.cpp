// The small non-parsing parts of codebook.hpp: speaker scopes and counts.
#include "codebook/codebook.hpp"

#include <algorithm>
#include <cctype>

#include "core/error.hpp"

namespace qcode::codebook {

std::string_view to_string(SpeakerScope scope) {
    switch (scope) {
        case SpeakerScope::respondents: return "respondents";
        case SpeakerScope::interviewers: return "interviewers";
        case SpeakerScope::all: return "all";
    }
    return "?";
}

bool in_scope(SpeakerScope scope, const std::optional<Role>& role) {
    switch (scope) {
        case SpeakerScope::all: return true;
        case SpeakerScope::respondents: return role == Role::respondent;
        case SpeakerScope::interviewers: return role && asks_questions(*role);
    }
    return false;
}

std::optional<SpeakerScope> parse_speaker_scope(std::string_view s) {
    if (s == "respondents") return SpeakerScope::respondents;
    if (s == "interviewers") return SpeakerScope::interviewers;
    if (s == "all") return SpeakerScope::all;
    return std::nullopt;
}

text::FoldOptions parse_fold(const std::vector<std::string>& items) {
    text::FoldOptions fold;
    for (const auto& item : items) {
        // "case, umlauts" in one item is the comma-separated form.
        std::size_t start = 0;
        while (start <= item.size()) {
            auto end = item.find(',', start);
            if (end == std::string::npos) end = item.size();
            auto word = std::string_view(item).substr(start, end - start);
            while (!word.empty() && (word.front() == ' ' || word.front() == '\t')) word.remove_prefix(1);
            while (!word.empty() && (word.back() == ' ' || word.back() == '\t')) word.remove_suffix(1);
            if (word == "diacritics") fold.diacritics = true;
            else if (word == "umlauts") fold.umlauts = true;
            else if (word == "stem") fold.stem = true;
            else if (word != "case" && !word.empty())
                throw Error("unknown fold '" + std::string(word) + "': use case, diacritics, umlauts or stem");
            start = end + 1;
        }
    }
    return fold;
}

std::size_t count_codes(const Codebook& cb) {
    std::size_t n = 0;
    for_each_code(cb.codes, [&](const Code&) { ++n; });
    return n;
}

// Leaves are where codings usually land; parents mostly roll them up.
bool valid_id(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' ||
               ch == '-' || ch == '.';
    });
}

std::optional<std::string> normalize_color(std::string_view s, bool require_hash) {
    if (s.starts_with('#')) s.remove_prefix(1);
    else if (require_hash) return std::nullopt;
    if (s.size() != 3 && s.size() != 6) return std::nullopt;
    std::string out = "#";
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (!std::isxdigit(c)) return std::nullopt;
        out.append(s.size() == 3 ? 2 : 1, static_cast<char>(std::tolower(c)));
    }
    return out;
}

std::size_t count_leaves(const Codebook& cb) {
    std::size_t n = 0;
    for_each_code(cb.codes, [&](const Code& c) { n += c.children.empty(); });
    return n;
}

}  // namespace qcode::codebook
