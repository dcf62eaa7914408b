// Documents with their speakers and units, and attributes (DESIGN §2).
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/sha256.hpp"
#include "store/store.hpp"
#include "store_fixture.hpp"
#include "support/temp_dir.hpp"

using namespace qcode;
using qcode::store::Store;
using qcode::store_test::coding;
using qcode::store_test::Project;
using qcode::store_test::sample_document;
using qcode::testing::TempDir;

namespace {

std::vector<Span> spans_of(const std::vector<store::UnitRow>& units) {
    std::vector<Span> out;
    for (const auto& u : units) out.push_back(u.span);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(store_documents)

BOOST_AUTO_TEST_CASE(add_and_read_back_a_document) {
    Project p;
    const Id id = p.store.add_document(sample_document());
    BOOST_TEST(id > 0);

    const auto docs = p.store.documents();
    BOOST_TEST_REQUIRE(docs.size() == 1u);
    BOOST_TEST(docs[0].id == id);
    BOOST_TEST(docs[0].name == "doc1");
    BOOST_TEST(docs[0].source_path == "/data/doc1.txt");
    BOOST_TEST(docs[0].format == "text");
    BOOST_TEST(docs[0].sha256 == std::string(64, 'a'));
    BOOST_TEST(docs[0].length == 43u);  // code points, not bytes
    BOOST_TEST(docs[0].imported_at.size() == 20u);
    BOOST_TEST(p.store.document_text(id) == "Kopfzeile\nI: Wie geht es?\nB: Gut. Sehr gut.");

    const auto found = p.store.find_document("doc1");
    BOOST_TEST_REQUIRE(found.has_value());
    BOOST_TEST(found->id == id);
    BOOST_TEST(!p.store.find_document("doc2").has_value());
    BOOST_TEST(!p.store.find_document("DOC1").has_value());
    const auto by_hash = p.store.find_document_by_hash(std::string(64, 'a'));
    BOOST_TEST_REQUIRE(by_hash.has_value());
    BOOST_TEST(by_hash->name == "doc1");
    BOOST_TEST(!p.store.find_document_by_hash(std::string(64, 'b')).has_value());
    BOOST_CHECK_THROW(p.store.document_text(id + 100), Error);
}

BOOST_AUTO_TEST_CASE(length_counts_code_points) {
    Project p;
    auto d = sample_document();
    d.text = "\xC3\x9C" "ber Stra\xC3\x9F" "e";  // "Über Straße": 11 code points, 13 bytes
    d.units = {Unit{UnitKind::turn, 1, Span{0, 11}, "", std::nullopt, std::nullopt}};
    p.store.add_document(d);
    BOOST_TEST(p.store.documents().at(0).length == 11u);
}

BOOST_AUTO_TEST_CASE(units_by_kind_in_ordinal_order) {
    Project p;
    const Id id = p.store.add_document(sample_document());

    const auto turns = p.store.units(UnitKind::turn, id);
    BOOST_TEST_REQUIRE(turns.size() == 3u);
    const std::vector<Span> turn_spans = {{0, 9}, {13, 25}, {29, 43}};
    BOOST_TEST(spans_of(turns) == turn_spans, boost::test_tools::per_element());
    for (std::uint32_t i = 0; i < 3; ++i) {
        BOOST_TEST(turns[i].ordinal == i + 1);
        BOOST_TEST(turns[i].document == id);
        BOOST_TEST(static_cast<int>(turns[i].kind) == static_cast<int>(UnitKind::turn));
    }
    // The header: no speaker, no role, no times.
    BOOST_TEST(turns[0].speaker == "");
    BOOST_TEST(!turns[0].role.has_value());
    BOOST_TEST(!turns[0].t_start_ms.has_value());
    BOOST_TEST(!turns[0].t_end_ms.has_value());
    // The interviewer: only an end time.
    BOOST_TEST(turns[1].speaker == "I");
    BOOST_TEST_REQUIRE(turns[1].role.has_value());
    BOOST_TEST(static_cast<int>(*turns[1].role) == static_cast<int>(Role::interviewer));
    BOOST_TEST(!turns[1].t_start_ms.has_value());
    BOOST_TEST(turns[1].t_end_ms.value_or(-1) == 14000);
    // The respondent: both times.
    BOOST_TEST(turns[2].speaker == "B");
    BOOST_TEST_REQUIRE(turns[2].role.has_value());
    BOOST_TEST(static_cast<int>(*turns[2].role) == static_cast<int>(Role::respondent));
    BOOST_TEST(turns[2].t_start_ms.value_or(-1) == 14000);
    BOOST_TEST(turns[2].t_end_ms.value_or(-1) == 30000);

    const auto paragraphs = p.store.units(UnitKind::paragraph, id);
    BOOST_TEST(spans_of(paragraphs) == turn_spans, boost::test_tools::per_element());

    const auto sentences = p.store.units(UnitKind::sentence, id);
    const std::vector<Span> sentence_spans = {{0, 9}, {13, 25}, {29, 33}, {34, 43}};
    BOOST_TEST(spans_of(sentences) == sentence_spans, boost::test_tools::per_element());
    BOOST_TEST(sentences[3].ordinal == 4u);
    BOOST_TEST(sentences[3].speaker == "B");

    // Without a document filter: all documents, ordered by document then ordinal.
    const Id id2 = p.store.add_document(sample_document("doc2"));
    const auto all_turns = p.store.units(UnitKind::turn);
    BOOST_TEST_REQUIRE(all_turns.size() == 6u);
    BOOST_TEST(all_turns[0].document == id);
    BOOST_TEST(all_turns[3].document == id2);
    BOOST_TEST(all_turns[3].ordinal == 1u);
    BOOST_TEST(p.store.units(UnitKind::turn, id2).size() == 3u);
}

BOOST_AUTO_TEST_CASE(speakers_with_roles_and_turn_counts) {
    Project p;
    const Id id = p.store.add_document(sample_document());
    const auto speakers = p.store.speakers(id);
    BOOST_TEST_REQUIRE(speakers.size() == 2u);
    BOOST_TEST(speakers[0].label == "I");
    BOOST_TEST(static_cast<int>(speakers[0].role) == static_cast<int>(Role::interviewer));
    BOOST_TEST(speakers[0].turns == 1u);
    BOOST_TEST(speakers[0].document == id);
    BOOST_TEST(speakers[1].label == "B");
    BOOST_TEST(static_cast<int>(speakers[1].role) == static_cast<int>(Role::respondent));
    BOOST_TEST(speakers[1].turns == 1u);

    p.store.add_document(sample_document("doc2"));
    BOOST_TEST(p.store.speakers().size() == 4u);
    BOOST_TEST(p.store.speakers(id).size() == 2u);
}

BOOST_AUTO_TEST_CASE(moderator_role_is_stored) {
    Project p;
    auto d = sample_document();
    d.speakers[0] = Speaker{"I", Role::moderator};
    const Id id = p.store.add_document(d);
    BOOST_TEST(static_cast<int>(p.store.speakers(id).at(0).role) == static_cast<int>(Role::moderator));
    BOOST_TEST(static_cast<int>(p.store.units(UnitKind::turn, id).at(1).role.value()) ==
               static_cast<int>(Role::moderator));
}

BOOST_AUTO_TEST_CASE(unit_with_unknown_speaker_is_an_error) {
    Project p;
    auto d = sample_document();
    d.units.push_back(Unit{UnitKind::turn, 4, Span{0, 3}, "X", std::nullopt, std::nullopt});
    BOOST_CHECK_THROW(p.store.add_document(d), Error);
}

BOOST_AUTO_TEST_CASE(duplicate_document_name_is_refused) {
    Project p;
    p.store.add_document(sample_document());
    BOOST_CHECK_THROW(p.store.add_document(sample_document()), std::exception);
    BOOST_TEST(p.store.documents().size() == 1u);
}

BOOST_AUTO_TEST_CASE(documents_are_listed_by_name) {
    Project p;
    p.store.add_document(sample_document("b"));
    p.store.add_document(sample_document("a"));
    p.store.add_document(sample_document("c"));
    const auto docs = p.store.documents();
    BOOST_TEST_REQUIRE(docs.size() == 3u);
    BOOST_TEST(docs[0].name == "a");
    BOOST_TEST(docs[1].name == "b");
    BOOST_TEST(docs[2].name == "c");
}

BOOST_AUTO_TEST_CASE(remove_document_cascades) {
    Project p;
    const Id keep = p.store.add_document(sample_document("keep"));
    const Id gone = p.store.add_document(sample_document("gone"));
    const Id code = p.store.upsert_code(store_test::code("a"));
    p.store.add_codings({coding(keep, {0, 5}, code, "anna"), coding(gone, {0, 5}, code, "anna"),
                         coding(gone, {13, 20}, code, "ben")});
    p.store.set_attribute(keep, "kommune", "Nordheim");
    p.store.set_attribute(gone, "kommune", "S\xC3\xBC" "dtal");

    p.store.remove_document(gone);

    BOOST_TEST(p.store.documents().size() == 1u);
    BOOST_TEST(!p.store.find_document("gone").has_value());
    BOOST_TEST(p.store.units(UnitKind::sentence, gone).empty());
    BOOST_TEST(p.store.speakers(gone).empty());
    const auto codings = p.store.codings();
    BOOST_TEST_REQUIRE(codings.size() == 1u);
    BOOST_TEST(codings[0].document == keep);
    const auto attrs = p.store.attributes();
    BOOST_TEST_REQUIRE(attrs.size() == 1u);
    BOOST_TEST(attrs[0].document == keep);
    const auto c = p.store.counts();
    BOOST_TEST(c.documents == 1);
    BOOST_TEST(c.speakers == 2);
    BOOST_TEST(c.turns == 3);
    BOOST_TEST(c.paragraphs == 3);
    BOOST_TEST(c.sentences == 4);
    BOOST_TEST(c.codes == 1);  // codes belong to the project, not the document
    BOOST_TEST(c.codings == 1);
    BOOST_TEST(c.coders == 1);
}

BOOST_AUTO_TEST_CASE(attributes_upsert) {
    Project p;
    const Id a = p.store.add_document(sample_document("a"));
    const Id b = p.store.add_document(sample_document("b"));
    p.store.set_attribute(a, "kommune", "Nordheim");
    p.store.set_attribute(a, "behoerde", "ABH");
    p.store.set_attribute(b, "kommune", "Weststadt");
    p.store.set_attribute(a, "kommune", "S\xC3\xBC" "dtal");  // overwrite, not a second row

    const auto attrs = p.store.attributes();
    BOOST_TEST_REQUIRE(attrs.size() == 3u);
    // Ordered by document, then name.
    BOOST_TEST(attrs[0].document == a);
    BOOST_TEST(attrs[0].name == "behoerde");
    BOOST_TEST(attrs[0].value == "ABH");
    BOOST_TEST(attrs[1].document == a);
    BOOST_TEST(attrs[1].name == "kommune");
    BOOST_TEST(attrs[1].value == "S\xC3\xBC" "dtal");
    BOOST_TEST(attrs[2].document == b);
    BOOST_TEST(attrs[2].value == "Weststadt");

    p.store.set_attribute(a, "leer", "");
    BOOST_TEST(p.store.attributes().size() == 4u);
}

BOOST_AUTO_TEST_CASE(counts) {
    Project p;
    p.store.add_document(sample_document("a"));
    p.store.add_document(sample_document("b"));
    const auto c = p.store.counts();
    BOOST_TEST(c.documents == 2);
    BOOST_TEST(c.speakers == 4);
    BOOST_TEST(c.turns == 6);
    BOOST_TEST(c.paragraphs == 6);
    BOOST_TEST(c.sentences == 8);
    BOOST_TEST(c.codes == 0);
    BOOST_TEST(c.codings == 0);
    BOOST_TEST(c.runs == 0);
    BOOST_TEST(c.coders == 0);
}

// add_document inserts units with the table's CHECKs switched off (for
// speed) and checks them itself; afterwards they hold again.
BOOST_AUTO_TEST_CASE(unit_checks_hold_during_and_after_add_document) {
    Project p;
    auto backwards = sample_document("backwards");
    backwards.units.push_back(Unit{UnitKind::sentence, 5, Span{9, 3}, "", std::nullopt, std::nullopt});
    BOOST_CHECK_THROW(p.store.add_document(backwards), Error);

    const Id id = p.store.add_document(sample_document());
    auto& db = p.store.database();
    BOOST_CHECK_THROW(db.exec("INSERT INTO unit(document, kind, ordinal, start, end) VALUES (" + std::to_string(id) +
                              ", 'chapter', 1, 0, 3)"),
                      std::exception);
    BOOST_CHECK_THROW(db.exec("INSERT INTO unit(document, kind, ordinal, start, end) VALUES (" + std::to_string(id) +
                              ", 'turn', 99, 5, 3)"),
                      std::exception);
}

// add_document inserts units many rows per statement; the rows must come
// out as if inserted one by one, ids in document order, whatever the count.
BOOST_AUTO_TEST_CASE(many_units_keep_their_order_and_fields) {
    Project p;
    for (const std::uint32_t n : {63u, 64u, 150u}) {
        Document d = sample_document("d" + std::to_string(n));
        d.text = std::string(n, 'x');
        d.units.clear();
        for (std::uint32_t i = 0; i < n; ++i) {
            Unit u{UnitKind::sentence, i + 1, Span{i, i + 1}, i % 3 ? "B" : "I", std::nullopt, std::nullopt};
            if (i % 5 == 0) u.t_start_ms = 1000 * i;
            if (i % 7 == 0) u.t_end_ms = 1000 * i + 1;
            d.units.push_back(u);
        }
        const Id id = p.store.add_document(d);
        const auto rows = p.store.units(UnitKind::sentence, id);
        BOOST_TEST_REQUIRE(rows.size() == n);
        for (std::uint32_t i = 0; i < n; ++i) {
            BOOST_TEST(rows[i].ordinal == i + 1);
            BOOST_TEST((rows[i].span == Span{i, i + 1}));
            BOOST_TEST(rows[i].speaker == (i % 3 ? "B" : "I"));
            BOOST_TEST(rows[i].t_start_ms.has_value() == (i % 5 == 0));
            BOOST_TEST(rows[i].t_end_ms.has_value() == (i % 7 == 0));
            if (i > 0) BOOST_TEST(rows[i].id == rows[i - 1].id + 1);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
