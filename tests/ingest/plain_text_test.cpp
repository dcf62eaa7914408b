// parse_plain_text: labels open turns, unlabelled lines continue them as
// paragraphs, text before the first label is a speakerless header, f4
// timestamps at turn ends become times and leave the text (DESIGN §3).
#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>
#include <vector>

#include "ingest/ingest_fixture.hpp"
#include "ingest/plain_text.hpp"
#include "ingest/roles.hpp"

using namespace qcode;
using namespace qcode::ingest_test;
using qcode::ingest::parse_plain_text;
using qcode::ingest::RoleRules;

namespace {

// Offsets of the stored text (code points; "–" and "ä" count one each):
//   [0,22)   Interview 99 – Testamt       header paragraph 1
//   22 \n    [23,40) Datum: 01.01.2025    header paragraph 2 ("Datum:" seen once: no label)
//   40 \n    41 \n (blank line)
//   42..44   "I: "   [45,58) Wie läuft es?
//   58 \n (blank line)  59 \n
//   60..62   "B: "   [63,84) Gut. Dr. Meier hilft.
//   84 \n    [85,99) Das ist alles.       continuation paragraph
//   99 \n (blank line)  100 \n
//   101..103 "I: "   [104,110) Danke.
const std::string kInterview =
    "Interview 99 \xE2\x80\x93 Testamt\n"
    "Datum: 01.01.2025\n"
    "\n"
    "I: Wie l\xC3\xA4uft es? #00:00:05-0#\n"
    "\n"
    "B: Gut. Dr. Meier hilft.\n"
    "Das ist alles. #00:00:20-5#\n"
    "\n"
    "I: Danke. #00:00:23-2#\n";

const std::string kStored =
    "Interview 99 \xE2\x80\x93 Testamt\n"
    "Datum: 01.01.2025\n"
    "\n"
    "I: Wie l\xC3\xA4uft es?\n"
    "\n"
    "B: Gut. Dr. Meier hilft.\n"
    "Das ist alles.\n"
    "\n"
    "I: Danke.";

std::vector<std::optional<std::int64_t>> starts(const std::vector<Unit>& units) {
    std::vector<std::optional<std::int64_t>> out;
    for (const auto& u : units) out.push_back(u.t_start_ms);
    return out;
}
std::vector<std::optional<std::int64_t>> ends(const std::vector<Unit>& units) {
    std::vector<std::optional<std::int64_t>> out;
    for (const auto& u : units) out.push_back(u.t_end_ms);
    return out;
}
using Times = std::vector<std::optional<std::int64_t>>;

}  // namespace

BOOST_AUTO_TEST_SUITE(plain_text)

BOOST_AUTO_TEST_CASE(stored_text_has_no_timestamps) {
    const auto d = parse_plain_text(kInterview, RoleRules());
    BOOST_TEST(d.text == kStored);
    BOOST_TEST(utf8::length(d.text) == 110u);
}

BOOST_AUTO_TEST_CASE(turns) {
    const auto d = parse_plain_text(kInterview, RoleRules());
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST_REQUIRE(turns.size() == 4u);
    const std::vector<Span> spans = {{0, 40}, {45, 58}, {63, 99}, {104, 110}};
    BOOST_TEST(spans_of(turns) == spans, boost::test_tools::per_element());
    BOOST_TEST(speakers_of(turns) == (Strings{"", "I", "B", "I"}), boost::test_tools::per_element());
    BOOST_TEST(slices_of(d, turns) ==
                   (Strings{"Interview 99 \xE2\x80\x93 Testamt\nDatum: 01.01.2025", "Wie l\xC3\xA4uft es?",
                            "Gut. Dr. Meier hilft.\nDas ist alles.", "Danke."}),
               boost::test_tools::per_element());
    for (std::uint32_t i = 0; i < turns.size(); ++i) BOOST_TEST(turns[i].ordinal == i + 1);
    // A turn starts when the previous one ended (f4 writes the time at the end).
    BOOST_TEST((starts(turns) == Times{std::nullopt, std::nullopt, 5000, 20500}));
    BOOST_TEST((ends(turns) == Times{std::nullopt, 5000, 20500, 23200}));
}

BOOST_AUTO_TEST_CASE(paragraphs) {
    const auto d = parse_plain_text(kInterview, RoleRules());
    const auto paragraphs = units_of(d, UnitKind::paragraph);
    const std::vector<Span> spans = {{0, 22}, {23, 40}, {45, 58}, {63, 84}, {85, 99}, {104, 110}};
    BOOST_TEST(spans_of(paragraphs) == spans, boost::test_tools::per_element());
    BOOST_TEST(speakers_of(paragraphs) == (Strings{"", "", "I", "B", "B", "I"}), boost::test_tools::per_element());
    BOOST_TEST(slices_of(d, paragraphs) ==
                   (Strings{"Interview 99 \xE2\x80\x93 Testamt", "Datum: 01.01.2025", "Wie l\xC3\xA4uft es?",
                            "Gut. Dr. Meier hilft.", "Das ist alles.", "Danke."}),
               boost::test_tools::per_element());
    for (std::uint32_t i = 0; i < paragraphs.size(); ++i) BOOST_TEST(paragraphs[i].ordinal == i + 1);
}

BOOST_AUTO_TEST_CASE(sentences) {
    const auto d = parse_plain_text(kInterview, RoleRules());
    const auto sentences = units_of(d, UnitKind::sentence);
    const std::vector<Span> spans = {{0, 22}, {23, 40}, {45, 58}, {63, 67}, {68, 84}, {85, 99}, {104, 110}};
    BOOST_TEST(spans_of(sentences) == spans, boost::test_tools::per_element());
    BOOST_TEST(slices_of(d, sentences) ==
                   (Strings{"Interview 99 \xE2\x80\x93 Testamt", "Datum: 01.01.2025", "Wie l\xC3\xA4uft es?", "Gut.",
                            "Dr. Meier hilft.", "Das ist alles.", "Danke."}),
               boost::test_tools::per_element());
    BOOST_TEST(speakers_of(sentences) == (Strings{"", "", "I", "B", "B", "B", "I"}),
               boost::test_tools::per_element());
    for (std::uint32_t i = 0; i < sentences.size(); ++i) BOOST_TEST(sentences[i].ordinal == i + 1);
}

BOOST_AUTO_TEST_CASE(speakers_with_roles) {
    const auto d = parse_plain_text(kInterview, RoleRules());
    BOOST_TEST_REQUIRE(d.speakers.size() == 2u);  // the header is not a speaker
    BOOST_TEST(d.speakers[0].label == "I");
    BOOST_TEST(to_string(d.speakers[0].role) == "interviewer");
    BOOST_TEST(d.speakers[1].label == "B");
    BOOST_TEST(to_string(d.speakers[1].role) == "respondent");
}

BOOST_AUTO_TEST_CASE(custom_roles) {
    const auto d = parse_plain_text(kInterview, RoleRules({"B"}));
    BOOST_TEST_REQUIRE(d.speakers.size() == 2u);
    BOOST_TEST(to_string(d.speakers[0].role) == "respondent");
    BOOST_TEST(to_string(d.speakers[1].role) == "interviewer");
}

BOOST_AUTO_TEST_CASE(same_speaker_twice_opens_two_turns) {
    const auto d = parse_plain_text("B: Eins.\nB: Zwei.\n", RoleRules());
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST(slices_of(d, turns) == (Strings{"Eins.", "Zwei."}), boost::test_tools::per_element());
    BOOST_TEST(d.speakers.size() == 1u);
}

BOOST_AUTO_TEST_CASE(uncertain_labels_need_two_sightings) {
    const std::string text =
        "Moderation: Willkommen.\n"
        "Frau M.: Danke.\n"
        "Das Problem: Es gibt keins.\n"
        "Frau M.: Noch etwas.\n";
    const auto d = parse_plain_text(text, RoleRules());
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST(speakers_of(turns) == (Strings{"Moderation", "Frau M.", "Frau M."}), boost::test_tools::per_element());
    BOOST_TEST(slices_of(d, turns) ==
                   (Strings{"Willkommen.", "Danke.\nDas Problem: Es gibt keins.", "Noch etwas."}),
               boost::test_tools::per_element());
    BOOST_TEST(slices_of(d, units_of(d, UnitKind::paragraph)) ==
                   (Strings{"Willkommen.", "Danke.", "Das Problem: Es gibt keins.", "Noch etwas."}),
               boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(d.speakers.size() == 2u);
    BOOST_TEST(to_string(d.speakers[0].role) == "moderator");
    BOOST_TEST(d.speakers[1].label == "Frau M.");
    BOOST_TEST(to_string(d.speakers[1].role) == "respondent");
}

BOOST_AUTO_TEST_CASE(parliament_chair_seen_twice) {
    const std::string text =
        "Alterspr\xC3\xA4sident Dr. Wolfgang Sch\xC3\xA4uble: Ich er\xC3\xB6" "ffne die Sitzung.\n"
        "Gabriele Katzmarek (SPD): Danke.\n"
        "Alterspr\xC3\xA4sident Dr. Wolfgang Sch\xC3\xA4uble: Das Wort hat niemand.\n";
    const auto d = parse_plain_text(text, RoleRules());
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST_REQUIRE(turns.size() == 3u);
    BOOST_TEST(turns[0].speaker == "Alterspr\xC3\xA4sident Dr. Wolfgang Sch\xC3\xA4uble");
    BOOST_TEST(turns[1].speaker == "Gabriele Katzmarek (SPD)");
    BOOST_TEST_REQUIRE(d.speakers.size() == 2u);
    BOOST_TEST(to_string(d.speakers[0].role) == "moderator");
    BOOST_TEST(to_string(d.speakers[1].role) == "respondent");
}

BOOST_AUTO_TEST_CASE(chair_seen_once_is_not_a_label) {
    const std::string text =
        "Alterspr\xC3\xA4sident Dr. Wolfgang Sch\xC3\xA4uble: Ich er\xC3\xB6" "ffne die Sitzung.\n"
        "Gabriele Katzmarek (SPD): Danke.\n";
    const auto d = parse_plain_text(text, RoleRules());
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST(speakers_of(turns) == (Strings{"", "Gabriele Katzmarek (SPD)"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(label_alone_on_its_line) {
    // "B:" then the answer on the next line: one turn; the answer is its paragraph.
    const auto d = parse_plain_text("I: Frage?\nB:\nAntwort.\n", RoleRules());
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST(speakers_of(turns) == (Strings{"I", "B"}), boost::test_tools::per_element());
    BOOST_TEST(slices_of(d, turns) == (Strings{"Frage?", "Antwort."}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(label_with_nothing_said_is_no_turn) {
    const auto d = parse_plain_text("I: Frage?\nB:\nI: Noch eine?\n", RoleRules());
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST(speakers_of(turns) == (Strings{"I", "I"}), boost::test_tools::per_element());
    BOOST_TEST(d.speakers.size() == 1u);
}

BOOST_AUTO_TEST_CASE(leading_and_trailing_times_on_one_line) {
    const auto d = parse_plain_text("B: #00:01:00-0# Text hier. #00:01:10-5#\n", RoleRules());
    BOOST_TEST(d.text == "B: Text hier.");
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST_REQUIRE(turns.size() == 1u);
    BOOST_TEST((turns[0].span == Span{3, 13}));
    BOOST_TEST(turns[0].t_start_ms.value_or(-1) == 60000);
    BOOST_TEST(turns[0].t_end_ms.value_or(-1) == 70500);
}

BOOST_AUTO_TEST_CASE(timestamp_on_its_own_line_ends_the_turn) {
    const auto d = parse_plain_text("B: Text.\n#00:00:10-0#\nI: Weiter.\n", RoleRules());
    BOOST_TEST(d.text == "B: Text.\nI: Weiter.");
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST_REQUIRE(turns.size() == 2u);
    BOOST_TEST(turns[0].t_end_ms.value_or(-1) == 10000);
    BOOST_TEST(turns[1].t_start_ms.value_or(-1) == 10000);
    BOOST_TEST(!turns[1].t_end_ms.has_value());
    BOOST_TEST(slices_of(d, turns) == (Strings{"Text.", "Weiter."}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(no_header_no_trailing_newline) {
    const auto d = parse_plain_text("I: A?\nB: B.", RoleRules());
    BOOST_TEST(d.text == "I: A?\nB: B.");
    const auto turns = units_of(d, UnitKind::turn);
    const std::vector<Span> spans = {{3, 5}, {9, 11}};
    BOOST_TEST(spans_of(turns) == spans, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(empty_text_has_no_units) {
    const auto d = parse_plain_text("", RoleRules());
    BOOST_TEST(d.units.empty());
    BOOST_TEST(d.speakers.empty());
    const auto blank = parse_plain_text("\n\n  \n", RoleRules());
    BOOST_TEST(blank.units.empty());
}

BOOST_AUTO_TEST_CASE(sentence_with_z_b_stays_whole) {
    const auto d = parse_plain_text("B: Im Januar hatten wir z. B. zwei Tage ohne Abruf. Dann ging es.\n", RoleRules());
    BOOST_TEST(slices_of(d, units_of(d, UnitKind::sentence)) ==
                   (Strings{"Im Januar hatten wir z. B. zwei Tage ohne Abruf.", "Dann ging es."}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
