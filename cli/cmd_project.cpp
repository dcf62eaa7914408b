// qcode init, qcode info
#include <fmt/core.h>

#include "context.hpp"
#include "store/store.hpp"

namespace qcode::cli {

void register_project_commands(CLI::App& app, Context& ctx) {
    auto* init = app.add_subcommand("init", "Create a new, empty project file");
    init->callback([&ctx] {
        store::Store::create(ctx.project);
        fmt::print("created {}\n", ctx.project);
    });

    auto* info = app.add_subcommand("info", "Show what the project holds");
    info->callback([&ctx] {
        auto s = ctx.open();
        const auto c = s.counts();
        fmt::print("project    {}\n", s.path());
        fmt::print("documents  {}  ({} speakers, {} turns, {} paragraphs, {} sentences)\n", c.documents, c.speakers,
                   c.turns, c.paragraphs, c.sentences);
        if (auto cb = s.codebook())
            fmt::print("codebook   {}  ({} codes, sha256 {})\n", cb->name, c.codes, cb->sha256.substr(0, 12));
        else
            fmt::print("codebook   none (qcode codebook import FILE.yaml)\n");
        fmt::print("codings    {}  ({} coders, {} autocoding runs)\n", c.codings, c.coders, c.runs);
        const auto speakers = s.speakers();
        for (const auto& d : s.documents()) {
            int asking = 0, answering = 0;
            for (const auto& sp : speakers)
                if (sp.document == d.id) (asks_questions(sp.role) ? asking : answering)++;
            fmt::print("  {:<32} {:>6} chars  {} respondent(s), {} interviewer(s)  {}\n", d.name, d.length, answering,
                       asking, d.format);
        }
    });
}

}  // namespace qcode::cli
