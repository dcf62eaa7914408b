// lint_yaml: the seeded fixture's findings with their exact lines, and the
// checks one by one.
#include <boost/test/unit_test.hpp>

#include <string>
#include <tuple>
#include <vector>

#include "codebook/codebook.hpp"
#include "codebook/lint.hpp"
#include "core/error.hpp"

using namespace qcode::codebook;

namespace {

const std::string seeded = std::string(QCODE_FIXTURES) + "/lint/seeded.yaml";

using Row = std::tuple<int, std::string, std::string>;  // line, severity, check

std::vector<Row> rows(const std::vector<Finding>& findings) {
    std::vector<Row> out;
    for (const auto& f : findings) out.emplace_back(f.line, std::string(to_string(f.severity)), f.check);
    return out;
}

std::vector<Finding> lint(const std::string& yaml) { return lint_yaml(yaml, "t.yaml"); }

// Findings of one check.
std::vector<Finding> only(const std::vector<Finding>& fs, const std::string& check) {
    std::vector<Finding> out;
    for (const auto& f : fs)
        if (f.check == check) out.push_back(f);
    return out;
}

std::string code_with(const std::string& patterns, const std::string& extra = "") {
    return "codebook: T\ncodes:\n  - id: k\n    label: K\n" + extra + "    patterns: [" + patterns + "]\n";
}

}  // namespace

namespace std {
inline ostream& operator<<(ostream& os, const Row& r) {
    return os << get<0>(r) << ':' << get<1>(r) << ':' << get<2>(r);
}
}  // namespace std

BOOST_AUTO_TEST_SUITE(codebook_lint)

BOOST_AUTO_TEST_CASE(seeded_mistakes_with_lines) {
    const auto findings = lint_yaml_file(seeded);
    const std::vector<Row> expected = {
        {5, "error", "unknown-key"},            // langauge
        {9, "error", "unknown-key"},            // descripton
        {12, "warning", "shadowed-pattern"},    // schnittstelle by schnittstelle*
        {13, "warning", "shadowed-pattern"},    // schnittstellen* by schnittstelle*
        {15, "warning", "shadowed-pattern"},    // *eakte* by *akte*
        {17, "warning", "duplicate-pattern"},   // Medienbruch = medienbruch
        {18, "error", "invalid-pattern"},       // **akte
        {19, "warning", "never-matches"},       // 50%
        {20, "warning", "never-matches"},       // "amt , behörde"
        {21, "error", "duplicate-id"},          // technik again
        {24, "warning", "empty-code"},          // leer
        {26, "info", "empty-code"},             // hand: definition only
        {29, "warning", "empty-code"},          // ordner: not codable, no children
        {34, "error", "invalid-value"},         // #12345
        {35, "warning", "never-matches"},       // vetoed by exclude 'probleme'
        {37, "error", "duplicate-key"},         // label twice
        {40, "error", "invalid-value"},         // fold: umlaut
        {42, "error", "invalid-pattern"},       // re:(abfrage
        {43, "error", "invalid-pattern"},       // near/5 in lower case
        {45, "warning", "shadowed-pattern"},    // amt NEAR/3 akte by amt
        {46, "warning", "never-matches"},       // 50% inside an OR
        {49, "error", "invalid-value"},         // within: nirgendwo
        {50, "error", "invalid-value"},         // context: 12
    };
    BOOST_TEST(rows(findings) == expected, boost::test_tools::per_element());
    BOOST_TEST(has_errors(findings));
    for (const auto& f : findings) BOOST_TEST(f.file == seeded);
    BOOST_TEST(findings.at(0).message.find("did you mean 'language'?") != std::string::npos);
    BOOST_TEST(findings.at(2).code == "technik");
    BOOST_TEST(format_finding(findings.at(9)) ==
               seeded + ":21: error: duplicate id 'technik' (also on line 7); ids of codes with the same parent must differ");
}

BOOST_AUTO_TEST_CASE(clean_codebooks_have_no_errors) {
    const auto azr = lint_yaml_file(std::string(QCODE_SOURCE_DIR) + "/codebooks/azr.yaml");
    BOOST_TEST(!has_errors(azr));
    const auto fixture = lint_yaml_file(std::string(QCODE_FIXTURES) + "/codebooks/mayring.yaml");
    BOOST_TEST(!has_errors(fixture));
    BOOST_TEST(only(fixture, "empty-code").size() == 2u);
}

BOOST_AUTO_TEST_CASE(yaml_syntax_error_is_one_finding) {
    const auto fs = lint("codebook: T\ncodes:\n  - id: a\n    label: x: y\n");
    BOOST_REQUIRE(fs.size() == 1u);
    BOOST_TEST(fs[0].check == "yaml");
    BOOST_TEST(fs[0].line == 4);
    BOOST_TEST((fs[0].severity == Severity::error));
}

BOOST_AUTO_TEST_CASE(errors_are_exactly_the_loaders) {
    // Every error lint reports makes the loader fail, and the loader's error is among them.
    const std::vector<std::string> broken = {
        "codebook: T\ncodes:\n  - id: a b\n    label: A\n",
        "codebook: T\ncodes:\n  - label: A\n",
        "codebook: T\ncodes:\n  - id: a\n",
        "codebook: T\ncodes:\n  - id: a\n    label: A\n    codable: vielleicht\n",
        "codebook: T\ncodes:\n  - id: a\n    label: A\n    unit: satz\n",
        "codebook: T\ncodes:\n  - id: a\n    label: A\n    patterns: [\"zwei worte\"]\n",
        "codebook: T\ncodes:\n  - id: a\n    label: A\n    children: x\n",
        "codebook: T\nversion: null\ncodes: []\n",
        "version: 1\ncodes: []\n",
        "codebook: T\n",
    };
    for (const auto& y : broken) {
        const auto fs = lint(y);
        BOOST_TEST(has_errors(fs), y);
        int loader_line = -1;
        try {
            parse_yaml(y, "t.yaml");
        } catch (const qcode::Error& e) {
            loader_line = e.line();
        }
        BOOST_TEST(loader_line != -1, y);
        bool found = false;
        for (const auto& f : fs) found = found || (f.severity == Severity::error && f.line == loader_line);
        BOOST_TEST(found, y);
    }
    // And a codebook that loads has no errors.
    BOOST_TEST(!has_errors(lint("codebook: T\ncodes:\n  - id: a\n    label: A\n    patterns: [amt]\n")));
}

BOOST_AUTO_TEST_CASE(collects_all_errors) {
    const auto fs = lint("codebook: T\ncodes:\n  - id: a\n    lable: A\n  - id: b\n    label: B\n    patterns: ['\"x']\n");
    // b's only pattern is invalid: that is the error, b is not also "empty".
    const std::vector<Row> expected = {
        {3, "error", "missing"}, {3, "warning", "empty-code"}, {4, "error", "unknown-key"}, {7, "error", "invalid-pattern"}};
    BOOST_TEST(rows(fs) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(duplicates_and_shadowing) {
    BOOST_TEST(only(lint(code_with("amt, amt")), "duplicate-pattern").size() == 1u);
    BOOST_TEST(only(lint(code_with("'\"händisch übertragen\"', '\"HÄNDISCH  übertragen\"'")), "duplicate-pattern").size() == 1u);
    BOOST_TEST(only(lint(code_with("amt, amt*")), "shadowed-pattern").at(0).message.find("'amt'") != std::string::npos);
    BOOST_TEST(only(lint(code_with("'abc*', 'ab*'")), "shadowed-pattern").size() == 1u);
    BOOST_TEST(only(lint(code_with("'*akten', '*akte*'")), "shadowed-pattern").size() == 1u);
    BOOST_TEST(only(lint(code_with("'amtsakte', '*akte'")), "shadowed-pattern").size() == 1u);
    BOOST_TEST(only(lint(code_with("'s?hnitt', 'schnitt'")), "shadowed-pattern").at(0).line == 5);
    // A phrase is shadowed by one of its words' broader globs.
    BOOST_TEST(only(lint(code_with("'\"amt für soziales\"', 'amt*'")), "shadowed-pattern").size() == 1u);
    // Independent patterns are fine; so are the same words in another code.
    BOOST_TEST(only(lint(code_with("'amt*', '*amt', 'behörde'")), "shadowed-pattern").empty());
    BOOST_TEST(lint("codebook: T\ncodes:\n  - id: a\n    label: A\n    patterns: [amt]\n"
                    "  - id: b\n    label: B\n    patterns: [amt]\n")
                   .empty());
    // Exclude lists are checked for duplicates too.
    BOOST_TEST(only(lint(code_with("amt", "    exclude: [nein, nein]\n")), "duplicate-pattern").at(0).line == 5);
}

BOOST_AUTO_TEST_CASE(never_matches) {
    for (const std::string p : {"'50%'", "'c++'", "'ab§c'", "'a&b'"})
        BOOST_TEST(only(lint(code_with(p)), "never-matches").size() == 1u, p);
    for (const std::string p : {"'z.b'", "'3.5'", "'don''t'", "'straße'", "'e?akte'", "'*.de'", "'amt*'"})
        BOOST_TEST(only(lint(code_with(p)), "never-matches").empty(), p);
    const auto veto = only(lint(code_with("'amt*'", "    exclude: ['amt*']\n")), "never-matches");
    BOOST_REQUIRE(veto.size() == 1u);
    BOOST_TEST(veto[0].line == 6);
}

BOOST_AUTO_TEST_CASE(empty_codes) {
    const auto fs = lint(
        "codebook: T\ncodes:\n"
        "  - id: parent\n    label: P\n    children:\n      - id: leaf\n        label: L\n        patterns: [x]\n"
        "  - id: rules\n    label: R\n    anchor_examples: [\"ein Beispiel\"]\n"
        "  - id: nothing\n    label: N\n");
    const std::vector<Row> expected = {{9, "info", "empty-code"}, {12, "warning", "empty-code"}};
    BOOST_TEST(rows(fs) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(covers_and_token_checks) {
    auto p = [](const std::string& s) { return parse_pattern(s); };
    BOOST_TEST(pattern_covers(p("amt*"), p("amtsleitung")));
    BOOST_TEST(pattern_covers(p("*leitung"), p("*amtsleitung")));
    BOOST_TEST(pattern_covers(p("\"amt für\""), p("\"das amt für soziales\"")));
    BOOST_TEST(!pattern_covers(p("\"amt für soziales\""), p("amt")));
    BOOST_TEST(!pattern_covers(p("amt"), p("amt*")));
    BOOST_TEST(!pattern_covers(p("*amt"), p("amt*")));
    BOOST_TEST(glob_can_match_a_token(p("straße").phrases[0].words[0]));
    BOOST_TEST(!glob_can_match_a_token(p("100%").phrases[0].words[0]));
}

BOOST_AUTO_TEST_CASE(rules_in_lint) {
    // An invalid regular expression is an error on its line, with ICU's reason.
    const auto re = only(lint(code_with("amt, 're:sch(n|m'")), "invalid-pattern");
    BOOST_REQUIRE(re.size() == 1u);
    BOOST_TEST(re[0].line == 5);
    BOOST_TEST(re[0].message.find("invalid regular expression 'sch(n|m'") != std::string::npos, re[0].message);
    BOOST_TEST(re[0].message.find("ICU: U_REGEX_") != std::string::npos, re[0].message);
    // Compound rules are shadowed by a phrase they need ...
    BOOST_TEST(only(lint(code_with("'amt NEAR/3 akte', amt*")), "shadowed-pattern").size() == 1u);
    BOOST_TEST(only(lint(code_with("'amt AND akte', akte")), "shadowed-pattern").size() == 1u);
    BOOST_TEST(only(lint(code_with("'amt OR amtsleitung', amt*")), "shadowed-pattern").size() == 1u);
    BOOST_TEST(only(lint(code_with("amt, 'amt OR akte'")), "shadowed-pattern").size() == 1u);
    // ... but not by what they do not need, and NEAR covers nothing for certain.
    BOOST_TEST(only(lint(code_with("'amt OR akte', amt*")), "shadowed-pattern").empty());
    BOOST_TEST(only(lint(code_with("amt, 'amt NEAR/3 akte'")), "shadowed-pattern").size() == 1u);
    BOOST_TEST(only(lint(code_with("'amt NEAR/3 akte', 'amt NEAR/2 akte'")), "shadowed-pattern").empty());
    // An exclude with NEAR does not make a pattern "never matching".
    BOOST_TEST(only(lint(code_with("'schnittstelle*'", "    exclude: ['kein* NEAR/2 problem*']\n")), "never-matches").empty());
    BOOST_TEST(only(lint(code_with("'amt NEAR/2 probleme'", "    exclude: [probleme]\n")), "never-matches").size() == 1u);
    // A word no token can be: the whole rule, or only one alternative of it.
    const auto dead = only(lint(code_with("'amt AND 50%', 'amt OR 50%'")), "never-matches");
    BOOST_REQUIRE(dead.size() == 2u);
    BOOST_TEST(dead[0].message.find("'amt AND 50%' in code 'k' can never match") != std::string::npos, dead[0].message);
    BOOST_TEST(dead[1].message.find("'amt OR 50%' in code 'k' has a part that can never match") != std::string::npos,
               dead[1].message);
    // Duplicates of compound rules are found as written.
    BOOST_TEST(only(lint(code_with("'a NEAR/2 b', 'a NEAR/2 b'")), "duplicate-pattern").size() == 1u);
}

BOOST_AUTO_TEST_CASE(fold_in_lint) {
    // Valid folds load; the patterns are compared as folded.
    BOOST_TEST(!has_errors(lint(code_with("amt", "    fold: [case, umlauts, stem]\n"))));
    BOOST_TEST(!has_errors(lint("codebook: T\ndefaults: { fold: 'case, diacritics' }\ncodes: []\n")));
    BOOST_TEST(only(lint(code_with("ausländer, auslaender", "    fold: [umlauts]\n")), "duplicate-pattern").size() == 1u);
    BOOST_TEST(only(lint(code_with("ausländer, auslaender")), "duplicate-pattern").empty());
    // The default fold applies wherever defaults stand in the file.
    BOOST_TEST(only(lint("codebook: T\ncodes:\n  - id: k\n    label: K\n    patterns: [behörde, behorde]\n"
                         "defaults: { fold: [diacritics] }\n"),
                    "duplicate-pattern")
                   .size() == 1u);
    // Under stem an exact word covers the exact words of its stem, never a glob's.
    const auto same = only(lint(code_with("schnittstelle, schnittstellen", "    fold: [stem]\n")), "shadowed-pattern");
    BOOST_REQUIRE(same.size() == 1u);  // they cover each other: the later one is reported
    BOOST_TEST(same[0].message.find("pattern 'schnittstellen'") != std::string::npos, same[0].message);
    BOOST_TEST(only(lint(code_with("schnittstelle, schnittstellen")), "shadowed-pattern").empty());
    BOOST_TEST(only(lint(code_with("'schnitt*', schnittstellen", "    fold: [stem]\n")), "shadowed-pattern").empty());
    // An unknown fold is an error on its line, listing the valid ones.
    const auto bad = lint(code_with("amt", "    fold: [case, umlaut]\n"));
    BOOST_TEST(has_errors(bad));
    const auto invalid = only(bad, "invalid-value");
    BOOST_REQUIRE(invalid.size() == 1u);
    BOOST_TEST(invalid[0].line == 5);
    BOOST_TEST(invalid[0].message.find("unknown fold 'umlaut': use case, diacritics, umlauts or stem") != std::string::npos,
               invalid[0].message);
}

BOOST_AUTO_TEST_CASE(unreadable_file) {
    const auto fs = lint_yaml_file("/nonexistent/codebook.yaml");
    BOOST_REQUIRE(fs.size() == 1u);
    BOOST_TEST((fs[0].severity == Severity::error));
    BOOST_TEST(format_finding(fs[0]) == "/nonexistent/codebook.yaml: error: cannot read the codebook: no such file");
}

BOOST_AUTO_TEST_SUITE_END()
