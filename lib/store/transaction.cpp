#include "store/transaction.hpp"

#include <sqlite3.h>

namespace qcode::store {

namespace {
int next_savepoint = 0;
}

Transaction::Transaction(SQLite::Database& db) : db_(db) {
    if (sqlite3_get_autocommit(db_.getHandle())) {
        db_.exec("BEGIN IMMEDIATE");
    } else {
        savepoint_ = "qcode_sp" + std::to_string(++next_savepoint);
        db_.exec("SAVEPOINT " + savepoint_);
    }
}

Transaction::~Transaction() {
    if (done_) return;
    try {
        if (savepoint_.empty()) {
            db_.exec("ROLLBACK");
        } else {
            db_.exec("ROLLBACK TO " + savepoint_);
            db_.exec("RELEASE " + savepoint_);
        }
    } catch (...) {
        // A destructor must not throw; SQLite rolls back on close anyway.
    }
}

void Transaction::commit() {
    if (savepoint_.empty()) db_.exec("COMMIT");
    else db_.exec("RELEASE " + savepoint_);
    done_ = true;
}

}  // namespace qcode::store
