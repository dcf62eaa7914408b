// Store::create / Store::open: the project file's life cycle (DESIGN §2).
#include <boost/test/unit_test.hpp>

#include <SQLiteCpp/Statement.h>

#include <filesystem>
#include <string>

#include "core/error.hpp"
#include "store/store.hpp"
#include "store_fixture.hpp"
#include "support/temp_dir.hpp"

using qcode::Error;
using qcode::store::Store;
using qcode::testing::read_file;
using qcode::testing::TempDir;

namespace {
std::string scalar(Store& s, const std::string& sql) {
    SQLite::Statement q(s.database(), sql);
    BOOST_REQUIRE(q.executeStep());
    return q.getColumn(0).getString();
}
}  // namespace

BOOST_AUTO_TEST_SUITE(store_open)

BOOST_AUTO_TEST_CASE(create_then_open) {
    TempDir dir;
    const auto path = (dir.path() / "project.qcode").string();
    {
        auto s = Store::create(path);
        BOOST_TEST(s.path() == path);
        BOOST_TEST(std::filesystem::exists(path));
    }
    auto s = Store::open(path);
    BOOST_TEST(s.path() == path);
    BOOST_TEST(s.documents().empty());
    const auto c = s.counts();
    BOOST_TEST(c.documents == 0);
    BOOST_TEST(c.codes == 0);
    BOOST_TEST(c.codings == 0);
}

BOOST_AUTO_TEST_CASE(schema_version_wal_and_foreign_keys) {
    TempDir dir;
    auto s = Store::create((dir.path() / "p.qcode").string());
    BOOST_TEST(scalar(s, "SELECT value FROM meta WHERE key = 'schema_version'") ==
               std::to_string(qcode::store::kSchemaVersion));
    BOOST_TEST(qcode::store::kSchemaVersion == 3);
    BOOST_TEST(scalar(s, "PRAGMA journal_mode") == "wal");
    BOOST_TEST(scalar(s, "PRAGMA foreign_keys") == "1");
}

BOOST_AUTO_TEST_CASE(create_refuses_an_existing_file) {
    TempDir dir;
    const auto path = dir.write("project.qcode", "my thesis notes");
    try {
        Store::create(path);
        BOOST_FAIL("create over an existing file must throw");
    } catch (const Error& e) {
        BOOST_TEST(e.file() == path);
        BOOST_TEST(std::string(e.what()).find(path) == 0u);
    }
    BOOST_TEST(read_file(path) == "my thesis notes");  // untouched
}

BOOST_AUTO_TEST_CASE(create_refuses_an_existing_project) {
    TempDir dir;
    const auto path = (dir.path() / "p.qcode").string();
    {
        auto s = Store::create(path);
        s.add_document(qcode::store_test::sample_document());
    }
    BOOST_CHECK_THROW(Store::create(path), Error);
    auto s = Store::open(path);
    BOOST_TEST(s.documents().size() == 1u);
}

BOOST_AUTO_TEST_CASE(create_in_a_missing_directory_fails_cleanly) {
    TempDir dir;
    const auto path = (dir.path() / "no" / "such" / "p.qcode").string();
    try {
        Store::create(path);
        BOOST_FAIL("create in a missing directory must throw");
    } catch (const Error& e) {
        BOOST_TEST(e.file() == path);
    }
    BOOST_TEST(!std::filesystem::exists(path));
}

BOOST_AUTO_TEST_CASE(open_missing_file_names_it) {
    TempDir dir;
    const auto path = (dir.path() / "missing.qcode").string();
    try {
        Store::open(path);
        BOOST_FAIL("open of a missing file must throw");
    } catch (const Error& e) {
        BOOST_TEST(e.file() == path);
        BOOST_TEST(std::string(e.what()).find(path) != std::string::npos);
    }
    BOOST_TEST(!std::filesystem::exists(path));  // open must not create it
}

BOOST_AUTO_TEST_CASE(open_non_sqlite_file_is_an_error) {
    TempDir dir;
    std::string junk;
    for (int i = 0; i < 200; ++i) junk += "I: Das ist kein Projekt, sondern ein Transkript.\n";
    const auto path = dir.write("transcript.txt", junk);
    try {
        Store::open(path);
        BOOST_FAIL("open of a non-SQLite file must throw");
    } catch (const Error& e) {
        BOOST_TEST(e.file() == path);
    }
    BOOST_TEST(read_file(path) == junk);  // and leaves it alone
}

BOOST_AUTO_TEST_CASE(open_a_directory_is_an_error) {
    TempDir dir;
    const auto path = dir.path().string();
    try {
        Store::open(path);
        BOOST_FAIL("open of a directory must throw");
    } catch (const Error& e) {
        BOOST_TEST(e.file() == path);
    }
}

BOOST_AUTO_TEST_CASE(open_sqlite_file_without_schema_is_an_error) {
    TempDir dir;
    const auto path = (dir.path() / "other.db").string();
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE t (x INTEGER)");
    }
    try {
        Store::open(path);
        BOOST_FAIL("open of a foreign SQLite file must throw");
    } catch (const Error& e) {
        BOOST_TEST(e.file() == path);
    }
}

BOOST_AUTO_TEST_CASE(open_newer_schema_is_an_error) {
    TempDir dir;
    const auto path = (dir.path() / "p.qcode").string();
    {
        auto s = Store::create(path);
        s.database().exec("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
    }
    try {
        Store::open(path);
        BOOST_FAIL("open of a newer schema must throw");
    } catch (const Error& e) {
        BOOST_TEST(e.file() == path);
        BOOST_TEST(std::string(e.what()).find("99") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(now_utc_is_iso8601) {
    const auto t = qcode::store::now_utc();
    BOOST_TEST(t.size() == 20u);  // 2026-11-27T11:37:03Z
    BOOST_TEST(t[4] == '-');
    BOOST_TEST(t[10] == 'T');
    BOOST_TEST(t.back() == 'Z');
}

BOOST_AUTO_TEST_SUITE_END()
