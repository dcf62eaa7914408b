// model: the enum names that are stored in the database and printed by the
// CLI, Span arithmetic, and the Error message format.
#include <boost/test/unit_test.hpp>

#include <string>

#include "core/error.hpp"
#include "core/model.hpp"

using namespace qcode;

BOOST_AUTO_TEST_SUITE(model)

BOOST_AUTO_TEST_CASE(unit_kind_names_round_trip) {
    BOOST_TEST(to_string(UnitKind::turn) == "turn");
    BOOST_TEST(to_string(UnitKind::paragraph) == "paragraph");
    BOOST_TEST(to_string(UnitKind::sentence) == "sentence");
    for (auto k : {UnitKind::turn, UnitKind::paragraph, UnitKind::sentence}) {
        const auto parsed = parse_unit_kind(to_string(k));
        BOOST_TEST_REQUIRE(parsed.has_value());
        BOOST_TEST(static_cast<int>(*parsed) == static_cast<int>(k));
    }
    BOOST_TEST(!parse_unit_kind("").has_value());
    BOOST_TEST(!parse_unit_kind("Turn").has_value());
    BOOST_TEST(!parse_unit_kind("sentences").has_value());
}

BOOST_AUTO_TEST_CASE(role_names_round_trip) {
    BOOST_TEST(to_string(Role::interviewer) == "interviewer");
    BOOST_TEST(to_string(Role::moderator) == "moderator");
    BOOST_TEST(to_string(Role::respondent) == "respondent");
    for (auto r : {Role::interviewer, Role::moderator, Role::respondent}) {
        const auto parsed = parse_role(to_string(r));
        BOOST_TEST_REQUIRE(parsed.has_value());
        BOOST_TEST(static_cast<int>(*parsed) == static_cast<int>(r));
    }
    BOOST_TEST(!parse_role("").has_value());
    BOOST_TEST(!parse_role("interviewee").has_value());
    BOOST_TEST(!parse_role("Interviewer").has_value());
}

BOOST_AUTO_TEST_CASE(origin_names_round_trip) {
    BOOST_TEST(to_string(Origin::manual) == "manual");
    BOOST_TEST(to_string(Origin::automatic) == "auto");
    BOOST_TEST(to_string(Origin::imported) == "import");
    for (auto o : {Origin::manual, Origin::automatic, Origin::imported}) {
        const auto parsed = parse_origin(to_string(o));
        BOOST_TEST_REQUIRE(parsed.has_value());
        BOOST_TEST(static_cast<int>(*parsed) == static_cast<int>(o));
    }
    BOOST_TEST(!parse_origin("automatic").has_value());
    BOOST_TEST(!parse_origin("imported").has_value());
    BOOST_TEST(!parse_origin("").has_value());
}

BOOST_AUTO_TEST_CASE(asking_roles) {
    BOOST_TEST(asks_questions(Role::interviewer));
    BOOST_TEST(asks_questions(Role::moderator));
    BOOST_TEST(!asks_questions(Role::respondent));
}

BOOST_AUTO_TEST_CASE(span_is_half_open) {
    const Span a{0, 5}, b{5, 10}, c{4, 6}, d{2, 3};
    BOOST_TEST(a.length() == 5u);
    BOOST_TEST(!a.intersects(b));  // touching is not intersecting
    BOOST_TEST(!b.intersects(a));
    BOOST_TEST(a.intersects(c));
    BOOST_TEST(c.intersects(b));
    BOOST_TEST(a.contains(d));
    BOOST_TEST(a.contains(a));
    BOOST_TEST(!a.contains(c));
    BOOST_TEST(!d.contains(a));
    BOOST_TEST((a == Span{0, 5}));
    BOOST_TEST((a < b));
    BOOST_TEST((Span{0, 4} < a));
}

BOOST_AUTO_TEST_CASE(error_message_names_file_and_line) {
    const Error with_line("bad byte", "t.txt", 3);
    BOOST_TEST(std::string(with_line.what()) == "t.txt:3: bad byte");
    BOOST_TEST(with_line.message() == "bad byte");
    BOOST_TEST(with_line.file() == "t.txt");
    BOOST_TEST(with_line.line() == 3);

    const Error with_file("is empty", "t.txt");
    BOOST_TEST(std::string(with_file.what()) == "t.txt: is empty");
    BOOST_TEST(with_file.line() == 0);

    const Error bare("oops");
    BOOST_TEST(std::string(bare.what()) == "oops");
    BOOST_TEST(bare.file().empty());
}

BOOST_AUTO_TEST_SUITE_END()
