#include "autocode/scope.hpp"

#include <algorithm>
#include <set>

#include "core/error.hpp"

namespace qcode::autocode {

namespace {

bool in_subtree(std::string_view path, std::string_view root) {
    return path == root || (path.size() > root.size() && path.starts_with(root) && path[root.size()] == '/');
}

// Spans sorted by start with the running maximum of their ends: "does any
// span intersect [s, e)?" is one binary search.
class SpanSet {
public:
    explicit SpanSet(std::vector<Span> spans) : spans_(std::move(spans)) {
        std::sort(spans_.begin(), spans_.end());
        max_end_.reserve(spans_.size());
        std::uint32_t m = 0;
        for (const auto& s : spans_) max_end_.push_back(m = std::max(m, s.end));
    }
    bool intersects(const Span& u) const {
        const auto k = std::partition_point(spans_.begin(), spans_.end(), [&](const Span& s) { return s.start < u.end; }) -
                       spans_.begin();
        return k > 0 && max_end_[static_cast<std::size_t>(k) - 1] > u.start;
    }

private:
    std::vector<Span> spans_;
    std::vector<std::uint32_t> max_end_;
};

}  // namespace

Scopes::Scopes(store::Store& store, const codebook::Codebook& cb, const Matcher& matcher, const std::string& coder)
    : matcher_(matcher), cb_(cb) {
    std::map<std::string, const codebook::Code*, std::less<>> by_path;
    codebook::for_each_code(cb.codes, [&](const codebook::Code& c) { by_path[c.path] = &c; });

    const auto& compiled = matcher.codes();
    codes_.resize(compiled.size());
    bool any_where = false;
    for (std::size_t i = 0; i < compiled.size(); ++i) {
        const auto it = by_path.find(compiled[i].path);
        if (it == by_path.end()) throw Error("internal: the matcher's code '" + std::string(compiled[i].path) + "' is not in the codebook");
        const auto& c = *it->second;
        auto& s = codes_[i];
        for (const auto& l : c.speaker_labels) s.label_keys.push_back(codebook::speaker_label_key(l));
        if (!c.where.empty()) {
            s.where = &c.where;
            any_where = true;
        }
        s.context = c.context.value_or(cb.defaults.context);
        if (!c.within.empty()) {
            auto t = std::find_if(targets_.begin(), targets_.end(), [&](const Target& x) { return x.path == c.within; });
            if (t == targets_.end()) t = targets_.insert(targets_.end(), Target{c.within, {}});
            s.within = static_cast<int>(t - targets_.begin());
        }
        post_ = post_ || s.context > 0 || s.within >= 0;
    }

    for (auto& t : targets_)
        for (std::size_t i = 0; i < compiled.size(); ++i)
            if (in_subtree(compiled[i].path, t.path)) {
                t.members.push_back(i);
                codes_[i].target_member = true;
            }

    // Dependency order: a code comes after every code whose codings its
    // within: looks at. The loader refuses cycles; a codebook built by hand
    // that has one is still refused here rather than coded in some order.
    std::vector<int> state(compiled.size(), 0);
    auto visit = [&](auto& self, std::size_t i) -> void {
        if (state[i] == 2) return;
        if (state[i] == 1)
            throw Error("codes are within each other in a circle (at '" + std::string(compiled[i].path) + "'); remove a within: key",
                        cb.source_path);
        state[i] = 1;
        if (codes_[i].within >= 0)
            for (auto m : targets_[static_cast<std::size_t>(codes_[i].within)].members) self(self, m);
        state[i] = 2;
        order_.push_back(i);
    };
    for (std::size_t i = 0; i < compiled.size(); ++i) visit(visit, i);

    if (any_where) {
        std::set<std::string, std::less<>> names;
        for (auto& a : store.attributes()) {
            names.insert(a.name);
            attributes_[a.document].emplace_back(std::move(a.name), std::move(a.value));
        }
        if (!store.documents().empty())
            for (std::size_t i = 0; i < compiled.size(); ++i) {
                if (!codes_[i].where) continue;
                for (const auto& w : *codes_[i].where) {
                    if (names.contains(w.name)) continue;
                    std::string known;
                    for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
                    throw Error("code '" + std::string(compiled[i].path) + "' has where: '" + w.name +
                                    "', but no document of the project has that attribute (" +
                                    (known.empty() ? std::string("none has any") : "they have: " + known) +
                                    "); fix the name, or import the attributes first with `qcode attributes FILE.csv`",
                                cb.source_path, by_path.find(compiled[i].path)->second->line);
                }
            }
    }

    if (!targets_.empty()) {
        std::map<Id, std::string> paths;
        for (const auto& c : store.codes()) paths[c.id] = c.path;
        for (const auto& g : store.codings()) {
            if (g.origin == Origin::automatic && g.coder == coder) continue;  // replaced by this run
            const auto p = paths.find(g.code);
            if (p == paths.end()) continue;
            for (std::size_t t = 0; t < targets_.size(); ++t)
                if (in_subtree(p->second, targets_[t].path)) kept_[{g.document, t}].push_back(g.span);
        }
    }
}

Scopes::Document Scopes::document(Id document) const {
    Document d;
    d.scopes_ = this;
    d.admitted_.assign(codes_.size(), 1);
    const auto attrs = attributes_.find(document);
    for (std::size_t i = 0; i < codes_.size(); ++i) {
        if (!codes_[i].where) continue;
        for (const auto& w : *codes_[i].where) {
            bool holds = false;
            if (attrs != attributes_.end())
                for (const auto& [name, value] : attrs->second)
                    if (name == w.name && std::find(w.values.begin(), w.values.end(), value) != w.values.end()) holds = true;
            if (!holds) {
                d.admitted_[i] = 0;
                break;
            }
        }
    }
    return d;
}

bool Scopes::Document::admits(std::size_t code, const store::UnitRow& unit) {
    if (!admitted_[code]) return false;
    const auto& s = scopes_->codes_[code];
    if (s.label_keys.empty()) return codebook::in_scope(scopes_->matcher_.codes()[code].speakers, unit.role);
    if (unit.speaker.empty()) return false;  // the header has no label
    auto it = label_keys_.find(unit.speaker);
    if (it == label_keys_.end()) it = label_keys_.emplace(unit.speaker, codebook::speaker_label_key(unit.speaker)).first;
    return std::find(s.label_keys.begin(), s.label_keys.end(), it->second) != s.label_keys.end();
}

void Scopes::finish(Id document, const DocumentUnits& units, std::vector<Pending>& pending,
                    std::vector<Found>& out) const {
    if (!post_) {
        for (auto& p : pending) out.push_back(std::move(p.found));
        return;
    }
    // Each code's findings, in the order found (for one code: text order).
    std::vector<std::size_t> by_code(pending.size());
    for (std::size_t i = 0; i < by_code.size(); ++i) by_code[i] = i;
    std::stable_sort(by_code.begin(), by_code.end(),
                     [&](std::size_t a, std::size_t b) { return pending[a].code < pending[b].code; });
    std::vector<char> keep(pending.size(), 1);
    std::map<std::size_t, std::vector<Span>> segments;  // final spans of codes some within looks at

    for (const auto code : order_) {
        const auto first = std::partition_point(by_code.begin(), by_code.end(),
                                                 [&](std::size_t i) { return pending[i].code < code; });
        const auto last = std::partition_point(first, by_code.end(), [&](std::size_t i) { return pending[i].code <= code; });
        if (first == last) continue;
        const auto& s = codes_[code];

        if (s.within >= 0) {
            std::vector<Span> counting;
            if (const auto k = kept_.find({document, static_cast<std::size_t>(s.within)}); k != kept_.end())
                counting = k->second;
            for (auto m : targets_[static_cast<std::size_t>(s.within)].members)
                if (const auto seg = segments.find(m); seg != segments.end())
                    counting.insert(counting.end(), seg->second.begin(), seg->second.end());
            const SpanSet set(std::move(counting));
            for (auto it = first; it != last; ++it)
                if (!set.intersects(pending[*it].found.span)) keep[*it] = 0;
        }

        if (s.context > 0) {
            // One segment per run of matched units whose context windows
            // overlap or touch inside one speaker's speech; it keeps the
            // rule and match of its first unit.
            const auto n = static_cast<std::size_t>(s.context);
            Pending* open = nullptr;
            std::size_t open_hi = 0;
            for (auto it = first; it != last; ++it) {
                if (!keep[*it]) continue;
                auto& p = pending[*it];
                const auto& us = units.at(p.found.kind);
                const auto& speaker = us[p.unit].speaker;
                std::size_t lo = p.unit, hi = p.unit;
                while (lo > 0 && p.unit - lo < n && us[lo - 1].speaker == speaker) --lo;
                while (hi + 1 < us.size() && hi - p.unit < n && us[hi + 1].speaker == speaker) ++hi;
                const bool joins = open && (lo <= open_hi || (lo == open_hi + 1 && us[open_hi].speaker == us[lo].speaker));
                if (joins) {
                    open_hi = std::max(open_hi, hi);
                    open->found.span.end = us[open_hi].span.end;
                    keep[*it] = 0;
                } else {
                    open = &p;
                    open_hi = hi;
                    p.found.span = Span{us[lo].span.start, us[hi].span.end};
                }
            }
        }

        if (s.target_member) {
            auto& seg = segments[code];
            for (auto it = first; it != last; ++it)
                if (keep[*it]) seg.push_back(pending[*it].found.span);
        }
    }
    for (std::size_t i = 0; i < pending.size(); ++i)
        if (keep[i]) out.push_back(std::move(pending[i].found));
}

std::string Scopes::describe() const {
    std::size_t labels = 0, where = 0, within = 0, context = 0;
    for (const auto& s : codes_) {
        labels += !s.label_keys.empty();
        where += s.where != nullptr;
        within += s.within >= 0;
        context += s.context > 0 && s.context != cb_.defaults.context;
    }
    std::vector<std::string> parts;
    if (cb_.defaults.context > 0) parts.push_back("context=" + std::to_string(cb_.defaults.context) + " (codebook default)");
    auto count = [&](std::size_t n, const std::string& what) {
        if (n) parts.push_back(std::to_string(n) + (n == 1 ? " code " : " codes ") + what);
    };
    count(labels, "by speaker label");
    count(where, "by document attribute");
    count(within, "within another code");
    count(context, context == 1 ? "with its own context" : "with their own context");
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
    return out;
}

}  // namespace qcode::autocode
