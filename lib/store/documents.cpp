// Documents, their attributes, speakers and units.
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <memory>

#include "core/error.hpp"
#include "core/utf8.hpp"
#include "store/store.hpp"

namespace qcode::store {

namespace {

constexpr const char* kDocumentColumns = "id, name, source_path, format, sha256, imported_at, length";

DocumentInfo read_document(SQLite::Statement& q) {
    DocumentInfo d;
    d.id = q.getColumn(0).getInt64();
    d.name = q.getColumn(1).getString();
    d.source_path = q.getColumn(2).getString();
    d.format = q.getColumn(3).getString();
    d.sha256 = q.getColumn(4).getString();
    d.imported_at = q.getColumn(5).getString();
    d.length = static_cast<std::uint32_t>(q.getColumn(6).getInt64());
    return d;
}

}  // namespace

std::optional<DocumentInfo> Store::find_document(std::string_view name) {
    SQLite::Statement q(*db_, std::string("SELECT ") + kDocumentColumns + " FROM document WHERE name = ?");
    q.bind(1, std::string(name));
    if (!q.executeStep()) return std::nullopt;
    return read_document(q);
}

std::optional<DocumentInfo> Store::find_document_by_hash(std::string_view sha256) {
    SQLite::Statement q(*db_, std::string("SELECT ") + kDocumentColumns + " FROM document WHERE sha256 = ? ORDER BY id LIMIT 1");
    q.bind(1, std::string(sha256));
    if (!q.executeStep()) return std::nullopt;
    return read_document(q);
}

std::vector<DocumentInfo> Store::documents() {
    SQLite::Statement q(*db_, std::string("SELECT ") + kDocumentColumns + " FROM document ORDER BY name");
    std::vector<DocumentInfo> out;
    while (q.executeStep()) out.push_back(read_document(q));
    return out;
}

std::string Store::document_text(Id document) {
    // Megabytes: read straight from the pages into the string. A SELECT
    // would first assemble the value in a buffer of SQLite's and copy it.
    sqlite3_blob* blob = nullptr;
    if (sqlite3_blob_open(db_->getHandle(), "main", "document", "text", document, 0, &blob) == SQLITE_OK) {
        const std::unique_ptr<sqlite3_blob, int (*)(sqlite3_blob*)> close(blob, sqlite3_blob_close);
        std::string text(static_cast<std::size_t>(sqlite3_blob_bytes(blob)), '\0');
        const int rc = sqlite3_blob_read(blob, text.data(), static_cast<int>(text.size()), 0);
        if (rc != SQLITE_OK) throw SQLite::Exception(db_->getHandle(), rc);
        return text;
    }
    sqlite3_blob_close(blob);  // may be null; the SELECT below says what went wrong
    SQLite::Statement q(*db_, "SELECT text FROM document WHERE id = ?");
    q.bind(1, document);
    if (!q.executeStep()) throw Error("no document with id " + std::to_string(document));
    return q.getColumn(0).getString();
}

namespace {

// Binds text that outlives the statement's next step without copying it.
void bind_static(sqlite3_stmt* stmt, int index, std::string_view text) {
    sqlite3_bind_text(stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
}

struct Finalizer {
    void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using RawStatement = std::unique_ptr<sqlite3_stmt, Finalizer>;

RawStatement prepare(SQLite::Database& db, const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v2(db.getHandle(), sql, -1, &stmt, nullptr);
    if (rc != SQLITE_OK) throw SQLite::Exception(db.getHandle(), rc);
    return RawStatement(stmt);
}

// CHECK constraints off for one scope (the connection's setting; NOT NULL,
// UNIQUE and foreign keys still hold). Statements prepared inside see it.
class IgnoreCheckConstraints {
public:
    explicit IgnoreCheckConstraints(SQLite::Database& db) : db_(db) {
        db_.exec("PRAGMA ignore_check_constraints = ON");
    }
    ~IgnoreCheckConstraints() {
        try {
            db_.exec("PRAGMA ignore_check_constraints = OFF");
        } catch (...) {
            // A destructor must not throw; the connection is closed soon after a failure anyway.
        }
    }
    IgnoreCheckConstraints(const IgnoreCheckConstraints&) = delete;
    IgnoreCheckConstraints& operator=(const IgnoreCheckConstraints&) = delete;

private:
    SQLite::Database& db_;
};

// Units per INSERT statement in add_document.
constexpr std::size_t kUnitBatch = 64;

// INSERT INTO unit … VALUES with `rows` rows of parameters.
std::string unit_insert_sql(std::size_t rows) {
    std::string sql = "INSERT INTO unit(document, kind, ordinal, start, end, speaker, t_start, t_end) VALUES ";
    for (std::size_t r = 0; r < rows; ++r) sql += r ? ", (?, ?, ?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, ?, ?, ?)";
    return sql;
}

// Runs a bound INSERT once and makes it ready for the next row.
void step_insert(SQLite::Database& db, sqlite3_stmt* stmt) {
    const int rc = sqlite3_step(stmt);
    if (rc != SQLITE_DONE) {
        SQLite::Exception error(db.getHandle(), rc);
        sqlite3_reset(stmt);
        throw error;
    }
    sqlite3_reset(stmt);
}

}  // namespace

Id Store::add_document(const Document& doc) {
    SQLite::Statement ins(*db_,
        "INSERT INTO document(name, source_path, format, sha256, text, length, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    ins.bind(1, doc.name);
    ins.bind(2, doc.source_path);
    ins.bind(3, doc.format);
    ins.bind(4, doc.sha256);
    ins.bindNoCopy(5, doc.text);
    ins.bind(6, static_cast<std::int64_t>(utf8::length(doc.text)));
    ins.bind(7, now_utc());
    ins.exec();
    const Id id = db_->getLastInsertRowid();

    // A document has a handful of speakers: a linear search beats a map.
    std::vector<std::pair<std::string_view, Id>> speaker_ids;
    speaker_ids.reserve(doc.speakers.size());
    SQLite::Statement sp(*db_, "INSERT INTO speaker(document, label, role) VALUES (?, ?, ?)");
    for (const auto& s : doc.speakers) {
        sp.bind(1, id);
        sp.bind(2, s.label);
        sp.bind(3, std::string(to_string(s.role)));
        sp.exec();
        sp.reset();
        speaker_ids.emplace_back(s.label, db_->getLastInsertRowid());
    }
    auto speaker_id = [&](const std::string& label) -> Id {
        for (const auto& [l, sid] : speaker_ids)
            if (l == label) return sid;
        throw Error("unit names speaker '" + label + "' that the document does not list", doc.source_path);
    };

    // Millions of rows in a large import: bound through the C API, text
    // without copies, and kUnitBatch rows per statement, which halves
    // SQLite's work per row (a statement's cursors and checks are set up
    // once for all of them). Rows go in in order, so ids are as one by one.
    // The table's CHECKs are evaluated here instead: SQLite builds a
    // temporary b-tree for `kind IN (…)` at every row, a third of the time.
    const IgnoreCheckConstraints unchecked(*db_);
    const auto& units = doc.units;
    const auto single = prepare(*db_, unit_insert_sql(1).c_str());
    RawStatement batch;
    if (units.size() >= kUnitBatch) batch = prepare(*db_, unit_insert_sql(kUnitBatch).c_str());
    auto bind_unit = [&](sqlite3_stmt* stmt, int row, const Unit& u) {
        const auto kind = to_string(u.kind);
        if (!parse_unit_kind(kind) || u.span.end < u.span.start)
            throw Error("unit " + std::string(kind) + " " + std::to_string(u.ordinal) + " has an invalid kind or range [" +
                            std::to_string(u.span.start) + ", " + std::to_string(u.span.end) + ")",
                        doc.source_path);
        const int b = row * 8;
        sqlite3_bind_int64(stmt, b + 1, id);
        bind_static(stmt, b + 2, kind);
        sqlite3_bind_int64(stmt, b + 3, u.ordinal);
        sqlite3_bind_int64(stmt, b + 4, u.span.start);
        sqlite3_bind_int64(stmt, b + 5, u.span.end);
        if (u.speaker.empty()) sqlite3_bind_null(stmt, b + 6);
        else sqlite3_bind_int64(stmt, b + 6, speaker_id(u.speaker));
        if (u.t_start_ms) sqlite3_bind_int64(stmt, b + 7, *u.t_start_ms); else sqlite3_bind_null(stmt, b + 7);
        if (u.t_end_ms) sqlite3_bind_int64(stmt, b + 8, *u.t_end_ms); else sqlite3_bind_null(stmt, b + 8);
    };
    std::size_t i = 0;
    for (; i + kUnitBatch <= units.size(); i += kUnitBatch) {
        for (std::size_t k = 0; k < kUnitBatch; ++k) bind_unit(batch.get(), static_cast<int>(k), units[i + k]);
        step_insert(*db_, batch.get());
    }
    for (; i < units.size(); ++i) {
        bind_unit(single.get(), 0, units[i]);
        step_insert(*db_, single.get());
    }
    return id;
}

void Store::remove_document(Id document) {
    SQLite::Statement q(*db_, "DELETE FROM document WHERE id = ?");
    q.bind(1, document);
    q.exec();
}

void Store::set_attribute(Id document, std::string_view name, std::string_view value) {
    SQLite::Statement q(*db_,
        "INSERT INTO attribute(document, name, value) VALUES (?, ?, ?) "
        "ON CONFLICT(document, name) DO UPDATE SET value = excluded.value");
    q.bind(1, document);
    q.bind(2, std::string(name));
    q.bind(3, std::string(value));
    q.exec();
}

std::vector<Attribute> Store::attributes() {
    SQLite::Statement q(*db_, "SELECT document, name, value FROM attribute ORDER BY document, name");
    std::vector<Attribute> out;
    while (q.executeStep())
        out.push_back(Attribute{q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString()});
    return out;
}

std::vector<SpeakerRow> Store::speakers(std::optional<Id> document) {
    SQLite::Statement q(*db_,
        "SELECT s.id, s.document, s.label, s.role, "
        // u.document: a speaker's units are in its document, and the unit
        // index on (document, kind) makes this a look at that document's
        // turns instead of a scan of every unit per speaker.
        "  (SELECT count(*) FROM unit u WHERE u.document = s.document AND u.kind = 'turn' AND u.speaker = s.id) "
        "FROM speaker s WHERE (?1 IS NULL OR s.document = ?1) ORDER BY s.document, s.id");
    if (document) q.bind(1, *document); else q.bind(1);
    std::vector<SpeakerRow> out;
    while (q.executeStep()) {
        SpeakerRow s;
        s.id = q.getColumn(0).getInt64();
        s.document = q.getColumn(1).getInt64();
        s.label = q.getColumn(2).getString();
        s.role = parse_role(q.getColumn(3).getString()).value_or(Role::respondent);
        s.turns = static_cast<std::uint32_t>(q.getColumn(4).getInt64());
        out.push_back(std::move(s));
    }
    return out;
}

std::int64_t Store::set_speaker_role(std::string_view label, Role role, std::optional<Id> document) {
    SQLite::Statement q(*db_, "UPDATE speaker SET role = ?1 WHERE label = ?2 AND (?3 IS NULL OR document = ?3) AND role <> ?1");
    q.bind(1, std::string(to_string(role)));
    q.bind(2, std::string(label));
    if (document) q.bind(3, *document); else q.bind(3);
    return q.exec();
}

namespace {

// Runs a SELECT one row further; false when it is done.
bool step_row(SQLite::Database& db, sqlite3_stmt* stmt) {
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw SQLite::Exception(db.getHandle(), rc);
}

std::string_view column_text(sqlite3_stmt* stmt, int column) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, column));
    return text ? std::string_view(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt, column))) : std::string_view();
}

// NULL reads as 0: only then is the type worth a second call.
std::optional<std::int64_t> optional_int(sqlite3_stmt* stmt, int column) {
    const std::int64_t value = sqlite3_column_int64(stmt, column);
    if (value == 0 && sqlite3_column_type(stmt, column) == SQLITE_NULL) return std::nullopt;
    return value;
}

// The speakers that units name, looked up by id: those of the document (or
// of all documents) read once up front instead of a join and a parsed role
// per unit. A unit naming any other speaker is looked up on its own, so
// the result is exactly that of a LEFT JOIN on speaker.
class SpeakerLookup {
public:
    struct Speaker {
        Id id = 0;
        bool exists = false;
        std::string label;
        std::optional<Role> role;
    };

    SpeakerLookup(SQLite::Database& db, std::optional<Id> document) : db_(db) {
        const auto q = prepare(db_, document ? "SELECT id, label, role FROM speaker WHERE document = ?1 ORDER BY id"
                                             : "SELECT id, label, role FROM speaker ORDER BY id");
        if (document) sqlite3_bind_int64(q.get(), 1, *document);
        while (step_row(db_, q.get()))
            speakers_.push_back(Speaker{sqlite3_column_int64(q.get(), 0), true, std::string(column_text(q.get(), 1)),
                                        parse_role(column_text(q.get(), 2))});
    }

    // The speaker with this id; nullptr if there is none. Valid until the next call.
    const Speaker* find(Id id) {
        // Units come in runs of the same speaker: try the last one first.
        if (last_ >= speakers_.size() || speakers_[last_].id != id) {
            auto it = std::lower_bound(speakers_.begin(), speakers_.end(), id,
                                       [](const Speaker& s, Id key) { return s.id < key; });
            if (it == speakers_.end() || it->id != id) it = speakers_.insert(it, fetch(id));
            last_ = static_cast<std::size_t>(it - speakers_.begin());
        }
        const Speaker& s = speakers_[last_];
        return s.exists ? &s : nullptr;
    }

private:
    Speaker fetch(Id id) {
        const auto q = prepare(db_, "SELECT label, role FROM speaker WHERE id = ?1");
        sqlite3_bind_int64(q.get(), 1, id);
        if (!step_row(db_, q.get())) return Speaker{id, false, {}, std::nullopt};
        return Speaker{id, true, std::string(column_text(q.get(), 0)), parse_role(column_text(q.get(), 1))};
    }

    SQLite::Database& db_;
    std::vector<Speaker> speakers_;  // by id, with ids found missing
    std::size_t last_ = 0;
};

// How many units of a kind a document has, as a hint for reserve(): the
// add_document callers number them 1, 2, 3…, so it is the largest ordinal,
// one look into the (document, kind, ordinal) index where count(*) would
// step through all of them.
std::size_t expected_units(SQLite::Database& db, UnitKind kind, Id document) {
    constexpr std::int64_t kMostReserved = 1 << 16;  // a hint, not a promise: a stray ordinal costs at most a few MB
    const auto q = prepare(db, "SELECT max(ordinal) FROM unit WHERE document = ?2 AND kind = ?1");
    bind_static(q.get(), 1, to_string(kind));
    sqlite3_bind_int64(q.get(), 2, document);
    if (!step_row(db, q.get())) return 0;
    const std::int64_t largest = sqlite3_column_int64(q.get(), 0);  // 0 for NULL: no units
    return static_cast<std::size_t>(std::clamp<std::int64_t>(largest, 0, kMostReserved));
}

}  // namespace

std::vector<UnitRow> Store::units(UnitKind kind, std::optional<Id> document) {
    // Hundreds of thousands of rows for a large project, so read through
    // the C API (SQLiteCpp's getColumn makes a Column holding a shared_ptr
    // per value), only the columns needed (one document's rows all have
    // its id), and without a join: each row carries the speaker's id,
    // which SpeakerLookup turns into label and role.
    //
    // Two statements, so that one document's units are a search of the
    // UNIQUE (document, kind, ordinal) index, already in ordinal order,
    // rather than a scan of every unit of the project: `?2 IS NULL OR
    // u.document = ?2` cannot use the index.
    const auto q = prepare(*db_, document ? "SELECT id, ordinal, start, end, speaker, t_start, t_end FROM unit "
                                            "WHERE document = ?2 AND kind = ?1 ORDER BY ordinal"
                                          : "SELECT id, ordinal, start, end, speaker, t_start, t_end, document FROM unit "
                                            "WHERE kind = ?1 ORDER BY document, ordinal");
    sqlite3_stmt* stmt = q.get();
    bind_static(stmt, 1, to_string(kind));
    if (document) sqlite3_bind_int64(stmt, 2, *document);
    std::vector<UnitRow> out;
    if (!step_row(*db_, stmt)) return out;
    // The statement's read transaction is open now, so the queries below
    // see the same state of the project as the rows do.
    if (document) out.reserve(expected_units(*db_, kind, *document));
    SpeakerLookup speakers(*db_, document);
    do {
        UnitRow& u = out.emplace_back();
        u.id = sqlite3_column_int64(stmt, 0);
        u.document = document ? *document : sqlite3_column_int64(stmt, 7);
        u.kind = kind;
        u.ordinal = static_cast<std::uint32_t>(sqlite3_column_int64(stmt, 1));
        u.span = Span{static_cast<std::uint32_t>(sqlite3_column_int64(stmt, 2)),
                      static_cast<std::uint32_t>(sqlite3_column_int64(stmt, 3))};
        if (const auto speaker_id = optional_int(stmt, 4)) {
            if (const auto* speaker = speakers.find(*speaker_id)) {
                u.speaker = speaker->label;
                u.role = speaker->role;
            }
        }
        u.t_start_ms = optional_int(stmt, 5);
        u.t_end_ms = optional_int(stmt, 6);
    } while (step_row(*db_, stmt));
    return out;
}

}  // namespace qcode::store
