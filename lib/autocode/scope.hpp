#pragma once
// A code's scope beyond its patterns (DESIGN §4, issue #4):
//   whose turns   — `speakers:` by role, or `speaker_labels:` by label
//                   (NFC, case and white space ignored: IP2 = IP 2);
//   which documents — `where:` on document attributes, every listed
//                   attribute holding with one of its values;
//   where in them — `within: PATH`, only units overlapping a coding of
//                   PATH or its subtree that the project keeps after the run
//                   (this run's own, and every coding the run does not
//                   replace; codes are evaluated in `within` order);
//   how much      — `context: N`, the matched unit plus up to N units of
//                   the same kind before and after, not across a change of
//                   speaker, touching segments of one code merged.
// run() asks a Scopes twice: per unit, which codes may match there; per
// document, which of the codings found stand and what they cover.
#include <cstddef>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "autocode/matcher.hpp"
#include "autocode/run.hpp"
#include "codebook/codebook.hpp"
#include "store/store.hpp"

namespace qcode::autocode {

// A coding found in one document before within/context are applied: the
// code (index into Matcher::codes()) and the matched unit (index into the
// document's units of found.kind).
struct Pending {
    std::size_t code = 0;
    std::size_t unit = 0;
    Found found;
};

// A document's units by kind, in text order, as the run walked them.
using DocumentUnits = std::map<UnitKind, std::vector<store::UnitRow>>;

class Scopes {
public:
    // Reads what the scopes need: document attributes and, when a code is
    // `within` another, the codings the run keeps (all but `coder`'s
    // automatic ones, which the run replaces). The codebook and matcher
    // must outlive it. Throws qcode::Error naming the codebook file and the
    // code's line when `where:` names an attribute that no document of the
    // project has (a typo would otherwise code nothing, silently).
    Scopes(store::Store& store, const codebook::Codebook& cb, const Matcher& matcher, const std::string& coder);

    // The scope of one document: which codes its attributes admit, and a
    // cache of folded speaker labels.
    class Document {
    public:
        // May `code` match in `unit`: attributes, then speaker label or role?
        bool admits(std::size_t code, const store::UnitRow& unit);

    private:
        friend class Scopes;
        const Scopes* scopes_ = nullptr;
        std::vector<char> admitted_;  // by code: the document meets its where:
        std::unordered_map<std::string, std::string> label_keys_;
    };
    Document document(Id document) const;

    // Applies within:, context: and merging to the codings found in one
    // document and appends those that stand to `out`, in the order found.
    void finish(Id document, const DocumentUnits& units, std::vector<Pending>& pending, std::vector<Found>& out) const;

    // A short note on the scopes in use for the run's options ("" if none
    // beyond unit and speakers).
    std::string describe() const;

private:
    struct CodeScope {
        std::vector<std::string> label_keys;  // empty: by role
        const std::vector<codebook::AttributeCondition>* where = nullptr;
        int within = -1;  // index into targets_
        int context = 0;
        bool target_member = false;  // its codings count for some within
    };
    struct Target {
        std::string path;
        std::vector<std::size_t> members;  // codes of the matcher in the subtree
    };

    const Matcher& matcher_;
    const codebook::Codebook& cb_;
    std::vector<CodeScope> codes_;
    std::vector<Target> targets_;
    std::vector<std::size_t> order_;  // codes, each after the codes its within depends on
    bool post_ = false;               // some code has within or context
    std::map<Id, std::vector<std::pair<std::string, std::string>>> attributes_;
    std::map<std::pair<Id, std::size_t>, std::vector<Span>> kept_;  // (document, target) → kept codings
};

}  // namespace qcode::autocode
