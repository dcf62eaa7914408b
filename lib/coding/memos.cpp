#include "coding/memos.hpp"

#include <map>

#include "core/error.hpp"

namespace qcode::coding {

namespace {

// Every memo spelt out; the filter is applied by the callers.
std::vector<MemoView> views(store::Store& store, const std::vector<store::MemoRow>& rows) {
    std::map<Id, std::string> documents, codes;
    for (const auto& d : store.documents()) documents[d.id] = d.name;
    for (const auto& c : store.codes()) codes[c.id] = c.path;
    std::map<Id, store::CodingRow> codings;
    bool need_codings = false;
    for (const auto& m : rows) need_codings = need_codings || m.target_kind == store::MemoTarget::coding;
    if (need_codings)
        for (auto& c : store.codings()) codings.emplace(c.id, std::move(c));
    std::vector<MemoView> out;
    for (const auto& m : rows) {
        MemoView v;
        v.memo = m;
        switch (m.target_kind) {
            case store::MemoTarget::document: v.document = documents[m.target]; break;
            case store::MemoTarget::code: v.code = codes[m.target]; break;
            case store::MemoTarget::coding: {
                const auto it = codings.find(m.target);
                if (it == codings.end()) continue;  // cannot happen: memos follow their coding
                v.document = documents[it->second.document];
                v.code = codes[it->second.code];
                v.coder = it->second.coder;
                v.span = it->second.span;
                break;
            }
        }
        out.push_back(std::move(v));
    }
    return out;
}

void check_author(const std::string& author) {
    if (author.empty()) throw Error("the memo's author is empty; pass --author NAME");
}

}  // namespace

std::string MemoView::target() const {
    switch (memo.target_kind) {
        case store::MemoTarget::document: return "document " + document;
        case store::MemoTarget::code: return "code " + code;
        case store::MemoTarget::coding:
            return "coding " + code + " in " + document + " " + std::to_string(span ? span->start : 0) + ":" +
                   std::to_string(span ? span->end : 0) + " by " + coder;
    }
    return {};
}

Id add_document_memo(store::Store& store, const std::string& document, const std::string& author,
                     const std::string& text) {
    check_author(author);
    auto tx = store.transaction();
    const auto d = require_document(store, document);
    const Id id = store.add_memo(store::MemoRow{0, store::MemoTarget::document, d.id, author, text, {}});
    tx->commit();
    return id;
}

Id add_code_memo(store::Store& store, const std::string& code, const std::string& author, const std::string& text) {
    check_author(author);
    auto tx = store.transaction();
    const auto c = require_code(store, code);
    const Id id = store.add_memo(store::MemoRow{0, store::MemoTarget::code, c.id, author, text, {}});
    tx->commit();
    return id;
}

Id add_coding_memo(store::Store& store, const Target& target, const std::optional<std::string>& coder,
                   const std::string& author, const std::string& text) {
    check_author(author);
    auto tx = store.transaction();
    const auto c = find_coding(store, target, coder);
    const Id id = store.add_memo(store::MemoRow{0, store::MemoTarget::coding, c.id, author, text, {}});
    tx->commit();
    return id;
}

std::vector<MemoView> document_memos(store::Store& store, const std::string& document) {
    const auto d = require_document(store, document);
    return views(store, store.memos(store::MemoTarget::document, d.id));
}

std::vector<MemoView> code_memos(store::Store& store, const std::string& code) {
    const auto c = require_code(store, code);
    return views(store, store.memos(store::MemoTarget::code, c.id));
}

std::vector<MemoView> coding_memos(store::Store& store, const Target& target, const std::optional<std::string>& coder) {
    const auto c = find_coding(store, target, coder);
    return views(store, store.memos(store::MemoTarget::coding, c.id));
}

std::vector<MemoView> list_memos(store::Store& store, const MemoFilter& f) {
    // Unknown names are errors, not empty lists.
    if (!f.document.empty()) require_document(store, f.document);
    if (!f.code.empty()) require_code(store, f.code);
    std::vector<MemoView> out;
    for (auto& v : views(store, store.memos(f.kind))) {
        if (!f.document.empty() && v.document != f.document) continue;
        if (!f.code.empty() && v.code != f.code) continue;
        if (!f.author.empty() && v.memo.author != f.author) continue;
        out.push_back(std::move(v));
    }
    return out;
}

Table memo_table(const std::vector<MemoView>& memos) {
    Table t;
    t.title = "Memos";
    t.column("id", ColumnType::integer).column("on").column("document").column("code").column("coder");
    t.column("start", ColumnType::integer).column("end", ColumnType::integer);
    t.column("author").column("created_at").column("text");
    for (const auto& v : memos) {
        Cell start, end;
        if (v.span) start = std::int64_t(v.span->start), end = std::int64_t(v.span->end);
        t.add_row({std::int64_t(v.memo.id), std::string(to_string(v.memo.target_kind)), v.document, v.code, v.coder,
                   start, end, v.memo.author, v.memo.created_at, v.memo.text});
    }
    return t;
}

void remove_memo(store::Store& store, Id memo) {
    auto tx = store.transaction();
    if (!store.delete_memo(memo)) throw Error("no memo #" + std::to_string(memo) + "; see `qcode memo list`", store.path());
    tx->commit();
}

}  // namespace qcode::coding
