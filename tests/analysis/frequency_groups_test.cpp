// freq --by document|speaker|role|attr:NAME and --words on the hand-worked
// project of tables_fixture.hpp; every expected number is worked out there
// or in the comments here.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "analysis/frequency.hpp"
#include "analysis/groups.hpp"
#include "tables_fixture.hpp"

using namespace qcode;
using namespace qcode::analysis_test;
using qcode::analysis::FrequencyOptions;
using qcode::analysis::frequencies;
using qcode::analysis::GroupBy;
using qcode::analysis::GroupKind;
using qcode::analysis::parse_group_by;

namespace tt = boost::test_tools;

namespace {

FrequencyOptions by(const std::string& spec, bool words = false) {
    FrequencyOptions o;
    o.by = parse_group_by(spec);
    if (!o.by) throw std::runtime_error("bad spec " + spec);
    o.words = words;
    return o;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(frequency_groups)

BOOST_AUTO_TEST_CASE(parse_group_by_specs) {
    BOOST_TEST((parse_group_by("document")->kind == GroupKind::document));
    BOOST_TEST((parse_group_by("documents")->kind == GroupKind::document));
    BOOST_TEST((parse_group_by("speaker")->kind == GroupKind::speaker));
    BOOST_TEST((parse_group_by("role")->kind == GroupKind::role));
    const auto attr = parse_group_by("attr:Behörde");
    BOOST_TEST((attr->kind == GroupKind::attribute));
    BOOST_TEST(attr->attribute == "Behörde");
    BOOST_TEST(!parse_group_by("attr:"));
    BOOST_TEST(!parse_group_by("kommune"));
    BOOST_TEST(analysis::to_string(*attr) == "attr:Behörde");
}

BOOST_AUTO_TEST_CASE(without_options_the_columns_are_unchanged) {
    TablesProject p;
    const auto t = frequencies(p.store, {}, FrequencyOptions{});
    BOOST_TEST(column_names(t) == (Strings{"code", "label", "depth", "segments", "documents", "documents_pct"}),
               tt::per_element());
    BOOST_TEST(int_at(t, row_of(t, "a"), "segments") == 4);
    BOOST_TEST(int_at(t, row_of(t, "a/a2"), "segments") == 3);
    BOOST_TEST(int_at(t, row_of(t, "c"), "segments") == 3);
    BOOST_TEST(real_at(t, row_of(t, "a/a1"), "documents_pct") == 100.0 / 3, tt::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(by_attribute_counts_and_shares_per_value) {
    TablesProject p;
    const auto t = frequencies(p.store, {}, by("attr:kommune"));
    // Nord (d1, d3) before Süd (d2); no "(no value)" column: every document has a kommune.
    BOOST_TEST(column_names(t) == (Strings{"code", "label", "depth", "segments", "documents", "documents_pct",
                                           "segments:Nord", "documents:Nord", "documents_pct:Nord", "segments:Süd",
                                           "documents:Süd", "documents_pct:Süd"}),
               tt::per_element());
    const auto a = row_of(t, "a");
    BOOST_TEST(int_at(t, a, "segments:Nord") == 4);
    BOOST_TEST(int_at(t, a, "documents:Nord") == 2);
    BOOST_TEST(real_at(t, a, "documents_pct:Nord") == 100.0);
    BOOST_TEST(int_at(t, a, "segments:Süd") == 0);
    BOOST_TEST(real_at(t, a, "documents_pct:Süd") == 0.0);
    const auto a1 = row_of(t, "a/a1");
    BOOST_TEST(int_at(t, a1, "segments:Nord") == 2);
    BOOST_TEST(int_at(t, a1, "documents:Nord") == 1);
    BOOST_TEST(real_at(t, a1, "documents_pct:Nord") == 50.0);  // d1 of d1, d3
    const auto c = row_of(t, "c");
    BOOST_TEST(int_at(t, c, "segments:Nord") == 2);   // d1 [25,35), [39,44)
    BOOST_TEST(real_at(t, c, "documents_pct:Nord") == 50.0);
    BOOST_TEST(int_at(t, c, "segments:Süd") == 1);
    BOOST_TEST(int_at(t, c, "documents:Süd") == 1);
    BOOST_TEST(real_at(t, c, "documents_pct:Süd") == 100.0);
    // The overall columns stay as without --by.
    BOOST_TEST(int_at(t, c, "segments") == 3);
}

BOOST_AUTO_TEST_CASE(an_empty_value_is_the_no_value_group) {
    TablesProject p;
    const auto t = frequencies(p.store, {}, by("attr:typ"));
    BOOST_TEST(column_names(t) == (Strings{"code", "label", "depth", "segments", "documents", "documents_pct",
                                           "segments:abh", "documents:abh", "documents_pct:abh", "segments:jc",
                                           "documents:jc", "documents_pct:jc", "segments:(no value)",
                                           "documents:(no value)", "documents_pct:(no value)"}),
               tt::per_element());
    const auto c = row_of(t, "c");
    BOOST_TEST(int_at(t, c, "segments:abh") == 2);
    BOOST_TEST(int_at(t, c, "segments:jc") == 0);
    BOOST_TEST(int_at(t, c, "segments:(no value)") == 1);  // d2, typ ""
    BOOST_TEST(real_at(t, c, "documents_pct:(no value)") == 100.0);
    const auto a = row_of(t, "a");
    BOOST_TEST(int_at(t, a, "segments:abh") == 3);
    BOOST_TEST(int_at(t, a, "segments:jc") == 1);
}

BOOST_AUTO_TEST_CASE(a_missing_attribute_is_the_no_value_group_too) {
    TablesProject p;
    p.store.set_attribute(p.d1, "nur_d1", "ja");
    const auto t = frequencies(p.store, {}, by("attr:nur_d1"));
    const auto c = row_of(t, "c");
    BOOST_TEST(int_at(t, c, "segments:ja") == 2);
    BOOST_TEST(int_at(t, c, "segments:(no value)") == 1);
    BOOST_TEST(int_at(t, c, "documents:(no value)") == 1);
    BOOST_TEST(real_at(t, c, "documents_pct:(no value)") == 50.0);  // d2 of d2, d3
}

BOOST_AUTO_TEST_CASE(by_document_gives_segments_only) {
    TablesProject p;
    const auto t = frequencies(p.store, {}, by("document"));
    BOOST_TEST(column_names(t) == (Strings{"code", "label", "depth", "segments", "documents", "documents_pct",
                                           "segments:d1", "segments:d2", "segments:d3"}),
               tt::per_element());
    const auto a = row_of(t, "a");
    BOOST_TEST(int_at(t, a, "segments:d1") == 3);
    BOOST_TEST(int_at(t, a, "segments:d2") == 0);
    BOOST_TEST(int_at(t, a, "segments:d3") == 1);
}

BOOST_AUTO_TEST_CASE(by_role_follows_the_turn_holding_the_start) {
    TablesProject p;
    const auto t = frequencies(p.store, {}, by("role"));
    // Roles that speak, in fixed order; no "(no speaker)": nothing lies outside the turns.
    BOOST_TEST(column_names(t) == (Strings{"code", "label", "depth", "segments", "documents", "documents_pct",
                                           "segments:interviewer", "documents:interviewer",
                                           "documents_pct:interviewer", "segments:respondent",
                                           "documents:respondent", "documents_pct:respondent"}),
               tt::per_element());
    const auto c = row_of(t, "c");
    BOOST_TEST(int_at(t, c, "segments:interviewer") == 1);  // d1 [39,44)
    BOOST_TEST(real_at(t, c, "documents_pct:interviewer") == 100.0);  // I speaks in d1 only
    BOOST_TEST(int_at(t, c, "segments:respondent") == 2);
    BOOST_TEST(int_at(t, c, "documents:respondent") == 2);
    BOOST_TEST(real_at(t, c, "documents_pct:respondent") == 200.0 / 3, tt::tolerance(1e-9));
    BOOST_TEST(int_at(t, row_of(t, "a"), "segments:respondent") == 4);
    BOOST_TEST(int_at(t, row_of(t, "a"), "segments:interviewer") == 0);
}

BOOST_AUTO_TEST_CASE(by_speaker_uses_labels_across_documents) {
    TablesProject p;
    const auto t = frequencies(p.store, {}, by("speaker"));
    BOOST_TEST(t.find_column("segments:B") == 6);
    BOOST_TEST(t.find_column("segments:I") == 9);
    const auto c = row_of(t, "c");
    BOOST_TEST(int_at(t, c, "segments:B") == 2);
    BOOST_TEST(int_at(t, c, "segments:I") == 1);
    BOOST_TEST(real_at(t, c, "documents_pct:B") == 200.0 / 3, tt::tolerance(1e-9));  // B speaks in all three
}

BOOST_AUTO_TEST_CASE(a_place_outside_every_turn_is_no_speaker) {
    TablesProject p;
    p.code("c", p.d1, 0, 2);  // the label "B:" only
    const auto t = frequencies(p.store, {}, by("role"));
    BOOST_TEST(int_at(t, row_of(t, "c"), "segments:(no speaker)") == 1);
    BOOST_TEST(int_at(t, row_of(t, "a"), "segments:(no speaker)") == 0);
}

BOOST_AUTO_TEST_CASE(words_count_each_coded_word_once) {
    TablesProject p;
    const auto t = frequencies(p.store, {}, FrequencyOptions{{}, std::nullopt, true});
    BOOST_TEST(column_names(t) == (Strings{"code", "label", "depth", "segments", "documents", "documents_pct",
                                           "words", "words_pct"}),
               tt::per_element());
    // a: d1 [3,13) ∪ [10,16) ∪ [14,24) = [3,24) → Aaaa aaaa Bbbb bbbb; d3 → Ffff ffff.
    // Summing per segment would give 2 + 2 + 2 + 2 = 8.
    BOOST_TEST(int_at(t, row_of(t, "a"), "words") == 6);
    BOOST_TEST(real_at(t, row_of(t, "a"), "words_pct") == 600.0 / 11, tt::tolerance(1e-9));
    BOOST_TEST(int_at(t, row_of(t, "a/a1"), "words") == 4);
    BOOST_TEST(int_at(t, row_of(t, "a/a2"), "words") == 5);  // [3,16): Aaaa aaaa Bbbb; d3: 2
    // x: d1 [8,20) touches aaaa, Bbbb and the first character of bbbb [19,23); d3 [5,10) both words.
    BOOST_TEST(int_at(t, row_of(t, "b/b1/x"), "words") == 5);
    BOOST_TEST(int_at(t, row_of(t, "c"), "words") == 5);  // Cccc cccc, Dddd, Eeee eeee
}

BOOST_AUTO_TEST_CASE(a_coded_speaker_label_is_no_word) {
    TablesProject p;
    p.code("c", p.d2, 0, 13);  // "B: Eeee eeee." — the label B is not a spoken word
    const auto t = frequencies(p.store, {}, FrequencyOptions{{}, std::nullopt, true});
    BOOST_TEST(int_at(t, row_of(t, "c"), "words") == 5);
}

BOOST_AUTO_TEST_CASE(words_per_group) {
    TablesProject p;
    const auto t = frequencies(p.store, {}, by("role", true));
    BOOST_TEST(t.find_column("words") == 6);
    BOOST_TEST(t.find_column("words:interviewer") == 11);
    BOOST_TEST(t.find_column("words:respondent") == 15);
    BOOST_TEST(int_at(t, row_of(t, "c"), "words:interviewer") == 1);
    BOOST_TEST(int_at(t, row_of(t, "c"), "words:respondent") == 4);
}

BOOST_AUTO_TEST_CASE(where_narrows_the_groups_and_their_bases) {
    TablesProject p;
    store::CodingFilter f;
    f.where = {{"kommune", "Nord"}};
    const auto t = frequencies(p.store, f, by("attr:typ"));
    // d2 is not admitted: no (no value) column left.
    BOOST_TEST(t.find_column("segments:(no value)") == -1);
    BOOST_TEST(int_at(t, row_of(t, "c"), "segments:abh") == 2);
}

BOOST_AUTO_TEST_CASE(collation_is_german_and_numeric) {
    std::vector<std::string> v{"Südtal", "FG 10", "Zell", "FG 2", "Ahorn", "Öhringen", "Ost"};
    analysis::collate_sort(v);
    BOOST_TEST(v == (Strings{"Ahorn", "FG 2", "FG 10", "Öhringen", "Ost", "Südtal", "Zell"}), tt::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
