// Memos on documents, codes and codings: free text with author and time.
#include <SQLiteCpp/Statement.h>

#include "core/error.hpp"
#include "store/store.hpp"

namespace qcode::store {

std::string_view to_string(MemoTarget kind) {
    switch (kind) {
        case MemoTarget::document: return "document";
        case MemoTarget::code: return "code";
        case MemoTarget::coding: return "coding";
    }
    return "document";
}

std::optional<MemoTarget> parse_memo_target(std::string_view s) {
    if (s == "document") return MemoTarget::document;
    if (s == "code") return MemoTarget::code;
    if (s == "coding") return MemoTarget::coding;
    return std::nullopt;
}

Id Store::add_memo(const MemoRow& memo) {
    if (memo.text.find_first_not_of(" \t\r\n") == std::string::npos)
        throw Error("a memo needs some text");
    SQLite::Statement q(*db_, "INSERT INTO memo(target_kind, target, author, text, created_at) VALUES (?, ?, ?, ?, ?)");
    q.bind(1, std::string(to_string(memo.target_kind)));
    q.bind(2, memo.target);
    q.bind(3, memo.author);
    q.bind(4, memo.text);
    q.bind(5, memo.created_at.empty() ? now_utc() : memo.created_at);
    q.exec();
    return db_->getLastInsertRowid();
}

std::vector<MemoRow> Store::memos(std::optional<MemoTarget> kind, std::optional<Id> target) {
    SQLite::Statement q(*db_,
        "SELECT id, target_kind, target, author, text, created_at FROM memo "
        "WHERE (?1 IS NULL OR target_kind = ?1) AND (?2 IS NULL OR target = ?2) ORDER BY id");
    if (kind) q.bind(1, std::string(to_string(*kind))); else q.bind(1);
    if (target) q.bind(2, *target); else q.bind(2);
    std::vector<MemoRow> out;
    while (q.executeStep()) {
        MemoRow m;
        m.id = q.getColumn(0).getInt64();
        m.target_kind = parse_memo_target(q.getColumn(1).getString()).value_or(MemoTarget::document);
        m.target = q.getColumn(2).getInt64();
        m.author = q.getColumn(3).getString();
        m.text = q.getColumn(4).getString();
        m.created_at = q.getColumn(5).getString();
        out.push_back(std::move(m));
    }
    return out;
}

bool Store::delete_memo(Id memo) {
    SQLite::Statement q(*db_, "DELETE FROM memo WHERE id = ?");
    q.bind(1, memo);
    return q.exec() > 0;
}

std::int64_t Store::move_memos(MemoTarget kind, Id from, Id to) {
    SQLite::Statement q(*db_, "UPDATE memo SET target = ? WHERE target_kind = ? AND target = ?");
    q.bind(1, to);
    q.bind(2, std::string(to_string(kind)));
    q.bind(3, from);
    return q.exec();
}

}  // namespace qcode::store
