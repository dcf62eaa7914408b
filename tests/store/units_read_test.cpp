// Reading units and texts back (Store::units, Store::document_text): the
// rows and fields must be exactly those of a plain SELECT with a LEFT JOIN
// on speaker, however they are read.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "core/error.hpp"
#include "store/store.hpp"
#include "store_fixture.hpp"
#include "support/temp_dir.hpp"

using namespace qcode;
using qcode::store::Store;
using qcode::store_test::Project;
using qcode::store_test::sample_document;
using qcode::testing::TempDir;

namespace {

Id speaker_id(Store& store, Id document, const std::string& label) {
    for (const auto& s : store.speakers(document))
        if (s.label == label) return s.id;
    BOOST_FAIL("no speaker " + label);
    return 0;
}

int role_of(const store::UnitRow& u) { return u.role ? static_cast<int>(*u.role) : -1; }

}  // namespace

BOOST_AUTO_TEST_SUITE(store_units_read)

BOOST_AUTO_TEST_CASE(units_carry_their_documents_speakers_and_current_roles) {
    Project p;
    const Id a = p.store.add_document(sample_document("a"));
    const Id b = p.store.add_document(sample_document("b"));
    BOOST_TEST(p.store.set_speaker_role("B", Role::moderator, a) == 1);

    const auto turns_a = p.store.units(UnitKind::turn, a);
    BOOST_TEST_REQUIRE(turns_a.size() == 3u);
    BOOST_TEST(turns_a[2].speaker == "B");
    BOOST_TEST(role_of(turns_a[2]) == static_cast<int>(Role::moderator));
    const auto turns_b = p.store.units(UnitKind::turn, b);
    BOOST_TEST_REQUIRE(turns_b.size() == 3u);
    BOOST_TEST(turns_b[2].speaker == "B");
    BOOST_TEST(role_of(turns_b[2]) == static_cast<int>(Role::respondent));

    // Every document at once: each unit with its own document's speaker.
    const auto all = p.store.units(UnitKind::turn);
    BOOST_TEST_REQUIRE(all.size() == 6u);
    for (std::size_t i = 0; i < 6; ++i) {
        const auto& one = (i < 3 ? turns_a : turns_b)[i % 3];
        BOOST_TEST(all[i].id == one.id);
        BOOST_TEST(all[i].document == (i < 3 ? a : b));
        BOOST_TEST(all[i].ordinal == one.ordinal);
        BOOST_TEST((all[i].span == one.span));
        BOOST_TEST(all[i].speaker == one.speaker);
        BOOST_TEST(role_of(all[i]) == role_of(one));
        BOOST_TEST((all[i].t_start_ms == one.t_start_ms));
        BOOST_TEST((all[i].t_end_ms == one.t_end_ms));
    }
    BOOST_TEST(role_of(all[0]) == -1);  // the header: no speaker
    BOOST_TEST(all[0].speaker == "");
}

// add_document never does this, but the table allows it: a unit naming a
// speaker of another document still reads as that speaker, and one naming
// no existing speaker as none, as the join would have it.
BOOST_AUTO_TEST_CASE(a_speaker_from_elsewhere_or_nowhere_reads_as_a_join_would) {
    Project p;
    const Id a = p.store.add_document(sample_document("a"));
    const Id b = p.store.add_document(sample_document("b"));
    auto& db = p.store.database();
    db.exec("UPDATE speaker SET label = 'Ib', role = 'moderator' WHERE id = " + std::to_string(speaker_id(p.store, b, "I")));
    db.exec("UPDATE unit SET speaker = " + std::to_string(speaker_id(p.store, b, "Ib")) + " WHERE document = " +
            std::to_string(a) + " AND kind = 'sentence' AND ordinal = 3");
    db.exec("PRAGMA foreign_keys = OFF");
    db.exec("UPDATE unit SET speaker = 99999 WHERE document = " + std::to_string(a) + " AND kind = 'sentence' AND ordinal = 4");
    db.exec("PRAGMA foreign_keys = ON");

    for (const auto& sentences : {p.store.units(UnitKind::sentence, a), p.store.units(UnitKind::sentence)}) {
        BOOST_TEST_REQUIRE(sentences.size() >= 4u);
        BOOST_TEST(sentences[1].speaker == "I");
        BOOST_TEST(role_of(sentences[1]) == static_cast<int>(Role::interviewer));
        BOOST_TEST(sentences[2].speaker == "Ib");
        BOOST_TEST(role_of(sentences[2]) == static_cast<int>(Role::moderator));
        BOOST_TEST(sentences[3].speaker == "");
        BOOST_TEST(role_of(sentences[3]) == -1);
    }
}

// Ordinal order is the order, whatever the positions; and ordinals need
// not run 1, 2, 3… (the largest one is only a hint for the result's size).
BOOST_AUTO_TEST_CASE(units_come_in_ordinal_order_whatever_their_positions_and_numbers) {
    Project p;
    Document d = sample_document();
    d.units = {
        Unit{UnitKind::sentence, 7, Span{0, 9}, "", std::nullopt, std::nullopt},
        Unit{UnitKind::sentence, 2, Span{29, 33}, "B", 0, std::nullopt},
        Unit{UnitKind::sentence, 1000000000, Span{13, 25}, "I", std::nullopt, 0},
        Unit{UnitKind::turn, 1, Span{0, 43}, "", -5, 7},
    };
    const Id id = p.store.add_document(d);
    const auto rows = p.store.units(UnitKind::sentence, id);
    BOOST_TEST_REQUIRE(rows.size() == 3u);
    BOOST_TEST(rows[0].ordinal == 2u);
    BOOST_TEST((rows[0].span == Span{29, 33}));
    BOOST_TEST(rows[0].speaker == "B");
    BOOST_TEST(rows[0].t_start_ms.value_or(-1) == 0);  // zero is a time, not a NULL
    BOOST_TEST(!rows[0].t_end_ms.has_value());
    BOOST_TEST(rows[1].ordinal == 7u);
    BOOST_TEST(rows[2].ordinal == 1000000000u);
    BOOST_TEST(rows[2].speaker == "I");
    BOOST_TEST(!rows[2].t_start_ms.has_value());
    BOOST_TEST(rows[2].t_end_ms.value_or(-1) == 0);
    const auto turns = p.store.units(UnitKind::turn, id);
    BOOST_TEST_REQUIRE(turns.size() == 1u);
    BOOST_TEST(turns[0].t_start_ms.value_or(0) == -5);
    BOOST_TEST(turns[0].t_end_ms.value_or(0) == 7);
    BOOST_TEST(p.store.units(UnitKind::paragraph, id).empty());
    BOOST_TEST(p.store.units(UnitKind::sentence, id + 1).empty());
}

// A text over many pages reads back byte for byte, inside a transaction
// that has not been committed too; a missing document is an Error.
BOOST_AUTO_TEST_CASE(long_texts_read_back_exactly) {
    Project p;
    std::string text;
    for (int i = 0; text.size() < 300000; ++i) text += "Satz " + std::to_string(i) + " \xC3\xBC" "ber Stra\xC3\x9F" "e.\n";
    Document d = sample_document();
    d.text = text;
    d.units = {Unit{UnitKind::turn, 1, Span{0, 5}, "", std::nullopt, std::nullopt}};
    const Id id = p.store.add_document(d);
    BOOST_TEST(p.store.document_text(id) == text);
    {
        auto tx = p.store.transaction();
        Document e = sample_document("e");
        e.text = text + "mehr";
        const Id e_id = p.store.add_document(e);
        BOOST_TEST(p.store.document_text(e_id) == text + "mehr");
    }  // rolled back
    BOOST_TEST(!p.store.find_document("e").has_value());
    BOOST_TEST(p.store.document_text(id) == text);
    Document empty = sample_document("empty");
    empty.text.clear();
    empty.units = {Unit{UnitKind::turn, 1, Span{0, 0}, "", std::nullopt, std::nullopt}};
    BOOST_TEST(p.store.document_text(p.store.add_document(empty)) == "");
    BOOST_CHECK_THROW(p.store.document_text(id + 100), Error);
}

// Another project opened only to read (qcode merge) reads the same.
BOOST_AUTO_TEST_CASE(a_read_only_project_reads_the_same) {
    TempDir dir;
    const auto path = (dir.path() / "p.qcode").string();
    std::vector<store::UnitRow> written;
    Id id = 0;
    {
        Store store = Store::create(path);
        id = store.add_document(sample_document());
        written = store.units(UnitKind::sentence, id);
    }
    Store other = Store::open_read_only(path);
    const auto read = other.units(UnitKind::sentence, id);
    BOOST_TEST_REQUIRE(read.size() == written.size());
    for (std::size_t i = 0; i < read.size(); ++i) {
        BOOST_TEST(read[i].id == written[i].id);
        BOOST_TEST(read[i].speaker == written[i].speaker);
        BOOST_TEST(role_of(read[i]) == role_of(written[i]));
    }
    BOOST_TEST(other.document_text(id) == sample_document().text);
}

BOOST_AUTO_TEST_SUITE_END()
