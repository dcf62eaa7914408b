#pragma once
// Splitting coded segments into groups — by document, speaker, role or the
// value of a document attribute — for `freq --by`, `matrix --cols` and
// `crosstab --attr` (docs/tables.md, "Groups").
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/code_segments.hpp"

namespace qcode::analysis {

enum class GroupKind { document, speaker, role, attribute };

struct GroupBy {
    GroupKind kind = GroupKind::document;
    std::string attribute;  // for GroupKind::attribute
};

// "document" (or "documents"), "speaker", "role", "attr:NAME"; nullopt otherwise.
std::optional<GroupBy> parse_group_by(std::string_view s);
std::string to_string(const GroupBy& by);

// The group of documents whose attribute is missing or empty.
inline constexpr std::string_view kNoValue = "(no value)";
// The group of places outside any speaker's turn (the header before the first label).
inline constexpr std::string_view kNoSpeaker = "(no speaker)";

// The groups of one table, in column order, with the documents of each (the
// base of a group's documents_pct). Groups:
// - document: one per admitted document, by name;
// - attribute: one per distinct non-empty value among the admitted
//   documents, in German collation with numbers compared as numbers
//   ("FG 2" before "FG 10"), then kNoValue for documents without a value;
// - speaker: one per speaker label (the same label in two documents is one
//   group), collated like values, then kNoSpeaker;
// - role: interviewer, moderator, respondent (those that speak in the
//   admitted documents), then kNoSpeaker.
// A segment's group is its document's (document, attribute) or that of the
// speaker of its owning turn (speaker, role; see owning_turn).
class Grouping {
public:
    Grouping(store::Store& store, const GroupBy& by, const std::vector<store::DocumentInfo>& documents);

    const GroupBy& by() const { return by_; }
    std::size_t size() const { return names_.size(); }
    const std::string& name(std::size_t g) const { return names_.at(g); }
    // Documents of the group: for speaker and role those in which the group
    // speaks (kNoSpeaker: those with a header turn).
    const std::vector<Id>& documents(std::size_t g) const { return documents_.at(g); }
    // True for kNoValue / kNoSpeaker.
    bool is_catch_all(std::size_t g) const { return g + 1 == names_.size() && catch_all_; }
    // True when every document lies in exactly one group (document, attribute).
    bool per_document() const { return by_.kind == GroupKind::document || by_.kind == GroupKind::attribute; }

    // The group of a segment; nullopt when its document was not admitted.
    std::optional<std::size_t> group_of(const Segment& segment) const;

    // Whether a table should show group g, given how many segments fell into
    // it: a catch-all group of speakers/roles only when it holds segments,
    // any other group when it has documents.
    bool visible(std::size_t g, std::int64_t segments) const;

private:
    GroupBy by_;
    std::vector<std::string> names_;
    std::vector<std::vector<Id>> documents_;
    bool catch_all_ = false;
    std::map<Id, std::size_t> document_group_;               // document, attribute
    std::map<Id, std::vector<store::UnitRow>> turns_;        // speaker, role
    std::map<std::string, std::size_t, std::less<>> index_;  // speaker label or role name → group
};

// Sorts strings in German collation with numeric parts compared as numbers.
void collate_sort(std::vector<std::string>& values);

}  // namespace qcode::analysis
