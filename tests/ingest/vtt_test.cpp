// parse_vtt: WebVTT captions from Teams (<v Name> voice tags) and Zoom
// ("Name: text" cues); consecutive cues of one speaker merge into one turn
// (DESIGN §3). Also the cue helpers shared with SRT (captions.hpp).
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "ingest/captions.hpp"
#include "ingest/caption_fixture.hpp"
#include "ingest/ingest_fixture.hpp"
#include "ingest/roles.hpp"
#include "ingest/vtt.hpp"
#include "support/temp_dir.hpp"

using namespace qcode;
using namespace qcode::ingest_test;
using qcode::ingest::parse_vtt;
using qcode::ingest::RoleRules;
using qcode::ingest::TranscriptOptions;

namespace {

Document read_vtt(const std::string& text, const TranscriptOptions& options = {}) {
    return parse_vtt(text, options, "test.vtt");
}

// A Teams-style file: header metadata, NOTE and STYLE blocks, GUID cue
// identifiers, cue settings, one utterance split over three cues (the
// third in the <v.loud …> class form, two payload lines, no </v>), inline
// tags and entities, a REGION block between cues, and one cue without an
// identifier in mm:ss.mmm form.
const std::string kTeams =
    "WEBVTT\n"
    "Kind: captions\n"
    "Language: de\n"
    "\n"
    "NOTE Das ist ein Kommentar\n"
    "mit zwei Zeilen\n"
    "\n"
    "STYLE\n"
    "::cue { color: yellow; }\n"
    "\n"
    "1a2b3c4d-aaaa/11-0\n"
    "00:00:01.000 --> 00:00:04.500 align:start position:10%\n"
    "<v Interviewer>Wie nutzen Sie das AZR?</v>\n"
    "\n"
    "1a2b3c4d-aaaa/12-0\n"
    "00:00:05.000 --> 00:00:07.250\n"
    "<v Frau Demir>Wir haben <b>keinen</b> <00:00:06.000>Zugang,</v>\n"
    "\n"
    "1a2b3c4d-aaaa/12-1\n"
    "00:00:07.300 --> 00:00:09.000 line:0 size:80%\n"
    "<v Frau Demir><c.yellow>also</c> tippen <lang de>wir</lang> alles ab.&lrm; Das</v>\n"
    "\n"
    "00:09.100 --> 00:12.000\n"
    "<v.loud Frau Demir>ist &amp; bleibt\n"
    "ein  Medienbruch&nbsp;&lt;leider&gt;.\n"
    "\n"
    "REGION\n"
    "id:fred width:40%\n"
    "\n"
    "1a2b3c4d-aaaa/13-0\n"
    "00:00:12.500 --> 00:00:14.000\n"
    "<v Interviewer><i>Danke</i>.</v>\n";

// "Interviewer: " = 13 code points, "Frau Demir: " = 12.
//   [13,36)  Wie nutzen Sie das AZR?
//   36 \n 37 \n, 38..49 prefix
//   [50,143) Wir haben … <leider>.   (93 code points)
//   143 \n 144 \n, 145..157 prefix
//   [158,164) Danke.
const std::string kTeamsStored =
    "Interviewer: Wie nutzen Sie das AZR?\n"
    "\n"
    "Frau Demir: Wir haben keinen Zugang, also tippen wir alles ab. Das ist & bleibt ein Medienbruch <leider>.\n"
    "\n"
    "Interviewer: Danke.";

// Zoom's VTT: no voice tags, the name before the text; hours left out;
// a continuation cue without the name.
const std::string kZoom =
    "WEBVTT\n"
    "\n"
    "1\n"
    "00:02.000 --> 00:05.000\n"
    "Interviewer: Gibt es eine Schnittstelle?\n"
    "\n"
    "2\n"
    "00:05.500 --> 00:08.000\n"
    "Herr Yilmaz: Nein, keine Schnittstelle.\n"
    "\n"
    "3\n"
    "00:08.000 --> 00:10.000\n"
    "Das machen wir händisch.\n"
    "\n"
    "4\n"
    "00:10.200 --> 00:12.000\n"
    "Herr Yilmaz: Leider.\n"
    "\n"
    "5\n"
    "01:02:03.400 --> 01:02:05.000\n"
    "Interviewer: Danke.\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(vtt)

BOOST_AUTO_TEST_CASE(teams_stored_text) {
    const auto d = read_vtt(kTeams);
    BOOST_TEST(d.text == kTeamsStored);
    BOOST_TEST(utf8::length(d.text) == 164u);
}

BOOST_AUTO_TEST_CASE(teams_speakers_and_roles) {
    const auto d = read_vtt(kTeams);
    BOOST_TEST_REQUIRE(d.speakers.size() == 2u);
    BOOST_TEST(d.speakers[0].label == "Interviewer");
    BOOST_TEST(to_string(d.speakers[0].role) == "interviewer");
    BOOST_TEST(d.speakers[1].label == "Frau Demir");
    BOOST_TEST(to_string(d.speakers[1].role) == "respondent");
}

BOOST_AUTO_TEST_CASE(teams_cues_of_one_speaker_merge) {
    const auto d = read_vtt(kTeams);
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST_REQUIRE(turns.size() == 3u);
    const std::vector<Span> spans = {{13, 36}, {50, 143}, {158, 164}};
    BOOST_TEST(spans_of(turns) == spans, boost::test_tools::per_element());
    const Strings texts = {
        "Wie nutzen Sie das AZR?",
        "Wir haben keinen Zugang, also tippen wir alles ab. Das ist & bleibt ein Medienbruch <leider>.",
        "Danke."};
    BOOST_TEST(slices_of(d, turns) == texts, boost::test_tools::per_element());
    const Strings speakers = {"Interviewer", "Frau Demir", "Interviewer"};
    BOOST_TEST(speakers_of(turns) == speakers, boost::test_tools::per_element());
    const Times starts = {1000, 5000, 12500}, ends = {4500, 12000, 14000};
    BOOST_TEST(starts_of(turns) == starts, boost::test_tools::per_element());
    BOOST_TEST(ends_of(turns) == ends, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(one_paragraph_per_turn_and_sentences_across_cues) {
    const auto d = read_vtt(kTeams);
    const auto paragraphs = units_of(d, UnitKind::paragraph);
    BOOST_TEST(spans_of(paragraphs) == spans_of(units_of(d, UnitKind::turn)), boost::test_tools::per_element());
    const auto sentences = units_of(d, UnitKind::sentence);
    const Strings texts = {"Wie nutzen Sie das AZR?", "Wir haben keinen Zugang, also tippen wir alles ab.",
                           "Das ist & bleibt ein Medienbruch <leider>.", "Danke."};
    BOOST_TEST(slices_of(d, sentences) == texts, boost::test_tools::per_element());
    const Strings speakers = {"Interviewer", "Frau Demir", "Frau Demir", "Interviewer"};
    BOOST_TEST(speakers_of(sentences) == speakers, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(no_tags_entities_notes_or_settings_left) {
    const auto d = read_vtt(kTeams);
    for (const std::string_view gone : {"&amp;", "&nbsp;", "&lrm;", "\xE2\x80\x8E", "\xC2\xA0", "NOTE", "STYLE",
                                        "REGION", "Kommentar", "::cue", "align:", "position:", "line:0", "-->",
                                        "1a2b3c4d", "Kind:", "Language:", "Medienbruch  "})
        BOOST_TEST(d.text.find(gone) == std::string::npos, gone);
    // The one "<" left is the decoded &lt; of the text.
    BOOST_TEST(d.text.find('<') == d.text.find("<leider>"));
}

BOOST_AUTO_TEST_CASE(zoom_name_prefixes) {
    const auto d = read_vtt(kZoom);
    BOOST_TEST_REQUIRE(d.speakers.size() == 2u);
    BOOST_TEST(d.speakers[0].label == "Interviewer");
    BOOST_TEST(to_string(d.speakers[0].role) == "interviewer");
    BOOST_TEST(d.speakers[1].label == "Herr Yilmaz");
    BOOST_TEST(to_string(d.speakers[1].role) == "respondent");
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST_REQUIRE(turns.size() == 3u);
    // The nameless cue 3 continues Herr Yilmaz's turn; cue 4 repeats his name: same turn.
    const Strings texts = {"Gibt es eine Schnittstelle?",
                           "Nein, keine Schnittstelle. Das machen wir händisch. Leider.", "Danke."};
    BOOST_TEST(slices_of(d, turns) == texts, boost::test_tools::per_element());
    const Times starts = {2000, 5500, 3723400}, ends = {5000, 12000, 3725000};
    BOOST_TEST(starts_of(turns) == starts, boost::test_tools::per_element());
    BOOST_TEST(ends_of(turns) == ends, boost::test_tools::per_element());
    BOOST_TEST(d.text ==
               "Interviewer: Gibt es eine Schnittstelle?\n\n"
               "Herr Yilmaz: Nein, keine Schnittstelle. Das machen wir h\xC3\xA4ndisch. Leider.\n\n"
               "Interviewer: Danke.");
}

BOOST_AUTO_TEST_CASE(speakerless_cue_continues_voice_turn) {
    const auto d = read_vtt("WEBVTT\n\n"
                       "00:00:01.000 --> 00:00:02.000\n<v Interviewer>Und dann?</v>\n\n"
                       "00:00:02.500 --> 00:00:04.000\n<v B>Dann schreiben wir</v>\n\n"
                       "00:00:04.000 --> 00:00:05.000\neine E-Mail.\n\n"
                       "00:00:05.500 --> 00:00:06.000\n<v Interviewer>Aha.\n");
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST_REQUIRE(turns.size() == 3u);
    const Strings texts = {"Und dann?", "Dann schreiben wir eine E-Mail.", "Aha."};
    BOOST_TEST(slices_of(d, turns) == texts, boost::test_tools::per_element());
    const Strings speakers = {"Interviewer", "B", "Interviewer"};
    BOOST_TEST(speakers_of(turns) == speakers, boost::test_tools::per_element());
    const Times starts = {1000, 2500, 5500}, ends = {2000, 5000, 6000};
    BOOST_TEST(starts_of(turns) == starts, boost::test_tools::per_element());
    BOOST_TEST(ends_of(turns) == ends, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(speakerless_cues_before_the_first_speaker_are_a_header_turn) {
    const auto d = read_vtt("WEBVTT\n\n"
                       "00:00:00.000 --> 00:00:01.000\n[Musik]\n\n"
                       "00:00:01.000 --> 00:00:02.000\nAufnahme läuft.\n\n"
                       "00:00:02.000 --> 00:00:03.000\n<v I>Los geht's.</v>\n");
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST_REQUIRE(turns.size() == 2u);
    const Strings texts = {"[Musik] Aufnahme läuft.", "Los geht's."};
    BOOST_TEST(slices_of(d, turns) == texts, boost::test_tools::per_element());
    const Strings speakers = {"", "I"};
    BOOST_TEST(speakers_of(turns) == speakers, boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(d.speakers.size() == 1u);
    BOOST_TEST(d.text == "[Musik] Aufnahme l\xC3\xA4uft.\n\nI: Los geht's.");
}

BOOST_AUTO_TEST_CASE(without_any_speaker_every_cue_is_a_turn) {
    const auto d = read_vtt("WEBVTT\n\n"
                       "00:00:01.000 --> 00:00:02.000\nWir haben keinen\n\n"
                       "00:00:02.000 --> 00:00:03.500\nAZR-Zugang.\n");
    BOOST_TEST(d.speakers.empty());
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST_REQUIRE(turns.size() == 2u);
    const Strings texts = {"Wir haben keinen", "AZR-Zugang."};
    BOOST_TEST(slices_of(d, turns) == texts, boost::test_tools::per_element());
    const Strings speakers = {"", ""};
    BOOST_TEST(speakers_of(turns) == speakers, boost::test_tools::per_element());
    const Times starts = {1000, 2000}, ends = {2000, 3500};
    BOOST_TEST(starts_of(turns) == starts, boost::test_tools::per_element());
    BOOST_TEST(ends_of(turns) == ends, boost::test_tools::per_element());
    BOOST_TEST(d.text == "Wir haben keinen\n\nAZR-Zugang.");
}

BOOST_AUTO_TEST_CASE(two_voices_in_one_cue_are_two_turns) {
    const auto d = read_vtt("WEBVTT\n\n"
                       "00:00:01.000 --> 00:00:03.000\n<v Interviewer>Wirklich?</v> <v Frau Demir>Ja.</v>\n\n"
                       "00:00:03.000 --> 00:00:04.000\n<v Frau Demir>Wirklich.</v>\n");
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST_REQUIRE(turns.size() == 2u);
    const Strings texts = {"Wirklich?", "Ja. Wirklich."};
    BOOST_TEST(slices_of(d, turns) == texts, boost::test_tools::per_element());
    const Times starts = {1000, 1000}, ends = {3000, 4000};
    BOOST_TEST(starts_of(turns) == starts, boost::test_tools::per_element());
    BOOST_TEST(ends_of(turns) == ends, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(voice_tag_on_its_own_line_holds_for_the_cue) {
    const auto d = read_vtt("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Frau Demir>\nErste Zeile,\nzweite Zeile.\n");
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST_REQUIRE(turns.size() == 1u);
    BOOST_TEST(turns[0].speaker == "Frau Demir");
    BOOST_TEST(slices_of(d, turns) == Strings{"Erste Zeile, zweite Zeile."}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(prefix_rule_is_conservative) {
    // "Das Problem:" opens a sentence; "Zum Beispiel:" too; "Frau Meier:"
    // prefixes one cue only and is no asking label: none is a speaker.
    const auto d = read_vtt("WEBVTT\n\n"
                       "00:01.000 --> 00:02.000\nInterviewer: Und die Hürden?\n\n"
                       "00:02.000 --> 00:03.000\nB: Das Problem: keine Schnittstelle.\n\n"
                       "00:03.000 --> 00:04.000\nDas Problem: wir tippen ab.\n\n"
                       "00:04.000 --> 00:05.000\nZum Beispiel: Namen.\n\n"
                       "00:05.000 --> 00:06.000\nFrau Meier: sagt das auch.\n\n"
                       "00:06.000 --> 00:07.000\nuhrzeit 10:30 Uhr: egal.\n\n"
                       "00:07.000 --> 00:08.000\nB: Genau.\n");
    BOOST_TEST_REQUIRE(d.speakers.size() == 2u);
    BOOST_TEST(d.speakers[1].label == "B");
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST_REQUIRE(turns.size() == 2u);
    BOOST_TEST(slices_of(d, turns)[1] ==
               "Das Problem: keine Schnittstelle. Das Problem: wir tippen ab. Zum Beispiel: Namen. "
               "Frau Meier: sagt das auch. uhrzeit 10:30 Uhr: egal. Genau.");
}

BOOST_AUTO_TEST_CASE(a_name_seen_twice_or_as_voice_is_a_speaker) {
    const auto d = read_vtt("WEBVTT\n\n"
                       "00:01.000 --> 00:02.000\n<v Anna von Berg>Hallo.</v>\n\n"
                       "00:02.000 --> 00:03.000\nAnna von Berg: Noch was.\n\n"
                       "00:03.000 --> 00:04.000\nDr. Jan Ötztal: Ja.\n\n"
                       "00:04.000 --> 00:05.000\nAnna von Berg: Gut.\n\n"
                       "00:05.000 --> 00:06.000\nDr. Jan Ötztal: Gut.\n");
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST_REQUIRE(turns.size() == 4u);
    const Strings speakers = {"Anna von Berg", "Dr. Jan Ötztal", "Anna von Berg", "Dr. Jan Ötztal"};
    BOOST_TEST(speakers_of(turns) == speakers, boost::test_tools::per_element());
    const Strings texts = {"Hallo. Noch was.", "Ja.", "Gut.", "Gut."};
    BOOST_TEST(slices_of(d, turns) == texts, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(speaker_pattern_option) {
    const TranscriptOptions options(RoleRules(std::vector<std::string>{"Mod"}), "^\\[([^\\]]+)\\]\\s*");
    const auto d = read_vtt("WEBVTT\n\n"
                       "00:01.000 --> 00:02.000\n[Mod] Willkommen.\n\n"
                       "00:02.000 --> 00:03.000\n[Teilnehmerin 1] Danke: gern.\n",
                       options);
    BOOST_TEST_REQUIRE(d.speakers.size() == 2u);
    BOOST_TEST(d.speakers[0].label == "Mod");
    BOOST_TEST(to_string(d.speakers[0].role) == "moderator");
    BOOST_TEST(d.speakers[1].label == "Teilnehmerin 1");
    BOOST_TEST(d.text == "Mod: Willkommen.\n\nTeilnehmerin 1: Danke: gern.");

    const auto bad = error_of([] { read_vtt("WEBVTT\n\n00:01.000 --> 00:02.000\nx\n", TranscriptOptions({}, "([a-")); });
    BOOST_TEST_REQUIRE(bad.has_value());
    BOOST_TEST(bad->file() == "test.vtt");
    BOOST_TEST(bad->message().find("speaker pattern") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(header_variants) {
    const std::string cue = "\n\n00:00:01.000 --> 00:00:02.000\n<v B>Text.</v>\n";
    BOOST_TEST(units_of(read_vtt("WEBVTT" + cue), UnitKind::turn).size() == 1u);
    BOOST_TEST(units_of(read_vtt("WEBVTT - Teams Transkript" + cue), UnitKind::turn).size() == 1u);
    BOOST_TEST(units_of(read_vtt("\xEF\xBB\xBFWEBVTT" + cue), UnitKind::turn).size() == 1u);
    BOOST_TEST(units_of(read_vtt("\n\nWEBVTT" + cue), UnitKind::turn).size() == 1u);
    // A time line right after the header (no blank line) still starts a cue.
    BOOST_TEST(read_vtt("WEBVTT\n00:00:01.000 --> 00:00:02.000\n<v B>Text.</v>\n").text == "B: Text.");
    // No final newline, CR line ends left over.
    BOOST_TEST(read_vtt("WEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.000\r\n<v B>Text.</v>").text == "B: Text.");
}

BOOST_AUTO_TEST_CASE(cue_without_text_is_skipped) {
    const auto d = read_vtt("WEBVTT\n\n"
                       "00:00:01.000 --> 00:00:02.000\n<v B>Eins.</v>\n\n"
                       "leer\n00:00:02.000 --> 00:00:03.000\n\n"
                       "00:00:03.000 --> 00:00:04.000\n<v B></v>\n\n"
                       "00:00:04.000 --> 00:00:05.000\n<v B>Zwei.</v>\n");
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST_REQUIRE(turns.size() == 1u);
    BOOST_TEST(slices_of(d, turns)[0] == "Eins. Zwei.");
    BOOST_TEST(*turns[0].t_end_ms == 5000);
}

BOOST_AUTO_TEST_CASE(time_line_inside_cue_text_starts_the_next_cue) {
    const auto d = read_vtt("WEBVTT\n\n"
                       "00:00:01.000 --> 00:00:02.000\n<v I>Frage?</v>\n"
                       "00:00:02.000 --> 00:00:03.000\n<v B>Antwort.</v>\n");
    BOOST_TEST(d.text == "I: Frage?\n\nB: Antwort.");
}

BOOST_AUTO_TEST_CASE(looks_like_vtt) {
    using ingest::looks_like_vtt;
    BOOST_TEST(looks_like_vtt("WEBVTT\n\n00:01.000 --> 00:02.000\nx\n"));
    BOOST_TEST(looks_like_vtt("\xEF\xBB\xBF  \nWEBVTT - Zoom\n"));
    BOOST_TEST(looks_like_vtt("WEBVTT"));
    BOOST_TEST(!looks_like_vtt("WEBVTTX\n"));
    BOOST_TEST(!looks_like_vtt("1\n00:00:01,000 --> 00:00:02,000\nText\n"));
    BOOST_TEST(!looks_like_vtt("I: WEBVTT\n"));
    BOOST_TEST(!looks_like_vtt(""));
}

BOOST_AUTO_TEST_CASE(error_not_webvtt) {
    for (const std::string text : {"1\n00:00:01,000 --> 00:00:02,000\nText\n", "WEBVTTX\n", "", "webvtt\n"}) {
        const auto e = error_of([&] { read_vtt(text); });
        BOOST_TEST_REQUIRE(e.has_value());
        BOOST_TEST(e->file() == "test.vtt");
        BOOST_TEST(e->line() == 1);
        BOOST_TEST(e->message() == "not a WebVTT file: the first line must be WEBVTT");
    }
}

BOOST_AUTO_TEST_CASE(error_unreadable_time_line) {
    const std::string text = "WEBVTT\n"                           // 1
                             "\n"                                 // 2
                             "a/1-0\n"                            // 3
                             "00:00:58.000 --> 00:01:01.000\n"    // 4
                             "<v I>Gut.</v>\n"                    // 5
                             "\n"                                 // 6
                             "a/2-0\n"                            // 7
                             "00:01:xx.000 --> 00:01:05.000\n"    // 8
                             "<v B>Text.</v>\n";                  // 9
    const auto e = error_of([&] { read_vtt(text); });
    BOOST_TEST_REQUIRE(e.has_value());
    BOOST_TEST(e->file() == "test.vtt");
    BOOST_TEST(e->line() == 8);
    BOOST_TEST(e->message() ==
               "cannot read the cue time '00:01:xx.000 --> 00:01:05.000'; expected hh:mm:ss.mmm --> hh:mm:ss.mmm "
               "(hours optional)");
    BOOST_TEST(std::string(e->what()).starts_with("test.vtt:8: cannot read the cue time"));
}

BOOST_AUTO_TEST_CASE(error_identifier_without_time_line) {
    const auto e = error_of([] { read_vtt("WEBVTT\n\nText ohne Zeit\nmehr Text\n"); });
    BOOST_TEST_REQUIRE(e.has_value());
    BOOST_TEST(e->line() == 4);
    BOOST_TEST(e->message() ==
               "cannot read the cue time 'mehr Text'; expected hh:mm:ss.mmm --> hh:mm:ss.mmm (hours optional) "
               "(the line before, 'Text ohne Zeit', was read as the cue identifier)");
}

BOOST_AUTO_TEST_CASE(error_time_forms) {
    // Each of these time lines is refused, at its line (3).
    for (const std::string line :
         {"00:01:60.000 --> 00:01:05.000", "00:61:00.000 --> 01:00:00.000", "00:00:01.000 -> 00:00:02.000",
          "00:00:01 --> 00:00:02", "00:00:01.0000 --> 00:00:02.000", "00:00:01.000 --> ", "100:00.000 --> 101:00.000",
          "00:00:01.000 --> 00:00:02.000x"}) {
        const auto e = error_of([&] { read_vtt("WEBVTT\n\n" + line + "\nText\n"); });
        BOOST_TEST_REQUIRE(e.has_value(), line);
        BOOST_TEST(e->line() == 3, line);
        BOOST_TEST(e->message().starts_with("cannot read the cue time"), line);
    }
}

BOOST_AUTO_TEST_CASE(error_end_before_start) {
    const auto e = error_of([] { read_vtt("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nA\n\n00:00:05.000 --> 00:00:04.000\nB\n"); });
    BOOST_TEST_REQUIRE(e.has_value());
    BOOST_TEST(e->line() == 6);
    BOOST_TEST(e->message() == "the cue ends at 00:00:04.000, before it starts at 00:00:05.000; correct the time line");
}

BOOST_AUTO_TEST_CASE(error_no_cues) {
    for (const std::string text : {"WEBVTT\n", "WEBVTT\n\nNOTE nur ein Kommentar\n",
                                   "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n\n1\n00:00:02.000 --> 00:00:03.000\n"}) {
        const auto e = error_of([&] { read_vtt(text); });
        BOOST_TEST_REQUIRE(e.has_value());
        BOOST_TEST(e->file() == "test.vtt");
        BOOST_TEST(e->line() == 0);
        BOOST_TEST(e->message().starts_with("no cues found"));
    }
}

BOOST_AUTO_TEST_CASE(error_text_outside_a_cue) {
    const auto e = error_of([] {
        read_vtt("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v B>Eins.</v>\n\nverlorene Zeile\n\n"
            "00:00:03.000 --> 00:00:04.000\nZwei.\n");
    });
    BOOST_TEST_REQUIRE(e.has_value());
    BOOST_TEST(e->line() == 6);
    BOOST_TEST(e->message().starts_with("'verlorene Zeile' is not part of a cue"));
    BOOST_TEST(e->message().find("remove the blank line") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(sample_file) {
    const auto path = std::filesystem::path(QCODE_SOURCE_DIR) / "samples" / "08_teams_jobcenter_weststadt.vtt";
    const auto text = testing::read_file(path);
    BOOST_TEST(ingest::looks_like_vtt(text));
    const auto d = parse_vtt(text, {}, path.string());
    BOOST_TEST_REQUIRE(d.speakers.size() == 2u);
    BOOST_TEST(d.speakers[0].label == "Interviewer");
    BOOST_TEST(to_string(d.speakers[0].role) == "interviewer");
    BOOST_TEST(d.speakers[1].label == "Frau Demir");
    BOOST_TEST(to_string(d.speakers[1].role) == "respondent");
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST(turns.size() == 20u);  // 63 cues merged
    for (std::size_t i = 0; i < turns.size(); ++i) {
        BOOST_TEST(turns[i].speaker == (i % 2 == 0 ? "Interviewer" : "Frau Demir"));
        BOOST_TEST_REQUIRE(turns[i].t_start_ms.has_value());
        BOOST_TEST_REQUIRE(turns[i].t_end_ms.has_value());
        BOOST_TEST(*turns[i].t_start_ms < *turns[i].t_end_ms);
        if (i > 0) BOOST_TEST(*turns[i - 1].t_end_ms <= *turns[i].t_start_ms);
    }
    BOOST_TEST(units_of(d, UnitKind::paragraph).size() == 20u);
    BOOST_TEST(d.text.find('<') == std::string::npos);
    BOOST_TEST(d.text.find("&amp;") == std::string::npos);
    BOOST_TEST(d.text.find("ABH, Jobcenter & Sozialamt") != std::string::npos);
    BOOST_TEST(d.text.find("b3f0c2e1") == std::string::npos);
    BOOST_TEST(slices_of(d, turns)[5].starts_with("Das ist genau der Punkt. Wir haben im Jobcenter keinen eigenen "
                                                  "AZR-Zugang."));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(vtt_captions)

BOOST_AUTO_TEST_CASE(parse_cue_time) {
    using ingest::parse_cue_time;
    BOOST_TEST(parse_cue_time("00:00:01.000").value() == 1000);
    BOOST_TEST(parse_cue_time("01:02:03.456").value() == 3723456);
    BOOST_TEST(parse_cue_time("02:03.456").value() == 123456);
    BOOST_TEST(parse_cue_time("123:00:00.000").value() == 442800000);
    BOOST_TEST(parse_cue_time("00:00:01,250").value() == 1250);
    BOOST_TEST(parse_cue_time("00:00:01.5").value() == 1500);
    BOOST_TEST(parse_cue_time("00:00:01.25").value() == 1250);
    BOOST_TEST(!parse_cue_time("00:00:01"));
    BOOST_TEST(!parse_cue_time("00:60:01.000"));
    BOOST_TEST(!parse_cue_time("1:2:3:4.000"));
    BOOST_TEST(!parse_cue_time("00:00:01.000 "));
    BOOST_TEST(!parse_cue_time("123:00.000"));
    BOOST_TEST(!parse_cue_time(""));
}

BOOST_AUTO_TEST_CASE(parse_timing_line) {
    using ingest::parse_timing_line;
    const auto t = parse_timing_line("00:01.000 --> 00:02.500 align:start position:10%");
    BOOST_TEST_REQUIRE(t.has_value());
    BOOST_TEST(t->start_ms == 1000);
    BOOST_TEST(t->end_ms == 2500);
    BOOST_TEST(parse_timing_line("00:00:01,000 --> 00:00:02,000  X1:100 X2:200 Y1:10 Y2:20").has_value());
    BOOST_TEST(!parse_timing_line("00:00:01,000 00:00:02,000"));
}

BOOST_AUTO_TEST_CASE(format_cue_time) {
    BOOST_TEST(ingest::format_cue_time(3723456) == "01:02:03.456");
    BOOST_TEST(ingest::format_cue_time(5) == "00:00:00.005");
}

BOOST_AUTO_TEST_CASE(decode_entities) {
    using ingest::decode_entities;
    BOOST_TEST(decode_entities("a &amp; b &lt;c&gt; d&nbsp;e&lrm;f&rlm;") == "a & b <c> d ef");
    BOOST_TEST(decode_entities("&#228;&#xDF;&quot;&apos;") == "\xC3\xA4\xC3\x9F\"'");
    BOOST_TEST(decode_entities("AT&T; R&D &unbekannt; &#0; &") == "AT&T; R&D &unbekannt; &#0; &");
}

BOOST_AUTO_TEST_CASE(collapse_space) {
    BOOST_TEST(ingest::collapse_space("  a \t b\xC2\xA0\xC2\xA0" "c  ") == "a b c");
    BOOST_TEST(ingest::collapse_space(" \t ").empty());
}

BOOST_AUTO_TEST_SUITE_END()
