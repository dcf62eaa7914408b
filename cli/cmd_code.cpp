// qcode code add|remove: coding by hand.
#include <fmt/core.h>

#include "coding/manual.hpp"
#include "context.hpp"
#include "core/error.hpp"
#include "place_options.hpp"

namespace qcode::cli {

namespace {

std::string range(Span s) { return std::to_string(s.start) + ":" + std::to_string(s.end); }

// A coded text on one line, shortened: "Die Schnittstelle zum …".
std::string excerpt(std::string text, std::size_t max = 70) {
    for (auto& ch : text)
        if (ch == '\n' || ch == '\t') ch = ' ';
    if (text.size() <= max) return text;
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut) + "…";
}

}  // namespace

void register_code_commands(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("code", "Code by hand: add or remove a coding");
    cmd->require_subcommand(1);

    struct AddArgs {
        std::string code, coder, memo;
        PlaceOptions place;
    };
    static AddArgs a;
    auto* add = cmd->add_subcommand("add", "Code a unit, a range or a quote of a document");
    add->add_option("code", a.code, "Code path, e.g. huerden/technik/schnittstellen")->required();
    a.place.add(*add, true);
    add->add_option("--coder", a.coder, "Coder name (default: $QCODE_CODER, else your login name)");
    add->add_option("--memo", a.memo, "A memo on the coding");
    add->callback([&ctx] {
        if (!a.place.given()) throw CLI::ValidationError("say where: --unit N, --range START:END or --quote TEXT");
        const auto coder = coder_or_default(a.coder);
        const auto target = a.place.target(a.code);
        auto store = ctx.open();
        const auto r = coding::add(store, target, coder, a.memo);
        fmt::print("{} '{}' in {} [{}] by {}{}: \"{}\"\n", r.existed ? "already coded" : "coded", r.code,
                   a.place.document, range(r.span), coder, r.memo ? fmt::format(" (memo #{})", *r.memo) : "",
                   excerpt(r.text));
    });

    struct RemoveArgs {
        std::string code, coder;
        bool all_coders = false;
        PlaceOptions place;
    };
    static RemoveArgs rm;
    auto* remove = cmd->add_subcommand("remove", "Remove codings of a code inside a unit, range or quote");
    remove->add_option("code", rm.code, "Code path")->required();
    rm.place.add(*remove, true);
    auto* coder = remove->add_option("--coder", rm.coder, "Only this coder's codings (default: $QCODE_CODER, else your login name)");
    remove->add_flag("--all-coders", rm.all_coders, "Remove every coder's codings there")->excludes(coder);
    remove->callback([&ctx] {
        if (!rm.place.given()) throw CLI::ValidationError("say where: --unit N, --range START:END or --quote TEXT");
        const auto who = coder_or_default(rm.coder);
        const auto target = rm.place.target(rm.code);
        auto store = ctx.open();
        const auto r = coding::remove(store, target, who, rm.all_coders);
        for (const auto& c : r.removed)
            fmt::print("removed '{}' in {} [{}] by {} ({})\n", rm.code, rm.place.document, range(c.span), c.coder,
                       to_string(c.origin));
        if (r.memos) fmt::print("and {} memo{} on {}\n", r.memos, r.memos == 1 ? "" : "s", r.removed.size() == 1 ? "it" : "them");
    });
}

}  // namespace qcode::cli
