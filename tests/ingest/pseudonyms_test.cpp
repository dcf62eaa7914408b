// Pseudonymisation before parsing: whole words, case-insensitive, several
// words, longest first; the table is a CSV "original,replacement".
#include <boost/test/unit_test.hpp>

#include <string>

#include "core/error.hpp"
#include "ingest/ingest_fixture.hpp"
#include "ingest/plain_text.hpp"
#include "ingest/pseudonyms.hpp"
#include "support/temp_dir.hpp"

using namespace qcode;
using namespace qcode::ingest_test;
using qcode::ingest::apply_pseudonyms;
using qcode::ingest::load_pseudonyms;
using qcode::ingest::parse_pseudonyms;
using qcode::ingest::PseudonymTable;

namespace {

PseudonymTable table(std::vector<std::pair<std::string, std::string>> pairs) { return PseudonymTable{std::move(pairs)}; }

// The line of the error parse_pseudonyms throws (0 without one), and its message.
std::pair<int, std::string> csv_error(const std::string& csv) {
    try {
        parse_pseudonyms(csv, "namen.csv");
    } catch (const Error& e) {
        BOOST_TEST(e.file() == "namen.csv");
        return {e.line(), e.message()};
    }
    return {0, ""};
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(pseudonyms)

BOOST_AUTO_TEST_CASE(whole_words_only) {
    const auto r = apply_pseudonyms("Meier, Obermeier und Meierhof; (Meier) Meier.", table({{"Meier", "Schulz"}}));
    BOOST_TEST(r.text == "Schulz, Obermeier und Meierhof; (Schulz) Schulz.");
    BOOST_TEST(r.replacements == 3u);
}

BOOST_AUTO_TEST_CASE(genitive_is_not_replaced_but_reported) {
    const auto r = apply_pseudonyms("Das war Meiers Idee.\nMeiers B\xC3\xBCro und Meier selbst.",
                                    table({{"Meier", "Schulz"}}));
    BOOST_TEST(r.text == "Das war Meiers Idee.\nMeiers B\xC3\xBCro und Schulz selbst.");
    BOOST_TEST(r.replacements == 1u);
    BOOST_TEST_REQUIRE(r.near_misses.size() == 1u);  // each distinct word once
    BOOST_TEST(r.near_misses[0].word == "Meiers");
    BOOST_TEST(r.near_misses[0].original == "Meier");
    BOOST_TEST(r.near_misses[0].line == 1);
}

BOOST_AUTO_TEST_CASE(punctuation_and_hyphens_are_boundaries) {
    const auto r = apply_pseudonyms("Meier-Schulz, Meier's, \xE2\x80\x9EMeier\xE2\x80\x9C, Meier2",
                                    table({{"Meier", "Lange"}}));
    BOOST_TEST(r.text == "Lange-Schulz, Lange's, \xE2\x80\x9ELange\xE2\x80\x9C, Meier2");
    BOOST_TEST(r.replacements == 3u);
}

BOOST_AUTO_TEST_CASE(case_insensitive) {
    const auto r = apply_pseudonyms("MEIER, meier, Meier, mEiEr", table({{"Meier", "Schulz"}}));
    BOOST_TEST(r.text == "Schulz, Schulz, Schulz, Schulz");
    BOOST_TEST(r.replacements == 4u);
}

BOOST_AUTO_TEST_CASE(umlauts_and_sharp_s) {
    auto r = apply_pseudonyms("Frau M\xC3\xBCller, FRAU M\xC3\x9CLLER, Mueller, Muller",
                              table({{"Frau M\xC3\xBCller", "Frau Yilmaz"}}));
    BOOST_TEST(r.text == "Frau Yilmaz, Frau Yilmaz, Mueller, Muller");
    BOOST_TEST(r.replacements == 2u);
    // Full case folding: "STRAUSS" is "Strauß"; a match never ends inside "ß".
    r = apply_pseudonyms("Strau\xC3\x9F, STRAUSS, Straus", table({{"Strau\xC3\x9F", "Berg"}}));
    BOOST_TEST(r.text == "Berg, Berg, Straus");
    r = apply_pseudonyms("Gro\xC3\x9F", table({{"Gros", "X"}}));
    BOOST_TEST(r.text == "Gro\xC3\x9F");
    BOOST_TEST(r.replacements == 0u);
}

BOOST_AUTO_TEST_CASE(nfd_table_entries_match_nfc_text) {
    const auto t = parse_pseudonyms("original,replacement\nMu\xCC\x88ller,Schmidt\n", "n.csv");
    BOOST_TEST_REQUIRE(t.pairs.size() == 1u);
    BOOST_TEST(t.pairs[0].first == "M\xC3\xBCller");
    BOOST_TEST(apply_pseudonyms("Herr M\xC3\xBCller", t).text == "Herr Schmidt");
}

BOOST_AUTO_TEST_CASE(multi_word_originals) {
    const auto r = apply_pseudonyms("Wir haben Frau Dr. Meier gefragt. Frau  Dr.\tMeier sagte nein.\nFrau Dr.\nMeier",
                                    table({{"Frau Dr. Meier", "Frau Dr. X"}}));
    // Any run of spaces or tabs; never across a line break.
    BOOST_TEST(r.text == "Wir haben Frau Dr. X gefragt. Frau Dr. X sagte nein.\nFrau Dr.\nMeier");
    BOOST_TEST(r.replacements == 2u);
}

BOOST_AUTO_TEST_CASE(longest_original_first) {
    const auto t = table({{"Meier", "Schulz"}, {"Frau Dr. Meier", "Frau Dr. Lange"}, {"Anna Meier", "Anna Berg"}});
    const auto r = apply_pseudonyms("Frau Dr. Meier und Anna Meier und Meier.", t);
    BOOST_TEST(r.text == "Frau Dr. Lange und Anna Berg und Schulz.");
    BOOST_TEST(r.replacements == 3u);
}

BOOST_AUTO_TEST_CASE(replacements_are_not_replaced_again) {
    const auto r = apply_pseudonyms("Meier und M\xC3\xBCller", table({{"Meier", "M\xC3\xBCller"}, {"M\xC3\xBCller", "Schmidt"}}));
    BOOST_TEST(r.text == "M\xC3\xBCller und Schmidt");
    BOOST_TEST(r.replacements == 2u);
}

BOOST_AUTO_TEST_CASE(replacement_count_and_empty_table) {
    auto r = apply_pseudonyms("Nordheim, Nordheim, Nordheim.", table({{"Nordheim", "[Stadt]"}}));
    BOOST_TEST(r.text == "[Stadt], [Stadt], [Stadt].");
    BOOST_TEST(r.replacements == 3u);
    r = apply_pseudonyms("Nichts zu tun.", table({}));
    BOOST_TEST(r.text == "Nichts zu tun.");
    BOOST_TEST(r.replacements == 0u);
    r = apply_pseudonyms("", table({{"Meier", "X"}}));
    BOOST_TEST(r.text == "");
}

BOOST_AUTO_TEST_CASE(labels_are_pseudonymised_before_parsing) {
    const auto t = table({{"Frau Meier", "Frau K."}, {"Herr Schneider", "Herr L."}, {"Nordheim", "[Stadt]"}});
    const auto r = apply_pseudonyms(
        "Herr Schneider: Frau Meier, wie ist es in Nordheim?\nFrau Meier: Gut.\nHerr Schneider: Danke.\n"
        "Frau Meier: Bitte.\n",
        t);
    BOOST_TEST(r.replacements == 6u);
    const auto d = ingest::parse_plain_text(r.text, ingest::RoleRules());
    BOOST_TEST(d.text.find("Meier") == std::string::npos);
    BOOST_TEST(d.text.find("Schneider") == std::string::npos);
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST(speakers_of(turns) == (Strings{"Herr L.", "Frau K.", "Herr L.", "Frau K."}),
               boost::test_tools::per_element());
    BOOST_TEST(slices_of(d, turns) == (Strings{"Frau K., wie ist es in [Stadt]?", "Gut.", "Danke.", "Bitte."}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(load_a_csv_file) {
    testing::TempDir dir;
    // Semicolons (German Excel), a quoted field with a comma, windows-1252 bytes, CRLF.
    const auto path = dir.write("namen.csv", "original;replacement\r\nM\xFCller;Schmidt\r\n\"Meier, Anna\";\"Berg, Eva\"\r\n");
    const auto t = load_pseudonyms(path);
    BOOST_TEST_REQUIRE(t.pairs.size() == 2u);
    BOOST_TEST(t.pairs[0].first == "M\xC3\xBCller");
    BOOST_TEST(t.pairs[0].second == "Schmidt");
    BOOST_TEST(t.pairs[1].first == "Meier, Anna");
    BOOST_TEST(t.pairs[1].second == "Berg, Eva");
    BOOST_CHECK_THROW(load_pseudonyms((dir.path() / "fehlt.csv").string()), Error);
}

BOOST_AUTO_TEST_CASE(csv_errors_name_their_line) {
    auto [line, message] = csv_error("name,pseudonym\nMeier,Schulz\n");
    BOOST_TEST(line == 1);
    BOOST_TEST(contains(message, "original,replacement"));
    std::tie(line, message) = csv_error("original,replacement\nMeier,Schulz\nLange\n");
    BOOST_TEST(line == 3);
    BOOST_TEST(contains(message, "expected 2 fields"));
    std::tie(line, message) = csv_error("original,replacement\nMeier,Schulz,extra\n");
    BOOST_TEST(line == 2);
    std::tie(line, message) = csv_error("original,replacement\nMeier,Schulz\n\n , X\n");
    BOOST_TEST(line == 4);
    BOOST_TEST(contains(message, "original name is empty"));
    std::tie(line, message) = csv_error("original,replacement\nMeier,\n");
    BOOST_TEST(line == 2);
    BOOST_TEST(contains(message, "replacement for 'Meier' is empty"));
    std::tie(line, message) = csv_error("original,replacement\nMeier,Schulz\nLange,Berg\nMEIER,Krause\n");
    BOOST_TEST(line == 4);
    BOOST_TEST(contains(message, "already listed on line 2"));
    std::tie(line, message) = csv_error("original,replacement\n\"Meier,Schulz\n");
    BOOST_TEST(line == 2);  // the csv reader's error: a quote never closed
    std::tie(line, message) = csv_error("");
    BOOST_TEST(line == 1);
    BOOST_TEST(contains(message, "empty"));
}

BOOST_AUTO_TEST_CASE(header_is_case_insensitive_and_duplicates_with_the_same_replacement_are_fine) {
    const auto t = parse_pseudonyms("Original, Replacement\nMeier,Schulz\nmeier,Schulz\n", "n.csv");
    BOOST_TEST_REQUIRE(t.pairs.size() == 1u);
    BOOST_TEST(t.pairs[0].first == "Meier");
}

BOOST_AUTO_TEST_SUITE_END()
