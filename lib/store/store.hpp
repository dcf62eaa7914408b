#pragma once
// The project file: one SQLite database holding documents, their units,
// the codebook, codings, runs and memos (DESIGN §2). Every other module
// reads and writes the project only through this interface.
#include <SQLiteCpp/Database.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "store/transaction.hpp"

namespace qcode::store {

inline constexpr int kSchemaVersion = 1;

struct DocumentInfo {
    Id id = 0;
    std::string name;
    std::string source_path;
    std::string format;
    std::string sha256;
    std::string imported_at;
    std::uint32_t length = 0;  // code points
};

struct Attribute {
    Id document = 0;
    std::string name;
    std::string value;
};

struct SpeakerRow {
    Id id = 0;
    Id document = 0;
    std::string label;
    Role role = Role::respondent;
    std::uint32_t turns = 0;
};

struct UnitRow {
    Id id = 0;
    Id document = 0;
    UnitKind kind = UnitKind::turn;
    std::uint32_t ordinal = 0;
    Span span;
    std::string speaker;               // label, empty for none
    std::optional<Role> role;          // none for the header
    std::optional<std::int64_t> t_start_ms;
    std::optional<std::int64_t> t_end_ms;
};

struct CodeRow {
    Id id = 0;
    std::optional<Id> parent;
    std::string path;  // "huerden/technik/schnittstellen"
    std::string label;
    std::string description;
    std::string color;
    bool codable = true;
    int ordinal = 0;   // order among siblings, as in the codebook
    std::string definition;
    std::string coding_rules;
    std::vector<std::string> anchor_examples;

    std::string_view id_part() const;  // last path component
    int depth() const;                 // 1 for top-level codes
};

struct CodingRow {
    Id id = 0;
    Id document = 0;
    Span span;
    Id code = 0;
    std::string coder;
    Origin origin = Origin::manual;
    std::string rule;
    std::optional<Id> run;
    std::string memo;
    std::string created_at;
};

struct RunRow {
    Id id = 0;
    std::string codebook_sha256;
    std::string options;
    std::string coder;
    std::string started_at;
    std::int64_t codings = 0;
};

struct CodebookSource {
    std::string name;
    std::string source_path;
    std::string sha256;
    std::string source;  // the YAML text the codes came from
    std::string imported_at;
};

// Which codings a table looks at. Empty lists mean "all".
struct CodingFilter {
    std::vector<std::string> coders;
    std::vector<Origin> origins;
    std::vector<std::pair<std::string, std::string>> where;  // attribute = value, all must hold
    std::vector<std::string> documents;                      // by name
};

struct Counts {
    std::int64_t documents = 0, speakers = 0, turns = 0, paragraphs = 0, sentences = 0;
    std::int64_t codes = 0, codings = 0, runs = 0, coders = 0;
};

class Store {
public:
    // Creates a new project file; refuses to overwrite an existing one.
    static Store create(const std::string& path);
    // Opens an existing project, migrating an older schema.
    static Store open(const std::string& path);

    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    ~Store();

    const std::string& path() const { return path_; }

    // Every writing command runs inside one of these; destroyed without
    // commit() it rolls back, so a failed command leaves the file as it was.
    std::unique_ptr<Transaction> transaction();

    // --- documents
    std::optional<DocumentInfo> find_document(std::string_view name);
    std::optional<DocumentInfo> find_document_by_hash(std::string_view sha256);
    std::vector<DocumentInfo> documents();
    std::string document_text(Id document);
    Id add_document(const Document& doc);  // with its speakers and units
    void remove_document(Id document);      // cascades to units, codings

    // --- attributes
    void set_attribute(Id document, std::string_view name, std::string_view value);
    std::vector<Attribute> attributes();

    // --- speakers and units
    std::vector<SpeakerRow> speakers(std::optional<Id> document = {});
    // Sets the role of every speaker with this label (in one document, or
    // all); returns how many speakers changed.
    std::int64_t set_speaker_role(std::string_view label, Role role, std::optional<Id> document = {});
    std::vector<UnitRow> units(UnitKind kind, std::optional<Id> document = {});

    // --- codebook and codes
    std::optional<CodebookSource> codebook();
    void set_codebook(const CodebookSource& source);
    std::vector<CodeRow> codes();  // in tree order: parents before children
    std::optional<CodeRow> find_code(std::string_view path);
    // Inserts or updates a code by path; returns its id. The parent must exist.
    Id upsert_code(const CodeRow& code);
    // Removes codes not in `keep_paths` that have no codings; returns the paths kept because coded.
    std::vector<std::string> prune_codes(const std::vector<std::string>& keep_paths);

    // --- runs and codings
    Id add_run(const RunRow& run);
    void set_run_codings(Id run, std::int64_t count);
    std::vector<RunRow> runs();
    void add_codings(const std::vector<Coding>& codings);
    // Deletes the automatic codings of `coder` (a re-run replaces them).
    std::int64_t delete_auto_codings(std::string_view coder);
    std::vector<CodingRow> codings(const CodingFilter& filter = {});

    Counts counts();

    // For modules that need a query this interface lacks: add a method
    // instead of reaching in. Exposed for tests of the schema itself.
    SQLite::Database& database() { return *db_; }

private:
    Store(std::string path, std::unique_ptr<SQLite::Database> db);
    std::string path_;
    std::unique_ptr<SQLite::Database> db_;
};

// Current UTC time as ISO 8601 ("2026-11-27T11:37:03Z").
std::string now_utc();

}  // namespace qcode::store
