// The glob-literal automaton: every occurrence of every literal, compared
// with a plain search over random words, and the cases that break naive
// Aho–Corasick code (a literal inside another, shared prefixes, UTF-8).
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "autocode/literal_automaton.hpp"

using qcode::autocode::LiteralAutomaton;

namespace {

using Triple = std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>;  // end, id, begin

std::vector<Triple> found(const LiteralAutomaton& a, std::string_view word) {
    std::vector<LiteralAutomaton::Match> m;
    a.find(word, m);
    std::vector<Triple> out;
    for (const auto& x : m) out.emplace_back(x.end, x.id, x.begin);
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<Triple> brute(const std::vector<std::string>& literals, std::string_view word) {
    std::vector<Triple> out;
    for (std::uint32_t id = 0; id < literals.size(); ++id) {
        const auto& l = literals[id];
        if (l.empty()) continue;
        for (std::size_t at = word.find(l); at != std::string_view::npos; at = word.find(l, at + 1))
            out.emplace_back(static_cast<std::uint32_t>(at + l.size()), id, static_cast<std::uint32_t>(at));
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(literal_automaton)

BOOST_AUTO_TEST_CASE(finds_nested_and_overlapping_literals) {
    const std::vector<std::string> literals{"stelle", "telle", "schnitt", "schnittstelle", "ll", "amt"};
    LiteralAutomaton a;
    for (std::uint32_t i = 0; i < literals.size(); ++i) a.add(literals[i], i);
    a.build();
    for (const std::string word : {"schnittstelle", "poststellenleiter", "landratsamt", "stellle", "", "xyz"})
        BOOST_TEST((found(a, word) == brute(literals, word)), word);
    // Each match carries where it is in the word: a prefix starts at 0, a suffix ends at the end.
    const auto m = found(a, "schnittstelle");
    BOOST_TEST((std::count(m.begin(), m.end(), Triple{13, 3, 0}) == 1));  // schnittstelle, whole word
    BOOST_TEST((std::count(m.begin(), m.end(), Triple{7, 2, 0}) == 1));   // schnitt at the start
}

BOOST_AUTO_TEST_CASE(utf8_literals_match_on_code_point_boundaries) {
    const std::vector<std::string> literals{"ä", "übermittl", "straße", "ß"};
    LiteralAutomaton a;
    for (std::uint32_t i = 0; i < literals.size(); ++i) a.add(literals[i], i);
    a.build();
    for (const std::string word : {"datenübermittlung", "ausländerbehörde", "hauptstraße", "strasse", "äää"})
        BOOST_TEST((found(a, word) == brute(literals, word)), word);
}

BOOST_AUTO_TEST_CASE(empty_automaton_finds_nothing) {
    LiteralAutomaton a;
    a.add("", 0);  // ignored
    a.build();
    BOOST_TEST(a.empty());
    BOOST_TEST(found(a, "amt").empty());
}

BOOST_AUTO_TEST_CASE(agrees_with_plain_search_on_random_words) {
    std::mt19937 rng(7);
    const std::string alphabet = "aabest";  // few letters: many overlaps
    auto random_word = [&](std::size_t lo, std::size_t hi) {
        std::string w(std::uniform_int_distribution<std::size_t>(lo, hi)(rng), 'a');
        for (auto& ch : w) ch = alphabet[std::uniform_int_distribution<std::size_t>(0, alphabet.size() - 1)(rng)];
        return w;
    };
    for (int round = 0; round < 50; ++round) {
        std::vector<std::string> literals;
        for (int i = 0; i < 40; ++i) literals.push_back(random_word(1, 5));
        LiteralAutomaton a;
        for (std::uint32_t i = 0; i < literals.size(); ++i) a.add(literals[i], i);  // duplicates too
        a.build();
        for (int w = 0; w < 40; ++w) {
            const auto word = random_word(0, 20);
            BOOST_TEST_REQUIRE((found(a, word) == brute(literals, word)), word);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
