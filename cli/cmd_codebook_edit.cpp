// qcode codebook rename|move|merge|delete: edits that keep codings.
#include <fmt/core.h>

#include "coding/codebook_edits.hpp"
#include "context.hpp"

namespace qcode::cli {

namespace {

std::string plural(std::int64_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string tail(const coding::EditReport& r) {
    return r.codebook_changed ? "; stored codebook updated" : "";
}

// One line per within: key the edit rewrote or dropped.
void print_within(const coding::EditReport& r) {
    for (const auto& w : r.within) {
        const auto line = w.line > 0 ? fmt::format(" (line {} of the stored codebook)", w.line) : std::string();
        if (w.after.empty())
            fmt::print("  dropped within: '{}' from '{}'{}\n", w.before, w.code, line);
        else
            fmt::print("  within: of '{}' now '{}' (was '{}'){}\n", w.code, w.after, w.before, line);
    }
}

}  // namespace

void register_codebook_edit_commands(CLI::App& cb, Context& ctx) {
    struct RenameArgs {
        std::string path, id;
        std::optional<std::string> label;
    };
    static RenameArgs rn;
    auto* rename = cb.add_subcommand("rename", "Give a code a new id (and label); its codings stay");
    rename->add_option("code", rn.path, "Code path, e.g. huerden/technik")->required();
    rename->add_option("id", rn.id, "The new id (last part of the path)")->required();
    rename->add_option("--label", rn.label, "A new label too");
    rename->callback([&ctx] {
        auto store = ctx.open();
        const auto r = coding::rename_code(store, rn.path, rn.id, rn.label);
        if (r.path == rn.path) fmt::print("relabelled '{}'{}\n", r.path, tail(r));
        else fmt::print("renamed '{}' to '{}' ({}){}\n", rn.path, r.path, plural(std::int64_t(r.codes_moved), "code"), tail(r));
        print_within(r);
    });

    struct MoveArgs {
        std::string path, parent;
        bool top = false;
    };
    static MoveArgs mv;
    auto* move = cb.add_subcommand("move", "Move a code with its subcodes under another parent; codings stay");
    move->add_option("code", mv.path, "Code path")->required();
    auto* parent = move->add_option("parent", mv.parent, "The new parent's path");
    move->add_flag("--top", mv.top, "Make it a top-level code")->excludes(parent);
    move->callback([&ctx] {
        if (!mv.top && mv.parent.empty()) throw CLI::ValidationError("name the new parent, or --top for the top level");
        auto store = ctx.open();
        const auto r = coding::move_code(store, mv.path, mv.top ? std::string() : mv.parent);
        fmt::print("moved '{}' to '{}' ({}){}\n", mv.path, r.path, plural(std::int64_t(r.codes_moved), "code"), tail(r));
        print_within(r);
    });

    static std::string merge_from, merge_into;
    auto* merge = cb.add_subcommand("merge", "Merge one code into another: codings, subcodes, patterns and memos move");
    merge->add_option("code", merge_from, "The code that goes")->required();
    merge->add_option("into", merge_into, "The code that takes its place")->required();
    merge->callback([&ctx] {
        auto store = ctx.open();
        const auto r = coding::merge_codes(store, merge_from, merge_into);
        fmt::print("merged '{}' into '{}': {} moved, {} removed{}\n", merge_from, merge_into,
                   plural(r.codings_moved, "coding"), plural(r.duplicates, "duplicate"), tail(r));
        print_within(r);
    });

    static std::string delete_path;
    static bool force = false;
    auto* del = cb.add_subcommand("delete", "Delete a code and its subcodes (refused while coded, unless --force)");
    del->add_option("code", delete_path, "Code path")->required();
    del->add_flag("--force", force, "Delete its codings (and their memos) too, and drop within: keys naming it");
    del->callback([&ctx] {
        auto store = ctx.open();
        const auto r = coding::delete_code(store, delete_path, force);
        std::string who;
        for (const auto& c : r.coders) who += (who.empty() ? " by " : ", ") + c;
        fmt::print("deleted '{}' ({}), {}{}, {}{}\n", delete_path, plural(std::int64_t(r.codes_deleted), "code"),
                   plural(r.codings_deleted, "coding"), who, plural(r.memos_deleted, "memo"), tail(r));
        print_within(r);
    });
}

}  // namespace qcode::cli
