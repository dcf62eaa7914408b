// More transcript conventions: "[Name]" / "{Name}" labels, --speaker-pattern,
// QualCoder/ELAN bracketed timestamps before or after the label, and text
// without any label (DESIGN §3).
#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "ingest/ingest_fixture.hpp"
#include "ingest/plain_text.hpp"
#include "ingest/speaker_label.hpp"
#include "ingest/timestamps.hpp"

using namespace qcode;
using namespace qcode::ingest_test;
using qcode::ingest::LabelMatcher;
using qcode::ingest::match_label;
using qcode::ingest::parse_bracket_timestamp;
using qcode::ingest::parse_plain_text;
using qcode::ingest::RoleRules;
using qcode::ingest::skip_leading_timestamps;
using qcode::ingest::strip_timestamps;
using qcode::ingest::TranscriptOptions;

namespace {

TranscriptOptions with_pattern(std::string pattern) { return TranscriptOptions(RoleRules(), std::move(pattern)); }

std::string pattern_error(const std::string& pattern) {
    try {
        LabelMatcher m(with_pattern(pattern));
        (void)m;
    } catch (const Error& e) {
        return e.message();
    }
    return "";
}

using Times = std::vector<std::optional<std::int64_t>>;
Times starts(const std::vector<Unit>& units) {
    Times out;
    for (const auto& u : units) out.push_back(u.t_start_ms);
    return out;
}
Times ends(const std::vector<Unit>& units) {
    Times out;
    for (const auto& u : units) out.push_back(u.t_end_ms);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(label_conventions)

// ---- [Name] and {Name} labels

BOOST_AUTO_TEST_CASE(square_bracket_label) {
    const auto m = match_label("[Interviewer] Wie l\xC3\xA4uft es?");
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST(m->label == "Interviewer");
    BOOST_TEST(m->prefix_bytes == 14u);
    BOOST_TEST(m->certain);
}

BOOST_AUTO_TEST_CASE(curly_bracket_label_with_colon) {
    auto m = match_label("{B2} Ja, genau.");
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST(m->label == "B2");
    BOOST_TEST(m->prefix_bytes == 5u);
    BOOST_TEST(m->certain);
    m = match_label("{B2}: Ja.");
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST(m->label == "B2");
    BOOST_TEST(m->prefix_bytes == 6u);
    m = match_label("[Frau M\xC3\xBCller]:\tDanke.");
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST(m->label == "Frau M\xC3\xBCller");
    BOOST_TEST(m->prefix_bytes == 16u);  // "[Frau Müller]:" is 15 bytes, then the tab
    m = match_label("[IP 2]");
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST(m->label == "IP 2");
    BOOST_TEST(m->prefix_bytes == 6u);
}

BOOST_AUTO_TEST_CASE(brackets_that_are_not_labels) {
    BOOST_TEST(!match_label("[00:01:23] B: Text").has_value());  // a time
    BOOST_TEST(!match_label("[01:23] Text").has_value());
    BOOST_TEST(!match_label("[2] Fu\xC3\x9Fnote").has_value());  // no letter
    BOOST_TEST(!match_label("[\xE2\x80\xA6] und dann").has_value());
    BOOST_TEST(!match_label("[lacht] Ja.").has_value());  // lower case: a transcription mark
    BOOST_TEST(!match_label("[unv.] sagte er").has_value());
    BOOST_TEST(!match_label("[Pause] Also.").has_value());  // listed marks and placeholders
    BOOST_TEST(!match_label("[Name] hat angerufen.").has_value());
    BOOST_TEST(!match_label("{Ort} ist klein.").has_value());
    BOOST_TEST(!match_label("[B2]Ja").has_value());           // no blank after the bracket
    BOOST_TEST(!match_label("[B2 Ja").has_value());           // not closed
    BOOST_TEST(!match_label("[B2} Ja").has_value());          // mismatched
    BOOST_TEST(!match_label("[] Ja").has_value());
    BOOST_TEST(!match_label(" [B2] Ja").has_value());         // not at line start
    BOOST_TEST(!match_label("[Eins Zwei Drei Vier F\xC3\xBCnf Sechs Sieben] x").has_value());
}

BOOST_AUTO_TEST_CASE(bracket_labels_open_turns_with_roles) {
    const auto d = parse_plain_text("[Interviewer] Wie l\xC3\xA4uft es?\n{B2} Gut.\n[Interviewer]: Danke.\n", RoleRules());
    BOOST_TEST(d.text == "[Interviewer] Wie l\xC3\xA4uft es?\n{B2} Gut.\n[Interviewer]: Danke.");
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST(speakers_of(turns) == (Strings{"Interviewer", "B2", "Interviewer"}), boost::test_tools::per_element());
    BOOST_TEST(slices_of(d, turns) == (Strings{"Wie l\xC3\xA4uft es?", "Gut.", "Danke."}),
               boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(d.speakers.size() == 2u);
    BOOST_TEST(to_string(d.speakers[0].role) == "interviewer");
    BOOST_TEST(to_string(d.speakers[1].role) == "respondent");
}

// ---- --speaker-pattern

BOOST_AUTO_TEST_CASE(custom_pattern) {
    const auto options = with_pattern("^(P\\d+)\\s*>\\s*");
    const LabelMatcher matcher(options);
    auto m = matcher.match("P1 > Das ist meine Antwort.");
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST(m->label == "P1");
    BOOST_TEST(m->prefix_bytes == 5u);
    BOOST_TEST(m->certain);
    m = matcher.match("P12>Kurz.");
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST(m->label == "P12");
    BOOST_TEST(m->prefix_bytes == 4u);
    // The pattern replaces the built-in rules.
    BOOST_TEST(!matcher.match("I: Frage?").has_value());
    BOOST_TEST(!matcher.match("[Interviewer] Frage?").has_value());
    // Matched at line start only.
    BOOST_TEST(!matcher.match("Er sagte P1 > x").has_value());
    // The convenience overload does the same.
    BOOST_TEST(match_label("P3 > x", options)->label == "P3");
    // Without a pattern: the built-in rules.
    BOOST_TEST(LabelMatcher(TranscriptOptions()).match("I: Frage?")->label == "I");
}

BOOST_AUTO_TEST_CASE(custom_pattern_offsets_are_bytes) {
    const LabelMatcher matcher(with_pattern("^\\[(.+?)\\]\\s+"));
    const auto m = matcher.match("[Gro\xC3\x9F" "e Runde]  Text");
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST(m->label == "Gro\xC3\x9F" "e Runde");
    BOOST_TEST(m->prefix_bytes == 16u);  // "[Große Runde]" is 14 bytes, two spaces
}

BOOST_AUTO_TEST_CASE(custom_pattern_in_a_transcript) {
    const auto d = parse_plain_text(
        "Fokusgruppe 3\nP1 > Ich fange an.\nNoch ein Absatz.\nP2 > Ich auch.\nMOD > Danke.\n",
        TranscriptOptions(RoleRules({"MOD"}), "^([A-Z]+\\d*)\\s*>\\s*"));
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST(speakers_of(turns) == (Strings{"", "P1", "P2", "MOD"}), boost::test_tools::per_element());
    BOOST_TEST(slices_of(d, turns) ==
                   (Strings{"Fokusgruppe 3", "Ich fange an.\nNoch ein Absatz.", "Ich auch.", "Danke."}),
               boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(d.speakers.size() == 3u);
    BOOST_TEST(to_string(d.speakers[2].role) == "moderator");
}

BOOST_AUTO_TEST_CASE(invalid_pattern_is_an_error) {
    auto message = pattern_error("^(P\\d+");
    BOOST_TEST(message.rfind("invalid --speaker-pattern: ", 0) == 0u);
    BOOST_TEST(message.find("^(P\\d+") != std::string::npos);
    message = pattern_error("^P\\d+:\\s*");  // no group for the label
    BOOST_TEST(message.rfind("invalid --speaker-pattern: ", 0) == 0u);
    BOOST_TEST(message.find("capture group") != std::string::npos);
    BOOST_CHECK_THROW(parse_plain_text("P1 > x\n", with_pattern("(")), Error);
    BOOST_TEST(pattern_error("^(P\\d+)\\s*>\\s*").empty());
}

// ---- timestamps

BOOST_AUTO_TEST_CASE(bracket_timestamp_forms) {
    auto ts = parse_bracket_timestamp("[00:01:23]");
    BOOST_TEST_REQUIRE(ts.has_value());
    BOOST_TEST(ts->first == 83000);
    BOOST_TEST(ts->second == 10u);
    ts = parse_bracket_timestamp("[01:23] Text");  // mm:ss
    BOOST_TEST_REQUIRE(ts.has_value());
    BOOST_TEST(ts->first == 83000);
    BOOST_TEST(ts->second == 7u);
    ts = parse_bracket_timestamp("[00:01:23.456]");
    BOOST_TEST_REQUIRE(ts.has_value());
    BOOST_TEST(ts->first == 83456);
    BOOST_TEST(ts->second == 14u);
    ts = parse_bracket_timestamp("[1:02:03,5]");  // one-digit hour, comma, tenths
    BOOST_TEST_REQUIRE(ts.has_value());
    BOOST_TEST(ts->first == 3723500);
    ts = parse_bracket_timestamp("{00:00:07}");
    BOOST_TEST_REQUIRE(ts.has_value());
    BOOST_TEST(ts->first == 7000);
    ts = parse_bracket_timestamp("[75:10]");  // mm:ss past the first hour
    BOOST_TEST_REQUIRE(ts.has_value());
    BOOST_TEST(ts->first == 4510000);
}

BOOST_AUTO_TEST_CASE(f5_hundredths) {
    const auto ts = ingest::parse_timestamp("#00:01:23.45#");
    BOOST_TEST_REQUIRE(ts.has_value());
    BOOST_TEST(ts->first == 83450);
    BOOST_TEST(ts->second == 13u);
}

BOOST_AUTO_TEST_CASE(invalid_bracket_timestamps) {
    BOOST_TEST(!parse_bracket_timestamp("[Interviewer]").has_value());
    BOOST_TEST(!parse_bracket_timestamp("[00:60:00]").has_value());
    BOOST_TEST(!parse_bracket_timestamp("[01:60]").has_value());
    BOOST_TEST(!parse_bracket_timestamp("[123:00]").has_value());
    BOOST_TEST(!parse_bracket_timestamp("[12]").has_value());
    BOOST_TEST(!parse_bracket_timestamp("[00:01:2]").has_value());
    BOOST_TEST(!parse_bracket_timestamp("[00:01:02:03]").has_value());
    BOOST_TEST(!parse_bracket_timestamp("[00:01:23.]").has_value());
    BOOST_TEST(!parse_bracket_timestamp("[00:01:23.4567]").has_value());
    BOOST_TEST(!parse_bracket_timestamp("[00:01:23}").has_value());
    BOOST_TEST(!parse_bracket_timestamp("[00:01:23").has_value());
    BOOST_TEST(!parse_bracket_timestamp("00:01:23").has_value());
    BOOST_TEST(!parse_bracket_timestamp("").has_value());
}

BOOST_AUTO_TEST_CASE(strip_bracket_timestamps_at_the_ends) {
    auto s = strip_timestamps("[00:00:05] Guten Tag. [00:00:09.250]");
    BOOST_TEST(s.text == "Guten Tag.");
    BOOST_TEST(s.leading_ms.value_or(-1) == 5000);
    BOOST_TEST(s.trailing_ms.value_or(-1) == 9250);
    s = strip_timestamps("Text [01:00] [01:02]");
    BOOST_TEST(s.text == "Text");
    BOOST_TEST(s.trailing_ms.value_or(-1) == 62000);
    s = strip_timestamps("#00:00:05-0# Text [00:00:07]");  // kinds mixed
    BOOST_TEST(s.text == "Text");
    BOOST_TEST(s.leading_ms.value_or(-1) == 5000);
    BOOST_TEST(s.trailing_ms.value_or(-1) == 7000);
    // In the middle of a line a bracketed time is text.
    s = strip_timestamps("Um [10:30] ging es los.");
    BOOST_TEST(s.text == "Um [10:30] ging es los.");
    BOOST_TEST(!s.leading_ms.has_value());
    BOOST_TEST(!s.trailing_ms.has_value());
}

BOOST_AUTO_TEST_CASE(skip_leading_timestamps_before_a_label) {
    auto lead = skip_leading_timestamps("[00:01:23] B: Text");
    BOOST_TEST(lead.ms.value_or(-1) == 83000);
    BOOST_TEST(lead.bytes == 11u);
    lead = skip_leading_timestamps("#00:01:23-4#  [00:01:24] B: Text");
    BOOST_TEST(lead.ms.value_or(-1) == 83400);
    BOOST_TEST(lead.bytes == 25u);
    lead = skip_leading_timestamps("B: [00:01:23] Text");
    BOOST_TEST(!lead.ms.has_value());
    BOOST_TEST(lead.bytes == 0u);
}

BOOST_AUTO_TEST_CASE(timestamp_after_the_label) {
    for (const std::string stamp : {"[00:01:23]", "[01:23]", "[00:01:23.000]", "#00:01:23.00#", "{00:01:23}"}) {
        BOOST_TEST_CONTEXT(stamp) {
            const auto d = parse_plain_text("B: " + stamp + " Text hier.\n", RoleRules());
            BOOST_TEST(d.text == "B: Text hier.");
            const auto turns = units_of(d, UnitKind::turn);
            BOOST_TEST_REQUIRE(turns.size() == 1u);
            BOOST_TEST(turns[0].t_start_ms.value_or(-1) == 83000);
            BOOST_TEST(!turns[0].t_end_ms.has_value());
        }
    }
}

BOOST_AUTO_TEST_CASE(timestamp_before_the_label) {
    const auto d = parse_plain_text("[00:01:23] B: Text hier. [00:01:30.5]\n", RoleRules());
    BOOST_TEST(d.text == "B: Text hier.");  // neither time is stored
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST_REQUIRE(turns.size() == 1u);
    BOOST_TEST(turns[0].speaker == "B");
    BOOST_TEST((turns[0].span == Span{3, 13}));
    BOOST_TEST(turns[0].t_start_ms.value_or(-1) == 83000);
    BOOST_TEST(turns[0].t_end_ms.value_or(-1) == 90500);
}

BOOST_AUTO_TEST_CASE(start_times_only_qualcoder_style) {
    // Each turn ends where the next one starts; the last has no end.
    const auto d = parse_plain_text(
        "Interview 5\n\n[00:00:12] I: Frage?\n\n[00:00:20] B: Antwort.\nWeiter.\n\n[00:01:05] I: Danke.\n", RoleRules());
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST(speakers_of(turns) == (Strings{"", "I", "B", "I"}), boost::test_tools::per_element());
    BOOST_TEST((starts(turns) == Times{std::nullopt, 12000, 20000, 65000}));
    BOOST_TEST((ends(turns) == Times{std::nullopt, 20000, 65000, std::nullopt}));
    BOOST_TEST(d.text == "Interview 5\n\nI: Frage?\n\nB: Antwort.\nWeiter.\n\nI: Danke.");
}

BOOST_AUTO_TEST_CASE(explicit_end_times_are_kept) {
    const auto d = parse_plain_text("[00:00:10] I: Frage? [00:00:15]\n[00:00:20] B: Antwort.\n", RoleRules());
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST((starts(turns) == Times{10000, 20000}));
    BOOST_TEST((ends(turns) == Times{15000, std::nullopt}));
}

BOOST_AUTO_TEST_CASE(bracket_label_after_a_timestamp) {
    const auto d = parse_plain_text("[00:00:03] [Interviewer] Hallo.\n{00:00:05} {B1}: Hallo zur\xC3\xBC" "ck.\n",
                                    RoleRules());
    BOOST_TEST(d.text == "[Interviewer] Hallo.\n{B1}: Hallo zur\xC3\xBC" "ck.");
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST(speakers_of(turns) == (Strings{"Interviewer", "B1"}), boost::test_tools::per_element());
    BOOST_TEST((starts(turns) == Times{3000, 5000}));
    BOOST_TEST((ends(turns) == Times{5000, std::nullopt}));
}

// ---- no labels at all

BOOST_AUTO_TEST_CASE(unlabelled_text_is_one_turn_of_an_unknown_respondent) {
    const std::string text =
        "Die Zusammenarbeit mit der Ausl\xC3\xA4nderbeh\xC3\xB6rde ist gut.\n"
        "\n"
        "Schwierig sind die Schreibweisen der Namen.\n"
        "Das Problem: Es gibt keine Schnittstelle.\n";
    const auto d = parse_plain_text(text, RoleRules());
    BOOST_TEST(d.text == text.substr(0, text.size() - 1));
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST_REQUIRE(turns.size() == 1u);
    BOOST_TEST(turns[0].speaker == "?");
    BOOST_TEST(std::string(ingest::kUnknownSpeaker) == "?");
    const auto paragraphs = units_of(d, UnitKind::paragraph);
    BOOST_TEST(slices_of(d, paragraphs) ==
                   (Strings{"Die Zusammenarbeit mit der Ausl\xC3\xA4nderbeh\xC3\xB6rde ist gut.",
                            "Schwierig sind die Schreibweisen der Namen.", "Das Problem: Es gibt keine Schnittstelle."}),
               boost::test_tools::per_element());
    for (const auto& p : paragraphs) BOOST_TEST(p.speaker == "?");
    BOOST_TEST_REQUIRE(d.speakers.size() == 1u);
    BOOST_TEST(d.speakers[0].label == "?");
    BOOST_TEST(to_string(d.speakers[0].role) == "respondent");
}

BOOST_AUTO_TEST_CASE(unlabelled_text_with_times) {
    const auto d = parse_plain_text("[00:00:04] Erster Absatz.\nZweiter Absatz. [00:00:30]\n", RoleRules());
    BOOST_TEST(d.text == "Erster Absatz.\nZweiter Absatz.");
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST_REQUIRE(turns.size() == 1u);
    BOOST_TEST(turns[0].speaker == "?");
    BOOST_TEST(turns[0].t_start_ms.value_or(-1) == 4000);
    BOOST_TEST(turns[0].t_end_ms.value_or(-1) == 30000);
}

BOOST_AUTO_TEST_CASE(one_uncertain_candidate_is_still_no_label) {
    // "Datum:" once is no label: the file has none, so everything is "?".
    const auto d = parse_plain_text("Datum: 01.01.2025\nText.\n", RoleRules());
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST(speakers_of(turns) == (Strings{"?"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(with_labels_the_text_before_them_stays_a_header) {
    const auto d = parse_plain_text("Kopfzeile\nI: Frage?\n", RoleRules());
    BOOST_TEST(speakers_of(units_of(d, UnitKind::turn)) == (Strings{"", "I"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(unknown_speaker_role_can_be_changed) {
    const auto d = parse_plain_text("Nur Text.\n", RoleRules({"?"}));
    BOOST_TEST_REQUIRE(d.speakers.size() == 1u);
    BOOST_TEST(to_string(d.speakers[0].role) == "interviewer");
}

BOOST_AUTO_TEST_SUITE_END()
