// `fold:` in YAML codebooks (DESIGN §4): defaults and per code, list or
// comma-separated text, the patterns parsed with the effective fold, and
// the writer giving it back; rules of the full language survive the writer.
#include <boost/test/unit_test.hpp>

#include <string>

#include "codebook/codebook.hpp"
#include "codebook/yaml_writer.hpp"
#include "core/error.hpp"

using namespace qcode::codebook;
using qcode::text::FoldOptions;

namespace {

FoldOptions fold(bool diacritics, bool umlauts, bool stem) { return FoldOptions{diacritics, umlauts, stem}; }

const std::string book = R"(codebook: F
codes:
  - id: plain
    label: Plain
    patterns: ['Ausländer*']
  - id: own
    label: Own
    fold: [case, umlauts, stem]
    patterns: ['Ausländer*', Schnittstellen]
    exclude: ['"können nicht"']
    children:
      - id: child
        label: Child
        patterns: ['Ausländer*']
  - id: text
    label: Text
    fold: "case, diacritics"
    patterns: [Behörde]
  - id: bare
    label: Bare
    fold: [case]
    patterns: ['Ausländer*']
defaults: { unit: sentence, fold: [diacritics] }
)";

}  // namespace

BOOST_AUTO_TEST_SUITE(codebook_fold)

BOOST_AUTO_TEST_CASE(defaults_and_codes) {
    const auto cb = parse_yaml(book, "f.yaml");
    BOOST_TEST((cb.defaults.fold == fold(true, false, false)));
    const auto& plain = cb.codes.at(0);
    const auto& own = cb.codes.at(1);
    BOOST_TEST(!plain.fold.has_value());
    BOOST_TEST((own.fold == fold(false, true, true)));
    BOOST_TEST((cb.codes.at(2).fold == fold(true, false, false)));
    BOOST_TEST((cb.codes.at(3).fold == fold(false, false, false)));  // `case` alone: an explicit "no more"
    // A child does not inherit its parent's fold: it has the default.
    BOOST_TEST(!own.children.at(0).fold.has_value());
}

BOOST_AUTO_TEST_CASE(patterns_are_parsed_with_the_effective_fold) {
    // The defaults come after the codes in the file and still apply.
    const auto cb = parse_yaml(book, "f.yaml");
    const auto word = [](const Pattern& p) { return p.phrases.at(0).words.at(0); };
    BOOST_TEST(word(cb.codes.at(0).patterns.at(0)).text == "auslander*");   // default: diacritics
    BOOST_TEST(word(cb.codes.at(1).patterns.at(0)).text == "auslaender*");  // own: umlauts
    BOOST_TEST(word(cb.codes.at(1).patterns.at(1)).stem == "schnittstell");
    BOOST_TEST(cb.codes.at(1).exclude.at(0).phrases.at(0).words.at(0).text == "koennen");
    BOOST_TEST(word(cb.codes.at(1).children.at(0).patterns.at(0)).text == "auslander*");
    BOOST_TEST(word(cb.codes.at(2).patterns.at(0)).text == "behorde");
    BOOST_TEST(word(cb.codes.at(3).patterns.at(0)).text == "ausländer*");
    BOOST_TEST((cb.codes.at(1).patterns.at(0).fold == fold(false, true, true)));
}

BOOST_AUTO_TEST_CASE(writer_round_trips_the_folds) {
    const auto cb = parse_yaml(book, "f.yaml");
    const auto y = to_yaml(cb);
    BOOST_TEST(y.find("defaults: { unit: sentence, speakers: respondents, fold: [case, diacritics] }") != std::string::npos, y);
    BOOST_TEST(y.find("    fold: [case, umlauts, stem]\n") != std::string::npos, y);
    BOOST_TEST(y.find("    fold: [case]\n") != std::string::npos, y);
    const auto back = parse_yaml(y, "back.yaml");
    BOOST_TEST((back.defaults.fold == cb.defaults.fold));
    for (std::size_t i = 0; i < cb.codes.size(); ++i) BOOST_TEST((back.codes[i].fold == cb.codes[i].fold));
    BOOST_TEST(!back.codes.at(1).children.at(0).fold.has_value());
    BOOST_TEST(to_yaml(back) == y);
    // No fold beyond case: nothing written.
    const auto none = to_yaml(parse_yaml("codebook: N\ncodes: []\n", "n.yaml"));
    BOOST_TEST(none.find("fold") == std::string::npos, none);
}

BOOST_AUTO_TEST_CASE(rules_survive_the_writer) {
    const std::string y = "codebook: R\ncodes:\n  - id: r\n    label: R\n    patterns:\n"
                          "      - 'azr NEAR/5 abfrage*'\n"
                          "      - '(amt OR \"landes amt\") AND NOT_AN_OPERATOR'\n"
                          "      - 're:\\bamt\\b|§\\s*\\d+'\n"
                          "    exclude:\n      - 'kein* NEAR/2 problem*'\n";
    const auto cb = parse_yaml(y, "r.yaml");
    const auto back = parse_yaml(to_yaml(cb), "back.yaml");
    BOOST_REQUIRE(back.codes.at(0).patterns.size() == 3u);
    for (std::size_t i = 0; i < 3; ++i) BOOST_TEST(back.codes[0].patterns[i].source == cb.codes[0].patterns[i].source);
    BOOST_TEST(back.codes[0].patterns[2].rule.regex == "\\bamt\\b|§\\s*\\d+");
    BOOST_TEST(back.codes[0].exclude.at(0).source == "kein* NEAR/2 problem*");
}

BOOST_AUTO_TEST_SUITE_END()
