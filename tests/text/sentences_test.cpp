// sentences: ICU sentence breaks (plain "de" locale) plus the project's own
// abbreviation list (DESIGN §2). Abbreviations must not end a sentence;
// real sentence ends after ordinary words must still split — the failure
// mode of ICU's de@ss=standard suppressions.
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <vector>

#include "core/utf8.hpp"
#include "text/sentences.hpp"

using qcode::Span;
using qcode::text::sentences;

namespace qcode {
inline std::ostream& operator<<(std::ostream& os, const Span& s) { return os << '[' << s.start << ',' << s.end << ')'; }
}  // namespace qcode

namespace {

// The sentences of `text` as the strings their spans slice out.
std::vector<std::string> pieces(const std::string& text) {
    const qcode::utf8::Index index(text);
    std::vector<std::string> out;
    for (const auto& s : sentences(text)) out.emplace_back(qcode::utf8::slice(text, index, s.start, s.end));
    return out;
}

using Strings = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(sentences_split)

BOOST_AUTO_TEST_CASE(title_dr_does_not_end_a_sentence) {
    // H e r r _ D r . _ M e i e r _ k o m m t . _ E r _ b l e i b t .
    // 0                                       21 22                 32
    const std::string text = "Herr Dr. Meier kommt. Er bleibt.";
    const std::vector<Span> expected = {{0, 21}, {22, 32}};
    BOOST_TEST(sentences(text) == expected, boost::test_tools::per_element());
    BOOST_TEST(pieces(text) == (Strings{"Herr Dr. Meier kommt.", "Er bleibt."}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(z_b_inside_a_sentence) {
    BOOST_TEST(pieces("Das gilt z. B. f\xC3\xBCr Duldungen. Dann ist es anders.") ==
                   (Strings{"Das gilt z. B. f\xC3\xBCr Duldungen.", "Dann ist es anders."}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(z_b_before_a_capitalised_noun) {
    BOOST_TEST(pieces("Das betrifft z. B. Duldungen. Dann ist es anders.") ==
                   (Strings{"Das betrifft z. B. Duldungen.", "Dann ist es anders."}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(z_b_written_without_space) {
    BOOST_TEST(pieces("Das betrifft z.B. Duldungen. Dann nicht mehr.") ==
                   (Strings{"Das betrifft z.B. Duldungen.", "Dann nicht mehr."}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(other_multi_part_abbreviations_with_a_capital_part) {
    // Like "z. B.": ICU breaks after the first part because the next part
    // starts with a capital letter.
    BOOST_TEST(pieces("Das gilt u. U. f\xC3\xBCr alle. Gut.") == (Strings{"Das gilt u. U. f\xC3\xBCr alle.", "Gut."}),
               boost::test_tools::per_element());
    BOOST_TEST(pieces("Das ist m. E. falsch. Gut.") == (Strings{"Das ist m. E. falsch.", "Gut."}),
               boost::test_tools::per_element());
    BOOST_TEST(pieces("Das geht i. d. R. schnell. Gut.") == (Strings{"Das geht i. d. R. schnell.", "Gut."}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(abbreviation_at_the_start_of_the_text) {
    BOOST_TEST(pieces("Dr. Meier kommt. Gut.") == (Strings{"Dr. Meier kommt.", "Gut."}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(nbsp_inside_multi_part_abbreviations) {
    // Word writes "z. B." with a no-break space (U+00A0, Ctrl+Shift+Space).
    BOOST_TEST(pieces("Das betrifft z.\xC2\xA0" "B. Duldungen. Dann nicht.") ==
                   (Strings{"Das betrifft z.\xC2\xA0" "B. Duldungen.", "Dann nicht."}),
               boost::test_tools::per_element());
    BOOST_TEST(pieces("Das dauert, d.\xC2\xA0h. Antr\xC3\xA4ge bleiben liegen. Dann.") ==
                   (Strings{"Das dauert, d.\xC2\xA0h. Antr\xC3\xA4ge bleiben liegen.", "Dann."}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(narrow_nbsp_inside_z_b) {
    // Typeset German writes "z. B." with a narrow no-break space (U+202F).
    BOOST_TEST(pieces("Das betrifft z.\xE2\x80\xAF" "B. Duldungen. Dann nicht.") ==
                   (Strings{"Das betrifft z.\xE2\x80\xAF" "B. Duldungen.", "Dann nicht."}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(bzw_inside_a_sentence) {
    BOOST_TEST(pieces("Wir fragen bzw. Sie fragen. Das ist so.") ==
                   (Strings{"Wir fragen bzw. Sie fragen.", "Das ist so."}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(d_h_inside_a_sentence) {
    BOOST_TEST(pieces("Das dauert, d. h. Antr\xC3\xA4ge bleiben liegen. Dann kommt Post.") ==
                   (Strings{"Das dauert, d. h. Antr\xC3\xA4ge bleiben liegen.", "Dann kommt Post."}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(u_a_inside_a_sentence) {
    BOOST_TEST(pieces("Das betrifft u. a. Duldungen und Titel. Sonst nichts.") ==
                   (Strings{"Das betrifft u. a. Duldungen und Titel.", "Sonst nichts."}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(abs_before_a_number) {
    BOOST_TEST(pieces("Das steht in Abs. 2 AufenthG. Mehr nicht.") ==
                   (Strings{"Das steht in Abs. 2 AufenthG.", "Mehr nicht."}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(nr_before_a_number) {
    BOOST_TEST(pieces("Das ist Nr. 5 auf der Liste. Dann folgt Nr. 6 Absatz drei.") ==
                   (Strings{"Das ist Nr. 5 auf der Liste.", "Dann folgt Nr. 6 Absatz drei."}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(ggf_before_a_capitalised_word) {
    BOOST_TEST(pieces("Wir pr\xC3\xBC" "fen ggf. Die Unterlagen noch einmal. Dann entscheiden wir.") ==
                   (Strings{"Wir pr\xC3\xBC" "fen ggf. Die Unterlagen noch einmal.", "Dann entscheiden wir."}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(ca_before_a_number) {
    BOOST_TEST(pieces("Das sind ca. 300 F\xC3\xA4lle im Jahr. Also viele.") ==
                   (Strings{"Das sind ca. 300 F\xC3\xA4lle im Jahr.", "Also viele."}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(prof_dr_chain) {
    BOOST_TEST(pieces("Das sagt Prof. Dr. M\xC3\xBCller. Er hat recht.") ==
                   (Strings{"Das sagt Prof. Dr. M\xC3\xBCller.", "Er hat recht."}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(real_end_after_short_ordinary_word) {
    // ICU's de@ss=standard suppresses the break after "er." — a real end.
    BOOST_TEST(pieces("Dann ging er. Das ist gut.") == (Strings{"Dann ging er.", "Das ist gut."}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(real_end_after_ab) {
    BOOST_TEST(pieces("Wir arbeiten t\xC3\xA4glich ab. Die Akten liegen hier.") ==
                   (Strings{"Wir arbeiten t\xC3\xA4glich ab.", "Die Akten liegen hier."}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(real_end_after_the_noun_art) {
    // "Art" is an ordinary German noun ("eine Art"); "Art." only abbreviates
    // "Artikel" before a number ("Art. 3 GG").
    BOOST_TEST(pieces("Das ist so eine Art. Die Kollegen sehen das anders.") ==
                   (Strings{"Das ist so eine Art.", "Die Kollegen sehen das anders."}),
               boost::test_tools::per_element());
    BOOST_TEST(pieces("Das regelt Art. 3 GG. Mehr nicht.") == (Strings{"Das regelt Art. 3 GG.", "Mehr nicht."}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(abbreviation_must_start_a_word) {
    // "XNr." ends in "Nr." but is not the abbreviation.
    BOOST_TEST(pieces("Das ist Typ XNr. Dann folgt mehr.") == (Strings{"Das ist Typ XNr.", "Dann folgt mehr."}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(ordinal_before_month) {
    BOOST_TEST(pieces("Das war am 1. M\xC3\xA4rz so. Danach kam nichts.") ==
                   (Strings{"Das war am 1. M\xC3\xA4rz so.", "Danach kam nichts."}),
               boost::test_tools::per_element());
    BOOST_TEST(pieces("Seit dem 31. Dezember gilt das. Vorher nicht.") ==
                   (Strings{"Seit dem 31. Dezember gilt das.", "Vorher nicht."}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(number_before_an_ordinary_word_still_ends) {
    BOOST_TEST(pieces("Es waren insgesamt 12. Dann kam die Pause.") ==
                   (Strings{"Es waren insgesamt 12.", "Dann kam die Pause."}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(question_and_exclamation_marks) {
    BOOST_TEST(pieces("Kommt er? Ja! Gut.") == (Strings{"Kommt er?", "Ja!", "Gut."}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(text_without_final_punctuation) {
    const std::vector<Span> expected = {{0, 11}};
    BOOST_TEST(sentences("Ohne Punkte") == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(sentences_spans)

BOOST_AUTO_TEST_CASE(spans_are_trimmed) {
    // _ _ E r s t e r _ S a t z . _ _ _ Z w e i t e r _ S a t z . _ _
    // 0 1 2                     14       17                      30   32
    const std::string text = "  Erster Satz.   Zweiter Satz.  ";
    const std::vector<Span> expected = {{2, 14}, {17, 30}};
    BOOST_TEST(sentences(text) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(base_offset_is_added) {
    const std::vector<Span> expected = {{50, 53}, {54, 59}};
    BOOST_TEST(sentences("Ja. Nein.", 50) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(umlaut_spans_are_code_points) {
    // Ä h . _ Ö f t e r .   (bytes: Ä and Ö take two each)
    // 0     3 4         10
    const std::vector<Span> expected = {{0, 3}, {4, 10}};
    BOOST_TEST(sentences("\xC3\x84h. \xC3\x96" "fter.") == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(nbsp_between_sentences_is_trimmed) {
    // "Das ist gut." NBSP "Dann geht es." — the NBSP (one code point) belongs to neither.
    const std::string text = "Das ist gut.\xC2\xA0" "Dann geht es.";
    const std::vector<Span> expected = {{0, 12}, {13, 26}};
    BOOST_TEST(sentences(text) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(leading_and_trailing_nbsp_are_trimmed) {
    // NBSP NBSP "Text." NBSP ␠
    const std::string text = "\xC2\xA0\xC2\xA0Text.\xC2\xA0 ";
    const std::vector<Span> expected = {{2, 7}};
    BOOST_TEST(sentences(text) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(nbsp_inside_an_abbreviation) {
    // Word processors write "Nr. 5" with a no-break space; no split.
    BOOST_TEST(pieces("Das steht in Nr.\xC2\xA0" "5 der Liste. Dann mehr.") ==
                   (Strings{"Das steht in Nr.\xC2\xA0" "5 der Liste.", "Dann mehr."}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(empty_and_blank_input) {
    BOOST_TEST(sentences("").empty());
    BOOST_TEST(sentences("   ").empty());
    BOOST_TEST(sentences("\xC2\xA0").empty());
    BOOST_TEST(sentences(" \t\xC2\xA0 ", 10).empty());
}

BOOST_AUTO_TEST_CASE(every_span_is_a_trimmed_nonempty_slice) {
    const std::string text =
        "  Wie oft nutzen Sie bzw. Ihre Kolleginnen das AZR?  Eigentlich st\xC3\xA4ndig. "
        "Das geht u. a. aus dem Fachverfahren heraus, d. h. man muss nicht wechseln.\xC2\xA0 Gut! ";
    const qcode::utf8::Index index(text);
    const auto spans = sentences(text);
    BOOST_TEST(spans.size() == 4u);
    std::uint32_t previous_end = 0;
    for (const auto& s : spans) {
        BOOST_TEST(s.start < s.end);
        BOOST_TEST(s.start >= previous_end);
        previous_end = s.end;
        const auto piece = std::string(qcode::utf8::slice(text, index, s.start, s.end));
        BOOST_TEST(piece.front() != ' ');
        BOOST_TEST(piece.back() != ' ');
        BOOST_TEST(piece.rfind("\xC2\xA0") != piece.size() - 2);
        BOOST_TEST(piece.find("\xC2\xA0") != 0u);
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(abbreviation_check)

BOOST_AUTO_TEST_CASE(known_abbreviations) {
    using qcode::text::ends_with_abbreviation;
    BOOST_TEST(ends_with_abbreviation("Das gilt bzw."));
    BOOST_TEST(ends_with_abbreviation("Herr Dr. "));
    BOOST_TEST(ends_with_abbreviation("Dr."));
    BOOST_TEST(ends_with_abbreviation("das gilt z. B."));
    BOOST_TEST(ends_with_abbreviation("das gilt z.B."));
    BOOST_TEST(ends_with_abbreviation("Das ist, d. h."));
    BOOST_TEST(ends_with_abbreviation("Das ist u. a. "));
    BOOST_TEST(!ends_with_abbreviation("Dann ging er."));
    BOOST_TEST(!ends_with_abbreviation("Wir arbeiten ab."));
    BOOST_TEST(!ends_with_abbreviation("Typ XNr."));
    BOOST_TEST(!ends_with_abbreviation("Kommt er?"));
    BOOST_TEST(!ends_with_abbreviation(""));
}

BOOST_AUTO_TEST_SUITE_END()
