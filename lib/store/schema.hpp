#pragma once
// The project file's schema, one migration per version. Opening an older
// project applies the missing steps in one transaction.
#include <SQLiteCpp/Database.h>

#include <string>

namespace qcode::store {

// Creates the schema in an empty database (current version).
void create_schema(SQLite::Database& db);

// Migrates a database whose meta.schema_version is older; throws
// qcode::Error for a newer version than this build knows.
void migrate(SQLite::Database& db, const std::string& path);

// meta.schema_version, 0 when the database is not a qcode project.
int stored_schema_version(SQLite::Database& db);

}  // namespace qcode::store
