#pragma once
// Which speaker labels ask (interviewer, moderator) and which answer.
// German transcription conventions decide the defaults: I/Interviewer ask,
// B/IP/Befragte answer, Moderation moderates; a parliament's chair
// (Präsident…, Vizepräsident…) moderates too.
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace qcode::ingest {

class RoleRules {
public:
    // The defaults: interviewers I, Int, INT, IV, Interviewer(in), F;
    // moderators M, Mod, Moderation, Moderator(in), and chair titles.
    RoleRules();
    // `asking_labels` replaces the defaults (`--interviewer I,Moderation`);
    // labels that name a moderator get that role, the others interviewer.
    explicit RoleRules(std::vector<std::string> asking_labels);

    Role role_of(std::string_view label) const;

private:
    std::vector<std::string> interviewers_;  // case-folded
    std::vector<std::string> moderators_;    // case-folded
};

}  // namespace qcode::ingest
