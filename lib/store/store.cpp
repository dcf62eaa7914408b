#include "store/store.hpp"

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <chrono>
#include <ctime>
#include <filesystem>

#include "core/error.hpp"
#include "store/schema.hpp"

namespace qcode::store {

namespace fs = std::filesystem;

std::string now_utc() {
    const auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string_view CodeRow::id_part() const {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? std::string_view(path) : std::string_view(path).substr(slash + 1);
}

int CodeRow::depth() const {
    int d = 1;
    for (char c : path) d += c == '/';
    return d;
}

namespace {

// NOMUTEX: a Store is used by one thread at a time (import reads files
// ahead on a second thread but stores them on the first), so SQLite need
// not lock the connection's mutex in every call, twice per column read.
constexpr int kOpenFlags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;

void configure(SQLite::Database& db) {
    db.setBusyTimeout(5000);
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("PRAGMA synchronous = NORMAL");
    // 16 MiB of page cache instead of 2: a large import writes each page
    // to the WAL once instead of spilling and rewriting a third of them.
    db.exec("PRAGMA cache_size = -16384");
}

}  // namespace

Store::Store(std::string path, std::unique_ptr<SQLite::Database> db) : path_(std::move(path)), db_(std::move(db)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::create(const std::string& path) {
    if (fs::exists(path)) throw Error("a project already exists here; use it, or remove it to start over", path);
    try {
        auto db = std::make_unique<SQLite::Database>(path, kOpenFlags | SQLITE_OPEN_CREATE);
        db->exec("PRAGMA journal_mode = WAL");
        configure(*db);
        create_schema(*db);
        return Store(path, std::move(db));
    } catch (const SQLite::Exception& e) {
        std::error_code ignored;
        fs::remove(path, ignored);
        throw Error(std::string("cannot create the project: ") + e.what(), path);
    }
}

Store Store::open(const std::string& path) {
    if (!fs::exists(path))
        throw Error("no project file; create one with `qcode init` or name another with -p FILE", path);
    try {
        auto db = std::make_unique<SQLite::Database>(path, kOpenFlags);
        configure(*db);
        migrate(*db, path);
        return Store(path, std::move(db));
    } catch (const SQLite::Exception& e) {
        throw Error(std::string("cannot open the project (is it a qcode project?): ") + e.what(), path);
    }
}

std::unique_ptr<Transaction> Store::transaction() {
    return std::make_unique<Transaction>(*db_);
}

Counts Store::counts() {
    Counts c;
    auto scalar = [&](const char* sql) {
        SQLite::Statement q(*db_, sql);
        q.executeStep();
        return q.getColumn(0).getInt64();
    };
    c.documents = scalar("SELECT count(*) FROM document");
    c.speakers = scalar("SELECT count(*) FROM speaker");
    c.turns = scalar("SELECT count(*) FROM unit WHERE kind = 'turn'");
    c.paragraphs = scalar("SELECT count(*) FROM unit WHERE kind = 'paragraph'");
    c.sentences = scalar("SELECT count(*) FROM unit WHERE kind = 'sentence'");
    c.codes = scalar("SELECT count(*) FROM code");
    c.codings = scalar("SELECT count(*) FROM coding");
    c.runs = scalar("SELECT count(*) FROM run");
    c.coders = scalar("SELECT count(DISTINCT coder) FROM coding");
    return c;
}

}  // namespace qcode::store
