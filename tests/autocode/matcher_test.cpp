// The compiled codebook (DESIGN §4): every word-glob kind on folded tokens,
// phrases, case folding, exclude patterns, which rule is reported, and
// correctness of the first-word index with thousands of patterns.
#include <boost/test/unit_test.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "autocode/matcher.hpp"
#include "autocode_fixture.hpp"
#include "codebook/codebook.hpp"
#include "text/tokenize.hpp"

using namespace qcode;
using qcode::autocode_test::CodeSpec;
using qcode::autocode_test::make_codebook;
using qcode::autocode_test::match_text;
using qcode::autocode_test::matches;

BOOST_AUTO_TEST_SUITE(matcher_globs)

BOOST_AUTO_TEST_CASE(exact_word_matches_the_whole_token_only) {
    BOOST_TEST(matches("amt", "Das Amt meldet sich."));
    BOOST_TEST(matches("amt", "AMT"));
    BOOST_TEST(!matches("amt", "Die Amtsleitung meldet sich."));  // prefix of a longer word
    BOOST_TEST(!matches("amt", "Das Landratsamt meldet sich."));  // suffix of a longer word
    BOOST_TEST(!matches("amt", "Ein Beamter meldet sich."));      // inside a longer word
    BOOST_TEST(!matches("amt", "Das Am meldet sich."));           // shorter
}

BOOST_AUTO_TEST_CASE(prefix_glob) {
    BOOST_TEST(matches("amt*", "Die Amtsleitung meldet sich."));
    BOOST_TEST(matches("amt*", "Das Amt."));  // the * may match nothing
    BOOST_TEST(matches("amt*", "AMTSHILFE"));
    BOOST_TEST(!matches("amt*", "Das Landratsamt."));
    BOOST_TEST(!matches("amt*", "Ein Beamter."));
    BOOST_TEST(!matches("amt*", "Am Telefon."));  // not across the word boundary
}

BOOST_AUTO_TEST_CASE(suffix_glob) {
    BOOST_TEST(matches("*amt", "Das Landratsamt meldet sich."));
    BOOST_TEST(matches("*amt", "Das Amt."));
    BOOST_TEST(!matches("*amt", "Die Amtsleitung."));
    BOOST_TEST(!matches("*amt", "Ein Beamter."));
    BOOST_TEST(!matches("*amt", "Der Beam tut es."));
}

BOOST_AUTO_TEST_CASE(infix_glob) {
    BOOST_TEST(matches("*amt*", "Ein Beamter."));
    BOOST_TEST(matches("*amt*", "Das Landratsamt."));
    BOOST_TEST(matches("*amt*", "Die Amtsleitung."));
    BOOST_TEST(matches("*amt*", "Das Amt."));
    BOOST_TEST(matches("*amt*", "des Landratsamtes"));
    BOOST_TEST(!matches("*amt*", "Die Ausländerbehörde."));
    BOOST_TEST(!matches("*amt*", "Am Telefon."));
}

BOOST_AUTO_TEST_CASE(question_mark_is_exactly_one_character) {
    BOOST_TEST(matches("s?hnitt*", "Die Schnittstelle fehlt."));
    BOOST_TEST(matches("s?hnitt*", "Ein Schnitt."));
    BOOST_TEST(matches("s?hnitt*", "SAHNITTE"));
    BOOST_TEST(!matches("s?hnitt*", "Shnitt"));       // ? needs one character
    BOOST_TEST(!matches("s?hnitt*", "Schhnitt"));     // ... and only one
    BOOST_TEST(!matches("s?hnitt*", "Ausschnitt"));   // anchored at the start
    // `?` is one character, not one byte: ü is two bytes in UTF-8.
    BOOST_TEST(matches("s?hnitt*", "Sühnittmuster"));
    BOOST_TEST(matches("f?hrer*", "Der Führerschein."));
    BOOST_TEST(matches("f?hrer*", "Die Fahrerin."));
    BOOST_TEST(!matches("f?hrer*", "Der Fhrer."));
    BOOST_TEST(matches("beh?rde", "Die Behörde."));
    BOOST_TEST(!matches("beh?rde", "Die Behoerde."));  // two characters for one ?
}

BOOST_AUTO_TEST_CASE(general_globs_with_inner_star) {
    BOOST_TEST(matches("schnitt*stelle", "Die Schnittstelle."));
    BOOST_TEST(matches("schnitt*stelle", "Die Schnittfehlerstelle."));
    BOOST_TEST(!matches("schnitt*stelle", "Die Schnittstellen."));  // anchored at the end
    BOOST_TEST(matches("*auslän?er*", "Das Ausländerzentralregister."));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(matcher_phrases)

BOOST_AUTO_TEST_CASE(phrase_needs_consecutive_tokens_in_order) {
    BOOST_TEST(matches("\"händisch übertragen\"", "Die Daten werden händisch übertragen."));
    BOOST_TEST(!matches("\"händisch übertragen\"", "Die Daten werden händisch und dann übertragen."));
    BOOST_TEST(!matches("\"händisch übertragen\"", "Übertragen wird nur händisch."));
    BOOST_TEST(!matches("\"händisch übertragen\"", "Nur händisch."));
    BOOST_TEST(!matches("\"händisch übertragen\"", "Es wird übertragen."));
}

BOOST_AUTO_TEST_CASE(phrase_at_the_end_of_the_unit) {
    // The first word matches at the last token: the rest must not read past the unit.
    BOOST_TEST(!matches("\"daten übertragen\"", "Wir haben Daten"));
    BOOST_TEST(matches("\"daten übertragen\"", "Wir haben Daten übertragen"));
}

BOOST_AUTO_TEST_CASE(phrase_words_carry_their_own_globs) {
    const std::string p = "\"daten* übertr*\"";
    BOOST_TEST(matches(p, "Die Datensätze übertragen wir."));
    BOOST_TEST(matches(p, "Daten übertrug sie."));
    BOOST_TEST(!matches(p, "Die Stammdaten übertragen wir."));  // first word is a prefix glob
    BOOST_TEST(!matches(p, "Datensätze werden übertragen."));  // not consecutive

    const std::string q = "\"*amt* s?hnitt*\"";  // a scanned (infix) first word, a general second word
    BOOST_TEST(matches(q, "Die Beamtenschnittstelle fehlt, das Landratsamt Schnittstellen auch."));
    BOOST_TEST(!matches(q, "Das Landratsamt hat keine Schnittstelle."));

    const std::string r = "\"*behörde datenaustausch\"";  // a suffix first word
    BOOST_TEST(matches(r, "Die Ausländerbehörde Datenaustausch."));
    BOOST_TEST(!matches(r, "Die Behördenleitung Datenaustausch."));
}

BOOST_AUTO_TEST_CASE(lone_star_is_exactly_one_word) {
    const std::string p = "\"daten * übertragen\"";
    BOOST_TEST(matches(p, "Wir müssen Daten manuell übertragen."));
    BOOST_TEST(!matches(p, "Wir müssen Daten übertragen."));             // zero words
    BOOST_TEST(!matches(p, "Wir müssen Daten ganz manuell übertragen."));  // two words
    BOOST_TEST(matches(p, "Daten ganz manuell übertragen, Daten einzeln übertragen."));  // a second place does
}

BOOST_AUTO_TEST_CASE(two_lone_stars_are_two_words) {
    const std::string p = "\"daten * * übertragen\"";
    BOOST_TEST(matches(p, "Daten ganz manuell übertragen."));
    BOOST_TEST(!matches(p, "Daten manuell übertragen."));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(matcher_folding)

BOOST_AUTO_TEST_CASE(full_case_folding_sharp_s) {
    BOOST_TEST(matches("straße", "DIE STRASSE IST GESPERRT."));
    BOOST_TEST(matches("strasse", "Die Straße ist gesperrt."));
    BOOST_TEST(matches("STRASSE", "Die Straße ist gesperrt."));
    BOOST_TEST(matches("straßen*", "STRASSENVERKEHRSAMT"));
    BOOST_TEST(!matches("straße", "Die Strase ist gesperrt."));
}

BOOST_AUTO_TEST_CASE(umlauts_match_themselves_across_cases) {
    BOOST_TEST(matches("behörde", "DIE BEHÖRDE"));
    BOOST_TEST(matches("BEHÖRDE", "die behörde"));
    // NFD in the text the matcher gets (match_text NFC-normalises like import does).
    BOOST_TEST(matches("behörde", "Die Beho\xCC\x88rde."));
    // NFD in the pattern.
    BOOST_TEST(matches("beho\xCC\x88rde", "Die Behörde."));
    // No umlaut folding unless asked for (fold: umlauts): oe is not ö.
    BOOST_TEST(!matches("behörde", "Die Behoerde."));
}

BOOST_AUTO_TEST_CASE(hyphen_separates_words) {
    const std::string text = "Die GROSSSTADT-Schnittstelle läuft.";
    BOOST_TEST(matches("schnittstelle", text));
    BOOST_TEST(matches("grossstadt", text));
    BOOST_TEST(!matches("grossstadt-schnittstelle*", "Die Grossstadtschnittstelle."));
    // A bare hyphenated pattern is the phrase of its two words.
    BOOST_TEST(matches("grossstadt-schnittstelle", text));
    BOOST_TEST(matches("großstadt-schnittstelle", text));
    BOOST_TEST(matches("\"grossstadt schnittstelle\"", text));
    BOOST_TEST(!matches("grossstadtschnittstelle", text));
    BOOST_TEST(!matches("grossstadt-schnittstelle", "Die Grossstadt hat eine Schnittstelle."));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(matcher_exclude_and_rules)

BOOST_AUTO_TEST_CASE(exclude_vetoes_its_own_code_only) {
    const auto cb = make_codebook({
        {"x", {"schnittstelle*"}, {"\"keine probleme\""}},
        {"y", {"schnittstelle*"}},
    });
    const auto vetoed = match_text(cb, "Die Schnittstelle macht keine Probleme.");
    BOOST_TEST(!vetoed.has("x"));
    BOOST_TEST(vetoed.has("y"));
    const auto fine = match_text(cb, "Die Schnittstelle macht Probleme.");
    BOOST_TEST(fine.has("x"));
    BOOST_TEST(fine.has("y"));
    // The exclude may come before the including word as well.
    BOOST_TEST(!match_text(cb, "Keine Probleme mit der Schnittstelle.").has("x"));
}

BOOST_AUTO_TEST_CASE(exclude_alone_codes_nothing) {
    const auto cb = make_codebook({{"x", {"schnittstelle*"}, {"probleme"}}});
    BOOST_TEST(match_text(cb, "Probleme ohne Ende.").hits.empty());
}

BOOST_AUTO_TEST_CASE(reported_rule_is_the_first_pattern_in_codebook_order) {
    const auto cb = make_codebook({
        {"a", {"schnitt*", "schnittstelle", "*stelle"}},
        {"b", {"*stelle", "schnitt*"}},
        {"c", {"\"händisch übertragen\"", "daten*"}},
        // The later pattern matches an earlier token: the order of the
        // patterns decides, not the order of the words in the text.
        {"d", {"schnitt*", "stelle"}},
    });
    const auto out = match_text(cb, "Die Stelle meldet: die Daten werden an der Schnittstelle händisch übertragen.");
    BOOST_TEST(out.rule("a").value_or("-") == "schnitt*");
    BOOST_TEST(out.rule("b").value_or("-") == "*stelle");
    BOOST_TEST(out.rule("c").value_or("-") == "\"händisch übertragen\"");
    BOOST_TEST(out.rule("d").value_or("-") == "schnitt*");
    // One hit per code, in codebook order.
    BOOST_TEST_REQUIRE(out.hits.size() == 4u);
    BOOST_TEST(out.hits[0].first == "a");
    BOOST_TEST(out.hits[3].first == "d");
}

BOOST_AUTO_TEST_CASE(rule_falls_back_to_a_later_pattern) {
    const auto cb = make_codebook({{"a", {"schnitt*", "*stelle"}}});
    BOOST_TEST(match_text(cb, "Die Poststelle.").rule("a").value_or("-") == "*stelle");
}

BOOST_AUTO_TEST_CASE(only_candidates_are_considered) {
    const auto cb = make_codebook({{"a", {"amt"}}, {"b", {"amt"}}, {"c", {"amt"}}});
    const autocode::Matcher m(cb, std::nullopt);
    const std::string text = "Das Amt.";
    const auto tokens = text::tokenize(text);
    auto doc = m.prepare(text, tokens, "d");
    std::vector<autocode::Hit> hits;
    m.match(doc, Span{0, 8}, 0, tokens.size(), {2, 0}, hits);
    std::set<std::string> paths;
    for (const auto& h : hits) paths.emplace(m.codes().at(h.code).path);
    BOOST_TEST((paths == std::set<std::string>{"a", "c"}));
}

BOOST_AUTO_TEST_CASE(token_range_bounds_the_unit) {
    const auto cb = make_codebook({{"a", {"amt"}}, {"p", {"\"amt meldet\""}}});
    const autocode::Matcher m(cb, std::nullopt);
    const std::string text = "Das Amt meldet sich.";
    const auto tokens = text::tokenize(text);  // das amt meldet sich
    BOOST_TEST_REQUIRE(tokens.size() == 4u);
    auto doc = m.prepare(text, tokens, "d");
    auto run = [&](std::size_t first, std::size_t last) {
        std::vector<autocode::Hit> hits;
        const Span unit{first < last ? tokens[first].span.start : 0, first < last ? tokens[last - 1].span.end : 0};
        m.match(doc, unit, first, last, {0, 1}, hits);
        std::set<std::string> paths;
        for (const auto& h : hits) paths.emplace(m.codes().at(h.code).path);
        return paths;
    };
    BOOST_TEST((run(0, 4) == std::set<std::string>{"a", "p"}));
    BOOST_TEST((run(0, 2) == std::set<std::string>{"a"}));  // the phrase would need token 2
    BOOST_TEST((run(2, 4) == std::set<std::string>{}));     // amt is outside
    BOOST_TEST((run(1, 1) == std::set<std::string>{}));     // empty range
}

BOOST_AUTO_TEST_CASE(unit_of_a_code) {
    const auto cb = make_codebook({{"d", {"amt"}}, {"p", {"amt"}, {}, "unit: paragraph"}}, "unit: sentence");
    const autocode::Matcher plain(cb, std::nullopt);
    BOOST_TEST((plain.codes().at(0).unit == UnitKind::sentence));
    BOOST_TEST((plain.codes().at(1).unit == UnitKind::paragraph));
    const autocode::Matcher overridden(cb, UnitKind::turn);
    BOOST_TEST((overridden.codes().at(0).unit == UnitKind::turn));
    BOOST_TEST((overridden.codes().at(1).unit == UnitKind::paragraph));  // per-code wins
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

// "aaaa", "aaab", … : letters only, so ICU keeps each one a single word.
std::string letters(std::size_t n, std::size_t width) {
    std::string s(width, 'a');
    for (std::size_t i = width; i-- > 0; n /= 26) s[i] = static_cast<char>('a' + n % 26);
    return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(matcher_scale)

BOOST_AUTO_TEST_CASE(two_thousand_exact_and_prefix_patterns) {
    // 1,000 codes, each with one exact and one prefix pattern (2,000 in
    // all). Prefix literals have four different lengths, and some are
    // prefixes of others, so several prefix lengths fire on one token.
    constexpr std::size_t n = 1000;
    std::vector<CodeSpec> specs;
    std::vector<std::string> exact(n), prefix(n);
    for (std::size_t i = 0; i < n; ++i) {
        exact[i] = "ex" + letters(i * 7919 % 17576, 3);  // distinct: 7919 is prime to 26³
        prefix[i] = "pr" + letters(i, 3).substr(0, 1 + i % 3) + letters(i / 3, 3).substr(0, i % 4);
        CodeSpec s;
        s.id = "c" + std::to_string(i);
        s.patterns = {exact[i], prefix[i] + "*"};
        specs.push_back(std::move(s));
    }
    const auto cb = make_codebook(specs);
    BOOST_TEST_REQUIRE(codebook::count_codes(cb) == n);

    // Tokens: some exact words, some exact words with a letter more (no
    // match), some words that begin with a prefix literal, and a few that
    // begin with "pr" but match nothing.
    std::vector<std::string> words;
    for (std::size_t i = 0; i < n; i += 37) words.push_back(exact[i]);
    for (std::size_t i = 5; i < n; i += 41) words.push_back(exact[i] + "z");
    for (std::size_t i = 11; i < n; i += 43) words.push_back(prefix[i] + "ung");
    for (std::size_t i = 13; i < n; i += 101) words.push_back(prefix[i]);
    words.push_back("przzzzzz");
    words.push_back("exzzz");
    words.push_back("xpraa");
    std::string text;
    for (const auto& w : words) text += (text.empty() ? "" : " ") + w;

    // The expectation, worked out the slow way: every pattern against every word.
    std::map<std::string, std::string> expected;  // code path → rule
    for (std::size_t i = 0; i < n; ++i) {
        bool exact_hit = false, prefix_hit = false;
        for (const auto& w : words) {
            exact_hit = exact_hit || w == exact[i];
            prefix_hit = prefix_hit || w.starts_with(prefix[i]);
        }
        if (exact_hit) expected["c" + std::to_string(i)] = exact[i];
        else if (prefix_hit) expected["c" + std::to_string(i)] = prefix[i] + "*";
    }
    BOOST_TEST_REQUIRE(expected.size() > 60u);  // the test means something

    const auto out = match_text(cb, text);
    std::map<std::string, std::string> actual(out.hits.begin(), out.hits.end());
    BOOST_TEST(actual.size() == expected.size());
    for (const auto& [path, rule] : expected) {
        BOOST_TEST_CONTEXT("code " << path) {
            BOOST_TEST(actual.count(path) == 1u);
            if (actual.count(path)) BOOST_TEST(actual[path] == rule);
        }
    }
    for (const auto& [path, rule] : actual)
        BOOST_TEST_CONTEXT("code " << path) { BOOST_TEST(expected.count(path) == 1u); }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(matcher_invisible_characters)

// Word leaves soft hyphens inside words; the reader does not see them, so
// the word must match as written without them (a bug report from review).
BOOST_AUTO_TEST_CASE(soft_hyphen_inside_a_word_is_ignored) {
    BOOST_TEST(matches("schnittstelle", "Die Schnitt\u00ADstelle fehlt."));
    BOOST_TEST(matches("*schnittstelle*", "Die Fachverfahrens\u00ADschnitt\u00ADstelle fehlt."));
}

BOOST_AUTO_TEST_SUITE_END()
