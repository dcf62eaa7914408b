#include "coding/codebook_edits.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <functional>
#include <set>

#include "codebook/codebook.hpp"
#include "coding/selectors.hpp"
#include "core/error.hpp"

namespace qcode::coding {

namespace {

bool inside(std::string_view path, std::string_view root) {
    return path == root || (path.size() > root.size() && path.starts_with(root) && path[root.size()] == '/');
}

std::string parent_of(std::string_view path) {
    const auto slash = path.rfind('/');
    return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash));
}

std::string join_path(const std::string& parent, std::string_view id) {
    return parent.empty() ? std::string(id) : parent + "/" + std::string(id);
}

// The code and its descendants, parents first.
std::vector<store::CodeRow> subtree(store::Store& store, const std::string& root) {
    std::vector<store::CodeRow> out;
    for (auto& c : store.codes())
        if (inside(c.path, root)) out.push_back(std::move(c));
    return out;
}

int next_ordinal(store::Store& store, std::optional<Id> parent) {
    int n = 0;
    for (const auto& c : store.codes())
        if (c.parent == parent) n = std::max(n, c.ordinal);
    return n + 1;
}

// Where a path goes in an edit: the same place under `to` for `from` and
// its subtree, unchanged otherwise.
std::string rebase(const std::string& path, const std::string& from, const std::string& to) {
    return inside(path, from) ? to + path.substr(from.size()) : path;
}

// What an edit does to paths: the path a code has afterwards (nothing: it
// goes), and the path a `within:` naming a code names afterwards
// (nothing: the key goes).
struct PathMap {
    std::function<std::optional<std::string>(const std::string&)> code;
    std::function<std::optional<std::string>(const std::string&)> within;
};

PathMap moving(const std::string& from, const std::string& to) {
    auto f = [from, to](const std::string& p) -> std::optional<std::string> { return rebase(p, from, to); };
    return PathMap{f, f};
}

std::string line_note(int line) {
    return line > 0 ? " (line " + std::to_string(line) + " of the stored codebook)" : std::string();
}

void require_free(store::Store& store, const std::string& path, const std::string& what) {
    if (store.find_code(path))
        throw Error(what + ": a code '" + path + "' already exists; merge the two with `qcode codebook merge`",
                    store.path());
}

// The stored YAML codebook as a node tree, edited in place and written back.
class YamlBook {
public:
    explicit YamlBook(store::Store& store) : store_(store), source_(store.codebook()) {
        if (!source_) return;
        root_ = YAML::Load(source_->source);
        parsed_ = codebook::parse_yaml(source_->source, origin());
    }

    // The `within:` keys of other codes that name `root` or a code under
    // it: (code, key) of the stored codebook.
    std::vector<WithinChange> within_into(const std::string& root) const {
        std::vector<WithinChange> out;
        if (!parsed_) return out;
        codebook::for_each_code(parsed_->codes, [&](const codebook::Code& c) {
            if (!c.within.empty() && inside(c.within, root) && !inside(c.path, root))
                out.push_back(WithinChange{c.path, c.within, "", c.within_line});
        });
        return out;
    }

    // Makes every `within:` follow an edit of paths: rewritten (or dropped)
    // where `map.within` changes what it names. Refuses, naming the key's
    // line, an edit after which the codebook's within: keys would not load
    // (a code within itself or a parent; a circle). Call before moving
    // nodes: it finds them by their present paths.
    std::vector<WithinChange> follow_within(const PathMap& map, const std::string& what) {
        std::vector<WithinChange> changes;
        if (!parsed_) return changes;
        // The codebook's codes afterwards, flat: paths and within: are all the check reads.
        codebook::Codebook after;
        std::vector<WithinChange> pending;
        std::vector<std::string> owners;  // present paths of the codes in `pending`
        codebook::for_each_code(parsed_->codes, [&](const codebook::Code& c) {
            const auto path = map.code(c.path);
            if (!path) return;
            codebook::Code flat;
            flat.path = *path;
            flat.line = c.line;
            if (!c.within.empty()) {
                const auto target = map.within(c.within);
                flat.within = target.value_or("");
                flat.within_line = c.within_line;
                if (target != c.within) {
                    pending.push_back(WithinChange{*path, c.within, target.value_or(""), c.within_line});
                    owners.push_back(c.path);
                }
            }
            after.codes.push_back(std::move(flat));
        });
        if (auto problem = codebook::check_within(after))
            throw Error(what + ": then " + problem->message + line_note(problem->code->within_line) +
                            "; nothing was changed",
                        store_.path());
        for (std::size_t i = 0; i < pending.size(); ++i) {
            auto node = find(owners[i]);
            if (!node) throw Error("code '" + owners[i] + "' is not in the stored codebook", store_.path());
            if (pending[i].after.empty()) node->remove("within");
            else (*node)["within"] = pending[i].after;
            changed_ = true;
            changes.push_back(std::move(pending[i]));
        }
        return changes;
    }

    bool present() const { return source_.has_value(); }

    // The node of the code at `path`, if the stored codebook has it.
    std::optional<YAML::Node> find(const std::string& path) const {
        auto loc = locate(path);
        if (!loc) return std::nullopt;
        return loc->node;
    }
    bool has(const std::string& path) const { return locate(path).has_value(); }

    // Takes the code at `path` out of its list (and returns it).
    YAML::Node detach(const std::string& path) {
        auto loc = locate(path);
        if (!loc) throw Error("code '" + path + "' is not in the stored codebook", store_.path());
        YAML::Node list = loc->owner[loc->key];
        YAML::Node fresh(YAML::NodeType::Sequence);
        for (std::size_t i = 0; i < list.size(); ++i)
            if (i != loc->index) fresh.push_back(list[i]);
        if (fresh.size() == 0 && loc->key == "children") loc->owner.remove("children");
        else loc->owner[loc->key] = fresh;
        changed_ = true;
        return loc->node;
    }

    // Appends a code node to the children of `parent` (empty: top level).
    void attach(const std::string& parent, const YAML::Node& code) {
        if (parent.empty()) {
            YAML::Node codes = root_["codes"];
            codes.push_back(code);
        } else {
            auto loc = locate(parent);
            if (!loc) throw Error("code '" + parent + "' is not in the stored codebook", store_.path());
            YAML::Node owner = loc->node;
            if (!owner["children"] || !owner["children"].IsSequence()) owner["children"] = YAML::Node(YAML::NodeType::Sequence);
            YAML::Node kids = owner["children"];
            kids.push_back(code);
        }
        changed_ = true;
    }

    void touch() { changed_ = true; }

    // Writes the edited YAML back, validated by the codebook reader, and
    // checks that its codes are exactly those the code table now has.
    bool save() {
        if (!source_ || !changed_) return false;
        YAML::Emitter out;
        out.SetIndent(2);
        out << root_;
        if (!out.good()) throw Error("cannot write the edited codebook: " + out.GetLastError(), store_.path());
        std::string text = out.c_str();
        text += "\n";
        const auto cb = codebook::parse_yaml(text, origin());
        std::set<std::string> table;
        for (const auto& c : store_.codes()) table.insert(c.path);
        codebook::for_each_code(cb.codes, [&](const codebook::Code& c) {
            if (!table.contains(c.path))
                throw Error("the edited codebook names code '" + c.path + "' that the project lacks; nothing was changed",
                            store_.path());
        });
        store_.set_codebook(store::CodebookSource{cb.name, source_->source_path, cb.sha256, cb.source, {}});
        return true;
    }

private:
    std::string origin() const {
        return source_->source_path.empty() ? "(project codebook)" : source_->source_path;
    }

    struct Location {
        YAML::Node owner;  // the root map ("codes") or a code map ("children")
        std::string key;
        std::size_t index = 0;
        YAML::Node node;
    };

    std::optional<Location> locate(const std::string& path) const {
        if (!source_ || !root_.IsMap()) return std::nullopt;
        YAML::Node owner = root_;
        std::string key = "codes";
        std::string_view rest = path;
        while (true) {
            const auto slash = rest.find('/');
            const std::string id(rest.substr(0, slash));
            YAML::Node list = owner[key];
            if (!list || !list.IsSequence()) return std::nullopt;
            std::optional<std::size_t> at;
            for (std::size_t i = 0; i < list.size(); ++i)
                if (list[i].IsMap() && list[i]["id"] && list[i]["id"].IsScalar() && list[i]["id"].Scalar() == id) at = i;
            if (!at) return std::nullopt;
            if (slash == std::string_view::npos) return Location{owner, key, *at, list[*at]};
            owner.reset(list[*at]);  // rebind: `owner = …` would overwrite the node it refers to
            key = "children";
            rest = rest.substr(slash + 1);
        }
    }

    store::Store& store_;
    std::optional<store::CodebookSource> source_;
    std::optional<codebook::Codebook> parsed_;  // the stored codebook as read, for its within: keys
    YAML::Node root_;
    bool changed_ = false;
};

// Appends the items of `from[key]` missing from `into[key]`.
void merge_list(YAML::Node into, const YAML::Node& from, const char* key) {
    if (!from[key] || !from[key].IsSequence() || from[key].size() == 0) return;
    if (!into[key] || !into[key].IsSequence()) into[key] = YAML::Node(YAML::NodeType::Sequence);
    YAML::Node target = into[key];
    std::set<std::string> have;
    for (const auto& item : target)
        if (item.IsScalar()) have.insert(item.Scalar());
    for (const auto& item : from[key])
        if (item.IsScalar() && have.insert(item.Scalar()).second) target.push_back(item.Scalar());
}

}  // namespace

EditReport rename_code(store::Store& store, const std::string& path, const std::string& new_id,
                       const std::optional<std::string>& label) {
    auto tx = store.transaction();
    const auto code = require_code(store, path);
    if (!codebook::valid_id(new_id))
        throw Error("invalid id '" + new_id + "': use letters, digits, '_', '-' and '.' only (no spaces, no '/')", store.path());
    if (label && label->find_first_not_of(" \t") == std::string::npos)
        throw Error("the new label of '" + path + "' is empty; write what the code means", store.path());
    const auto new_path = join_path(parent_of(path), new_id);
    if (new_path == path && !label)
        throw Error("code '" + path + "' already has the id '" + new_id + "'; give another id or a --label", store.path());
    if (new_path != path) require_free(store, new_path, "cannot rename '" + path + "'");

    EditReport r;
    r.path = new_path;
    YamlBook book(store);
    if (new_path != path) r.within = book.follow_within(moving(path, new_path), "cannot rename '" + path + "'");
    if (auto node = book.find(path)) {
        (*node)["id"] = new_id;
        if (label) (*node)["label"] = *label;
        book.touch();
    }
    if (new_path != path) {
        r.codes_moved = subtree(store, path).size();
        store.move_code(code.id, code.parent, new_path, code.ordinal);
    }
    if (label) store.set_code_label(code.id, *label);
    r.codebook_changed = book.save();
    tx->commit();
    return r;
}

EditReport move_code(store::Store& store, const std::string& path, const std::string& new_parent) {
    auto tx = store.transaction();
    const auto code = require_code(store, path);
    std::optional<Id> parent_id;
    if (!new_parent.empty()) {
        const auto parent = require_code(store, new_parent);
        if (inside(parent.path, path))
            throw Error("cannot move '" + path + "' under '" + new_parent + "', which is " +
                        (parent.path == path ? "the code itself" : "inside it"), store.path());
        parent_id = parent.id;
    }
    if (parent_of(path) == new_parent)
        throw Error("code '" + path + "' is already " +
                    (new_parent.empty() ? std::string("at the top level") : "under '" + new_parent + "'"), store.path());
    const auto new_path = join_path(new_parent, code.id_part());
    require_free(store, new_path, "cannot move '" + path + "'");

    EditReport r;
    r.path = new_path;
    YamlBook book(store);
    if (book.has(path)) {
        if (!new_parent.empty() && !book.has(new_parent))
            throw Error("'" + new_parent + "' is not in the stored codebook (it is kept only for its codings); "
                        "move '" + path + "' under a code of the codebook",
                        store.path());
        r.within = book.follow_within(moving(path, new_path),
                                      "cannot move '" + path + "' " +
                                          (new_parent.empty() ? std::string("to the top level") : "under '" + new_parent + "'"));
        book.attach(new_parent, book.detach(path));
    }
    r.codes_moved = subtree(store, path).size();
    store.move_code(code.id, parent_id, new_path, next_ordinal(store, parent_id));
    r.codebook_changed = book.save();
    tx->commit();
    return r;
}

EditReport merge_codes(store::Store& store, const std::string& from, const std::string& into) {
    auto tx = store.transaction();
    const auto source = require_code(store, from);
    const auto target = require_code(store, into);
    if (source.id == target.id) throw Error("cannot merge '" + from + "' into itself", store.path());
    if (inside(into, from))
        throw Error("cannot merge '" + from + "' into '" + into + "', which is inside it; move '" + into +
                    "' out first, or merge the other way round", store.path());
    const auto coded = store.count_codings(source.id);
    if (!target.codable && coded > 0)
        throw Error("'" + into + "' only groups other codes (codable: false) and cannot take the " +
                    std::to_string(coded) + " codings of '" + from + "'", store.path());
    std::vector<store::CodeRow> children;
    for (const auto& c : store.codes())
        if (c.parent == source.id) children.push_back(c);
    for (const auto& c : children)
        require_free(store, join_path(into, c.id_part()), "cannot merge '" + from + "' into '" + into + "'");

    EditReport r;
    r.path = into;
    YamlBook book(store);
    if (book.has(from)) {
        if (!book.has(into))
            throw Error("'" + into + "' is not in the stored codebook (it is kept only for its codings), so it cannot "
                        "take the patterns of '" + from + "'; merge into a code of the codebook",
                        store.path());
        PathMap map = moving(from, into);
        map.code = [from, into](const std::string& p) -> std::optional<std::string> {
            if (p == from) return std::nullopt;  // goes; its within: with it
            return rebase(p, from, into);
        };
        r.within = book.follow_within(map, "cannot merge '" + from + "' into '" + into + "'");
        YAML::Node node = book.detach(from);
        YAML::Node target_node = *book.find(into);
        merge_list(target_node, node, "patterns");
        merge_list(target_node, node, "exclude");
        merge_list(target_node, node, "anchor_examples");
        if (node["children"] && node["children"].IsSequence())
            for (const auto& child : node["children"]) book.attach(into, child);
    }
    for (const auto& c : children) {
        r.codes_moved += subtree(store, c.path).size();
        store.move_code(c.id, target.id, join_path(into, c.id_part()), next_ordinal(store, target.id));
    }
    std::tie(r.codings_moved, r.duplicates) = store.reassign_codings(source.id, target.id);
    store.move_memos(store::MemoTarget::code, source.id, target.id);
    store.delete_code(source.id);
    r.codebook_changed = book.save();
    tx->commit();
    return r;
}

EditReport delete_code(store::Store& store, const std::string& path, bool force) {
    auto tx = store.transaction();
    require_code(store, path);
    const auto codes = subtree(store, path);
    std::set<Id> ids;
    for (const auto& c : codes) ids.insert(c.id);
    EditReport r;
    std::set<Id> coding_ids;
    std::set<std::string> coders;
    for (const auto& g : store.codings())
        if (ids.contains(g.code)) {
            coding_ids.insert(g.id);
            coders.insert(g.coder);
        }
    r.coders.assign(coders.begin(), coders.end());
    YamlBook book(store);
    const auto within = book.within_into(path);
    if ((!coding_ids.empty() || !within.empty()) && !force) {
        std::vector<std::string> why;
        if (!coding_ids.empty()) {
            std::string who;
            for (const auto& c : r.coders) who += (who.empty() ? "" : ", ") + c;
            why.push_back("has " + std::to_string(coding_ids.size()) + " coding" + (coding_ids.size() == 1 ? "" : "s") +
                          " by " + who);
        }
        if (!within.empty()) {
            std::string list;
            for (const auto& w : within)
                list += (list.empty() ? "" : ", ") + ("'" + w.code + "' within '" + w.before + "'") + line_note(w.line);
            why.push_back(std::string(coding_ids.empty() ? "has " : "and ") + "codes within it: " + list);
        }
        const std::string advice =
            !within.empty() && !coding_ids.empty()
                ? "merge it into another code with `qcode codebook merge` (codings and within: follow), or delete "
                  "the codings too and drop those within: keys with --force"
            : !within.empty()
                ? "merge it into another code with `qcode codebook merge` (within: follows), or drop those within: "
                  "keys with --force"
                : "merge it into another code with `qcode codebook merge`, or delete them too with --force";
        throw Error("code '" + path + "'" +
                        (codes.size() > 1 ? " (with " + std::to_string(codes.size() - 1) + " subcodes)" : "") + " " +
                        why.front() + (why.size() > 1 ? ", " + why.back() : std::string()) + "; " + advice,
                    store.path());
    }
    for (const auto& m : store.memos())
        if ((m.target_kind == store::MemoTarget::code && ids.contains(m.target)) ||
            (m.target_kind == store::MemoTarget::coding && coding_ids.contains(m.target)))
            ++r.memos_deleted;
    if (book.has(path)) {
        PathMap map;
        map.code = map.within = [path](const std::string& p) -> std::optional<std::string> {
            if (inside(p, path)) return std::nullopt;
            return p;
        };
        r.within = book.follow_within(map, "cannot delete '" + path + "'");
        book.detach(path);
    }
    for (auto it = codes.rbegin(); it != codes.rend(); ++it) r.codings_deleted += store.delete_code(it->id);
    r.codes_deleted = codes.size();
    r.codebook_changed = book.save();
    tx->commit();
    return r;
}

}  // namespace qcode::coding
