// Speaker labels at line start (DESIGN §3): "I:", "B1:", "IP 2:",
// "Interviewer:", "Frau M.:", "Name (Partei):".
#include <boost/test/unit_test.hpp>

#include <string>

#include "ingest/speaker_label.hpp"

using qcode::ingest::match_label;

BOOST_AUTO_TEST_SUITE(speaker_labels)

BOOST_AUTO_TEST_CASE(short_codes_are_certain) {
    auto m = match_label("I: Wie geht es?");
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST(m->label == "I");
    BOOST_TEST(m->prefix_bytes == 3u);
    BOOST_TEST(m->certain);

    m = match_label("B1: Gut.");
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST(m->label == "B1");
    BOOST_TEST(m->prefix_bytes == 4u);
    BOOST_TEST(m->certain);

    m = match_label("IP 2: Ja.");
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST(m->label == "IP 2");
    BOOST_TEST(m->prefix_bytes == 6u);
    BOOST_TEST(m->certain);

    m = match_label("TN3:   Mehrere Leerzeichen");
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST(m->label == "TN3");
    BOOST_TEST(m->prefix_bytes == 7u);
    BOOST_TEST(m->certain);
}

BOOST_AUTO_TEST_CASE(label_alone_or_with_tab) {
    auto m = match_label("I:");
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST(m->label == "I");
    BOOST_TEST(m->prefix_bytes == 2u);
    m = match_label("B:\tText");
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST(m->label == "B");
    BOOST_TEST(m->prefix_bytes == 3u);
}

BOOST_AUTO_TEST_CASE(role_words_are_certain) {
    auto m = match_label("Interviewer: Erste Frage.");
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST(m->label == "Interviewer");
    BOOST_TEST(m->prefix_bytes == 13u);
    BOOST_TEST(m->certain);
    m = match_label("Moderation: Willkommen.");
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST(m->certain);
    m = match_label("Befragte 2: Ja.");
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST(m->label == "Befragte 2");
    BOOST_TEST(m->certain);
}

BOOST_AUTO_TEST_CASE(role_word_starting_a_header_is_not_certain) {
    const auto m = match_label("Befragte Person: stellvertretende Teamleitung");
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST(m->label == "Befragte Person");
    BOOST_TEST(!m->certain);
}

BOOST_AUTO_TEST_CASE(name_with_initial) {
    const auto m = match_label("Frau M.: Das stimmt.");
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST(m->label == "Frau M.");
    BOOST_TEST(m->prefix_bytes == 9u);
}

BOOST_AUTO_TEST_CASE(name_with_party_is_certain) {
    // "Gabriele Katzmarek (SPD)" is 24 bytes; colon at 24, space, text at 26.
    const auto m = match_label("Gabriele Katzmarek (SPD): Vielen Dank.");
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST(m->label == "Gabriele Katzmarek (SPD)");
    BOOST_TEST(m->prefix_bytes == 26u);
    BOOST_TEST(m->certain);
    const auto g = match_label("Dr. Anton Hofreiter (B\xC3\x9CNDNIS 90/DIE GR\xC3\x9CNEN): Ja.");
    BOOST_TEST_REQUIRE(g.has_value());
    BOOST_TEST(g->label == "Dr. Anton Hofreiter (B\xC3\x9CNDNIS 90/DIE GR\xC3\x9CNEN)");
    BOOST_TEST(g->certain);
}

BOOST_AUTO_TEST_CASE(chair_with_title_is_an_uncertain_label) {
    // "Alterspräsident Dr. Wolfgang Schäuble" is 39 bytes (ä twice 2 bytes).
    const auto m = match_label("Alterspr\xC3\xA4sident Dr. Wolfgang Sch\xC3\xA4uble: Ich er\xC3\xB6" "ffne die Sitzung.");
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST(m->label == "Alterspr\xC3\xA4sident Dr. Wolfgang Sch\xC3\xA4uble");
    BOOST_TEST(m->prefix_bytes == 41u);
    BOOST_TEST(!m->certain);
}

BOOST_AUTO_TEST_CASE(capitalised_words_are_uncertain) {
    const auto m = match_label("Das Problem: Es gibt keine Schnittstelle.");
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST(m->label == "Das Problem");
    BOOST_TEST(!m->certain);
    const auto d = match_label("Datum: 14.03.2025, Dauer: 12 Minuten");
    BOOST_TEST_REQUIRE(d.has_value());
    BOOST_TEST(d->label == "Datum");
    BOOST_TEST(!d->certain);
}

BOOST_AUTO_TEST_CASE(rejected_lines) {
    BOOST_TEST(!match_label("10:30 Uhr ging es los.").has_value());
    BOOST_TEST(!match_label("https://x").has_value());
    BOOST_TEST(!match_label("Siehe https://example.org/a").has_value());
    BOOST_TEST(!match_label("Das ist so: klar").has_value());          // lowercase words
    BOOST_TEST(!match_label("Er sagte: Nein.").has_value());
    BOOST_TEST(!match_label("Kein Doppelpunkt hier").has_value());
    BOOST_TEST(!match_label("").has_value());
    BOOST_TEST(!match_label(": nichts davor").has_value());
    BOOST_TEST(!match_label(" I: eingerückt").has_value());
    BOOST_TEST(!match_label("Hinweis, bitte: so").has_value());        // comma
    BOOST_TEST(!match_label("Wirklich? Ja: so").has_value());          // question mark
    BOOST_TEST(!match_label("Eins Zwei Drei Vier F\xC3\xBCnf Sechs Sieben: zu viele Wörter").has_value());
}

BOOST_AUTO_TEST_CASE(label_length_limit_is_60_bytes) {
    // Six capitalised words: 10 + 5·9 letters + 5 spaces = 60 bytes.
    const std::string sixty = "Aaaaaaaaaa Bbbbbbbbb Ccccccccc Ddddddddd Eeeeeeeee Fffffffff";
    BOOST_TEST_REQUIRE(sixty.size() == 60u);
    const auto ok = match_label(sixty + ": Text");
    BOOST_TEST_REQUIRE(ok.has_value());
    BOOST_TEST(ok->label == sixty);
    const std::string sixty_one = "Aaaaaaaaaaa Bbbbbbbbb Ccccccccc Ddddddddd Eeeeeeeee Fffffffff";
    BOOST_TEST_REQUIRE(sixty_one.size() == 61u);
    BOOST_TEST(!match_label(sixty_one + ": Text").has_value());
    BOOST_TEST(!match_label(std::string(80, 'A') + ": Text").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
