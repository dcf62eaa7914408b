// The codebook as stored: its source text and the code tree.
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "core/error.hpp"
#include "store/store.hpp"

namespace qcode::store {

std::optional<CodebookSource> Store::codebook() {
    SQLite::Statement q(*db_, "SELECT name, source_path, sha256, source, imported_at FROM codebook WHERE id = 1");
    if (!q.executeStep()) return std::nullopt;
    return CodebookSource{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                          q.getColumn(3).getString(), q.getColumn(4).getString()};
}

void Store::set_codebook(const CodebookSource& source) {
    SQLite::Statement q(*db_,
        "INSERT INTO codebook(id, name, source_path, sha256, source, imported_at) VALUES (1, ?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET name = excluded.name, source_path = excluded.source_path, "
        "sha256 = excluded.sha256, source = excluded.source, imported_at = excluded.imported_at");
    q.bind(1, source.name);
    q.bind(2, source.source_path);
    q.bind(3, source.sha256);
    q.bind(4, source.source);
    q.bind(5, source.imported_at.empty() ? now_utc() : source.imported_at);
    q.exec();
}

std::vector<CodeRow> Store::codes() {
    SQLite::Statement q(*db_,
        "SELECT id, parent, path, label, description, color, codable, ordinal, definition, coding_rules FROM code");
    std::vector<CodeRow> all;
    std::map<Id, std::size_t> index;
    while (q.executeStep()) {
        CodeRow c;
        c.id = q.getColumn(0).getInt64();
        if (!q.getColumn(1).isNull()) c.parent = q.getColumn(1).getInt64();
        c.path = q.getColumn(2).getString();
        c.label = q.getColumn(3).getString();
        c.description = q.getColumn(4).getString();
        c.color = q.getColumn(5).getString();
        c.codable = q.getColumn(6).getInt() != 0;
        c.ordinal = q.getColumn(7).getInt();
        c.definition = q.getColumn(8).getString();
        c.coding_rules = q.getColumn(9).getString();
        index[c.id] = all.size();
        all.push_back(std::move(c));
    }
    SQLite::Statement ex(*db_, "SELECT code, text FROM anchor_example ORDER BY code, ordinal");
    while (ex.executeStep()) {
        auto it = index.find(ex.getColumn(0).getInt64());
        if (it != index.end()) all[it->second].anchor_examples.push_back(ex.getColumn(1).getString());
    }

    // Depth-first, siblings in codebook order: the order a codebook is read.
    std::map<std::optional<Id>, std::vector<std::size_t>> children;
    for (std::size_t i = 0; i < all.size(); ++i) children[all[i].parent].push_back(i);
    for (auto& [parent, kids] : children)
        std::sort(kids.begin(), kids.end(), [&](std::size_t a, std::size_t b) {
            return std::tie(all[a].ordinal, all[a].path) < std::tie(all[b].ordinal, all[b].path);
        });
    std::vector<CodeRow> ordered;
    ordered.reserve(all.size());
    std::function<void(std::optional<Id>)> visit = [&](std::optional<Id> parent) {
        auto it = children.find(parent);
        if (it == children.end()) return;
        for (auto i : it->second) {
            ordered.push_back(all[i]);
            visit(all[i].id);
        }
    };
    visit(std::nullopt);
    return ordered;
}

std::optional<CodeRow> Store::find_code(std::string_view path) {
    for (auto& c : codes())
        if (c.path == path) return c;
    return std::nullopt;
}

Id Store::upsert_code(const CodeRow& code) {
    std::optional<Id> parent;
    const auto slash = code.path.rfind('/');
    if (slash != std::string::npos) {
        SQLite::Statement p(*db_, "SELECT id FROM code WHERE path = ?");
        p.bind(1, code.path.substr(0, slash));
        if (!p.executeStep()) throw Error("code '" + code.path + "' has no parent code in the project");
        parent = p.getColumn(0).getInt64();
    }
    SQLite::Statement q(*db_,
        "INSERT INTO code(parent, path, label, description, color, codable, ordinal, definition, coding_rules) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(path) DO UPDATE SET parent = excluded.parent, label = excluded.label, "
        "description = excluded.description, color = excluded.color, codable = excluded.codable, "
        "ordinal = excluded.ordinal, definition = excluded.definition, coding_rules = excluded.coding_rules "
        "RETURNING id");
    if (parent) q.bind(1, *parent); else q.bind(1);
    q.bind(2, code.path);
    q.bind(3, code.label);
    q.bind(4, code.description);
    q.bind(5, code.color);
    q.bind(6, code.codable ? 1 : 0);
    q.bind(7, code.ordinal);
    q.bind(8, code.definition);
    q.bind(9, code.coding_rules);
    q.executeStep();
    const Id id = q.getColumn(0).getInt64();
    q.reset();

    SQLite::Statement del(*db_, "DELETE FROM anchor_example WHERE code = ?");
    del.bind(1, id);
    del.exec();
    SQLite::Statement ins(*db_, "INSERT INTO anchor_example(code, ordinal, text) VALUES (?, ?, ?)");
    int n = 0;
    for (const auto& example : code.anchor_examples) {
        ins.bind(1, id);
        ins.bind(2, ++n);
        ins.bind(3, example);
        ins.exec();
        ins.reset();
    }
    return id;
}

std::vector<std::string> Store::prune_codes(const std::vector<std::string>& keep_paths) {
    const std::set<std::string, std::less<>> keep(keep_paths.begin(), keep_paths.end());
    std::set<std::string, std::less<>> coded;
    {
        SQLite::Statement q(*db_, "SELECT DISTINCT c.path FROM coding g JOIN code c ON c.id = g.code");
        while (q.executeStep()) coded.insert(q.getColumn(0).getString());
    }
    auto all = codes();
    // A code stays if it is kept, coded, or an ancestor of such a code.
    std::set<std::string, std::less<>> needed;
    std::vector<std::string> kept_because_coded;
    for (const auto& c : all) {
        const bool in_keep = keep.contains(c.path);
        if (!in_keep && !coded.contains(c.path)) continue;
        if (!in_keep) kept_because_coded.push_back(c.path);
        for (std::string p = c.path;;) {
            needed.insert(p);
            const auto slash = p.rfind('/');
            if (slash == std::string::npos) break;
            p.resize(slash);
        }
    }
    SQLite::Statement del(*db_, "DELETE FROM code WHERE id = ?");
    for (auto it = all.rbegin(); it != all.rend(); ++it) {  // children before parents
        if (needed.contains(it->path)) continue;
        del.bind(1, it->id);
        del.exec();
        del.reset();
    }
    return kept_because_coded;
}

}  // namespace qcode::store
