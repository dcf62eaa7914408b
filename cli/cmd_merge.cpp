// qcode merge OTHER.qcode: bring another coder's codings and memos in.
#include <fmt/core.h>

#include "coding/merge.hpp"
#include "context.hpp"

namespace qcode::cli {

void register_merge_command(CLI::App& app, Context& ctx) {
    static std::string other;
    auto* cmd = app.add_subcommand("merge", "Add another coder's codings and memos from their project file");
    cmd->add_option("other", other, "The other project (.qcode); it is only read")->required();
    cmd->callback([&ctx] {
        auto store = ctx.open();
        const auto r = coding::merge_project(store, other);
        std::string coders;
        for (const auto& c : r.coders) coders += (coders.empty() ? " by " : ", ") + c;
        fmt::print("merged {}: {} document{} matched; {} codings added{}, {} already here; {} memos added, {} already here\n",
                   other, r.documents_matched, r.documents_matched == 1 ? "" : "s", r.codings_added, coders,
                   r.codings_present, r.memos_added, r.memos_present);
        for (const auto& path : r.codes_created) fmt::print("new code '{}'\n", path);
        for (const auto* list : {&r.conflicts, &r.missing})
            for (const auto& s : *list)
                fmt::print(stderr, "{}: document '{}': {}; {} coding{} and {} memo{} not merged\n",
                           list == &r.conflicts ? "conflict" : "skipped", s.document, s.reason, s.codings,
                           s.codings == 1 ? "" : "s", s.memos, s.memos == 1 ? "" : "s");
    });
}

}  // namespace qcode::cli
