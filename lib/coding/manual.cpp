#include "coding/manual.hpp"

#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include "core/error.hpp"
#include "core/utf8.hpp"

namespace qcode::coding {

namespace {

struct Place {
    store::DocumentInfo document;
    store::CodeRow code;
    Span span;
};

Place locate(store::Store& store, const Target& t) {
    Place p;
    p.code = require_code(store, t.code);
    p.document = require_document(store, t.document);
    p.span = resolve(store, p.document, t.where);
    return p;
}

std::vector<store::CodingRow> codings_of(store::Store& store, const Place& p) {
    store::CodingFilter f;
    f.documents = {p.document.name};
    auto all = store.codings(f);
    std::vector<store::CodingRow> out;
    for (auto& c : all)
        if (c.code == p.code.id) out.push_back(std::move(c));
    return out;
}

std::string range(Span s) { return std::to_string(s.start) + ":" + std::to_string(s.end); }

std::string where(const Place& p, const Selector& s) {
    std::string w = "'" + p.document.name + "' at " + describe(s);
    if (!s.range) w += " [" + range(p.span) + "]";
    return w;
}

// "by anna at 12:40, by auto at 10:52" for codings overlapping `span`.
std::string listing(const std::vector<store::CodingRow>& codings, Span span) {
    std::string out;
    int n = 0;
    for (const auto& c : codings) {
        if (!c.span.intersects(span)) continue;
        if (++n > 5) {
            out += ", …";
            break;
        }
        out += (out.empty() ? "" : ", ") + std::string("by ") + c.coder + " at " + range(c.span);
    }
    return out;
}

}  // namespace

std::string default_coder() {
    if (const char* env = std::getenv("QCODE_CODER"); env && *env) return env;
    if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_name && *pw->pw_name) return pw->pw_name;
    return "coder";
}

AddResult add(store::Store& store, const Target& target, const std::string& coder, const std::string& memo) {
    if (coder.empty()) throw Error("the coder name is empty; pass --coder NAME");
    auto tx = store.transaction();
    const auto p = locate(store, target);
    if (!p.code.codable)
        throw Error("code '" + p.code.path + "' only groups other codes (codable: false); code one of its children",
                    store.path());
    AddResult r;
    r.span = p.span;
    r.code = p.code.path;
    {
        const auto text = store.document_text(p.document.id);
        const utf8::Index index(text);
        r.text = std::string(utf8::slice(text, index, p.span.start, p.span.end));
    }
    for (const auto& c : codings_of(store, p))
        if (c.span == p.span && c.coder == coder && c.origin == Origin::manual) {
            r.coding = c.id;
            r.existed = true;
        }
    if (!r.existed) {
        Coding c;
        c.document = p.document.id;
        c.span = p.span;
        c.code = p.code.id;
        c.coder = coder;
        c.origin = Origin::manual;
        r.coding = store.add_coding(c);
    }
    if (memo.find_first_not_of(" \t\r\n") != std::string::npos) {
        const auto existing = store.memos(store::MemoTarget::coding, r.coding);
        const bool same = std::any_of(existing.begin(), existing.end(),
                                      [&](const auto& m) { return m.author == coder && m.text == memo; });
        if (!same) r.memo = store.add_memo(store::MemoRow{0, store::MemoTarget::coding, r.coding, coder, memo, {}});
    }
    tx->commit();
    return r;
}

RemoveResult remove(store::Store& store, const Target& target, const std::string& coder, bool all_coders) {
    auto tx = store.transaction();
    const auto p = locate(store, target);
    RemoveResult r;
    r.span = p.span;
    const auto codings = codings_of(store, p);
    for (const auto& c : codings) {
        if (!p.span.contains(c.span) || (!all_coders && c.coder != coder)) continue;
        r.memos += static_cast<std::int64_t>(store.memos(store::MemoTarget::coding, c.id).size());
        store.delete_coding(c.id);
        r.removed.push_back(c);
    }
    if (r.removed.empty()) {
        std::string msg = "no coding of '" + p.code.path + "'" + (all_coders ? "" : " by " + coder) + " in " +
                          where(p, target.where);
        const auto there = listing(codings, p.span);
        msg += there.empty() ? "; nothing to remove" : "; there are codings " + there;
        if (!there.empty() && !all_coders) msg += " (name the coder with --coder, or use --all-coders)";
        throw Error(msg, store.path());
    }
    tx->commit();
    return r;
}

store::CodingRow find_coding(store::Store& store, const Target& target, const std::optional<std::string>& coder) {
    const auto p = locate(store, target);
    const auto codings = codings_of(store, p);
    std::vector<store::CodingRow> hits;
    for (const auto& c : codings)
        if (c.span == p.span && (!coder || c.coder == *coder)) hits.push_back(c);
    if (hits.size() == 1) return hits.front();
    std::string msg = "no coding of '" + p.code.path + "'" + (coder ? " by " + *coder : "") + " in " + where(p, target.where);
    if (hits.empty()) {
        const auto there = listing(codings, p.span);
        msg += there.empty() ? "" : "; there are codings " + there + " (select exactly that range)";
        throw Error(msg, store.path());
    }
    std::string coders;
    for (const auto& c : hits) coders += (coders.empty() ? "" : ", ") + c.coder + " (" + std::string(to_string(c.origin)) + ")";
    throw Error(std::to_string(hits.size()) + " codings of '" + p.code.path + "' in " + where(p, target.where) +
                    ", by " + coders + "; name one with --coder",
                store.path());
}

}  // namespace qcode::coding
