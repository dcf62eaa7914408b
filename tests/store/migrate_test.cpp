// Schema migrations: version-1 and version-2 projects open as the current
// version, and the read-only opening used by `qcode merge` never writes.
#include <boost/test/unit_test.hpp>

#include <SQLiteCpp/Statement.h>

#include <filesystem>
#include <string>

#include "core/error.hpp"
#include "store/store.hpp"
#include "store_fixture.hpp"
#include "support/temp_dir.hpp"

using qcode::Error;
using qcode::store::MemoTarget;
using qcode::store::Store;
using qcode::testing::read_file;
using qcode::testing::TempDir;

namespace {

std::string scalar(Store& s, const std::string& sql) {
    SQLite::Statement q(s.database(), sql);
    BOOST_REQUIRE(q.executeStep());
    return q.getColumn(0).getString();
}

// Takes version 3's additions out again: the run table as version 2 had it.
void back_to_version_2(SQLite::Database& db) {
    db.exec("ALTER TABLE run DROP COLUMN undone_at; ALTER TABLE run DROP COLUMN codebook_name;"
            "UPDATE meta SET value = '2' WHERE key = 'schema_version'");
}

// A project as version 1 left it: no memo triggers, and a memo whose
// coding is long gone (version 1 could leave those behind).
std::string version_1_project(TempDir& dir) {
    const auto path = (dir.path() / "v1.qcode").string();
    auto s = Store::create(path);
    const auto doc = s.add_document(qcode::store_test::sample_document());
    const auto code = s.upsert_code(qcode::store_test::code("a"));
    s.add_codings({qcode::store_test::coding(doc, {29, 33}, code, "anna")});
    auto& db = s.database();
    back_to_version_2(db);
    db.exec("DROP TRIGGER memo_follows_coding; DROP TRIGGER memo_follows_code; DROP TRIGGER memo_follows_document;"
            "DROP INDEX memo_by_target;"
            "UPDATE meta SET value = '1' WHERE key = 'schema_version'");
    db.exec("INSERT INTO memo(target_kind, target, author, text, created_at) VALUES "
            "('coding', 1, 'anna', 'lebt', 'x'), ('coding', 77, 'anna', 'verwaist', 'x'), "
            "('document', 1, 'anna', 'Dokument', 'x'), ('code', 9, 'anna', 'verwaist', 'x')");
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return path;
}

// A project as version 2 left it: two runs, one of the installed
// codebook (by hash) and one of an earlier codebook, with codings, written
// through version 2's run table (no codebook name, no undo).
std::string version_2_project(TempDir& dir) {
    const auto path = (dir.path() / "v2.qcode").string();
    auto s = Store::create(path);
    const auto doc = s.add_document(qcode::store_test::sample_document());
    const auto code = s.upsert_code(qcode::store_test::code("a"));
    auto& db = s.database();
    back_to_version_2(db);
    db.exec("INSERT INTO codebook(id, name, source_path, sha256, source, imported_at) VALUES "
            "(1, 'AZR-Nutzung', 'azr.yaml', '" + std::string(64, 'b') + "', 'codebook: AZR-Nutzung', 'x')");
    db.exec("INSERT INTO run(id, codebook_sha256, options, coder, started_at, codings) VALUES "
            "(1, '" + std::string(64, 'a') + "', 'unit=turn', 'auto', '2025-01-01T00:00:00Z', 1), "
            "(2, '" + std::string(64, 'b') + "', 'unit=sentence', 'auto', '2025-01-02T00:00:00Z', 2)");
    auto c = qcode::store_test::coding(doc, {29, 33}, code, "auto", qcode::Origin::automatic);
    c.run = 2;
    auto d = c;
    d.span = {34, 43};
    s.add_codings({c, d});
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return path;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(store_migrate)

BOOST_AUTO_TEST_CASE(version_2_migrates_to_3) {
    TempDir dir;
    const auto path = version_2_project(dir);
    {
        // It really is a version-2 file: no undo column in the run table.
        SQLite::Database raw(path, SQLite::OPEN_READONLY);
        BOOST_CHECK_THROW(raw.exec("SELECT undone_at FROM run"), std::exception);
    }
    auto s = Store::open(path);
    BOOST_TEST(scalar(s, "SELECT value FROM meta WHERE key = 'schema_version'") == "3");
    const auto runs = s.runs();
    BOOST_TEST_REQUIRE(runs.size() == 2u);
    // The codebook name comes from the installed codebook where the hash says it was that one.
    BOOST_TEST(runs[0].codebook_name == "");
    BOOST_TEST(runs[1].codebook_name == "AZR-Nutzung");
    BOOST_TEST(runs[0].options == "unit=turn");
    BOOST_TEST(runs[1].codings == 2);
    BOOST_TEST(runs[1].present == 2);
    BOOST_TEST(runs[0].present == 0);
    BOOST_TEST(runs[0].replaced_by.value_or(0) == 2);  // same coder, next run
    BOOST_TEST(!runs[0].undone_at.has_value());
    BOOST_TEST(!runs[1].undone_at.has_value());
    // Undo works on the migrated file, and it opens again without migrating twice.
    BOOST_TEST(s.delete_run_codings(2) == 2);
    s.set_run_undone(2, "2025-01-03T00:00:00Z");
    auto again = Store::open(path);
    BOOST_TEST(again.find_run(2)->undone_at.value_or("") == "2025-01-03T00:00:00Z");
    BOOST_TEST(scalar(again, "SELECT value FROM meta WHERE key = 'schema_version'") == "3");
}

BOOST_AUTO_TEST_CASE(a_version_2_file_opened_read_only_stays_version_2) {
    TempDir dir;
    const auto path = version_2_project(dir);
    const auto bytes = read_file(path);
    {
        auto s = Store::open_read_only(path);
        BOOST_TEST(s.codings().size() == 2u);
        BOOST_TEST(scalar(s, "SELECT value FROM meta WHERE key = 'schema_version'") == "2");
    }
    BOOST_TEST(read_file(path) == bytes);
}

BOOST_AUTO_TEST_CASE(version_1_migrates_to_the_current_version) {
    TempDir dir;
    const auto path = version_1_project(dir);
    auto s = Store::open(path);
    BOOST_TEST(scalar(s, "SELECT value FROM meta WHERE key = 'schema_version'") == "3");
    BOOST_TEST(s.runs().empty());
    BOOST_TEST(scalar(s, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'") == "3");
    // Orphaned memos are gone; the others stay.
    const auto memos = s.memos();
    BOOST_TEST_REQUIRE(memos.size() == 2u);
    BOOST_TEST(memos[0].text == "lebt");
    BOOST_TEST(memos[1].text == "Dokument");
    // From now on a memo goes with its target.
    BOOST_TEST(s.delete_coding(1));
    BOOST_TEST(s.memos(MemoTarget::coding).empty());
    s.remove_document(s.documents().at(0).id);
    BOOST_TEST(s.memos().empty());
}

BOOST_AUTO_TEST_CASE(read_only_opening_neither_migrates_nor_writes) {
    TempDir dir;
    const auto path = version_1_project(dir);
    const auto bytes = read_file(path);
    {
        auto s = Store::open_read_only(path);
        BOOST_TEST(s.documents().size() == 1u);
        BOOST_TEST(s.memos().size() == 4u);
        BOOST_TEST(scalar(s, "SELECT value FROM meta WHERE key = 'schema_version'") == "1");
        BOOST_CHECK_THROW(s.database().exec("DELETE FROM memo"), std::exception);
    }
    BOOST_TEST(read_file(path) == bytes);
    // Not even the write-ahead log files appear beside it.
    BOOST_TEST(!std::filesystem::exists(path + "-wal"));
    BOOST_TEST(!std::filesystem::exists(path + "-shm"));
}

BOOST_AUTO_TEST_CASE(read_only_opening_refuses_what_it_cannot_read) {
    TempDir dir;
    BOOST_CHECK_THROW(Store::open_read_only((dir.path() / "nix.qcode").string()), Error);
    const auto text = dir.write("notes.qcode", "my thesis notes");
    BOOST_CHECK_THROW(Store::open_read_only(text), Error);
    const auto path = (dir.path() / "new.qcode").string();
    {
        auto s = Store::create(path);
        s.database().exec("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
    }
    try {
        Store::open_read_only(path);
        BOOST_FAIL("a newer schema must be refused");
    } catch (const Error& e) {
        BOOST_TEST(std::string(e.what()).find("update qcode") != std::string::npos);
    }
}

BOOST_AUTO_TEST_SUITE_END()
