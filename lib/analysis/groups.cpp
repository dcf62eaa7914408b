#include "analysis/groups.hpp"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <set>

namespace qcode::analysis {

std::optional<GroupBy> parse_group_by(std::string_view s) {
    if (s == "document" || s == "documents") return GroupBy{GroupKind::document, {}};
    if (s == "speaker") return GroupBy{GroupKind::speaker, {}};
    if (s == "role") return GroupBy{GroupKind::role, {}};
    if (s.starts_with("attr:") && s.size() > 5) return GroupBy{GroupKind::attribute, std::string(s.substr(5))};
    return std::nullopt;
}

std::string to_string(const GroupBy& by) {
    switch (by.kind) {
        case GroupKind::document: return "document";
        case GroupKind::speaker: return "speaker";
        case GroupKind::role: return "role";
        case GroupKind::attribute: return "attr:" + by.attribute;
    }
    return "?";
}

void collate_sort(std::vector<std::string>& values) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> coll(icu::Collator::createInstance(icu::Locale("de"), status));
    if (U_FAILURE(status) || !coll) {
        std::sort(values.begin(), values.end());
        return;
    }
    coll->setAttribute(UCOL_NUMERIC_COLLATION, UCOL_ON, status);
    std::stable_sort(values.begin(), values.end(), [&](const std::string& a, const std::string& b) {
        UErrorCode st = U_ZERO_ERROR;
        const auto r = coll->compareUTF8(a, b, st);
        if (r != UCOL_EQUAL) return r == UCOL_LESS;
        return a < b;  // collation-equal but different bytes: a stable, total order
    });
}

Grouping::Grouping(store::Store& store, const GroupBy& by, const std::vector<store::DocumentInfo>& documents) : by_(by) {
    auto add_group = [&](std::string name) {
        index_[name] = names_.size();
        names_.push_back(std::move(name));
        documents_.emplace_back();
    };
    switch (by.kind) {
        case GroupKind::document:
            for (const auto& d : documents) {
                document_group_[d.id] = names_.size();
                add_group(d.name);
                documents_.back().push_back(d.id);
            }
            return;
        case GroupKind::attribute: {
            std::map<Id, std::string> value;
            for (const auto& a : store.attributes())
                if (a.name == by.attribute) value[a.document] = a.value;
            std::set<std::string> seen;
            for (const auto& d : documents)
                if (auto it = value.find(d.id); it != value.end() && !it->second.empty()) seen.insert(it->second);
            std::vector<std::string> values(seen.begin(), seen.end());
            collate_sort(values);
            for (auto& v : values) add_group(std::move(v));
            add_group(std::string(kNoValue));
            catch_all_ = true;
            for (const auto& d : documents) {
                const auto it = value.find(d.id);
                const std::size_t g = (it == value.end() || it->second.empty()) ? names_.size() - 1 : index_.at(it->second);
                document_group_[d.id] = g;
                documents_[g].push_back(d.id);
            }
            return;
        }
        case GroupKind::speaker:
        case GroupKind::role: {
            std::map<std::string, std::set<Id>> speaks_in;  // group name → documents
            std::set<Id> header;
            for (const auto& d : documents) {
                auto turns = store.units(UnitKind::turn, d.id);
                for (const auto& t : turns) {
                    if (!t.role) header.insert(d.id);
                    else speaks_in[by.kind == GroupKind::speaker ? t.speaker : std::string(to_string(*t.role))].insert(d.id);
                }
                turns_[d.id] = std::move(turns);
            }
            std::vector<std::string> names;
            if (by.kind == GroupKind::speaker) {
                for (const auto& [label, docs] : speaks_in) names.push_back(label);
                collate_sort(names);
            } else {
                for (auto r : {Role::interviewer, Role::moderator, Role::respondent})
                    if (speaks_in.contains(std::string(to_string(r)))) names.emplace_back(to_string(r));
            }
            for (auto& n : names) {
                const auto& docs = speaks_in[n];
                add_group(std::move(n));
                documents_.back().assign(docs.begin(), docs.end());
            }
            add_group(std::string(kNoSpeaker));
            documents_.back().assign(header.begin(), header.end());
            catch_all_ = true;
            return;
        }
    }
}

std::optional<std::size_t> Grouping::group_of(const Segment& segment) const {
    if (per_document()) {
        const auto it = document_group_.find(segment.document);
        if (it == document_group_.end()) return std::nullopt;
        return it->second;
    }
    const auto turns = turns_.find(segment.document);
    if (turns == turns_.end()) return std::nullopt;
    const auto* turn = owning_turn(turns->second, segment.span);
    if (!turn || !turn->role) return names_.size() - 1;  // kNoSpeaker
    const auto key = by_.kind == GroupKind::speaker ? turn->speaker : std::string(to_string(*turn->role));
    const auto it = index_.find(key);
    return it == index_.end() ? names_.size() - 1 : it->second;
}

bool Grouping::visible(std::size_t g, std::int64_t segments) const {
    if (is_catch_all(g) && !per_document()) return segments > 0;
    return !documents_.at(g).empty() || segments > 0;
}

}  // namespace qcode::analysis
