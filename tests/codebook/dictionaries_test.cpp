// LIWC .dic and quanteda/Lexicoder YAML dictionaries as codebooks: the exact
// trees and patterns they give, and what they leave out.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "codebook/codebook.hpp"
#include "codebook/dictionaries.hpp"
#include "core/error.hpp"

using namespace qcode::codebook;

namespace {

std::string sources(const Code& c) {
    std::string out;
    for (const auto& p : c.patterns) out += (out.empty() ? "" : " | ") + p.source;
    return out;
}

// path: patterns, one line per code in tree order.
std::string tree(const Codebook& cb) {
    std::string out;
    for_each_code(cb.codes, [&](const Code& c) { out += c.path + " (" + c.label + "): " + sources(c) + "\n"; });
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(dictionaries)

BOOST_AUTO_TEST_CASE(liwc_dic) {
    const std::string dic =
        "%\n"
        "1\tfunct\n"
        "2\tpronoun\n"
        "125\tposemo\tPositive Emotionen\n"
        "126 negemo\n"
        "%\n"
        "a\t1\n"
        "ich\t01\t2\n"
        "gut*\t125\n"
        "kind of\t1 2\n"
        "schlecht* 126\n"
        "like\t02\t134\t(02 134)125/464\n"
        "traurig*\t126\t999\n"
        ":)\t125\n"
        "ohne\n"
        "gut*\t125\n";
    std::vector<std::string> warnings;
    const auto cb = read_liwc_dic(dic, "/d/LIWC2015_German.dic", warnings);
    BOOST_TEST(cb.name == "LIWC2015_German");
    BOOST_TEST(tree(cb) ==
               "funct (funct): a | ich | \"kind of\"\n"
               "pronoun (pronoun): ich | \"kind of\" | like\n"
               "posemo (posemo): gut*\n"
               "negemo (negemo): schlecht* | traurig*\n");
    BOOST_TEST(cb.codes[2].description == "Positive Emotionen");
    const std::vector<std::string> expected = {
        "/d/LIWC2015_German.dic:12: category 134 is not in the header; its entries are left out",
        "/d/LIWC2015_German.dic:12: conditional category '(02' left out (LIWC2007 syntax; also on later lines)",
        "/d/LIWC2015_German.dic:13: category 999 is not in the header; its entries are left out",
        "/d/LIWC2015_German.dic:15: entry 'ohne' has no category; left out",
    };
    // ':)' is no pattern (why is parse_pattern's business).
    BOOST_REQUIRE(warnings.size() == 5u);
    BOOST_TEST(warnings[3].starts_with("/d/LIWC2015_German.dic:14: entry ':)' of 'posemo' left out: "));
    warnings.erase(warnings.begin() + 3);
    BOOST_TEST(warnings == expected, boost::test_tools::per_element());
    // Stored as YAML, and prefix globs stay prefix globs.
    BOOST_TEST(cb.source.find("      - 'gut*'\n") != std::string::npos);
    BOOST_TEST((cb.codes[2].patterns.at(0).phrases.at(0).words.at(0).kind == WordGlob::Kind::prefix));
}

BOOST_AUTO_TEST_CASE(liwc_errors) {
    std::vector<std::string> w;
    BOOST_CHECK_THROW(read_liwc_dic("word\t1\n", "x.dic", w), qcode::Error);
    BOOST_CHECK_THROW(read_liwc_dic("%\n1\tfunct\n", "x.dic", w), qcode::Error);
    try {
        read_liwc_dic("%\n1\tfunct\nzwei\n%\n", "x.dic", w);
        BOOST_FAIL("accepted");
    } catch (const qcode::Error& e) {
        BOOST_TEST(e.line() == 3);
    }
    try {
        read_liwc_dic("%\n1\ta\n1\tb\n%\n", "x.dic", w);
        BOOST_FAIL("accepted");
    } catch (const qcode::Error& e) {
        BOOST_TEST(e.line() == 3);
        BOOST_TEST(e.message().find("declared twice") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(quanteda_yaml) {
    const std::string yml =
        "# Lexicoder-style sentiment, nested like quanteda's dictionary()\n"
        "positiv:\n"
        "  - gut*\n"
        "  - \"sehr schön\"\n"
        "  - a lot of fun\n"
        "negativ:\n"
        "  stark: [katastroph*, '*desaster*']\n"
        "  schwach:\n"
        "    - schlecht*\n"
        "    - '50%'\n"
        "    - '!!'\n"
        "Wirtschaft:\n"
        "  - wachstum*\n"
        "  - Steuern:\n"
        "      - steuer*\n"
        "leer:\n"
        "positiv:\n"
        "  - super\n";
    std::vector<std::string> warnings;
    const auto cb = read_yaml_dictionary(yml, "lsd.yml", warnings);
    BOOST_TEST(cb.name == "lsd");
    BOOST_TEST(tree(cb) ==
               "positiv (positiv): gut* | \"sehr schön\" | \"a lot of fun\" | super\n"
               "negativ (negativ): \n"
               "negativ/stark (stark): katastroph* | *desaster*\n"
               "negativ/schwach (schwach): schlecht* | 50%\n"
               "wirtschaft (Wirtschaft): wachstum*\n"
               "wirtschaft/steuern (Steuern): steuer*\n"
               "leer (leer): \n");
    BOOST_REQUIRE(warnings.size() == 1u);
    BOOST_TEST(warnings[0] == "lsd.yml:11: entry '!!' of 'schwach' left out: the pattern has no words, only punctuation");
}

BOOST_AUTO_TEST_CASE(detection_and_entries) {
    BOOST_TEST(is_yaml_dictionary("positiv: [gut]\n"));
    BOOST_TEST(!is_yaml_dictionary("codebook: x\ncodes: []\n"));
    BOOST_TEST(!is_yaml_dictionary("- a\n- b\n"));
    BOOST_TEST(!is_yaml_dictionary("a: [\n"));
    BOOST_TEST(pattern_from_entry("  a   lot ") == "\"a lot\"");
    BOOST_TEST(pattern_from_entry("\"b\"") == "b");
    BOOST_TEST(pattern_from_entry("tax*") == "tax*");
    std::vector<std::string> w;
    BOOST_CHECK_THROW(read_yaml_dictionary("- a\n", "x.yml", w), qcode::Error);
}

BOOST_AUTO_TEST_SUITE_END()
