// Opening another project only to read it (qcode merge).
#include <SQLiteCpp/Database.h>

#include <filesystem>

#include "core/error.hpp"
#include "store/schema.hpp"
#include "store/store.hpp"

namespace qcode::store {

namespace {

// A file name as an SQLite URI path.
std::string uri_path(const std::string& path) {
    std::string out;
    for (char c : path) {
        if (c == '%') out += "%25";
        else if (c == '?') out += "%3f";
        else if (c == '#') out += "%23";
        else out += c;
    }
    return out;
}

}  // namespace

Store Store::open_read_only(const std::string& path) {
    if (!std::filesystem::exists(path)) throw Error("no such project file", path);
    try {
        // A project closed cleanly has no write-ahead log; then it is read
        // as immutable, so that not even -wal/-shm files appear beside it.
        // With a log (its owner has it open) the log is read too. NOMUTEX:
        // one thread at a time, as for Store::open.
        std::unique_ptr<SQLite::Database> db;
        if (std::filesystem::exists(path + "-wal"))
            db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX);
        else
            db = std::make_unique<SQLite::Database>("file:" + uri_path(path) + "?immutable=1",
                                                    SQLite::OPEN_READONLY | SQLite::OPEN_URI | SQLite::OPEN_NOMUTEX);
        db->setBusyTimeout(5000);
        const int version = stored_schema_version(*db);
        if (version == 0) throw Error("not a qcode project (no schema version)", path);
        if (version > kSchemaVersion)
            throw Error("project has schema version " + std::to_string(version) + " but this qcode knows only up to " +
                            std::to_string(kSchemaVersion) + "; update qcode",
                        path);
        // Older versions differ only in what writing needs (triggers), so
        // they read the same.
        return Store(path, std::move(db));
    } catch (const SQLite::Exception& e) {
        throw Error(std::string("cannot open the project (is it a qcode project?): ") + e.what(), path);
    }
}

}  // namespace qcode::store
