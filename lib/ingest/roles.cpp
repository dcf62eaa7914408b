#include "ingest/roles.hpp"

#include <algorithm>

#include "text/normalize.hpp"

namespace qcode::ingest {

namespace {

const std::vector<std::string> kModeratorWords = {"m", "mod", "moderation", "moderator", "moderatorin"};
const std::vector<std::string> kChairTitles = {"präsident", "präsidentin", "vizepräsident", "vizepräsidentin",
                                               "alterspräsident", "alterspräsidentin"};

// "I2", "I 2", "Interviewer 1" → "i", "interviewer": numbered speakers share a role.
std::string base_of(std::string_view label) {
    std::string folded = text::fold_case(label);
    while (!folded.empty() && (std::isdigit(static_cast<unsigned char>(folded.back())) || folded.back() == ' ' ||
                               folded.back() == '.'))
        folded.pop_back();
    return folded;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

bool names_chair(std::string_view label) {
    const std::string first = text::fold_case(label.substr(0, label.find(' ')));
    return contains(kChairTitles, first);
}

}  // namespace

RoleRules::RoleRules()
    : interviewers_{"i", "int", "iv", "interviewer", "interviewerin", "f"}, moderators_(kModeratorWords) {}

RoleRules::RoleRules(std::vector<std::string> asking_labels) {
    for (auto& label : asking_labels) {
        auto base = base_of(label);
        if (contains(kModeratorWords, base)) moderators_.push_back(std::move(base));
        else interviewers_.push_back(std::move(base));
    }
}

Role RoleRules::role_of(std::string_view label) const {
    const auto base = base_of(label);
    if (contains(moderators_, base) || names_chair(label)) return Role::moderator;
    if (contains(interviewers_, base)) return Role::interviewer;
    return Role::respondent;
}

}  // namespace qcode::ingest
