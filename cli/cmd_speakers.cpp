// qcode speakers, qcode speakers set-role
#include <fmt/core.h>

#include <map>

#include "context.hpp"
#include "core/error.hpp"

namespace qcode::cli {

namespace {

Table speakers_table(store::Store& store, const std::vector<std::string>& only) {
    std::map<Id, std::string> names;
    for (const auto& d : store.documents()) names[d.id] = d.name;
    Table t;
    t.title = "Speakers";
    t.column("document").column("speaker").column("role").column("turns", ColumnType::integer);
    for (const auto& s : store.speakers()) {
        const auto& name = names[s.document];
        if (!only.empty() && std::find(only.begin(), only.end(), name) == only.end()) continue;
        t.add_row({name, s.label, std::string(to_string(s.role)), std::int64_t(s.turns)});
    }
    return t;
}

}  // namespace

void register_speakers_commands(CLI::App& app, Context& ctx) {
    static TableOptions options;
    auto* cmd = app.add_subcommand("speakers", "List the speakers of each document with roles and turn counts");
    add_table_options(*cmd, options);

    static std::string label, role, document;
    auto* set = cmd->add_subcommand("set-role", "Change a speaker's role (interviewer, moderator, respondent)");
    set->add_option("label", label, "Speaker label, e.g. B2 or \"Frau M.\"")->required();
    set->add_option("role", role, "interviewer, moderator or respondent")
        ->required()
        ->check(CLI::IsMember({"interviewer", "moderator", "respondent"}));
    set->add_option("--doc", document, "Only in this document (default: every document)");
    set->callback([&ctx] {
        auto store = ctx.open();
        std::optional<Id> doc;
        if (!document.empty()) {
            const auto d = store.find_document(document);
            if (!d) throw Error("no document named '" + document + "' in the project; see `qcode info`", store.path());
            doc = d->id;
        }
        auto tx = store.transaction();
        const auto changed = store.set_speaker_role(label, *parse_role(role), doc);
        bool known = false;
        for (const auto& s : store.speakers(doc)) known = known || s.label == label;
        if (!known) throw Error("no speaker '" + label + "'" + (document.empty() ? "" : " in '" + document + "'") +
                                "; see `qcode speakers`", store.path());
        tx->commit();
        fmt::print("{} speaker(s) '{}' now {}{}\n", changed, label, role,
                   changed ? "; re-run `qcode autocode` so that coding follows the new roles" : " (unchanged)");
    });

    cmd->callback([&ctx, set] {
        if (set->parsed()) return;
        auto store = ctx.open();
        emit(speakers_table(store, options.documents), options);
    });
}

}  // namespace qcode::cli
