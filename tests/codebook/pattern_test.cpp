// parse_pattern: every kind of word glob, folding, phrase splitting the way
// ICU splits text, and every error the pattern language reports.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "codebook/pattern.hpp"
#include "core/error.hpp"

using qcode::codebook::parse_pattern;
using qcode::codebook::Pattern;
using qcode::codebook::Rule;
using qcode::codebook::WordGlob;
using Kind = WordGlob::Kind;
using Op = Rule::Op;

namespace {

// The words of a one-phrase pattern.
const std::vector<WordGlob>& words(const Pattern& p) {
    BOOST_REQUIRE(p.is_phrase());
    BOOST_REQUIRE(p.phrases.size() == 1u);
    return p.phrases[0].words;
}

// The folded glob texts of a pattern's words, to compare in one go.
std::vector<std::string> texts(const Pattern& p) {
    std::vector<std::string> out;
    for (const auto& w : words(p)) out.push_back(w.text);
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

// A rule as an S-expression: (NEAR/5 a "b c"), so that a test states the
// whole tree in one string.
std::string show(const Pattern& p, const Rule& r) {
    switch (r.op) {
        case Op::phrase: {
            const auto& ws = p.phrases.at(r.phrase).words;
            std::string out;
            for (const auto& w : ws) out += (out.empty() ? "" : " ") + w.text;
            return ws.size() > 1 ? "\"" + out + "\"" : out;
        }
        case Op::regex: return "re:" + r.regex;
        default: break;
    }
    std::string out = r.op == Op::any_of   ? "(OR"
                      : r.op == Op::all_of ? "(AND"
                      : r.op == Op::near   ? "(NEAR/" + std::to_string(r.distance)
                                           : "(BEFORE/" + std::to_string(r.distance);
    for (const auto& o : r.operands) out += " " + show(p, o);
    return out + ")";
}

std::string tree(std::string_view source) {
    const auto p = parse_pattern(source);
    return show(p, p.rule);
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
    BOOST_REQUIRE(words(p).size() == 1u);
    BOOST_TEST((words(p)[0].kind == Kind::exact));
    BOOST_TEST(words(p)[0].text == "amt");
    BOOST_TEST(words(p)[0].literal == "amt");
}

BOOST_AUTO_TEST_CASE(prefix_suffix_infix) {
    const auto prefix = words(parse_pattern("schnittstelle*")).at(0);
    BOOST_TEST((prefix.kind == Kind::prefix));
    BOOST_TEST(prefix.text == "schnittstelle*");
    BOOST_TEST(prefix.literal == "schnittstelle");

    const auto suffix = words(parse_pattern("*amt")).at(0);
    BOOST_TEST((suffix.kind == Kind::suffix));
    BOOST_TEST(suffix.text == "*amt");
    BOOST_TEST(suffix.literal == "amt");

    const auto infix = words(parse_pattern("*akte*")).at(0);
    BOOST_TEST((infix.kind == Kind::infix));
    BOOST_TEST(infix.text == "*akte*");
    BOOST_TEST(infix.literal == "akte");
}

BOOST_AUTO_TEST_CASE(general_globs) {
    for (const char* src : {"s?hnitt", "s*hnitt*stelle", "*a*b", "a*b*", "stelle?", "?amt*", "a*b"}) {
        const auto p = parse_pattern(src);
        BOOST_REQUIRE(words(p).size() == 1u);
        BOOST_TEST((words(p)[0].kind == Kind::general), src);
        BOOST_TEST(words(p)[0].text == src);
        BOOST_TEST(words(p)[0].literal.empty(), src);
    }
}

BOOST_AUTO_TEST_CASE(words_are_case_folded) {
    BOOST_TEST(words(parse_pattern("STRASSE*")).at(0).text == "strasse*");
    BOOST_TEST(words(parse_pattern("STRASSE*")).at(0).literal == "strasse");
    BOOST_TEST(words(parse_pattern("Straße")).at(0).text == "strasse");
    BOOST_TEST(words(parse_pattern("*Straße*")).at(0).literal == "strasse");
    BOOST_TEST(words(parse_pattern("ÄMTER")).at(0).text == "ämter");
    BOOST_TEST(words(parse_pattern("Ausländerbehörde*")).at(0).literal == "ausländerbehörde");
}

BOOST_AUTO_TEST_CASE(words_are_nfc_before_folding) {
    // "Ämter" typed with a combining diaeresis (NFD), as some editors save it.
    const auto p = parse_pattern("A\xCC\x88mter");
    BOOST_TEST(words(p).at(0).text == "\xC3\xA4mter");  // precomposed ä
}

BOOST_AUTO_TEST_CASE(quoted_phrase) {
    const auto p = parse_pattern("\"händisch übertrag*\"");
    BOOST_TEST(p.source == "\"händisch übertrag*\"");
    BOOST_TEST(texts(p) == (std::vector<std::string>{"händisch", "übertrag*"}));
    BOOST_TEST((words(p)[0].kind == Kind::exact));
    BOOST_TEST((words(p)[1].kind == Kind::prefix));
    BOOST_TEST(words(p)[1].literal == "übertrag");
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
    BOOST_REQUIRE(words(p).size() == 3u);
    BOOST_TEST((words(p)[1].kind == Kind::any));
    BOOST_TEST(words(p)[1].text == "*");
    BOOST_TEST(words(p)[1].literal.empty());
    const auto two = parse_pattern("\"daten * * übertragen\"");
    BOOST_TEST((words(two)[1].kind == Kind::any));
    BOOST_TEST((words(two)[2].kind == Kind::any));
}

BOOST_AUTO_TEST_CASE(lone_question_mark_in_phrase_is_a_one_letter_word) {
    const auto p = parse_pattern("\"paragraf ? absatz\"");
    BOOST_TEST((words(p).at(1).kind == Kind::general));
}

BOOST_AUTO_TEST_CASE(empty_patterns) {
    BOOST_TEST(contains(error_of(""), "empty pattern"));
    BOOST_TEST(contains(error_of("   "), "empty pattern"));
    BOOST_TEST(contains(error_of("\u00A0\u00A0"), "empty pattern"));  // no-break spaces only
    BOOST_TEST(contains(error_of("\"\""), "empty phrase"));
    BOOST_TEST(contains(error_of("\"   \""), "empty phrase"));
    BOOST_TEST(contains(error_of("\"...\""), "no words, only punctuation"));
    BOOST_TEST(contains(error_of("§"), "no words, only punctuation"));
}

BOOST_AUTO_TEST_CASE(quote_errors) {
    BOOST_TEST(contains(error_of("\"händisch übertragen"), "unbalanced double quote"));
    BOOST_TEST(contains(error_of("amt\""), "unbalanced double quote"));
    BOOST_TEST(contains(error_of("\"a\" \"b\" \"c"), "unbalanced double quote"));
    BOOST_TEST(contains(error_of("foo\"bar\""), "double quotes must enclose a whole phrase"));
    BOOST_TEST(contains(error_of("\"foo\"bar"), "double quotes must enclose a whole phrase"));
    // Two phrases need an operator or one pair of quotes.
    BOOST_TEST(error_of("\"a\" \"b\"") ==
               "nothing between \"a\" and \"b\": put words that follow each other into one phrase in double "
               "quotes, or put an operator between them (AND, OR, NEAR/n, BEFORE/n)");
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

BOOST_AUTO_TEST_CASE(operators_build_a_tree) {
    BOOST_TEST(tree("AZR NEAR/5 abfrage*") == "(NEAR/5 azr abfrage*)");
    BOOST_TEST(tree("antrag BEFORE/3 bescheid") == "(BEFORE/3 antrag bescheid)");
    BOOST_TEST(tree("azr AND abfrage") == "(AND azr abfrage)");
    BOOST_TEST(tree("azr OR abfrage OR \"fach verfahren\"") == "(OR azr abfrage \"fach verfahren\")");
    BOOST_TEST(tree("\"azr abfrage\" NEAR/5 \"fach verfahren\"") == "(NEAR/5 \"azr abfrage\" \"fach verfahren\")");
    BOOST_TEST(tree("(azr)") == "azr");
    BOOST_TEST(tree("((azr))") == "azr");
    // A bare hyphenated word is the phrase of its parts, also as an operand.
    BOOST_TEST(tree("azr-abfrage* NEAR/2 fehl*") == "(NEAR/2 \"azr abfrage*\" fehl*)");
}

BOOST_AUTO_TEST_CASE(precedence_near_then_and_then_or) {
    BOOST_TEST(tree("a OR b AND c") == "(OR a (AND b c))");
    BOOST_TEST(tree("a AND b OR c") == "(OR (AND a b) c)");
    BOOST_TEST(tree("a AND b NEAR/2 c") == "(AND a (NEAR/2 b c))");
    BOOST_TEST(tree("a NEAR/2 b AND c") == "(AND (NEAR/2 a b) c)");
    BOOST_TEST(tree("a OR b NEAR/2 c") == "(OR a (NEAR/2 b c))");
    BOOST_TEST(tree("a BEFORE/2 b OR c AND d") == "(OR (BEFORE/2 a b) (AND c d))");
    // Left-associative; OR and AND chains are one node.
    BOOST_TEST(tree("a NEAR/2 b NEAR/3 c") == "(NEAR/3 (NEAR/2 a b) c)");
    BOOST_TEST(tree("a BEFORE/2 b NEAR/3 c") == "(NEAR/3 (BEFORE/2 a b) c)");
    BOOST_TEST(tree("a AND b AND c") == "(AND a b c)");
    // Parentheses override.
    BOOST_TEST(tree("(a OR b) AND c") == "(AND (OR a b) c)");
    BOOST_TEST(tree("(a OR b) NEAR/4 (c OR \"d e\")") == "(NEAR/4 (OR a b) (OR c \"d e\"))");
    BOOST_TEST(tree("a NEAR/2 (b NEAR/3 c)") == "(NEAR/2 a (NEAR/3 b c))");
    BOOST_TEST(tree("((a OR b) AND (c OR d)) OR e") == "(OR (AND (OR a b) (OR c d)) e)");
}

BOOST_AUTO_TEST_CASE(operands_are_numbered_in_source_order) {
    const auto p = parse_pattern("(amt OR behörde) NEAR/3 \"keine antwort\"");
    BOOST_REQUIRE(p.phrases.size() == 3u);
    BOOST_TEST(p.phrases[0].words.at(0).text == "amt");
    BOOST_TEST(p.phrases[1].words.at(0).text == "behörde");
    BOOST_TEST(p.phrases[2].words.size() == 2u);
    BOOST_TEST((p.rule.op == Op::near));
    BOOST_TEST(p.rule.distance == 3);
    BOOST_TEST(p.rule.operands.at(1).phrase == 2u);
    BOOST_TEST(!p.is_phrase());
    BOOST_TEST(!p.is_regex());
}

BOOST_AUTO_TEST_CASE(distance_errors) {
    BOOST_TEST(contains(error_of("AZR NEAR abfrage*"), "NEAR needs a distance in words, as in NEAR/5"));
    BOOST_TEST(contains(error_of("a BEFORE b"), "BEFORE needs a distance"));
    BOOST_TEST(contains(error_of("a NEAR/x b"), "NEAR/x: the distance after NEAR/ is a number of words"));
    BOOST_TEST(contains(error_of("a NEAR/ b"), "is a number of words"));
    BOOST_TEST(contains(error_of("a NEAR/0 b"), "the distance is at least 1"));
    BOOST_TEST(contains(error_of("a NEAR/1001 b"), "at most 1000 words"));
    BOOST_TEST(contains(error_of("a NEAR/99999999999 b"), "at most 1000 words"));
    BOOST_TEST(tree("a NEAR/1000 b") == "(NEAR/1000 a b)");
    BOOST_TEST(tree("a NEAR/1 b") == "(NEAR/1 a b)");
}

BOOST_AUTO_TEST_CASE(lower_case_operators_say_so) {
    BOOST_TEST(error_of("AZR near/12 abfrage*") ==
               "'near/12' is no operator: operators are written in capitals (NEAR/12)");
    BOOST_TEST(contains(error_of("antrag before/3 bescheid"), "capitals (BEFORE/3)"));
    BOOST_TEST(contains(error_of("a Near/3 b"), "capitals (NEAR/3)"));
    BOOST_TEST(error_of("azr and abfrage") ==
               "'and' between two words is no operator: operators are written in capitals (AND); to match the words "
               "as they stand, put them in double quotes: \"azr and abfrage\"");
    BOOST_TEST(contains(error_of("azr or abfrage"), "capitals (OR)"));
    BOOST_TEST(contains(error_of("azr Or abfrage"), "capitals (OR)"));
    // German: "und"/"oder" are words only inside a phrase.
    BOOST_TEST(contains(error_of("amt und behörde"), "capitals (AND)"));
    BOOST_TEST(contains(error_of("amt oder behörde"), "capitals (OR)"));
    BOOST_TEST(contains(error_of("(a OR b) and c"), "capitals (AND)"));
    BOOST_TEST(texts(parse_pattern("\"amt und behörde\"")) == (std::vector<std::string>{"amt", "und", "behörde"}));
}

BOOST_AUTO_TEST_CASE(operator_placement_errors) {
    BOOST_TEST(contains(error_of("AND amt"), "AND at the start: an operator needs a word or phrase on each side"));
    BOOST_TEST(contains(error_of("amt OR"), "the pattern ends with OR: an operator needs a word or phrase on each side"));
    BOOST_TEST(contains(error_of("amt NEAR/3"), "ends with NEAR/3"));
    BOOST_TEST(contains(error_of("amt AND OR b"), "OR right after another operator"));
    BOOST_TEST(contains(error_of("(AND b)"), "AND at the start"));
    BOOST_TEST(contains(error_of("a AND b c"), "nothing between b and c"));
    BOOST_TEST(contains(error_of("a NEAR/3 \"b c\" d"), "nothing between \"b c\" and d"));
}

BOOST_AUTO_TEST_CASE(parenthesis_errors) {
    BOOST_TEST(contains(error_of("(a OR b"), "a '(' is not closed"));
    BOOST_TEST(contains(error_of("a OR b)"), "')' has no matching '('"));
    BOOST_TEST(contains(error_of(")a"), "')' has no matching '('"));
    BOOST_TEST(contains(error_of("()"), "empty parentheses"));
    BOOST_TEST(contains(error_of("a AND ()"), "empty parentheses"));
    BOOST_TEST(contains(error_of("kita(s)"), "nothing between kita and ("));
    BOOST_TEST(contains(error_of("(a) (b)"), "put an operator between them"));
}

BOOST_AUTO_TEST_CASE(and_has_no_position_for_near) {
    BOOST_TEST(contains(error_of("(a AND b) NEAR/3 c"), "AND inside NEAR/3"));
    BOOST_TEST(contains(error_of("c BEFORE/2 (a OR (b AND d))"), "AND inside BEFORE/2"));
    BOOST_TEST(contains(error_of("(a AND b) NEAR/3 c"), "as in (a NEAR/3 b) AND c"));
    // Without the parentheses NEAR binds first: valid.
    BOOST_TEST(tree("a AND b NEAR/3 c") == "(AND a (NEAR/3 b c))");
}

BOOST_AUTO_TEST_CASE(every_operand_follows_the_phrase_rules) {
    BOOST_TEST(contains(error_of("amt OR *"), "'*' alone matches any word"));
    BOOST_TEST(contains(error_of("amt NEAR/2 \"* übertragen\""), "cannot start with a lone *"));
    BOOST_TEST(contains(error_of("amt AND \"daten *\""), "cannot end with a lone *"));
    BOOST_TEST(contains(error_of("amt OR schnitt**stelle"), "'**'"));
    BOOST_TEST(contains(error_of("amt OR \"\""), "empty phrase"));
    BOOST_TEST(contains(error_of("amt OR §"), "'§' has no words, only punctuation"));
    BOOST_TEST(contains(error_of("amt OR \"...\""), "\"...\" has no words, only punctuation"));
    // Punctuation at word edges is still dropped in operands.
    BOOST_TEST(tree("amt, OR „behörde“") == "(OR amt behörde)");
}

BOOST_AUTO_TEST_CASE(limits_keep_hostile_patterns_small) {
    std::string deep;
    for (int i = 0; i < 11; ++i) deep += "(";
    deep += "a";
    for (int i = 0; i < 11; ++i) deep += ")";
    BOOST_TEST(contains(error_of(deep), "parentheses nested more than 10 deep"));
    std::string ten = "(((((((((( a ))))))))))";
    BOOST_TEST(tree(ten) == "a");
    std::string many = "w0";
    for (int i = 1; i <= 50; ++i) many += " OR w" + std::to_string(i);
    BOOST_TEST(contains(error_of(many), "more than 50 words and phrases in one pattern"));
    std::string chain = "w0";
    for (int i = 1; i < 50; ++i) chain += " NEAR/2 w" + std::to_string(i);
    BOOST_TEST(parse_pattern(chain).phrases.size() == 50u);
    BOOST_TEST(contains(error_of(std::string(2001, 'a')), "2001 bytes long, more than 2000"));
    BOOST_TEST(contains(error_of("re:" + std::string(2000, 'a')), "bytes long"));
}

BOOST_AUTO_TEST_CASE(regular_expressions) {
    const auto p = parse_pattern("re:sch(n|m)itt\\w*");
    BOOST_TEST(p.is_regex());
    BOOST_TEST(p.rule.regex == "sch(n|m)itt\\w*");
    BOOST_TEST(p.phrases.empty());
    BOOST_TEST(parse_pattern("  re:AZR  ").rule.regex == "AZR");
    // Invalid: ICU's diagnosis and the position (in code points, from 1).
    const auto open = error_of("re:sch(n|m itt");
    BOOST_TEST(contains(open, "invalid regular expression 'sch(n|m itt'"), open);
    BOOST_TEST(contains(open, "ICU: U_REGEX_MISMATCHED_PAREN"), open);
    const auto bracket = error_of("re:äö[ab");
    BOOST_TEST(contains(bracket, "a '[' is not closed"), bracket);
    BOOST_TEST(contains(bracket, "at character"), bracket);
    BOOST_TEST(contains(error_of("re:a{3,1}"), "invalid repetition"));
    BOOST_TEST(contains(error_of("re:\\k"), "ICU:"));
    BOOST_TEST(contains(error_of("re:"), "empty regular expression after re:"));
    BOOST_TEST(contains(error_of("re:   "), "empty regular expression"));
    // One that matches empty text would code every unit.
    BOOST_TEST(contains(error_of("re:a*"), "matches empty text"));
    BOOST_TEST(contains(error_of("re:(x|)"), "matches empty text"));
    // re: is the whole pattern or nothing.
    BOOST_TEST(contains(error_of("amt OR re:x"), "re: must be the whole pattern"));
}

BOOST_AUTO_TEST_CASE(operator_words_inside_a_phrase_are_words) {
    // Inside quotes nothing is an operator (and "near" is just a word).
    BOOST_TEST(texts(parse_pattern("\"Rock AND Roll\"")) == (std::vector<std::string>{"rock", "and", "roll"}));
    BOOST_TEST(texts(parse_pattern("near")) == (std::vector<std::string>{"near"}));
    BOOST_TEST(texts(parse_pattern("NEARBY")) == (std::vector<std::string>{"nearby"}));
    BOOST_TEST(texts(parse_pattern("Oregon")) == (std::vector<std::string>{"oregon"}));
}

BOOST_AUTO_TEST_CASE(fold_letters_after_case) {
    qcode::text::FoldOptions umlauts;
    umlauts.umlauts = true;
    BOOST_TEST(texts(parse_pattern("Ausländer*", umlauts)) == (std::vector<std::string>{"auslaender*"}));
    BOOST_TEST(words(parse_pattern("Ausländer*", umlauts)).at(0).literal == "auslaender");
    BOOST_TEST(texts(parse_pattern("STRASSE", umlauts)) == (std::vector<std::string>{"strasse"}));
    BOOST_TEST(texts(parse_pattern("Straße", umlauts)) == (std::vector<std::string>{"strasse"}));
    qcode::text::FoldOptions diacritics;
    diacritics.diacritics = true;
    BOOST_TEST(texts(parse_pattern("\"Behörde Café\"", diacritics)) == (std::vector<std::string>{"behorde", "cafe"}));
    BOOST_TEST(texts(parse_pattern("beh?rde", diacritics)) == (std::vector<std::string>{"beh?rde"}));
    const auto both = parse_pattern("Behörde OR Ausländer", qcode::text::FoldOptions{true, true, false});
    BOOST_TEST(both.phrases.at(0).words.at(0).text == "behoerde");  // umlauts first: ö → oe, not o
    BOOST_TEST(both.phrases.at(1).words.at(0).text == "auslaender");
    BOOST_TEST((parse_pattern("amt", umlauts).fold == umlauts));
    // Without a fold, case only.
    BOOST_TEST(texts(parse_pattern("Behörde")) == (std::vector<std::string>{"behörde"}));
}

BOOST_AUTO_TEST_CASE(stem_keeps_the_word_and_adds_its_stem) {
    qcode::text::FoldOptions stem;
    stem.stem = true;
    const auto p = parse_pattern("Schnittstellen", stem);
    BOOST_TEST(words(p).at(0).literal == "schnittstellen");
    BOOST_TEST(words(p).at(0).stem == "schnittstell");
    BOOST_TEST(words(parse_pattern("Schnittstelle", stem)).at(0).stem == "schnittstell");
    // Globs are never stemmed.
    BOOST_TEST(words(parse_pattern("schnittstellen*", stem)).at(0).stem.empty());
    BOOST_TEST(words(parse_pattern("*stellen", stem)).at(0).stem.empty());
    // Without stem, no stem.
    BOOST_TEST(words(parse_pattern("Schnittstellen")).at(0).stem.empty());
    // Every phrase word and every operand.
    const auto q = parse_pattern("\"fehlende Schnittstellen\" NEAR/3 Ämter", stem);
    BOOST_TEST(q.phrases.at(0).words.at(0).stem == "fehlend");
    BOOST_TEST(!q.phrases.at(1).words.at(0).stem.empty());
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
    BOOST_TEST(!needs_phrase_quotes("(a b)"));                    // grouping, not a phrase
    BOOST_TEST(!needs_phrase_quotes("a near/5 b"));               // an operator in lower case
    BOOST_TEST(!needs_phrase_quotes("re:a b"));
    // and/und are words of German phrases too: quoting is one way out.
    BOOST_TEST(needs_phrase_quotes("kosten und nutzen"));
    BOOST_TEST(needs_phrase_quotes("rock and roll"));
}

BOOST_AUTO_TEST_SUITE_END()
