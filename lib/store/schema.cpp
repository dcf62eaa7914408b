#include "store/schema.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <string>

#include "core/error.hpp"
#include "store/store.hpp"

namespace qcode::store {

namespace {

constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE document (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  source_path TEXT NOT NULL DEFAULT '',
  format      TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  text        TEXT NOT NULL,
  length      INTEGER NOT NULL,
  imported_at TEXT NOT NULL
);
CREATE TABLE attribute (
  document INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  name     TEXT NOT NULL,
  value    TEXT NOT NULL,
  PRIMARY KEY (document, name)
);
CREATE TABLE speaker (
  id       INTEGER PRIMARY KEY,
  document INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  label    TEXT NOT NULL,
  role     TEXT NOT NULL CHECK (role IN ('interviewer', 'moderator', 'respondent')),
  UNIQUE (document, label)
);
CREATE TABLE unit (
  id       INTEGER PRIMARY KEY,
  document INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  kind     TEXT NOT NULL CHECK (kind IN ('turn', 'paragraph', 'sentence')),
  ordinal  INTEGER NOT NULL,
  start    INTEGER NOT NULL,
  end      INTEGER NOT NULL CHECK (end >= start),
  speaker  INTEGER REFERENCES speaker(id) ON DELETE CASCADE,
  t_start  INTEGER,
  t_end    INTEGER,
  UNIQUE (document, kind, ordinal)
);
CREATE INDEX unit_by_position ON unit(document, kind, start);
CREATE TABLE codebook (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  name        TEXT NOT NULL,
  source_path TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  source      TEXT NOT NULL,
  imported_at TEXT NOT NULL
);
CREATE TABLE code (
  id           INTEGER PRIMARY KEY,
  parent       INTEGER REFERENCES code(id),
  path         TEXT NOT NULL UNIQUE,
  label        TEXT NOT NULL,
  description  TEXT NOT NULL DEFAULT '',
  color        TEXT NOT NULL DEFAULT '',
  codable      INTEGER NOT NULL DEFAULT 1,
  ordinal      INTEGER NOT NULL DEFAULT 0,
  definition   TEXT NOT NULL DEFAULT '',
  coding_rules TEXT NOT NULL DEFAULT ''
);
CREATE TABLE anchor_example (
  code    INTEGER NOT NULL REFERENCES code(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  text    TEXT NOT NULL,
  PRIMARY KEY (code, ordinal)
);
CREATE TABLE run (
  id              INTEGER PRIMARY KEY,
  codebook_sha256 TEXT NOT NULL,
  options         TEXT NOT NULL,
  coder           TEXT NOT NULL,
  started_at      TEXT NOT NULL,
  codings         INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE coding (
  id         INTEGER PRIMARY KEY,
  document   INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  start      INTEGER NOT NULL,
  end        INTEGER NOT NULL CHECK (end > start),
  code       INTEGER NOT NULL REFERENCES code(id),
  coder      TEXT NOT NULL,
  origin     TEXT NOT NULL CHECK (origin IN ('manual', 'auto', 'import')),
  rule       TEXT NOT NULL DEFAULT '',
  run        INTEGER REFERENCES run(id),
  memo       TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX coding_by_code ON coding(code);
CREATE INDEX coding_by_position ON coding(document, start);
CREATE INDEX coding_by_run ON coding(run);
CREATE TABLE memo (
  id          INTEGER PRIMARY KEY,
  target_kind TEXT NOT NULL CHECK (target_kind IN ('document', 'code', 'coding')),
  target      INTEGER NOT NULL,
  author      TEXT NOT NULL,
  text        TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
)sql";

// Version 2: memos point at their target by id, which SQLite may hand out
// again once the target is deleted (a re-run of autocode, `import
// --replace`), so a memo goes with its target. Memos orphaned before the
// triggers existed are dropped first.
constexpr const char* kStepV2 = R"sql(
DELETE FROM memo WHERE
     (target_kind = 'coding'   AND target NOT IN (SELECT id FROM coding))
  OR (target_kind = 'code'     AND target NOT IN (SELECT id FROM code))
  OR (target_kind = 'document' AND target NOT IN (SELECT id FROM document));
CREATE INDEX memo_by_target ON memo(target_kind, target);
CREATE TRIGGER memo_follows_coding AFTER DELETE ON coding BEGIN
  DELETE FROM memo WHERE target_kind = 'coding' AND target = OLD.id;
END;
CREATE TRIGGER memo_follows_code AFTER DELETE ON code BEGIN
  DELETE FROM memo WHERE target_kind = 'code' AND target = OLD.id;
END;
CREATE TRIGGER memo_follows_document AFTER DELETE ON document BEGIN
  DELETE FROM memo WHERE target_kind = 'document' AND target = OLD.id;
END;
)sql";

// Version 3: a run records the name of the codebook it applied (filled in
// for older runs from the installed codebook when its hash matches) and
// when it was undone (`qcode autocode --undo`).
constexpr const char* kStepV3 = R"sql(
ALTER TABLE run ADD COLUMN codebook_name TEXT NOT NULL DEFAULT '';
ALTER TABLE run ADD COLUMN undone_at TEXT;
UPDATE run SET codebook_name = coalesce((SELECT c.name FROM codebook c WHERE c.sha256 = run.codebook_sha256), '');
)sql";

void set_version(SQLite::Database& db, int version) {
    SQLite::Statement q(db, "UPDATE meta SET value = ? WHERE key = 'schema_version'");
    q.bind(1, std::to_string(version));
    q.exec();
}

int schema_version(SQLite::Database& db) {
    if (!db.tableExists("meta")) return 0;
    SQLite::Statement q(db, "SELECT value FROM meta WHERE key = 'schema_version'");
    if (!q.executeStep()) return 0;
    return std::stoi(q.getColumn(0).getString());
}

}  // namespace

void create_schema(SQLite::Database& db) {
    SQLite::Transaction tx(db);
    db.exec(kSchemaV1);
    db.exec(kStepV2);
    db.exec(kStepV3);
    SQLite::Statement q(db, "INSERT INTO meta(key, value) VALUES ('schema_version', ?), ('created_at', ?), ('application', 'qcode')");
    q.bind(1, std::to_string(kSchemaVersion));
    q.bind(2, now_utc());
    q.exec();
    tx.commit();
}

void migrate(SQLite::Database& db, const std::string& path) {
    const int version = schema_version(db);
    if (version == 0) throw Error("not a qcode project (no schema version); create one with `qcode init`", path);
    if (version > kSchemaVersion)
        throw Error("project has schema version " + std::to_string(version) + " but this qcode knows only up to " +
                        std::to_string(kSchemaVersion) + "; update qcode",
                    path);
    // Each step runs inside the same transaction as its version bump.
    if (version < 2) {
        SQLite::Transaction tx(db);
        db.exec(kStepV2);
        set_version(db, 2);
        tx.commit();
    }
    if (version < 3) {
        SQLite::Transaction tx(db);
        db.exec(kStepV3);
        set_version(db, 3);
        tx.commit();
    }
}

int stored_schema_version(SQLite::Database& db) { return schema_version(db); }

}  // namespace qcode::store
