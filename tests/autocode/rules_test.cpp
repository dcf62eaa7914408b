// The rule language in the matcher (DESIGN §4): NEAR, BEFORE, AND, OR and
// parentheses on atom occurrences, excludes built from them, per-code
// folding (diacritics, umlauts, stem), regular expressions with their time
// limit, and a differential test against a brute-force evaluator.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "autocode/matcher.hpp"
#include "autocode_fixture.hpp"
#include "codebook/codebook.hpp"
#include "core/error.hpp"
#include "core/utf8.hpp"
#include "text/normalize.hpp"
#include "text/tokenize.hpp"

using namespace qcode;
using qcode::autocode_test::CodeSpec;
using qcode::autocode_test::make_codebook;
using qcode::autocode_test::match_text;
using qcode::autocode_test::matches;

namespace {

// True when code `k` with `pattern` and fold `fold` fires on `text`.
bool matches_folded(const std::string& pattern, const std::string& fold, std::string_view text) {
    return match_text(make_codebook({{"k", {pattern}, {}, "fold: [" + fold + "]"}}), text).has("k");
}

// What fired, per code: the rule and the text of the match.
struct Fired {
    std::string code, rule, words;
};

std::vector<Fired> fired(const codebook::Codebook& cb, const std::string& raw) {
    const autocode::Matcher m(cb, std::nullopt);
    const auto text = text::nfc(raw);
    const auto tokens = text::tokenize(text);
    auto doc = m.prepare(text, tokens, "doc");
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < m.codes().size(); ++i) candidates.push_back(i);
    std::vector<autocode::Hit> hits;
    const utf8::Index index(text);
    m.match(doc, Span{0, static_cast<std::uint32_t>(index.length())}, 0, tokens.size(), candidates, hits);
    std::vector<Fired> out;
    for (const auto& h : hits)
        out.push_back(Fired{std::string(m.codes().at(h.code).path), h.rule->source,
                            std::string(utf8::slice(text, index, h.match.start, h.match.end))});
    return out;
}

// The words of the one code's match ("-" when it does not fire).
std::string matched_words(const std::string& pattern, const std::string& text) {
    const auto f = fired(make_codebook({{"k", {pattern}}}), text);
    return f.empty() ? "-" : f.front().words;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rules_near_before)

BOOST_AUTO_TEST_CASE(near_either_order) {
    const std::string p = "amt NEAR/3 antrag*";
    BOOST_TEST(matches(p, "Das Amt prüft den Antrag."));       // amt, 2 words, antrag: 3 apart
    BOOST_TEST(matches(p, "Den Antrag prüft das Amt."));       // the other order
    BOOST_TEST(matches(p, "Amt Antragsteller"));               // adjacent
    BOOST_TEST(!matches(p, "Das Amt prüft nun den Antrag."));  // 4 apart
    BOOST_TEST(!matches(p, "Das Amt prüft."));
    BOOST_TEST(!matches(p, "Der Antrag."));
}

BOOST_AUTO_TEST_CASE(distance_boundary_n_and_n_plus_one) {
    // Adjacent words are 1 apart; each word between them adds one.
    BOOST_TEST(matches("amt NEAR/1 antrag", "amt antrag"));
    BOOST_TEST(!matches("amt NEAR/1 antrag", "amt x antrag"));
    BOOST_TEST(matches("amt NEAR/2 antrag", "amt x antrag"));
    BOOST_TEST(matches("amt NEAR/5 antrag", "amt a b c d antrag"));
    BOOST_TEST(!matches("amt NEAR/5 antrag", "amt a b c d e antrag"));
    BOOST_TEST(matches("amt NEAR/5 antrag", "antrag a b c d amt"));
    BOOST_TEST(!matches("amt NEAR/5 antrag", "antrag a b c d e amt"));
    BOOST_TEST(matches("amt BEFORE/5 antrag", "amt a b c d antrag"));
    BOOST_TEST(!matches("amt BEFORE/5 antrag", "amt a b c d e antrag"));
}

BOOST_AUTO_TEST_CASE(phrases_measure_between_their_nearest_words) {
    const std::string p = "\"keine antwort\" NEAR/2 \"vom amt\"";
    BOOST_TEST(matches(p, "Keine Antwort bisher vom Amt."));  // antwort … vom: 2
    BOOST_TEST(!matches(p, "Keine Antwort bis heute vom Amt."));
    BOOST_TEST(matches(p, "Vom Amt kam keine Antwort."));     // amt … keine: 2
    BOOST_TEST(!matches(p, "Keine schnelle Antwort vom Amt."));  // the phrase itself is not there
}

BOOST_AUTO_TEST_CASE(an_occurrence_is_never_near_itself) {
    // One token matching both sides is not two words near each other.
    BOOST_TEST(!matches("amt* NEAR/3 *amt", "Das Amt meldet sich."));
    BOOST_TEST(matches("amt* NEAR/3 *amt", "Das Amt und das Landratsamt."));
    BOOST_TEST(!matches("amt NEAR/2 amt", "Das Amt meldet sich."));
    BOOST_TEST(matches("amt NEAR/2 amt", "Amt, Amt!"));
    // Overlapping phrases are not near each other either.
    BOOST_TEST(!matches("\"das amt\" NEAR/3 \"amt meldet\"", "Das Amt meldet sich."));
}

BOOST_AUTO_TEST_CASE(before_is_ordered) {
    const std::string p = "antrag* BEFORE/4 bescheid*";
    BOOST_TEST(matches(p, "Erst der Antrag, dann der Bescheid."));
    BOOST_TEST(!matches(p, "Erst der Bescheid, dann der Antrag."));
    BOOST_TEST(!matches(p, "Der Antrag wurde sehr lange nicht beschieden, kein Bescheid."));
    BOOST_TEST(matches(p, "Bescheid? Nein. Antrag gestellt, Bescheid kam."));  // a later pair counts
}

BOOST_AUTO_TEST_CASE(near_stays_inside_the_unit) {
    const auto cb = make_codebook({{"k", {"amt NEAR/5 antrag"}}, {"b", {"amt BEFORE/5 antrag"}}});
    const autocode::Matcher m(cb, std::nullopt);
    const std::string text = "Das Amt. Der Antrag.";
    const auto tokens = text::tokenize(text);  // das amt | der antrag
    BOOST_TEST_REQUIRE(tokens.size() == 4u);
    auto doc = m.prepare(text, tokens, "d");
    std::vector<autocode::Hit> hits;
    m.match(doc, Span{0, 8}, 0, 2, {0, 1}, hits);
    m.match(doc, Span{9, 20}, 2, 4, {0, 1}, hits);
    BOOST_TEST(hits.empty());
    m.match(doc, Span{0, 20}, 0, 4, {0, 1}, hits);  // one unit: both fire
    BOOST_TEST(hits.size() == 2u);
}

BOOST_AUTO_TEST_CASE(the_match_spans_the_words_that_fired) {
    BOOST_TEST(matched_words("amt NEAR/3 antrag*", "Ja, das Amt prüft den Antrag gründlich.") == "Amt prüft den Antrag");
    BOOST_TEST(matched_words("amt NEAR/3 antrag*", "Den Antrag prüft das Amt.") == "Antrag prüft das Amt");
    BOOST_TEST(matched_words("antrag BEFORE/9 bescheid", "Antrag, dann Bescheid.") == "Antrag, dann Bescheid");
    // The earliest occurrence is reported.
    BOOST_TEST(matched_words("amt NEAR/1 antrag", "x amt antrag y antrag amt") == "amt antrag");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(rules_and_or_nesting)

BOOST_AUTO_TEST_CASE(and_anywhere_in_the_unit) {
    const std::string p = "schnittstelle* AND fachverfahren*";
    BOOST_TEST(matches(p, "Die Schnittstelle fehlt, wir tippen alles ab, was dann lange dauert, ins Fachverfahren."));
    BOOST_TEST(matches(p, "Im Fachverfahren fehlt die Schnittstelle."));
    BOOST_TEST(!matches(p, "Die Schnittstelle fehlt."));
    BOOST_TEST(!matches(p, "Das Fachverfahren fehlt."));
    BOOST_TEST(matches("a AND b AND c", "c b a"));
    BOOST_TEST(!matches("a AND b AND c", "c a"));
}

BOOST_AUTO_TEST_CASE(or_either_side) {
    const std::string p = "jobcenter OR arbeitsagentur OR \"agentur für arbeit\"";
    BOOST_TEST(matches(p, "Das Jobcenter."));
    BOOST_TEST(matches(p, "Die Arbeitsagentur."));
    BOOST_TEST(matches(p, "Die Agentur für Arbeit."));
    BOOST_TEST(!matches(p, "Die Agentur hat Arbeit."));
}

BOOST_AUTO_TEST_CASE(precedence_in_matching) {
    // a OR b AND c = a OR (b AND c)
    BOOST_TEST(matches("amt OR antrag AND bescheid", "Das Amt."));
    BOOST_TEST(!matches("amt OR antrag AND bescheid", "Der Antrag."));
    BOOST_TEST(matches("amt OR antrag AND bescheid", "Antrag und Bescheid."));
    // (a OR b) AND c
    BOOST_TEST(!matches("(amt OR antrag) AND bescheid", "Das Amt."));
    BOOST_TEST(matches("(amt OR antrag) AND bescheid", "Das Amt schickt den Bescheid."));
    // a AND b NEAR/1 c = a AND (b NEAR/1 c)
    BOOST_TEST(matches("amt AND antrag NEAR/1 bescheid", "Amt … viel später … Antrag Bescheid"));
    BOOST_TEST(!matches("amt AND antrag NEAR/1 bescheid", "Amt Antrag … viel später … Bescheid"));
}

BOOST_AUTO_TEST_CASE(or_inside_near) {
    const std::string p = "(amt OR behörde) NEAR/2 (antwort* OR rückmeldung)";
    BOOST_TEST(matches(p, "Das Amt antwortet nicht."));
    BOOST_TEST(matches(p, "Keine Rückmeldung der Behörde."));
    BOOST_TEST(matches(p, "Rückmeldung? Die Behörde schweigt."));
    BOOST_TEST(!matches(p, "Von der Behörde kam lange keine Rückmeldung."));
}

BOOST_AUTO_TEST_CASE(nested_near) {
    // (amt NEAR/1 antrag) spans both words; bescheid within 2 of that span.
    const std::string p = "(amt NEAR/1 antrag) NEAR/2 bescheid";
    BOOST_TEST(matches(p, "amt antrag x bescheid"));
    BOOST_TEST(matches(p, "bescheid x antrag amt"));
    BOOST_TEST(!matches(p, "amt antrag x y bescheid"));
    BOOST_TEST(!matches(p, "amt x antrag bescheid"));  // the inner NEAR/1 fails
    BOOST_TEST(matched_words(p, "Der Bescheid zum Amt Antrag kam.") == "Bescheid zum Amt Antrag");
    const std::string q = "amt NEAR/3 (antrag BEFORE/1 bescheid)";
    BOOST_TEST(matches(q, "amt antrag bescheid"));
    BOOST_TEST(!matches(q, "amt bescheid antrag"));
    BOOST_TEST(matches(q, "antrag bescheid x y amt"));
    BOOST_TEST(!matches(q, "antrag bescheid x y z amt"));
}

BOOST_AUTO_TEST_CASE(and_of_nears) {
    const std::string p = "(amt NEAR/2 antrag) AND (bescheid NEAR/2 widerspruch)";
    BOOST_TEST(matches(p, "Amt, Antrag — und viel später Bescheid mit Widerspruch."));
    BOOST_TEST(!matches(p, "Amt, Antrag — und viel später Bescheid, dann irgendwann Widerspruch."));
}

BOOST_AUTO_TEST_CASE(compound_rules_and_simple_ones_in_one_code) {
    // Codebook order decides which rule is reported, as for simple patterns.
    const auto cb = make_codebook({{"k", {"amt NEAR/2 antrag", "antrag"}}, {"j", {"antrag", "amt NEAR/2 antrag"}}});
    const auto out = match_text(cb, "Das Amt, der Antrag.");
    BOOST_TEST(out.rule("k").value_or("-") == "amt NEAR/2 antrag");
    BOOST_TEST(out.rule("j").value_or("-") == "antrag");
    BOOST_TEST(match_text(cb, "Das Amt hat da einen Antrag.").rule("k").value_or("-") == "antrag");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(rules_exclude)

BOOST_AUTO_TEST_CASE(exclude_with_near_vetoes) {
    const auto cb = make_codebook({{"x", {"schnittstelle*"}, {"kein* NEAR/2 problem*"}}, {"y", {"schnittstelle*"}}});
    BOOST_TEST(!match_text(cb, "Die Schnittstelle macht keine großen Probleme.").has("x"));
    BOOST_TEST(match_text(cb, "Die Schnittstelle macht keine großen Probleme.").has("y"));
    BOOST_TEST(!match_text(cb, "Probleme? Keine! Die Schnittstelle läuft.").has("x"));
    // Too far apart: no veto.
    BOOST_TEST(match_text(cb, "Keine Ahnung, aber die Schnittstelle macht Probleme.").has("x"));
}

BOOST_AUTO_TEST_CASE(exclude_with_and_and_or) {
    const auto cb = make_codebook({{"x", {"medienbr?ch*"}, {"früher AND (heute OR inzwischen)"}}});
    BOOST_TEST(!match_text(cb, "Früher gab es Medienbrüche, heute nicht mehr.").has("x"));
    BOOST_TEST(match_text(cb, "Früher gab es Medienbrüche.").has("x"));
    BOOST_TEST(match_text(cb, "Heute gibt es Medienbrüche.").has("x"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(rules_folding)

BOOST_AUTO_TEST_CASE(diacritics) {
    BOOST_TEST(matches_folded("behorde", "case, diacritics", "Die Behörde."));
    BOOST_TEST(matches_folded("behörde", "case, diacritics", "Die Behorde."));
    BOOST_TEST(matches_folded("cafe*", "diacritics", "Im Café."));
    BOOST_TEST(matches_folded("\"behorde amt\"", "diacritics", "Behörde Amt"));
    BOOST_TEST(!matches("behorde", "Die Behörde."));  // not without the fold
    BOOST_TEST(!matches_folded("behorde", "case", "Die Behörde."));
}

BOOST_AUTO_TEST_CASE(umlauts_and_sharp_s) {
    BOOST_TEST(matches_folded("auslaender*", "umlauts", "Die Ausländerbehörde."));
    BOOST_TEST(matches_folded("ausländer*", "umlauts", "Die Auslaenderbehoerde."));
    BOOST_TEST(matches_folded("*behoerde", "umlauts", "Die Ausländerbehörde."));
    BOOST_TEST(matches_folded("grösse", "umlauts", "GROESSE"));
    BOOST_TEST(matches_folded("größe", "umlauts", "Die Groesse."));   // ß = ss, ö = oe
    BOOST_TEST(matches_folded("groesse", "umlauts", "Die Größe."));
    BOOST_TEST(matches_folded("strasse", "umlauts", "Die Straße."));
    BOOST_TEST(!matches("auslaender*", "Die Ausländerbehörde."));
    // umlauts: ö is oe, not o.
    BOOST_TEST(!matches_folded("behorde", "umlauts", "Die Behörde."));
    BOOST_TEST(matches_folded("behoerde", "umlauts, diacritics", "Die Behörde."));
}

BOOST_AUTO_TEST_CASE(stem) {
    BOOST_TEST(matches_folded("schnittstelle", "stem", "Es fehlen Schnittstellen."));
    BOOST_TEST(matches_folded("Schnittstellen", "stem", "Die Schnittstelle fehlt."));
    BOOST_TEST(matches_folded("\"fehlende schnittstelle\"", "stem", "Fehlender Schnittstellen wegen."));
    BOOST_TEST(!matches("schnittstelle", "Es fehlen Schnittstellen."));
    // A glob is never stemmed: it matches the word as written.
    BOOST_TEST(!matches_folded("schnittstellen*", "stem", "Die Schnittstelle fehlt."));
    BOOST_TEST(matches_folded("schnittstellen*", "stem", "Die Schnittstellenprobleme."));
    // The word itself still matches, also where its stem would not.
    BOOST_TEST(matches_folded("ämter", "stem", "Die Ämter."));
    // Stem and umlauts together: both sides folded the same way.
    BOOST_TEST(matches_folded("auslaenderbehoerden", "umlauts, stem", "Die Ausländerbehörde."));
}

BOOST_AUTO_TEST_CASE(code_fold_replaces_the_default) {
    const auto cb = make_codebook({{"d", {"auslaender*"}}, {"c", {"auslaender*"}, {}, "fold: [case]"},
                                   {"s", {"auslaender*"}, {}, "fold: 'case, diacritics'"}},
                                  "fold: [case, umlauts]");
    const auto out = match_text(cb, "Die Ausländerbehörde.");
    BOOST_TEST(out.has("d"));
    BOOST_TEST(!out.has("c"));
    BOOST_TEST(!out.has("s"));
}

BOOST_AUTO_TEST_CASE(codes_with_different_folds_share_one_document) {
    const auto cb = make_codebook({{"plain", {"behörde"}},
                                   {"umlaut", {"behoerde"}, {}, "fold: [umlauts]"},
                                   {"dia", {"behorde"}, {}, "fold: [diacritics]"},
                                   {"stem", {"behörden"}, {}, "fold: [stem]"},
                                   {"both", {"behoerden"}, {}, "fold: [umlauts, stem]"}});
    const auto out = match_text(cb, "Die Behörde.");
    BOOST_TEST(out.has("plain"));
    BOOST_TEST(out.has("umlaut"));
    BOOST_TEST(out.has("dia"));
    BOOST_TEST(out.has("stem"));
    BOOST_TEST(out.has("both"));
    const auto none = match_text(cb, "Die Behorde.");
    BOOST_TEST(!none.has("plain"));
    BOOST_TEST(!none.has("umlaut"));
    BOOST_TEST(none.has("dia"));
}

BOOST_AUTO_TEST_CASE(excludes_use_the_codes_fold) {
    const auto cb = make_codebook({{"x", {"behoerde*"}, {"\"koennen nicht\""}, "fold: [umlauts]"}});
    BOOST_TEST(match_text(cb, "Die Behörde.").has("x"));
    BOOST_TEST(!match_text(cb, "Die Behörde? Wir können nicht.").has("x"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(rules_regex)

BOOST_AUTO_TEST_CASE(regex_on_the_case_folded_unit) {
    BOOST_TEST(matches("re:sch(n|m)itt", "Herr Schmitt kommt."));
    BOOST_TEST(matches("re:sch(n|m)itt", "DIE SCHNITTSTELLE"));
    BOOST_TEST(!matches("re:sch(n|m)itt", "Der Schritt."));
    BOOST_TEST(matches("re:AZR", "Das azr."));  // written in capitals: still matches the folded text
    BOOST_TEST(matches("re:\\bamt\\b", "Das Amt."));
    BOOST_TEST(!matches("re:\\bamt\\b", "Das Landratsamt."));
    BOOST_TEST(matches("re:strasse", "Die STRASSE."));
    BOOST_TEST(matches("re:strasse", "Die Straße."));  // the text is folded: ß is ss
    BOOST_TEST(matches("re:§\\s*\\d+", "Nach § 87 AufenthG."));  // what globs cannot say
    BOOST_TEST(matches("re:\\d{2,}\\s?%", "Etwa 30 % der Fälle."));
}

BOOST_AUTO_TEST_CASE(regex_anchors_at_the_unit) {
    const auto cb = make_codebook({{"k", {"re:^der"}}, {"e", {"re:amt\\.$"}}});
    const autocode::Matcher m(cb, std::nullopt);
    const std::string text = "Das Amt. Der Antrag.";
    const auto tokens = text::tokenize(text);
    auto doc = m.prepare(text, tokens, "d");
    std::vector<autocode::Hit> hits;
    m.match(doc, Span{0, 8}, 0, 2, {0, 1}, hits);
    BOOST_TEST_REQUIRE(hits.size() == 1u);
    BOOST_TEST(hits[0].code == 1u);  // "amt." ends the first unit
    hits.clear();
    m.match(doc, Span{9, 20}, 2, 4, {0, 1}, hits);
    BOOST_TEST_REQUIRE(hits.size() == 1u);
    BOOST_TEST(hits[0].code == 0u);  // "der" starts the second
    BOOST_TEST((hits[0].match == Span{9, 12}));
    BOOST_TEST(hits[0].first_token == 2u);
    BOOST_TEST(hits[0].last_token == 3u);
}

BOOST_AUTO_TEST_CASE(regex_span_maps_back_through_case_folding) {
    // ß folds to two characters and İ to two: the span must still be in the original text.
    BOOST_TEST(matched_words("re:amt", "Große İstanbul-Straße, Amt.") == "Amt");
    BOOST_TEST(matched_words("re:stras", "Die Straße.") == "Straß");
    BOOST_TEST(matched_words("re:ss", "Die Straße.") == "ß");
    BOOST_TEST(matched_words("re:schnitt\\w+", "Die Schnittstelle fehlt.") == "Schnittstelle");
}

BOOST_AUTO_TEST_CASE(regex_as_exclude) {
    const auto cb = make_codebook({{"x", {"schnittstelle*"}, {"re:kein\\w*\\s+problem"}}});
    BOOST_TEST(!match_text(cb, "Die Schnittstelle macht keine Probleme.").has("x"));
    BOOST_TEST(match_text(cb, "Die Schnittstelle macht Probleme.").has("x"));
}

BOOST_AUTO_TEST_CASE(catastrophic_backtracking_is_stopped) {
    const auto cb = make_codebook({{"a", {"amt"}}, {"k", {"re:(a+)+$"}}});
    const std::string text = std::string(34, 'a') + "b";
    try {
        (void)match_text(cb, text);
        BOOST_ERROR("the regular expression was not stopped");
    } catch (const Error& e) {
        const std::string what = e.what();
        BOOST_TEST(e.file() == "test.yaml");
        BOOST_TEST(e.line() == 12);  // the pattern's line in codebook_yaml's layout
        BOOST_TEST(what.find("'re:(a+)+$' took too long") != std::string::npos, what);
        BOOST_TEST(what.find("document 'test'") != std::string::npos, what);
        BOOST_TEST(what.find("unit at characters 0–35") != std::string::npos, what);
        BOOST_TEST(what.find("simplify the expression") != std::string::npos, what);
    }
    // The same expression on text where it fails fast is fine.
    BOOST_TEST(match_text(cb, "Das Amt.").has("a"));
}

BOOST_AUTO_TEST_SUITE_END()

// --- differential: the matcher against a brute-force reading of the rules ---------

namespace {

// Word tokens of a tiny vocabulary, so that random texts hit often.
const std::vector<std::string> kWords = {"amt", "amtsleitung", "antrag", "bescheid", "landratsamt", "nein"};
const std::vector<std::string> kOperands = {"amt", "amt*", "*amt", "*amt*", "a?trag", "bescheid", "nein",
                                            "\"amt antrag\"", "\"antrag * bescheid\"", "\"nein nein\""};

struct Iv {
    std::size_t first, last;
    bool operator<(const Iv& o) const { return first != o.first ? first < o.first : last < o.last; }
};

// DESIGN §4 as pattern.hpp defines it, by brute force over all pairs.
std::set<Iv> occurrences(const codebook::Pattern& p, const codebook::Rule& r, const text::Tokens& toks) {
    using Op = codebook::Rule::Op;
    std::set<Iv> out;
    if (r.op == Op::phrase) {
        const auto& ws = p.phrases[r.phrase].words;
        for (std::size_t i = 0; i + ws.size() <= toks.size(); ++i) {
            bool ok = true;
            for (std::size_t w = 0; w < ws.size(); ++w) ok = ok && codebook::glob_match(ws[w].text, toks[i + w].folded);
            if (ok) out.insert(Iv{i, i + ws.size()});
        }
        return out;
    }
    std::vector<std::set<Iv>> ops;
    for (const auto& o : r.operands) ops.push_back(occurrences(p, o, toks));
    if (r.op == Op::any_of || r.op == Op::all_of) {
        for (const auto& o : ops) {
            if (r.op == Op::all_of && o.empty()) return {};
            out.insert(o.begin(), o.end());
        }
        return out;
    }
    const auto n = static_cast<std::size_t>(r.distance);
    for (const auto& a : ops[0])
        for (const auto& b : ops[1]) {
            const bool after = a.last <= b.first && b.first - a.last + 1 <= n;
            const bool before = r.op == Op::near && b.last <= a.first && a.first - b.last + 1 <= n;
            if (after || before) out.insert(Iv{std::min(a.first, b.first), std::max(a.last, b.last)});
        }
    return out;
}

// A random rule; `positional` keeps AND out (NEAR/BEFORE operands).
std::string random_rule(std::mt19937& rng, int depth, bool positional) {
    std::uniform_int_distribution<int> pick(0, depth > 0 ? 5 : 0);
    const auto operand = [&] { return kOperands[std::uniform_int_distribution<std::size_t>(0, kOperands.size() - 1)(rng)]; };
    const auto d = std::to_string(std::uniform_int_distribution<int>(1, 4)(rng));
    switch (pick(rng)) {
        case 1: return "(" + random_rule(rng, depth - 1, true) + " NEAR/" + d + " " + random_rule(rng, depth - 1, true) + ")";
        case 2: return "(" + random_rule(rng, depth - 1, true) + " BEFORE/" + d + " " + random_rule(rng, depth - 1, true) + ")";
        case 3: return "(" + random_rule(rng, depth - 1, positional) + " OR " + random_rule(rng, depth - 1, positional) + ")";
        case 4:
            if (!positional)
                return "(" + random_rule(rng, depth - 1, false) + " AND " + random_rule(rng, depth - 1, false) + ")";
            return operand();
        default: return operand();
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rules_differential)

BOOST_AUTO_TEST_CASE(matcher_agrees_with_brute_force) {
    std::mt19937 rng(20240607);
    std::vector<CodeSpec> specs;
    for (int i = 0; i < 300; ++i) specs.push_back(CodeSpec{"r" + std::to_string(i), {random_rule(rng, 3, false)}});
    const auto cb = make_codebook(specs);
    const autocode::Matcher m(cb, std::nullopt);
    std::vector<std::size_t> all(m.codes().size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;

    std::size_t fired = 0, silent = 0;
    for (int t = 0; t < 200; ++t) {
        std::string text;
        const auto n = std::uniform_int_distribution<int>(1, 14)(rng);
        for (int w = 0; w < n; ++w)
            text += (w ? " " : "") + kWords[std::uniform_int_distribution<std::size_t>(0, kWords.size() - 1)(rng)];
        const auto tokens = text::tokenize(text);
        auto doc = m.prepare(text, tokens, "d");
        std::vector<autocode::Hit> hits;
        m.match(doc, Span{0, static_cast<std::uint32_t>(text.size())}, 0, tokens.size(), all, hits);
        std::map<std::size_t, autocode::Hit> by_code;
        for (const auto& h : hits) by_code.emplace(h.code, h);
        for (std::size_t c = 0; c < m.codes().size(); ++c) {
            const auto& p = *m.codes()[c].patterns.front();
            const auto expected = occurrences(p, p.rule, tokens);
            BOOST_TEST_CONTEXT("pattern " << p.source << " on '" << text << "'") {
                BOOST_TEST(by_code.count(c) == (expected.empty() ? 0u : 1u));
                if (!expected.empty() && by_code.count(c)) {
                    BOOST_TEST(by_code.at(c).first_token == expected.begin()->first);
                    BOOST_TEST(by_code.at(c).last_token == expected.begin()->last);
                }
            }
            (expected.empty() ? silent : fired) += 1;
        }
    }
    // Both outcomes are common, so the comparison means something.
    BOOST_TEST(fired > 5000u);
    BOOST_TEST(silent > 5000u);
}

BOOST_AUTO_TEST_SUITE_END()
