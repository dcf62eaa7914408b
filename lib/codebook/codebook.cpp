// The small non-parsing parts of codebook.hpp: speaker scopes and counts.
#include "codebook/codebook.hpp"

namespace qcode::codebook {

std::string_view to_string(SpeakerScope scope) {
    switch (scope) {
        case SpeakerScope::respondents: return "respondents";
        case SpeakerScope::interviewers: return "interviewers";
        case SpeakerScope::all: return "all";
    }
    return "?";
}

std::optional<SpeakerScope> parse_speaker_scope(std::string_view s) {
    if (s == "respondents") return SpeakerScope::respondents;
    if (s == "interviewers") return SpeakerScope::interviewers;
    if (s == "all") return SpeakerScope::all;
    return std::nullopt;
}

std::size_t count_codes(const Codebook& cb) {
    std::size_t n = 0;
    for_each_code(cb.codes, [&](const Code&) { ++n; });
    return n;
}

// Leaves are where codings usually land; parents mostly roll them up.
std::size_t count_leaves(const Codebook& cb) {
    std::size_t n = 0;
    for_each_code(cb.codes, [&](const Code& c) { n += c.children.empty(); });
    return n;
}

}  // namespace qcode::codebook
