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

inline constexpr int kSchemaVersion = 3;

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

// What a memo is attached to (table `memo`, DESIGN §2).
enum class MemoTarget { document, code, coding };
std::string_view to_string(MemoTarget kind);  // "document", "code", "coding"
std::optional<MemoTarget> parse_memo_target(std::string_view s);

struct MemoRow {
    Id id = 0;
    MemoTarget target_kind = MemoTarget::document;
    Id target = 0;  // document, code or coding id
    std::string author;
    std::string text;
    std::string created_at;  // empty on insert: now
};

// One autocoding run (table `run`).
struct RunRow {
    Id id = 0;
    std::string codebook_sha256;
    std::string options;
    std::string coder;
    std::string started_at;                // empty on insert: now
    std::int64_t codings = 0;              // codings the run made
    std::string codebook_name;             // empty on insert: the installed codebook's name if its hash matches
    std::optional<std::string> undone_at;  // when `autocode --undo` removed its codings
    // Worked out by runs() and find_run(); add_run ignores them.
    std::int64_t present = 0;              // its codings still in the project
    // The next run of the same coder, which replaced this run's codings;
    // none while this run is the coder's latest, or when it was undone.
    std::optional<Id> replaced_by;
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
    // Speaker roles (any of them). A coding belongs to the turn that holds
    // its start; when its start lies outside every turn (in a speaker label),
    // to the first turn it reaches. Codings in the header turn (no speaker)
    // or outside every turn have no role and are left out by a role filter.
    std::vector<Role> roles;
};

struct Counts {
    std::int64_t documents = 0, speakers = 0, turns = 0, paragraphs = 0, sentences = 0;
    std::int64_t codes = 0, codings = 0, runs = 0, coders = 0;
};

// One thread at a time: the connection is opened without SQLite's own
// mutex (SQLITE_OPEN_NOMUTEX), so a Store must not be used by two threads
// at once. Threads that need the project concurrently open their own.
class Store {
public:
    // Creates a new project file; refuses to overwrite an existing one.
    static Store create(const std::string& path);
    // Opens an existing project, migrating an older schema.
    static Store open(const std::string& path);
    // Opens another project only to read it (`qcode merge`): nothing is
    // migrated or written; a newer schema is refused.
    static Store open_read_only(const std::string& path);

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
    std::vector<RunRow> runs();  // by id
    std::optional<RunRow> find_run(Id run);
    // Deletes the automatic codings that `run` made (their memos go with
    // them), nothing else; returns how many.
    std::int64_t delete_run_codings(Id run);
    // Memos attached to codings that `run` made.
    std::int64_t count_run_coding_memos(Id run);
    // Records that the run was undone; `at` empty: now.
    void set_run_undone(Id run, std::string_view at = {});
    void add_codings(const std::vector<Coding>& codings);
    // Deletes the automatic codings of `coder` (a re-run replaces them).
    std::int64_t delete_auto_codings(std::string_view coder);
    std::vector<CodingRow> codings(const CodingFilter& filter = {});

    // --- hand coding (lib/store/edits.cpp)
    // Inserts one coding and returns its id; `created_at` empty: now.
    Id add_coding(const Coding& coding, std::string_view created_at = {});
    // Deletes one coding (its memos go with it); false if there was none.
    bool delete_coding(Id coding);
    std::int64_t count_codings(Id code);

    // --- codebook edits that keep codings (lib/store/edits.cpp)
    // Moves a code and its subtree: the code gets `new_path`, its parent
    // link and sibling `ordinal`; descendants' paths follow. The caller
    // checks that the new path is free and not inside the code's subtree.
    void move_code(Id code, std::optional<Id> new_parent, std::string_view new_path, int ordinal);
    void set_code_label(Id code, std::string_view label);
    // Codings of `from` become codings of `to`; exact duplicates (same
    // document, range and coder) are removed, the older coding kept, and
    // the removed ones' memos moved to it. Returns {moved, duplicates removed}.
    std::pair<std::int64_t, std::int64_t> reassign_codings(Id from, Id to);
    // Deletes a code without children, with all its codings (and their
    // memos and the code's own); returns how many codings went.
    std::int64_t delete_code(Id code);

    // --- memos (lib/store/memos.cpp)
    Id add_memo(const MemoRow& memo);
    // Memos in the order written; optionally of one kind, and one target.
    std::vector<MemoRow> memos(std::optional<MemoTarget> kind = {}, std::optional<Id> target = {});
    bool delete_memo(Id memo);
    // Re-attaches the memos of one target to another of the same kind.
    std::int64_t move_memos(MemoTarget kind, Id from, Id to);

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
