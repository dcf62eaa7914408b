// parse_srt: SubRip captions (Zoom and converters) with "Name: text"
// prefixes; consecutive cues of one speaker merge into one turn (DESIGN §3).
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "ingest/caption_fixture.hpp"
#include "ingest/ingest_fixture.hpp"
#include "ingest/roles.hpp"
#include "ingest/srt.hpp"
#include "support/temp_dir.hpp"

using namespace qcode;
using namespace qcode::ingest_test;
using qcode::ingest::parse_srt;
using qcode::ingest::TranscriptOptions;

namespace {

Document read_srt(const std::string& text, const TranscriptOptions& options = {}) {
    return parse_srt(text, options, "test.srt");
}

// Zoom style: the name before the text, lines wrapped; <i>, <b>, <font>
// and an {\an8} override; a nameless continuation cue; one time line
// with "." instead of ",".
const std::string kZoom =
    "1\n"
    "00:00:01,000 --> 00:00:03,000\n"
    "Interviewer: Welches Fachverfahren\n"
    "nutzen Sie?\n"
    "\n"
    "2\n"
    "00:00:03,500 --> 00:00:06,000\n"
    "Herr Yilmaz: <i>Ein</i> Fachverfahren mit\n"
    "<font color=\"#ffff00\">XAusl\xC3\xA4nder</font>-Anbindung.\n"
    "\n"
    "3\n"
    "00:00:06,000 --> 00:00:08,250\n"
    "{\\an8}Nach jedem Update\n"
    "\n"
    "4\n"
    "00:00:08.300 --> 00:00:10.000\n"
    "Herr Yilmaz: <B>hakt</B> es.\n"
    "\n"
    "5\n"
    "00:00:10,500 --> 00:00:11,000\n"
    "Interviewer: Danke.\n";

// "Interviewer: " and "Herr Yilmaz: " are 13 code points each:
//   [13,46) [61,131) [146,152)
const std::string kZoomStored =
    "Interviewer: Welches Fachverfahren nutzen Sie?\n"
    "\n"
    "Herr Yilmaz: Ein Fachverfahren mit XAusl\xC3\xA4nder-Anbindung. Nach jedem Update hakt es.\n"
    "\n"
    "Interviewer: Danke.";

}  // namespace

BOOST_AUTO_TEST_SUITE(srt)

BOOST_AUTO_TEST_CASE(zoom_stored_text) {
    const auto d = read_srt(kZoom);
    BOOST_TEST(d.text == kZoomStored);
    BOOST_TEST(utf8::length(d.text) == 152u);
}

BOOST_AUTO_TEST_CASE(zoom_speakers_and_roles) {
    const auto d = read_srt(kZoom);
    BOOST_TEST_REQUIRE(d.speakers.size() == 2u);
    BOOST_TEST(d.speakers[0].label == "Interviewer");
    BOOST_TEST(to_string(d.speakers[0].role) == "interviewer");
    BOOST_TEST(d.speakers[1].label == "Herr Yilmaz");
    BOOST_TEST(to_string(d.speakers[1].role) == "respondent");
}

BOOST_AUTO_TEST_CASE(zoom_cues_merge_into_turns) {
    const auto d = read_srt(kZoom);
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST_REQUIRE(turns.size() == 3u);
    const std::vector<Span> spans = {{13, 46}, {61, 131}, {146, 152}};
    BOOST_TEST(spans_of(turns) == spans, boost::test_tools::per_element());
    const Strings texts = {"Welches Fachverfahren nutzen Sie?",
                           "Ein Fachverfahren mit XAusländer-Anbindung. Nach jedem Update hakt es.", "Danke."};
    BOOST_TEST(slices_of(d, turns) == texts, boost::test_tools::per_element());
    const Strings speakers = {"Interviewer", "Herr Yilmaz", "Interviewer"};
    BOOST_TEST(speakers_of(turns) == speakers, boost::test_tools::per_element());
    const Times starts = {1000, 3500, 10500}, ends = {3000, 10000, 11000};
    BOOST_TEST(starts_of(turns) == starts, boost::test_tools::per_element());
    BOOST_TEST(ends_of(turns) == ends, boost::test_tools::per_element());
    // One paragraph per turn; the sentence "Nach jedem Update hakt es." spans two cues.
    BOOST_TEST(spans_of(units_of(d, UnitKind::paragraph)) == spans, boost::test_tools::per_element());
    const Strings sentences = {"Welches Fachverfahren nutzen Sie?", "Ein Fachverfahren mit XAusländer-Anbindung.",
                               "Nach jedem Update hakt es.", "Danke."};
    BOOST_TEST(slices_of(d, units_of(d, UnitKind::sentence)) == sentences, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(only_known_tags_are_stripped) {
    const auto d = read_srt("1\n00:00:01,000 --> 00:00:02,000\n"
                       "<u>Wenn</u> 3 < 5 und <Name> bleibt, <s>weg</s> &amp; gut\n");
    BOOST_TEST(d.text == "Wenn 3 < 5 und <Name> bleibt, weg & gut");
}

BOOST_AUTO_TEST_CASE(without_any_speaker_every_cue_is_a_turn) {
    const auto d = read_srt("1\n00:00:01,000 --> 00:00:02,000\nWir haben keinen\n\n"
                       "2\n00:00:02,000 --> 00:00:03,500\nAZR-Zugang.\n");
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
}

BOOST_AUTO_TEST_CASE(hours_optional_and_dot_separator) {
    const auto d = read_srt("1\n01:02.500 --> 01:04.000\nText.\n\n2\n1:00:00.000 --> 1:00:01.000\nMehr.\n");
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST_REQUIRE(turns.size() == 2u);
    const Times starts = {62500, 3600000}, ends = {64000, 3601000};
    BOOST_TEST(starts_of(turns) == starts, boost::test_tools::per_element());
    BOOST_TEST(ends_of(turns) == ends, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(missing_blank_lines_and_numbers_are_tolerated) {
    const auto d = read_srt("1\n00:00:01,000 --> 00:00:02,000\nInterviewer: Frage?\n"
                       "2\n00:00:02,000 --> 00:00:03,000\nHerr Yilmaz: Antwort,\n"
                       "00:00:03,000 --> 00:00:04,000\nHerr Yilmaz: zweiter Teil.\n");
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST_REQUIRE(turns.size() == 2u);
    const Strings texts = {"Frage?", "Antwort, zweiter Teil."};
    BOOST_TEST(slices_of(d, turns) == texts, boost::test_tools::per_element());
    const Times starts = {1000, 2000}, ends = {2000, 4000};
    BOOST_TEST(starts_of(turns) == starts, boost::test_tools::per_element());
    BOOST_TEST(ends_of(turns) == ends, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(bom_crlf_trailing_settings_and_empty_cues) {
    const auto d = read_srt("\xEF\xBB\xBF\r\n1\r\n00:00:01,000 --> 00:00:02,000 X1:40 X2:600 Y1:20 Y2:50\r\n"
                       "Interviewer: Hallo.\r\n\r\n2\r\n00:00:02,000 --> 00:00:03,000\r\n\r\n"
                       "3\r\n00:00:03,000 --> 00:00:04,000\r\n<i></i>\r\n\r\n"
                       "4\r\n00:00:04,000 --> 00:00:05,000\r\nInterviewer: Noch da?");
    BOOST_TEST(d.text == "Interviewer: Hallo. Noch da?");
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST_REQUIRE(turns.size() == 1u);
    BOOST_TEST(*turns[0].t_start_ms == 1000);
    BOOST_TEST(*turns[0].t_end_ms == 5000);
}

BOOST_AUTO_TEST_CASE(looks_like_srt) {
    using ingest::looks_like_srt;
    BOOST_TEST(looks_like_srt("1\n00:00:01,000 --> 00:00:02,000\nText\n"));
    BOOST_TEST(looks_like_srt("\xEF\xBB\xBF\n\n 12 \n00:00:01,000 --> 00:00:02,000\n"));
    BOOST_TEST(!looks_like_srt("WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nText\n"));
    BOOST_TEST(!looks_like_srt("1\nText\n"));
    BOOST_TEST(!looks_like_srt("1. Frage\n00:00:01,000 --> 00:00:02,000\n"));
    BOOST_TEST(!looks_like_srt("I: Hallo\nB: Hallo\n"));
    BOOST_TEST(!looks_like_srt("1\n"));
    BOOST_TEST(!looks_like_srt(""));
}

BOOST_AUTO_TEST_CASE(error_unreadable_time_line) {
    const std::string text = "1\n"                                // 1
                             "00:00:58,000 --> 00:01:01,000\n"    // 2
                             "Gut.\n"                             // 3
                             "\n"                                 // 4
                             "2\n"                                // 5
                             "00:01:xx,000 --> 00:01:05,000\n"    // 6
                             "Text.\n";                           // 7
    const auto e = error_of([&] { read_srt(text); });
    BOOST_TEST_REQUIRE(e.has_value());
    BOOST_TEST(e->file() == "test.srt");
    BOOST_TEST(e->line() == 6);
    BOOST_TEST(e->message() ==
               "cannot read the cue time '00:01:xx,000 --> 00:01:05,000'; expected hh:mm:ss,mmm --> hh:mm:ss,mmm");
    BOOST_TEST(std::string(e->what()).starts_with("test.srt:6: "));
}

BOOST_AUTO_TEST_CASE(error_text_where_the_time_line_belongs) {
    const auto e = error_of([] { read_srt("1\nHallo\n"); });
    BOOST_TEST_REQUIRE(e.has_value());
    BOOST_TEST(e->line() == 2);
    BOOST_TEST(e->message().starts_with("cannot read the cue time 'Hallo'"));
}

BOOST_AUTO_TEST_CASE(error_time_line_without_number_that_cannot_be_read) {
    const auto e = error_of([] { read_srt("1\n00:00:01,000 --> 00:00:02,000\nA\n\n00:00:03,000 - 00:00:04,000\nB\n"); });
    BOOST_TEST_REQUIRE(e.has_value());
    BOOST_TEST(e->line() == 5);
    BOOST_TEST(e->message().starts_with("cannot read the cue time '00:00:03,000 - 00:00:04,000'"));
}

BOOST_AUTO_TEST_CASE(error_end_before_start) {
    const auto e = error_of([] { read_srt("1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n00:00:05,000 --> 00:00:04,999\nB\n"); });
    BOOST_TEST_REQUIRE(e.has_value());
    BOOST_TEST(e->line() == 6);
    BOOST_TEST(e->message() == "the cue ends at 00:00:04.999, before it starts at 00:00:05.000; correct the time line");
}

BOOST_AUTO_TEST_CASE(error_number_without_time_line) {
    const auto e = error_of([] { read_srt("1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n\n3\n00:00:03,000 --> 00:00:04,000\nB\n"); });
    BOOST_TEST_REQUIRE(e.has_value());
    BOOST_TEST(e->line() == 5);
    BOOST_TEST(e->message() ==
               "cue 2 has no time line; expected hh:mm:ss,mmm --> hh:mm:ss,mmm on the line after the cue number");
}

BOOST_AUTO_TEST_CASE(error_text_where_a_number_belongs) {
    const auto e = error_of([] { read_srt("1\n00:00:01,000 --> 00:00:02,000\nA\n\nverlorene Zeile\n\n2\n00:00:03,000 --> 00:00:04,000\nB\n"); });
    BOOST_TEST_REQUIRE(e.has_value());
    BOOST_TEST(e->line() == 5);
    BOOST_TEST(e->message().starts_with("expected a cue number, found 'verlorene Zeile'"));
    BOOST_TEST(e->message().find("remove the blank line") != std::string::npos);
    // A long line is cut in the message.
    const auto long_line = std::string(100, 'x');
    const auto e2 = error_of([&] { read_srt(long_line + "\n"); });
    BOOST_TEST_REQUIRE(e2.has_value());
    BOOST_TEST(e2->line() == 1);
    BOOST_TEST(e2->message().find(std::string(60, 'x') + "\xE2\x80\xA6'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(error_no_cues) {
    for (const std::string text : {"", "\n\n", "1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:02,000 --> 00:00:03,000\n"}) {
        const auto e = error_of([&] { read_srt(text); });
        BOOST_TEST_REQUIRE(e.has_value());
        BOOST_TEST(e->file() == "test.srt");
        BOOST_TEST(e->line() == 0);
        BOOST_TEST(e->message().starts_with("no cues found"));
    }
}

BOOST_AUTO_TEST_CASE(sample_file) {
    const auto path = std::filesystem::path(QCODE_SOURCE_DIR) / "samples" / "09_zoom_abh_nordheim.srt";
    const auto text = testing::read_file(path);
    BOOST_TEST(ingest::looks_like_srt(text));
    const auto d = parse_srt(text, {}, path.string());
    BOOST_TEST_REQUIRE(d.speakers.size() == 2u);
    BOOST_TEST(d.speakers[0].label == "Interviewer");
    BOOST_TEST(to_string(d.speakers[0].role) == "interviewer");
    BOOST_TEST(d.speakers[1].label == "Herr Yilmaz");
    BOOST_TEST(to_string(d.speakers[1].role) == "respondent");
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST(turns.size() == 16u);  // 49 cues merged
    for (std::size_t i = 0; i < turns.size(); ++i) {
        BOOST_TEST(turns[i].speaker == (i % 2 == 0 ? "Interviewer" : "Herr Yilmaz"));
        BOOST_TEST_REQUIRE(turns[i].t_start_ms.has_value());
        BOOST_TEST_REQUIRE(turns[i].t_end_ms.has_value());
        BOOST_TEST(*turns[i].t_start_ms < *turns[i].t_end_ms);
        if (i > 0) BOOST_TEST(*turns[i - 1].t_end_ms <= *turns[i].t_start_ms);
    }
    // Nameless continuation cues stay in Herr Yilmaz's turn.
    BOOST_TEST(slices_of(d, turns)[3].find("Herstellers, das nutzen im Land fast alle Ausländerbehörden. Über "
                                           "XAusländer ist das an das AZR angebunden, d. h. die Anfragen") !=
               std::string::npos);
    BOOST_TEST(d.text.find("Herr Yilmaz: Herr Yilmaz") == std::string::npos);
    BOOST_TEST(d.text.find(" Herr Yilmaz:") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
