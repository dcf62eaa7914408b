#pragma once
// A scoped write transaction that nests: the outermost one is BEGIN
// IMMEDIATE … COMMIT, inner ones are savepoints. Library calls open one
// each, so a caller composing several calls (import + attributes) wraps
// them in its own and gets all-or-nothing for the whole command.
#include <SQLiteCpp/Database.h>

#include <string>

namespace qcode::store {

class Transaction {
public:
    explicit Transaction(SQLite::Database& db);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();  // rolls back unless committed

    void commit();

private:
    SQLite::Database& db_;
    std::string savepoint_;  // empty for the outermost transaction
    bool done_ = false;
};

}  // namespace qcode::store
