// RoleRules: which labels ask and which answer (DESIGN §3).
#include <boost/test/unit_test.hpp>

#include <string>

#include "core/model.hpp"
#include "ingest/roles.hpp"

using qcode::Role;
using qcode::ingest::RoleRules;

namespace {
std::string role(const RoleRules& r, std::string_view label) { return std::string(qcode::to_string(r.role_of(label))); }
}  // namespace

BOOST_AUTO_TEST_SUITE(roles)

BOOST_AUTO_TEST_CASE(default_interviewers) {
    const RoleRules r;
    for (const char* label : {"I", "I2", "I 2", "I1", "Int", "INT", "IV", "Interviewer", "Interviewerin",
                              "INTERVIEWER", "Interviewer 1", "F"})
        BOOST_TEST(role(r, label) == "interviewer", label);
}

BOOST_AUTO_TEST_CASE(default_moderators) {
    const RoleRules r;
    for (const char* label : {"M", "Mod", "Moderation", "Moderator", "Moderatorin", "M2"})
        BOOST_TEST(role(r, label) == "moderator", label);
}

BOOST_AUTO_TEST_CASE(chair_titles_moderate) {
    const RoleRules r;
    BOOST_TEST(role(r, "Pr\xC3\xA4sidentin B\xC3\xA4rbel Bas") == "moderator");
    BOOST_TEST(role(r, "Vizepr\xC3\xA4sidentin Petra Pau") == "moderator");
    BOOST_TEST(role(r, "Alterspr\xC3\xA4sident Dr. Wolfgang Sch\xC3\xA4uble") == "moderator");
    BOOST_TEST(role(r, "Pr\xC3\xA4sident") == "moderator");
}

BOOST_AUTO_TEST_CASE(everyone_else_responds) {
    const RoleRules r;
    for (const char* label : {"B", "B1", "B 2", "IP", "IP 2", "IP2", "TN3", "Befragte", "Frau M.",
                              "Gabriele Katzmarek (SPD)", "Ina", "Mia", "Interviewte"})
        BOOST_TEST(role(r, label) == "respondent", label);
}

BOOST_AUTO_TEST_CASE(custom_list_replaces_the_defaults) {
    const RoleRules r({"Int", "Moderation"});
    BOOST_TEST(role(r, "Int") == "interviewer");
    BOOST_TEST(role(r, "INT 2") == "interviewer");
    BOOST_TEST(role(r, "Moderation") == "moderator");
    BOOST_TEST(role(r, "I") == "respondent");            // no longer a default
    BOOST_TEST(role(r, "Interviewer") == "respondent");
    BOOST_TEST(role(r, "B1") == "respondent");
    BOOST_TEST(role(r, "Pr\xC3\xA4sidentin B\xC3\xA4rbel Bas") == "moderator");  // chairs still chair
}

BOOST_AUTO_TEST_CASE(custom_list_numbers_share_a_role) {
    const RoleRules r({"I1", "Mod"});
    BOOST_TEST(role(r, "I2") == "interviewer");
    BOOST_TEST(role(r, "I") == "interviewer");
    BOOST_TEST(role(r, "Mod") == "moderator");
    BOOST_TEST(role(r, "M") == "respondent");
}

BOOST_AUTO_TEST_CASE(custom_label_that_would_answer_by_default) {
    const RoleRules r({"B"});
    BOOST_TEST(role(r, "B") == "interviewer");
    BOOST_TEST(role(r, "B1") == "interviewer");
    BOOST_TEST(role(r, "I") == "respondent");
}

BOOST_AUTO_TEST_SUITE_END()
