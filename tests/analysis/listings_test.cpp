// codings_table and documents_table: the Segments and Documents sheets.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "analysis/listings.hpp"
#include "core/error.hpp"
#include "tables_fixture.hpp"

using namespace qcode;
using namespace qcode::analysis_test;

namespace tt = boost::test_tools;

BOOST_AUTO_TEST_SUITE(listings)

BOOST_AUTO_TEST_CASE(codings_in_document_and_position_order) {
    TablesProject p;
    const auto t = analysis::codings_table(p.store, {}, {});
    BOOST_TEST(column_names(t) == (Strings{"document", "code", "start", "end", "coder", "origin", "speaker", "text"}),
               tt::per_element());
    BOOST_REQUIRE(t.rows.size() == 11u);  // every coding, also the second coder's copy
    // d1 [3,13): a1 by anna and by ben, then a2 (tree order).
    BOOST_TEST(text_at(t, 0, "code") == "a/a1");
    BOOST_TEST(text_at(t, 1, "code") == "a/a1");
    BOOST_TEST(text_at(t, 2, "code") == "a/a2");
    BOOST_TEST(text_at(t, 0, "text") == "Aaaa aaaa.");
    BOOST_TEST(text_at(t, 0, "speaker") == "B");
    BOOST_TEST(text_at(t, 3, "code") == "b/b1/x");
    BOOST_TEST(text_at(t, 3, "text") == "aaaa. Bbbb b");  // [8,20)
    BOOST_TEST(text_at(t, 6, "code") == "c");
    BOOST_TEST(text_at(t, 6, "origin") == "auto");
    BOOST_TEST(text_at(t, 6, "coder") == "auto");
    BOOST_TEST(text_at(t, 7, "speaker") == "I");
    BOOST_TEST(text_at(t, 7, "text") == "Dddd.");
    BOOST_TEST(int_at(t, 7, "start") == 39);
    BOOST_TEST(text_at(t, 8, "document") == "d2");
    BOOST_TEST(text_at(t, 10, "text") == "ff ff");  // d3 [5,10)
}

BOOST_AUTO_TEST_CASE(codings_filtered_and_by_root) {
    TablesProject p;
    store::CodingFilter f;
    f.coders = {"anna"};
    analysis::CodeSelection s;
    s.root = "a";
    s.depth = 1;  // does not cut a list of codings
    const auto t = analysis::codings_table(p.store, f, s);
    BOOST_TEST(t.rows.size() == 5u);  // a1 [3,13) [14,24), a2 [3,13) [10,16) d3 [3,13)
    s.root = "nix";
    BOOST_CHECK_THROW(analysis::codings_table(p.store, f, s), Error);
}

BOOST_AUTO_TEST_CASE(documents_with_attribute_columns) {
    TablesProject p;
    p.store.set_attribute(p.d1, "format", "Interview");  // clashes with the document's own format column
    const auto t = analysis::documents_table(p.store, {});
    BOOST_TEST(column_names(t) == (Strings{"document", "format", "imported_at", "length", "speakers", "turns",
                                           "sentences", "attr:format", "kommune", "typ"}),
               tt::per_element());
    BOOST_REQUIRE(t.rows.size() == 3u);
    BOOST_TEST(text_at(t, 0, "document") == "d1");
    BOOST_TEST(text_at(t, 0, "format") == "text");
    BOOST_TEST(int_at(t, 0, "length") == 44);  // code points of the stored text (no final line end)
    BOOST_TEST(int_at(t, 0, "speakers") == 2);
    BOOST_TEST(int_at(t, 0, "turns") == 2);
    BOOST_TEST(int_at(t, 0, "sentences") == 4);
    BOOST_TEST(text_at(t, 0, "attr:format") == "Interview");
    BOOST_TEST(text_at(t, 1, "attr:format") == "");
    BOOST_TEST(text_at(t, 1, "kommune") == "Süd");
    BOOST_TEST(text_at(t, 1, "typ") == "");
}

BOOST_AUTO_TEST_SUITE_END()
