// Codings and the autocoding runs that made some of them.
#include <SQLiteCpp/Statement.h>

#include "core/error.hpp"
#include "store/store.hpp"

namespace qcode::store {

Id Store::add_run(const RunRow& run) {
    SQLite::Statement q(*db_,
        "INSERT INTO run(codebook_sha256, options, coder, started_at, codings, codebook_name, undone_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, coalesce(nullif(?6, ''), (SELECT name FROM codebook WHERE sha256 = ?1), ''), ?7)");
    q.bind(1, run.codebook_sha256);
    q.bind(2, run.options);
    q.bind(3, run.coder);
    q.bind(4, run.started_at.empty() ? now_utc() : run.started_at);
    q.bind(5, run.codings);
    q.bind(6, run.codebook_name);
    if (run.undone_at) q.bind(7, *run.undone_at); else q.bind(7);
    q.exec();
    return db_->getLastInsertRowid();
}

void Store::set_run_codings(Id run, std::int64_t count) {
    SQLite::Statement q(*db_, "UPDATE run SET codings = ? WHERE id = ?");
    q.bind(1, count);
    q.bind(2, run);
    q.exec();
}

namespace {

// A run replaces nothing itself: the next run of its coder deletes the
// coder's automatic codings (autocode::run), unless this run was undone
// before that (an undone run cannot be replaced, a replaced one cannot be
// undone, so undone_at settles it).
constexpr const char* kRunSelect =
    "SELECT r.id, r.codebook_sha256, r.options, r.coder, r.started_at, r.codings, r.codebook_name, r.undone_at, "
    "(SELECT count(*) FROM coding g WHERE g.run = r.id), "
    "CASE WHEN r.undone_at IS NULL THEN (SELECT min(n.id) FROM run n WHERE n.coder = r.coder AND n.id > r.id) END "
    "FROM run r";

RunRow read_run(SQLite::Statement& q) {
    RunRow r;
    r.id = q.getColumn(0).getInt64();
    r.codebook_sha256 = q.getColumn(1).getString();
    r.options = q.getColumn(2).getString();
    r.coder = q.getColumn(3).getString();
    r.started_at = q.getColumn(4).getString();
    r.codings = q.getColumn(5).getInt64();
    r.codebook_name = q.getColumn(6).getString();
    if (!q.getColumn(7).isNull()) r.undone_at = q.getColumn(7).getString();
    r.present = q.getColumn(8).getInt64();
    if (!q.getColumn(9).isNull()) r.replaced_by = q.getColumn(9).getInt64();
    return r;
}

}  // namespace

std::vector<RunRow> Store::runs() {
    SQLite::Statement q(*db_, std::string(kRunSelect) + " ORDER BY r.id");
    std::vector<RunRow> out;
    while (q.executeStep()) out.push_back(read_run(q));
    return out;
}

std::optional<RunRow> Store::find_run(Id run) {
    SQLite::Statement q(*db_, std::string(kRunSelect) + " WHERE r.id = ?");
    q.bind(1, run);
    if (!q.executeStep()) return std::nullopt;
    return read_run(q);
}

std::int64_t Store::delete_run_codings(Id run) {
    SQLite::Statement q(*db_, "DELETE FROM coding WHERE run = ? AND origin = 'auto'");
    q.bind(1, run);
    return q.exec();
}

std::int64_t Store::count_run_coding_memos(Id run) {
    SQLite::Statement q(*db_,
        "SELECT count(*) FROM memo WHERE target_kind = 'coding' AND target IN "
        "(SELECT id FROM coding WHERE run = ? AND origin = 'auto')");
    q.bind(1, run);
    q.executeStep();
    return q.getColumn(0).getInt64();
}

void Store::set_run_undone(Id run, std::string_view at) {
    SQLite::Statement q(*db_, "UPDATE run SET undone_at = ? WHERE id = ?");
    q.bind(1, at.empty() ? now_utc() : std::string(at));
    q.bind(2, run);
    q.exec();
}

void Store::add_codings(const std::vector<Coding>& codings) {
    SQLite::Statement q(*db_,
        "INSERT INTO coding(document, start, end, code, coder, origin, rule, run, memo, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    const auto now = now_utc();
    for (const auto& c : codings) {
        if (c.span.end <= c.span.start) throw Error("a coding must cover at least one character");
        q.bind(1, c.document);
        q.bind(2, static_cast<std::int64_t>(c.span.start));
        q.bind(3, static_cast<std::int64_t>(c.span.end));
        q.bind(4, c.code);
        q.bind(5, c.coder);
        q.bind(6, std::string(to_string(c.origin)));
        q.bind(7, c.rule);
        if (c.run) q.bind(8, *c.run); else q.bind(8);
        q.bind(9, c.memo);
        q.bind(10, now);
        q.exec();
        q.reset();
    }
}

std::int64_t Store::delete_auto_codings(std::string_view coder) {
    SQLite::Statement q(*db_, "DELETE FROM coding WHERE origin = 'auto' AND coder = ?");
    q.bind(1, std::string(coder));
    return q.exec();
}

std::vector<CodingRow> Store::codings(const CodingFilter& filter) {
    std::string sql =
        "SELECT g.id, g.document, g.start, g.end, g.code, g.coder, g.origin, g.rule, g.run, g.memo, g.created_at "
        "FROM coding g JOIN document d ON d.id = g.document WHERE 1";
    std::vector<std::string> binds;
    auto in_list = [&](const char* column, const std::vector<std::string>& values) {
        if (values.empty()) return;
        sql += std::string(" AND ") + column + " IN (";
        for (std::size_t i = 0; i < values.size(); ++i) {
            sql += i ? ", ?" : "?";
            binds.push_back(values[i]);
        }
        sql += ")";
    };
    in_list("g.coder", filter.coders);
    std::vector<std::string> origins;
    for (auto o : filter.origins) origins.emplace_back(to_string(o));
    in_list("g.origin", origins);
    in_list("d.name", filter.documents);
    for (const auto& [name, value] : filter.where) {
        sql += " AND EXISTS (SELECT 1 FROM attribute a WHERE a.document = g.document AND a.name = ? AND a.value = ?)";
        binds.push_back(name);
        binds.push_back(value);
    }
    if (!filter.roles.empty()) {
        // The owning turn: the first turn (by start) that reaches past the
        // coding's start and begins before its end — the turn holding the
        // start when there is one (turns do not overlap), else the next one.
        std::vector<std::string> roles;
        for (auto r : filter.roles) roles.emplace_back(to_string(r));
        sql += " AND (SELECT s.role FROM unit u LEFT JOIN speaker s ON s.id = u.speaker"
               " WHERE u.document = g.document AND u.kind = 'turn' AND u.end > g.start AND u.start < g.end"
               " ORDER BY u.start LIMIT 1) IN (";
        for (std::size_t i = 0; i < roles.size(); ++i) {
            sql += i ? ", ?" : "?";
            binds.push_back(roles[i]);
        }
        sql += ")";
    }
    sql += " ORDER BY g.document, g.start, g.end, g.code, g.id";
    SQLite::Statement q(*db_, sql);
    for (std::size_t i = 0; i < binds.size(); ++i) q.bind(static_cast<int>(i + 1), binds[i]);
    std::vector<CodingRow> out;
    while (q.executeStep()) {
        CodingRow c;
        c.id = q.getColumn(0).getInt64();
        c.document = q.getColumn(1).getInt64();
        c.span = Span{static_cast<std::uint32_t>(q.getColumn(2).getInt64()), static_cast<std::uint32_t>(q.getColumn(3).getInt64())};
        c.code = q.getColumn(4).getInt64();
        c.coder = q.getColumn(5).getString();
        c.origin = parse_origin(q.getColumn(6).getString()).value_or(Origin::manual);
        c.rule = q.getColumn(7).getString();
        if (!q.getColumn(8).isNull()) c.run = q.getColumn(8).getInt64();
        c.memo = q.getColumn(9).getString();
        c.created_at = q.getColumn(10).getString();
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace qcode::store
