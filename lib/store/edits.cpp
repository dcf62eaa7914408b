// Hand coding and codebook edits that keep codings: single codings in and
// out, codes moved, renamed, merged and deleted in the code table.
#include <SQLiteCpp/Statement.h>

#include "core/error.hpp"
#include "store/store.hpp"

namespace qcode::store {

Id Store::add_coding(const Coding& c, std::string_view created_at) {
    if (c.span.end <= c.span.start) throw Error("a coding must cover at least one character");
    SQLite::Statement q(*db_,
        "INSERT INTO coding(document, start, end, code, coder, origin, rule, run, memo, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, c.document);
    q.bind(2, static_cast<std::int64_t>(c.span.start));
    q.bind(3, static_cast<std::int64_t>(c.span.end));
    q.bind(4, c.code);
    q.bind(5, c.coder);
    q.bind(6, std::string(to_string(c.origin)));
    q.bind(7, c.rule);
    if (c.run) q.bind(8, *c.run); else q.bind(8);
    q.bind(9, c.memo);
    q.bind(10, created_at.empty() ? now_utc() : std::string(created_at));
    q.exec();
    return db_->getLastInsertRowid();
}

bool Store::delete_coding(Id coding) {
    SQLite::Statement q(*db_, "DELETE FROM coding WHERE id = ?");
    q.bind(1, coding);
    return q.exec() > 0;
}

std::int64_t Store::count_codings(Id code) {
    SQLite::Statement q(*db_, "SELECT count(*) FROM coding WHERE code = ?");
    q.bind(1, code);
    q.executeStep();
    return q.getColumn(0).getInt64();
}

void Store::move_code(Id code, std::optional<Id> new_parent, std::string_view new_path, int ordinal) {
    std::string old_path;
    {
        SQLite::Statement q(*db_, "SELECT path FROM code WHERE id = ?");
        q.bind(1, code);
        if (!q.executeStep()) throw Error("no code with id " + std::to_string(code));
        old_path = q.getColumn(0).getString();
    }
    // Descendants first by prefix (not LIKE: ids may hold '_').
    SQLite::Statement sub(*db_,
        "UPDATE code SET path = ?1 || substr(path, length(?2) + 1) "
        "WHERE substr(path, 1, length(?2) + 1) = ?2 || '/'");
    sub.bind(1, std::string(new_path));
    sub.bind(2, old_path);
    sub.exec();
    SQLite::Statement self(*db_, "UPDATE code SET path = ?, parent = ?, ordinal = ? WHERE id = ?");
    self.bind(1, std::string(new_path));
    if (new_parent) self.bind(2, *new_parent); else self.bind(2);
    self.bind(3, ordinal);
    self.bind(4, code);
    self.exec();
}

void Store::set_code_label(Id code, std::string_view label) {
    SQLite::Statement q(*db_, "UPDATE code SET label = ? WHERE id = ?");
    q.bind(1, std::string(label));
    q.bind(2, code);
    q.exec();
}

std::pair<std::int64_t, std::int64_t> Store::reassign_codings(Id from, Id to) {
    SQLite::Statement move(*db_, "UPDATE coding SET code = ? WHERE code = ?");
    move.bind(1, to);
    move.bind(2, from);
    const std::int64_t moved = move.exec();

    // Each duplicate with the oldest coding of its group (lowest id).
    SQLite::Statement dups(*db_,
        "SELECT g.id, (SELECT min(k.id) FROM coding k WHERE k.code = g.code AND k.document = g.document "
        "  AND k.start = g.start AND k.end = g.end AND k.coder = g.coder) AS keep "
        "FROM coding g WHERE g.code = ? ORDER BY g.id");
    dups.bind(1, to);
    std::vector<std::pair<Id, Id>> drop;
    while (dups.executeStep()) {
        const Id id = dups.getColumn(0).getInt64(), keep = dups.getColumn(1).getInt64();
        if (id != keep) drop.emplace_back(id, keep);
    }
    for (const auto& [id, keep] : drop) {
        move_memos(MemoTarget::coding, id, keep);
        delete_coding(id);
    }
    return {moved, static_cast<std::int64_t>(drop.size())};
}

std::int64_t Store::delete_code(Id code) {
    SQLite::Statement kids(*db_, "SELECT count(*) FROM code WHERE parent = ?");
    kids.bind(1, code);
    kids.executeStep();
    if (kids.getColumn(0).getInt64() > 0) throw Error("a code with children cannot be deleted before them");
    SQLite::Statement codings(*db_, "DELETE FROM coding WHERE code = ?");
    codings.bind(1, code);
    const std::int64_t n = codings.exec();
    SQLite::Statement q(*db_, "DELETE FROM code WHERE id = ?");
    q.bind(1, code);
    q.exec();
    return n;
}

}  // namespace qcode::store
