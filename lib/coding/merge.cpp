#include "coding/merge.hpp"

#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include "core/error.hpp"

namespace qcode::coding {

namespace {

using CodingKey = std::tuple<Id, std::uint32_t, std::uint32_t, Id, std::string, Origin>;
using MemoKey = std::tuple<store::MemoTarget, Id, std::string, std::string>;

CodingKey key_of(Id document, Span span, Id code, const std::string& coder, Origin origin) {
    return {document, span.start, span.end, code, coder, origin};
}

class Merger {
public:
    Merger(store::Store& here, store::Store& other) : here_(here), other_(other) {}

    MergeReport run() {
        match_documents();
        for (const auto& c : other_.codes()) other_codes_[c.path] = c, other_paths_[c.id] = c.path;
        for (const auto& c : here_.codes()) here_codes_[c.path] = c.id;
        copy_codings();
        copy_memos();
        for (auto* list : {&report_.conflicts, &report_.missing})
            for (auto& s : *list) s.codings = skipped_codings_[s.document], s.memos = skipped_memos_[s.document];
        report_.coders.assign(coders_.begin(), coders_.end());
        return std::move(report_);
    }

private:
    void match_documents() {
        const auto mine = here_.documents();
        std::map<Id, std::string> texts;
        auto text_of = [&](Id id) -> const std::string& {
            auto it = texts.find(id);
            if (it == texts.end()) it = texts.emplace(id, here_.document_text(id)).first;
            return it->second;
        };
        for (const auto& d : other_.documents()) {
            other_names_[d.id] = d.name;
            const auto text = other_.document_text(d.id);
            const store::DocumentInfo* match = nullptr;
            bool same_hash = false;
            // Same source bytes and the same text (the same name first) …
            for (int pass = 0; pass < 2 && !match; ++pass)
                for (const auto& m : mine)
                    if (m.sha256 == d.sha256 && (pass == 1 || m.name == d.name)) {
                        same_hash = true;
                        if (m.length == d.length && text_of(m.id) == text) {
                            match = &m;
                            break;
                        }
                    }
            // … else the same name and the same text (a re-saved file).
            const store::DocumentInfo* named = nullptr;
            for (const auto& m : mine)
                if (m.name == d.name) named = &m;
            if (!match && named && named->length == d.length && text_of(named->id) == text) match = named;
            if (match) {
                documents_[d.id] = match->id;
                ++report_.documents_matched;
            } else if (named) {
                report_.conflicts.push_back({d.name, "a document of this name here has different text", 0, 0});
            } else if (same_hash) {
                report_.conflicts.push_back(
                    {d.name, "the same source file was imported here with other options (the text differs)", 0, 0});
            } else {
                report_.missing.push_back({d.name, "not in this project; import it first", 0, 0});
            }
        }
    }

    // The id here of the code at `path`, created (with its missing
    // ancestors, as the other project has them) when this project lacks it.
    Id code_here(const std::string& path) {
        if (auto it = here_codes_.find(path); it != here_codes_.end()) return it->second;
        const auto slash = path.rfind('/');
        std::optional<Id> parent;
        if (slash != std::string::npos) parent = code_here(path.substr(0, slash));
        store::CodeRow row = other_codes_.at(path);
        row.id = 0;
        row.parent = parent;
        int ordinal = 0;
        for (const auto& c : here_.codes())
            if (c.parent == parent) ordinal = std::max(ordinal, c.ordinal);
        row.ordinal = ordinal + 1;
        const Id id = here_.upsert_code(row);
        here_codes_[path] = id;
        report_.codes_created.push_back(path);
        return id;
    }

    void copy_codings() {
        std::map<CodingKey, Id> existing;
        for (const auto& c : here_.codings()) existing.emplace(key_of(c.document, c.span, c.code, c.coder, c.origin), c.id);
        for (const auto& c : other_.codings()) {
            const auto doc = documents_.find(c.document);
            if (doc == documents_.end()) {
                ++skipped_codings_[other_names_[c.document]];
                continue;
            }
            const Id code = code_here(other_paths_.at(c.code));
            const auto key = key_of(doc->second, c.span, code, c.coder, c.origin);
            if (auto it = existing.find(key); it != existing.end()) {
                codings_[c.id] = it->second;
                ++report_.codings_present;
                continue;
            }
            Coding copy;
            copy.document = doc->second;
            copy.span = c.span;
            copy.code = code;
            copy.coder = c.coder;
            copy.origin = c.origin;
            copy.rule = c.rule;
            copy.memo = c.memo;  // runs stay behind: their ids mean nothing here
            const Id id = here_.add_coding(copy, c.created_at);
            existing.emplace(key, id);
            codings_[c.id] = id;
            coders_.insert(c.coder);
            ++report_.codings_added;
        }
    }

    void copy_memos() {
        std::set<MemoKey> existing;
        for (const auto& m : here_.memos()) existing.insert({m.target_kind, m.target, m.author, m.text});
        std::map<Id, Id> coding_document;  // other coding → other document, for skip counts
        for (const auto& c : other_.codings()) coding_document[c.id] = c.document;
        for (const auto& m : other_.memos()) {
            std::optional<Id> target;
            switch (m.target_kind) {
                case store::MemoTarget::document:
                    if (auto it = documents_.find(m.target); it != documents_.end()) target = it->second;
                    else ++skipped_memos_[other_names_[m.target]];
                    break;
                case store::MemoTarget::code:
                    if (auto it = other_paths_.find(m.target); it != other_paths_.end()) target = code_here(it->second);
                    break;
                case store::MemoTarget::coding:
                    if (auto it = codings_.find(m.target); it != codings_.end()) target = it->second;
                    else if (auto d = coding_document.find(m.target); d != coding_document.end())
                        ++skipped_memos_[other_names_[d->second]];
                    break;
            }
            if (!target) continue;
            if (!existing.insert({m.target_kind, *target, m.author, m.text}).second) {
                ++report_.memos_present;
                continue;
            }
            here_.add_memo(store::MemoRow{0, m.target_kind, *target, m.author, m.text, m.created_at});
            ++report_.memos_added;
        }
    }

    store::Store& here_;
    store::Store& other_;
    MergeReport report_;
    std::map<Id, Id> documents_;  // other → here
    std::map<Id, Id> codings_;    // other → here
    std::map<Id, std::string> other_names_;
    std::map<Id, std::string> other_paths_;
    std::map<std::string, store::CodeRow> other_codes_;
    std::map<std::string, Id> here_codes_;
    std::map<std::string, std::size_t> skipped_codings_, skipped_memos_;
    std::set<std::string> coders_;
};

}  // namespace

MergeReport merge_project(store::Store& store, const std::string& other_path) {
    std::error_code ec;
    if (std::filesystem::equivalent(store.path(), other_path, ec))
        throw Error("this is the project itself; name another coder's project file", other_path);
    auto other = store::Store::open_read_only(other_path);
    auto tx = store.transaction();
    auto report = Merger(store, other).run();
    tx->commit();
    return report;
}

}  // namespace qcode::coding
