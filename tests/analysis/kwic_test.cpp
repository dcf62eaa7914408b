// qcode kwic: where a pattern matches, before anyone codes with it.
#include <boost/test/unit_test.hpp>

#include "analysis/kwic.hpp"
#include "core/error.hpp"
#include "analysis_fixture.hpp"

using namespace qcode;
using namespace qcode::analysis_test;

namespace tt = boost::test_tools;

namespace {

analysis::KwicOptions pattern(std::string p) {
    analysis::KwicOptions o;
    o.pattern = std::move(p);
    return o;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(kwic)

BOOST_AUTO_TEST_CASE(words_globs_and_phrases_with_their_context) {
    Project p;
    const auto t = analysis::kwic_table(p.store, {}, pattern("AAAA"));
    BOOST_TEST(column_names(t) == (Strings{"document", "speaker", "role", "left", "keyword", "right", "start", "end"}),
               tt::per_element());
    BOOST_REQUIRE(t.rows.size() == 2u);
    BOOST_TEST(text_at(t, 0, "document") == "d1");
    BOOST_TEST(text_at(t, 0, "speaker") == "B");
    BOOST_TEST(text_at(t, 0, "role") == "respondent");
    BOOST_TEST(text_at(t, 0, "left") == "");
    BOOST_TEST(text_at(t, 0, "keyword") == "Aaaa");
    BOOST_TEST(text_at(t, 0, "right") == "aaaa. Bbbb bbbb. Cccc cccc.");  // the turn's paragraphs on one line
    BOOST_TEST(int_at(t, 1, "start") == 8);
    BOOST_TEST(int_at(t, 1, "end") == 12);
    BOOST_TEST(text_at(t, 1, "left") == "Aaaa");

    const auto phrase = analysis::kwic_table(p.store, {}, pattern("\"bbbb cccc\""));
    BOOST_REQUIRE(phrase.rows.size() == 1u);
    BOOST_TEST(text_at(phrase, 0, "keyword") == "bbbb. Cccc");  // the match's own text, line break as space
    BOOST_TEST(analysis::kwic_table(p.store, {}, pattern("\"bbbb * cccc\"")).rows.size() == 2u);  // [14,29) and [19,34)
    BOOST_TEST(analysis::kwic_table(p.store, {}, pattern("*ee*")).rows.size() == 2u);
    BOOST_TEST(analysis::kwic_table(p.store, {}, pattern("f?ff")).rows.size() == 2u);
    // A phrase never spans two turns, and speaker labels are no words of the text.
    BOOST_TEST(analysis::kwic_table(p.store, {}, pattern("\"cccc dddd\"")).rows.empty());
    BOOST_TEST(analysis::kwic_table(p.store, {}, pattern("\"cccc i\"")).rows.empty());
}

BOOST_AUTO_TEST_CASE(filters_documents_speakers_and_roles) {
    Project p;
    BOOST_TEST(text_at(analysis::kwic_table(p.store, {}, pattern("dddd")), 0, "role") == "interviewer");
    store::CodingFilter f;
    f.roles = {Role::respondent};
    BOOST_TEST(analysis::kwic_table(p.store, f, pattern("dddd")).rows.empty());
    auto o = pattern("d*");
    o.speakers = {"I"};
    BOOST_TEST(analysis::kwic_table(p.store, {}, o).rows.size() == 1u);
    f = {};
    f.documents = {"d3"};
    const auto t = analysis::kwic_table(p.store, f, pattern("*f*"));
    BOOST_TEST(t.rows.size() == 2u);
    BOOST_TEST(text_at(t, 1, "keyword") == "ffff");
    f.documents = {"d9"};
    BOOST_CHECK_THROW(analysis::kwic_table(p.store, f, pattern("*f*")), Error);
}

BOOST_AUTO_TEST_CASE(long_context_is_cut_at_word_boundaries) {
    Project p;
    ingest::import_files(p.store, {p.dir.write("lang.txt",
                                               "B: Eins zwei drei vier fünf sechs sieben acht neun zehn Schnittstelle "
                                               "elf zwölf dreizehn vierzehn fünfzehn sechzehn siebzehn.\n")},
                         {});
    auto o = pattern("schnittstelle*");
    o.window = 20;
    const auto t = analysis::kwic_table(p.store, {}, o);
    BOOST_REQUIRE(t.rows.size() == 1u);
    BOOST_TEST(text_at(t, 0, "left") == "…acht neun zehn");
    BOOST_TEST(text_at(t, 0, "keyword") == "Schnittstelle");
    BOOST_TEST(text_at(t, 0, "right") == "elf zwölf dreizehn…");
}

BOOST_AUTO_TEST_CASE(folds_beyond_case_match_as_a_code_with_that_fold) {
    Project p;
    ingest::import_files(p.store, {p.dir.write("fold.txt",
                                               "B: Die Ausländerbehörde antwortet nicht. Die Behorde schon. "
                                               "Zwei Schnittstellen fehlen.\n")},
                         {});
    auto with = [](std::string pat, bool diacritics, bool umlauts, bool stem) {
        auto o = pattern(std::move(pat));
        o.fold = text::FoldOptions{diacritics, umlauts, stem};
        return o;
    };
    // Case folding only: the transliterated spelling is another word.
    BOOST_TEST(analysis::kwic_table(p.store, {}, pattern("auslaender*")).rows.empty());
    const auto umlauts = analysis::kwic_table(p.store, {}, with("auslaender*", false, true, false));
    BOOST_REQUIRE(umlauts.rows.size() == 1u);
    BOOST_TEST(text_at(umlauts, 0, "keyword") == "Ausländerbehörde");
    BOOST_TEST(text_at(umlauts, 0, "left") == "Die");
    BOOST_TEST(umlauts.title == "KWIC auslaender* (fold: case, umlauts)");
    BOOST_TEST(analysis::kwic_table(p.store, {}, pattern("auslaender*")).title == "KWIC auslaender*");
    // The pattern is folded too: ä written in it matches ae in the text and back.
    BOOST_TEST(analysis::kwic_table(p.store, {}, with("*behoerde", false, true, false)).rows.size() == 1u);
    // diacritics: Behörde = Behorde, both places.
    BOOST_TEST(analysis::kwic_table(p.store, {}, pattern("behörde")).rows.empty());
    const auto marks = analysis::kwic_table(p.store, {}, with("behörde", true, false, false));
    BOOST_REQUIRE(marks.rows.size() == 1u);
    BOOST_TEST(text_at(marks, 0, "keyword") == "Behorde");
    BOOST_TEST(analysis::kwic_table(p.store, {}, with("*behorde", true, false, false)).rows.size() == 2u);
    // stem: an exact word finds the other forms of its stem.
    BOOST_TEST(analysis::kwic_table(p.store, {}, pattern("schnittstelle")).rows.empty());
    const auto stem = analysis::kwic_table(p.store, {}, with("schnittstelle", false, false, true));
    BOOST_REQUIRE(stem.rows.size() == 1u);
    BOOST_TEST(text_at(stem, 0, "keyword") == "Schnittstellen");
}

BOOST_AUTO_TEST_CASE(a_pattern_that_does_not_parse_says_why) {
    Project p;
    try {
        analysis::kwic_table(p.store, {}, pattern("\"offen"));
        BOOST_FAIL("no error");
    } catch (const Error& e) {
        BOOST_TEST(std::string(e.what()).starts_with("pattern '\"offen': unbalanced double quote"), e.what());
    }
}

BOOST_AUTO_TEST_SUITE_END()
