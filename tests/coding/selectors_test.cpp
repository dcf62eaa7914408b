#include <boost/test/unit_test.hpp>

#include "coding/selectors.hpp"
#include "coding_fixture.hpp"
#include "error_of.hpp"

using namespace qcode;
using namespace qcode::coding;
using qcode::coding_test::error_of;
using qcode::coding_test::Project;

namespace {

Selector unit(std::uint32_t n, UnitKind kind = UnitKind::sentence) {
    Selector s;
    s.unit = n;
    s.kind = kind;
    return s;
}

Selector quote(const std::string& q, std::uint32_t nth = 1) {
    Selector s;
    s.quote = q;
    s.nth = nth;
    return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(selectors)

BOOST_AUTO_TEST_CASE(parse_range_takes_start_colon_end) {
    BOOST_TEST((parse_range("12:40") == Span{12, 40}));
    BOOST_TEST((parse_range("0:1") == Span{0, 1}));
    BOOST_TEST(error_of([] { parse_range("40:12"); }).find("empty") != std::string::npos);
    BOOST_TEST(error_of([] { parse_range("7:7"); }).find("empty") != std::string::npos);
    for (const char* bad : {"12", "12-40", ":40", "12:", "a:b", "-1:4", "1:2:3", " 1:2"})
        BOOST_TEST(error_of([&] { parse_range(bad); }).find("START:END") != std::string::npos, bad);
}

BOOST_AUTO_TEST_CASE(quote_offsets_are_code_points) {
    // "Straße" has a ß (2 bytes) and "Ä" before it: offsets count code points.
    const std::string text = "Ärger in der Straße, Ärger im Amt.";
    const auto s = find_quote(text, "Straße", 1);
    BOOST_TEST_REQUIRE(s.has_value());
    BOOST_TEST((*s == Span{13, 19}));
    std::uint32_t n = 0;
    const auto second = find_quote(text, "Ärger", 2, &n);
    BOOST_TEST(n == 2u);
    BOOST_TEST((*second == Span{21, 26}));
    BOOST_TEST(!find_quote(text, "Ärger", 3).has_value());
    BOOST_TEST(!find_quote(text, "ärger", 1).has_value());  // case matters
}

BOOST_AUTO_TEST_CASE(quote_is_nfc_and_spaces_are_flexible) {
    const std::string text = "Die Beh\xC3\xB6rde sagt:\nnein,  danke.";  // precomposed ö
    // A decomposed ö (o + U+0308) in the quote is normalised first.
    const auto s = find_quote(text, "Beho\xCC\x88rde", 1);
    BOOST_TEST_REQUIRE(s.has_value());
    BOOST_TEST((*s == Span{4, 11}));
    // A quote copied across the line break, with one space and outer blanks.
    const auto t = find_quote(text, "  sagt: nein, danke ", 1);
    BOOST_TEST_REQUIRE(t.has_value());
    BOOST_TEST((*t == Span{12, 30}));
    BOOST_TEST(!find_quote(text, "sagtnein", 1).has_value());
    BOOST_TEST(!find_quote(text, "   ", 1).has_value());
}

BOOST_AUTO_TEST_CASE(occurrences_do_not_overlap) {
    std::uint32_t n = 0;
    find_quote("aaaa", "aa", 1, &n);
    BOOST_TEST(n == 2u);
    BOOST_TEST((*find_quote("aaaa", "aa", 2) == Span{2, 4}));
}

BOOST_AUTO_TEST_CASE(resolve_unit_range_and_quote) {
    Project p;
    const auto doc = require_document(p.store, "interview_a");
    BOOST_TEST(p.slice(doc.id, resolve(p.store, doc, unit(2))) == "Die Schnittstelle fehlt.");
    BOOST_TEST(p.slice(doc.id, resolve(p.store, doc, unit(5))) == "Die Schnittstelle zum Jobcenter fehlt auch.");
    BOOST_TEST(p.slice(doc.id, resolve(p.store, doc, unit(3, UnitKind::turn))) ==
               "Der Datenschutz bremst. Die Schnittstelle zum Jobcenter fehlt auch.");
    BOOST_TEST(p.slice(doc.id, resolve(p.store, doc, quote("Schnittstelle", 2))) == "Schnittstelle");
    const auto second = resolve(p.store, doc, quote("Schnittstelle", 2));
    const auto fifth = resolve(p.store, doc, unit(5));
    BOOST_TEST(fifth.contains(second));
    Selector r;
    r.range = Span{3, 6};
    BOOST_TEST(p.slice(doc.id, resolve(p.store, doc, r)) == "Wie");
}

BOOST_AUTO_TEST_CASE(what_cannot_be_found_is_named) {
    Project p;
    const auto doc = require_document(p.store, "interview_a");
    BOOST_TEST(error_of([&] { resolve(p.store, doc, unit(9)); }).find("has 5 sentences; there is no sentence 9") !=
               std::string::npos);
    BOOST_TEST(error_of([&] { resolve(p.store, doc, unit(4, UnitKind::turn)); }).find("has 3 turns") != std::string::npos);
    BOOST_TEST(error_of([&] { resolve(p.store, doc, quote("Faxgerät")); }).find("no \"Faxgerät\" in document 'interview_a'") !=
               std::string::npos);
    BOOST_TEST(error_of([&] { resolve(p.store, doc, quote("Jobcenter", 3)); }).find("occurs 2 times") != std::string::npos);
    Selector r;
    r.range = Span{10, 100000};
    BOOST_TEST(error_of([&] { resolve(p.store, doc, r); }).find("ends past 'interview_a'") != std::string::npos);
    BOOST_TEST(error_of([&] { resolve(p.store, doc, Selector{}); }).find("exactly one of") != std::string::npos);
    BOOST_TEST(error_of([&] { require_document(p.store, "interview_c"); }).find("no document 'interview_c'") !=
               std::string::npos);
    BOOST_TEST(error_of([&] { require_code(p.store, "huerden/technic"); }).find("did you mean 'huerden/technik'") !=
               std::string::npos);
    BOOST_TEST(error_of([&] { require_code(p.store, "jobcenter"); }).find("did you mean 'akteure/jobcenter'") !=
               std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
