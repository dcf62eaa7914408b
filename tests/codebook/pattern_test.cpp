// parse_pattern: every kind of word glob, folding, phrase splitting the way
// ICU splits text, and every error the pattern language reports.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "codebook/pattern.hpp"
#include "core/error.hpp"

using qcode::codebook::parse_pattern;
using qcode::codebook::Pattern;
using Kind = qcode::codebook::WordGlob::Kind;

namespace {

// The folded glob texts of a pattern's words, to compare in one go.
std::vector<std::string> texts(const Pattern& p) {
    std::vector<std::string> out;
    for (const auto& w : p.words) out.push_back(w.text);
    return out;
}

// The message parse_pattern throws for `source`; fails the test if it parses.
std::string error_of(std::string_view source) {
    try {
        parse_pattern(source);
    } catch (const qcode::Error& e) {
        BOOST_TEST(e.file().empty());  // the caller adds file and line
        BOOST_TEST(e.line() == 0);
        return e.message();
    }
    BOOST_ERROR("pattern '" << source << "' parsed but should not");
    return {};
}

bool contains(const std::string& haystack, std::string_view needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pattern_parse)

BOOST_AUTO_TEST_CASE(exact_word) {
    const auto p = parse_pattern("amt");
    BOOST_TEST(p.source == "amt");
    BOOST_TEST(p.line == 0);
    BOOST_REQUIRE(p.words.size() == 1u);
    BOOST_TEST((p.words[0].kind == Kind::exact));
    BOOST_TEST(p.words[0].text == "amt");
    BOOST_TEST(p.words[0].literal == "amt");
}

BOOST_AUTO_TEST_CASE(prefix_suffix_infix) {
    const auto prefix = parse_pattern("schnittstelle*").words.at(0);
    BOOST_TEST((prefix.kind == Kind::prefix));
    BOOST_TEST(prefix.text == "schnittstelle*");
    BOOST_TEST(prefix.literal == "schnittstelle");

    const auto suffix = parse_pattern("*amt").words.at(0);
    BOOST_TEST((suffix.kind == Kind::suffix));
    BOOST_TEST(suffix.text == "*amt");
    BOOST_TEST(suffix.literal == "amt");

    const auto infix = parse_pattern("*akte*").words.at(0);
    BOOST_TEST((infix.kind == Kind::infix));
    BOOST_TEST(infix.text == "*akte*");
    BOOST_TEST(infix.literal == "akte");
}

BOOST_AUTO_TEST_CASE(general_globs) {
    for (const char* src : {"s?hnitt", "s*hnitt*stelle", "*a*b", "a*b*", "stelle?", "?amt*", "a*b"}) {
        const auto p = parse_pattern(src);
        BOOST_REQUIRE(p.words.size() == 1u);
        BOOST_TEST((p.words[0].kind == Kind::general), src);
        BOOST_TEST(p.words[0].text == src);
        BOOST_TEST(p.words[0].literal.empty(), src);
    }
}

BOOST_AUTO_TEST_CASE(words_are_case_folded) {
    BOOST_TEST(parse_pattern("STRASSE*").words.at(0).text == "strasse*");
    BOOST_TEST(parse_pattern("STRASSE*").words.at(0).literal == "strasse");
    BOOST_TEST(parse_pattern("Straße").words.at(0).text == "strasse");
    BOOST_TEST(parse_pattern("*Straße*").words.at(0).literal == "strasse");
    BOOST_TEST(parse_pattern("ÄMTER").words.at(0).text == "ämter");
    BOOST_TEST(parse_pattern("Ausländerbehörde*").words.at(0).literal == "ausländerbehörde");
}

BOOST_AUTO_TEST_CASE(words_are_nfc_before_folding) {
    // "Ämter" typed with a combining diaeresis (NFD), as some editors save it.
    const auto p = parse_pattern("A\xCC\x88mter");
    BOOST_TEST(p.words.at(0).text == "\xC3\xA4mter");  // precomposed ä
}

BOOST_AUTO_TEST_CASE(quoted_phrase) {
    const auto p = parse_pattern("\"händisch übertrag*\"");
    BOOST_TEST(p.source == "\"händisch übertrag*\"");
    BOOST_TEST(texts(p) == (std::vector<std::string>{"händisch", "übertrag*"}));
    BOOST_TEST((p.words[0].kind == Kind::exact));
    BOOST_TEST((p.words[1].kind == Kind::prefix));
    BOOST_TEST(p.words[1].literal == "übertrag");
}

BOOST_AUTO_TEST_CASE(phrase_whitespace_is_any_run) {
    BOOST_TEST(texts(parse_pattern("  \"  Daten \t nicht   da \"  ")) == (std::vector<std::string>{"daten", "nicht", "da"}));
}

BOOST_AUTO_TEST_CASE(hyphens_and_slashes_separate_words) {
    BOOST_TEST(texts(parse_pattern("azr-abfrage*")) == (std::vector<std::string>{"azr", "abfrage*"}));
    BOOST_TEST(texts(parse_pattern("\"e-akte\"")) == (std::vector<std::string>{"e", "akte"}));
    BOOST_TEST(texts(parse_pattern("\"E-Akte/Papierakte\"")) == (std::vector<std::string>{"e", "akte", "papierakte"}));
    BOOST_TEST(texts(parse_pattern("AZR-Abfrage--Formular")) == (std::vector<std::string>{"azr", "abfrage", "formular"}));
    BOOST_TEST(texts(parse_pattern("Ausländer\u2013Behörde")) == (std::vector<std::string>{"ausländer", "behörde"}));
}

BOOST_AUTO_TEST_CASE(edge_punctuation_is_dropped) {
    BOOST_TEST(texts(parse_pattern("\"Akte, bitte.\"")) == (std::vector<std::string>{"akte", "bitte"}));
    BOOST_TEST(texts(parse_pattern("„Schnittstelle“")) == (std::vector<std::string>{"schnittstelle"}));
    BOOST_TEST(texts(parse_pattern("\"(händisch) übertragen!\"")) == (std::vector<std::string>{"händisch", "übertragen"}));
    BOOST_TEST(texts(parse_pattern("\"§ 87 AufenthG\"")) == (std::vector<std::string>{"87", "aufenthg"}));
    BOOST_TEST(texts(parse_pattern("§87")) == (std::vector<std::string>{"87"}));
    BOOST_TEST(texts(parse_pattern("amt;")) == (std::vector<std::string>{"amt"}));
    // Inner punctuation stays: ICU keeps "z.B" and "geht's" as one token.
    BOOST_TEST(texts(parse_pattern("\"z.B. geht's\"")) == (std::vector<std::string>{"z.b", "geht's"}));
    // '?' is the one-character glob, also at the end of a word.
    BOOST_TEST(texts(parse_pattern("stelle?")) == (std::vector<std::string>{"stelle?"}));
}

BOOST_AUTO_TEST_CASE(lone_star_in_phrase_is_any_word) {
    const auto p = parse_pattern("\"daten * übertragen\"");
    BOOST_REQUIRE(p.words.size() == 3u);
    BOOST_TEST((p.words[1].kind == Kind::any));
    BOOST_TEST(p.words[1].text == "*");
    BOOST_TEST(p.words[1].literal.empty());
    const auto two = parse_pattern("\"daten * * übertragen\"");
    BOOST_TEST((two.words[1].kind == Kind::any));
    BOOST_TEST((two.words[2].kind == Kind::any));
}

BOOST_AUTO_TEST_CASE(lone_question_mark_in_phrase_is_a_one_letter_word) {
    const auto p = parse_pattern("\"paragraf ? absatz\"");
    BOOST_TEST((p.words.at(1).kind == Kind::general));
}

BOOST_AUTO_TEST_CASE(empty_patterns) {
    BOOST_TEST(contains(error_of(""), "empty pattern"));
    BOOST_TEST(contains(error_of("   "), "empty pattern"));
    BOOST_TEST(contains(error_of("\"\""), "empty phrase"));
    BOOST_TEST(contains(error_of("\"   \""), "empty phrase"));
    BOOST_TEST(contains(error_of("\"...\""), "no words, only punctuation"));
    BOOST_TEST(contains(error_of("§"), "no words, only punctuation"));
}

BOOST_AUTO_TEST_CASE(quote_errors) {
    BOOST_TEST(contains(error_of("\"händisch übertragen"), "unbalanced double quote"));
    BOOST_TEST(contains(error_of("amt\""), "unbalanced double quote"));
    BOOST_TEST(contains(error_of("\"a\" \"b\""), "double quotes must enclose the whole pattern"));
    BOOST_TEST(contains(error_of("foo\"bar\""), "double quotes must enclose the whole pattern"));
}

BOOST_AUTO_TEST_CASE(bare_pattern_with_spaces) {
    BOOST_TEST(error_of("händisch übertragen") ==
               "a pattern with spaces is a phrase: put it in double quotes: \"händisch übertragen\"");
    BOOST_TEST(contains(error_of("händisch\u00A0übertragen"), "put it in double quotes"));  // no-break space
}

BOOST_AUTO_TEST_CASE(wildcard_only_words) {
    BOOST_TEST(contains(error_of("*"), "'*' alone matches any word"));
    BOOST_TEST(contains(error_of("?*"), "'?*' alone matches any word"));
    BOOST_TEST(contains(error_of("?"), "'?' alone matches any word"));
    BOOST_TEST(contains(error_of("\"*\""), "matches any word"));
}

BOOST_AUTO_TEST_CASE(double_star) {
    BOOST_TEST(contains(error_of("**amt"), "'**'"));
    BOOST_TEST(contains(error_of("schnitt**stelle"), "'**'"));
    BOOST_TEST(contains(error_of("\"daten ** übertragen\""), "'**'"));
}

BOOST_AUTO_TEST_CASE(phrase_cannot_start_or_end_with_lone_star) {
    BOOST_TEST(contains(error_of("\"* übertragen\""), "cannot start with a lone *"));
    BOOST_TEST(contains(error_of("\"daten *\""), "cannot end with a lone *"));
    BOOST_TEST(contains(error_of("\"daten *\""), "widen"));
    BOOST_TEST(contains(error_of("azr-*"), "cannot end with a lone *"));
}

BOOST_AUTO_TEST_CASE(reserved_operators) {
    BOOST_TEST(contains(error_of("AZR NEAR/5 abfrage*"), "NEAR/5 is not supported yet"));
    BOOST_TEST(contains(error_of("AZR near/12 abfrage*"), "near/12 is not supported yet"));
    BOOST_TEST(contains(error_of("AZR NEAR abfrage*"), "NEAR is not supported yet"));
    BOOST_TEST(contains(error_of("antrag BEFORE/3 bescheid"), "BEFORE/3 is not supported yet"));
    BOOST_TEST(contains(error_of("azr AND abfrage"), "AND is not supported yet"));
    BOOST_TEST(contains(error_of("azr OR abfrage"), "OR is not supported yet"));
    BOOST_TEST(contains(error_of("(azr)"), "parentheses"));
    BOOST_TEST(contains(error_of("kita(s)"), "parentheses"));
    BOOST_TEST(contains(error_of("re:sch(n|m)itt"), "re:"));
    BOOST_TEST(contains(error_of("re:sch(n|m)itt"), "not supported yet"));
    BOOST_TEST(contains(error_of("\"azr abfrage\" NEAR/5 \"fach verfahren\""), "NEAR/5 is not supported yet"));
}

BOOST_AUTO_TEST_CASE(operator_words_inside_a_phrase_are_words) {
    // Inside quotes nothing is an operator (and "near" is just a word).
    BOOST_TEST(texts(parse_pattern("\"Rock AND Roll\"")) == (std::vector<std::string>{"rock", "and", "roll"}));
    BOOST_TEST(texts(parse_pattern("near")) == (std::vector<std::string>{"near"}));
    BOOST_TEST(texts(parse_pattern("NEARBY")) == (std::vector<std::string>{"nearby"}));
    BOOST_TEST(texts(parse_pattern("Oregon")) == (std::vector<std::string>{"oregon"}));
}

BOOST_AUTO_TEST_CASE(invalid_utf8) {
    BOOST_TEST(contains(error_of("amt\xC3"), "not valid UTF-8"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(pattern_quote_hint)

BOOST_AUTO_TEST_CASE(needs_phrase_quotes_only_when_quoting_fixes_it) {
    using qcode::codebook::needs_phrase_quotes;
    BOOST_TEST(needs_phrase_quotes("händisch übertragen"));
    BOOST_TEST(needs_phrase_quotes("  daten * übertragen "));
    BOOST_TEST(!needs_phrase_quotes("\"händisch übertragen\""));  // already quoted
    BOOST_TEST(!needs_phrase_quotes("schnittstelle*"));           // no spaces
    BOOST_TEST(!needs_phrase_quotes("AZR NEAR/5 abfrage*"));      // an operator, not a phrase
    BOOST_TEST(!needs_phrase_quotes("a OR b"));
    BOOST_TEST(!needs_phrase_quotes("daten *"));                  // quoted it still ends with *
    BOOST_TEST(!needs_phrase_quotes(""));
}

BOOST_AUTO_TEST_SUITE_END()
