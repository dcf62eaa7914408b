// qcode segments: exactly the coded text, with who said and who coded it,
// filtered like every table, with units of context.
#include <boost/test/unit_test.hpp>

#include "analysis/segments.hpp"
#include "core/error.hpp"
#include "analysis_fixture.hpp"

using namespace qcode;
using namespace qcode::analysis_test;

namespace tt = boost::test_tools;

namespace {

// d1: s1 [3,13) "Aaaa aaaa."  s2 [14,24) "Bbbb bbbb."  s3 [25,35) "Cccc cccc."  s4 [39,44) "Dddd." (I)
struct Coded : Project {
    Coded() {
        code("b/b1/x", d1, 3, 13, "ben", Origin::automatic);
        code("a/a2", d1, 5, 9);             // part of s1
        code("a/a1", d1, 14, 24);           // s2
        code("a/a1", d1, 14, 24, "ben");    // the same place, another coder
        code("c", d1, 39, 44);              // s4, the interviewer
        code("c", d1, 3, 35, "ben");        // turn t1
        code("c", d2, 3, 13);
    }
};

Strings column(const Table& t, const std::string& name) {
    Strings out;
    for (std::size_t r = 0; r < t.rows.size(); ++r) out.push_back(text_at(t, r, name));
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(segments)

BOOST_AUTO_TEST_CASE(every_coding_with_exactly_its_text) {
    Coded p;
    const auto t = analysis::segments_table(p.store, {}, {});
    BOOST_TEST(column_names(t) == (Strings{"document", "code", "coder", "origin", "speaker", "role", "start", "end",
                                           "t_start", "text"}),
               tt::per_element());
    BOOST_TEST(column(t, "text") == (Strings{"Aaaa aaaa.", "Aaaa aaaa. Bbbb bbbb.\nCccc cccc.", "aa a", "Bbbb bbbb.",
                                             "Bbbb bbbb.", "Dddd.", "Eeee eeee."}),
               tt::per_element());
    BOOST_TEST(column(t, "code") == (Strings{"b/b1/x", "c", "a/a2", "a/a1", "a/a1", "c", "c"}), tt::per_element());
    BOOST_TEST(column(t, "coder") == (Strings{"ben", "ben", "anna", "anna", "ben", "anna", "anna"}), tt::per_element());
    BOOST_TEST(text_at(t, 0, "origin") == "auto");
    BOOST_TEST(text_at(t, 0, "speaker") == "B");
    BOOST_TEST(text_at(t, 0, "role") == "respondent");
    BOOST_TEST(text_at(t, 5, "speaker") == "I");
    BOOST_TEST(text_at(t, 5, "role") == "interviewer");
    BOOST_TEST(int_at(t, 2, "start") == 5);
    BOOST_TEST(int_at(t, 2, "end") == 9);
    BOOST_TEST(text_at(t, 0, "t_start") == "");
    BOOST_TEST(text_at(t, 6, "document") == "d2");
}

BOOST_AUTO_TEST_CASE(a_code_includes_its_subtree_unless_exact) {
    Coded p;
    analysis::SegmentOptions o;
    o.code = "a";
    BOOST_TEST(column(analysis::segments_table(p.store, {}, o), "code") == (Strings{"a/a2", "a/a1", "a/a1"}),
               tt::per_element());
    o.exact = true;
    BOOST_TEST(analysis::segments_table(p.store, {}, o).rows.empty());
    o.code = "b";
    o.exact = false;
    BOOST_TEST(column(analysis::segments_table(p.store, {}, o), "text") == (Strings{"Aaaa aaaa."}), tt::per_element());
    o.code = "b/b1";
    o.depth = 2;  // x is at depth 3
    BOOST_TEST(analysis::segments_table(p.store, {}, o).rows.empty());
    o.code = "nix";
    o.depth.reset();
    BOOST_CHECK_THROW(analysis::segments_table(p.store, {}, o), Error);
}

BOOST_AUTO_TEST_CASE(filters_by_coder_origin_document_speaker_role_and_attribute) {
    Coded p;
    store::CodingFilter f;
    f.coders = {"anna"};
    BOOST_TEST(analysis::segments_table(p.store, f, {}).rows.size() == 4u);
    f = {};
    f.origins = {Origin::automatic};
    BOOST_TEST(column(analysis::segments_table(p.store, f, {}), "code") == (Strings{"b/b1/x"}), tt::per_element());
    f = {};
    f.documents = {"d2"};
    BOOST_TEST(column(analysis::segments_table(p.store, f, {}), "text") == (Strings{"Eeee eeee."}), tt::per_element());
    f.documents = {"d9"};
    BOOST_CHECK_THROW(analysis::segments_table(p.store, f, {}), Error);
    f = {};
    f.roles = {Role::interviewer};
    BOOST_TEST(column(analysis::segments_table(p.store, f, {}), "text") == (Strings{"Dddd."}), tt::per_element());
    analysis::SegmentOptions o;
    o.speakers = {"I"};
    BOOST_TEST(column(analysis::segments_table(p.store, {}, o), "text") == (Strings{"Dddd."}), tt::per_element());
    o.speakers = {"B"};
    BOOST_TEST(analysis::segments_table(p.store, {}, o).rows.size() == 6u);
    p.store.set_attribute(p.d2, "kommune", "Nordheim");
    f = {};
    f.where = {{"kommune", "Nordheim"}};
    BOOST_TEST(column(analysis::segments_table(p.store, f, {}), "document") == (Strings{"d2"}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(context_units_of_the_codings_own_kind) {
    Coded p;
    analysis::SegmentOptions o;
    o.context = 1;
    const auto t = analysis::segments_table(p.store, {}, o);
    BOOST_TEST(column_names(t).back() == "context_after");
    // s1 (sentence): nothing before it, s2 after.
    BOOST_TEST(text_at(t, 0, "context_before") == "");
    BOOST_TEST(text_at(t, 0, "context_after") == "Bbbb bbbb.");
    // t1 (a turn): the next turn, with its label, as in the transcript.
    BOOST_TEST(text_at(t, 1, "context_after") == "I: Dddd.");
    // [5,9), inside s1: the rest of s1 and the next sentence.
    BOOST_TEST(text_at(t, 2, "context_before") == "");
    BOOST_TEST(text_at(t, 2, "context_after") == "aaa. Bbbb bbbb.");
    // s2: one sentence each side.
    BOOST_TEST(text_at(t, 3, "context_before") == "Aaaa aaaa.");
    BOOST_TEST(text_at(t, 3, "context_after") == "Cccc cccc.");
    // s4: the sentence before crosses the speaker label.
    BOOST_TEST(text_at(t, 5, "context_before") == "Cccc cccc.\nI:");
    BOOST_TEST(text_at(t, 5, "context_after") == "");
    o.context = 2;
    const auto t2 = analysis::segments_table(p.store, {}, o);
    BOOST_TEST(text_at(t2, 5, "context_before") == "Bbbb bbbb.\nCccc cccc.\nI:");
}

BOOST_AUTO_TEST_CASE(turn_times_as_hours_minutes_seconds) {
    Project p;
    ingest::import_files(p.store, {p.dir.write("zeit.txt", "I: Frage? #00:00:10-0#\nB: Antwort. #01:02:05-0#\n")}, {});
    const auto doc = p.store.find_document("zeit")->id;
    const auto b = p.store.units(UnitKind::turn, doc).at(1);
    p.code("c", doc, b.span.start, b.span.end);
    const auto t = analysis::segments_table(p.store, {}, {});
    BOOST_REQUIRE(t.rows.size() == 1u);
    BOOST_TEST(text_at(t, 0, "t_start") == "00:00:10");
    BOOST_TEST(text_at(t, 0, "text") == "Antwort.");
    BOOST_TEST(analysis::format_hms(3'725'000) == "01:02:05");
}

BOOST_AUTO_TEST_SUITE_END()
