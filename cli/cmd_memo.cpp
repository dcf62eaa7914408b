// qcode memo add|show|list|remove: memos on documents, codes and codings.
#include <fmt/core.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "coding/memos.hpp"
#include "context.hpp"
#include "core/error.hpp"
#include "place_options.hpp"

namespace qcode::cli {

namespace {

// What a memo is attached to, from --doc, --code and a place.
struct TargetArgs {
    std::string code;
    std::string coder;  // whose coding, when several coders coded the place
    PlaceOptions place;

    void add(CLI::App& cmd) {
        cmd.add_option("--doc", place.document, "The document (alone: a memo on the document)");
        cmd.add_option("--code", code, "The code (alone: a memo on the code)");
        place.add(cmd, false);
        cmd.add_option("--coder", coder, "With a place: the coding of this coder");
    }

    store::MemoTarget kind() const {
        if (place.given()) {
            if (place.document.empty() || code.empty())
                throw CLI::ValidationError("a memo on a coding needs --doc and --code with the place");
            return store::MemoTarget::coding;
        }
        if (!place.document.empty() && !code.empty())
            throw CLI::ValidationError("--doc and --code together name a coding: add --unit, --range or --quote");
        if (!place.document.empty()) return store::MemoTarget::document;
        if (!code.empty()) return store::MemoTarget::code;
        throw CLI::ValidationError("say what the memo is on: --doc NAME, --code PATH, or both with a place");
    }

    std::optional<std::string> coding_coder() const {
        return coder.empty() ? std::nullopt : std::optional<std::string>(coder);
    }
};

std::string read_text(const std::string& text, const std::string& file) {
    if (file.empty()) return text;
    if (file == "-") {
        std::ostringstream s;
        s << std::cin.rdbuf();
        return s.str();
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error("cannot read the memo text", file);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

void register_memo_commands(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("memo", "Memos on documents, codes and codings");
    cmd->require_subcommand(1);

    struct AddArgs {
        std::string text, file, author;
        TargetArgs target;
    };
    static AddArgs a;
    auto* add = cmd->add_subcommand("add", "Write a memo on a document, a code or a coding");
    auto* text = add->add_option("text", a.text, "The memo");
    add->add_option("--file", a.file, "Read the memo from FILE (- for stdin)")->excludes(text);
    add->add_option("--author", a.author, "Author (default: $QCODE_CODER, else your login name)");
    a.target.add(*add);
    add->callback([&ctx] {
        const auto kind = a.target.kind();
        if (a.text.empty() && a.file.empty()) throw CLI::ValidationError("write the memo as an argument or give --file");
        const auto body = read_text(a.text, a.file);
        const auto author = coder_or_default(a.author);
        auto store = ctx.open();
        Id id = 0;
        switch (kind) {
            case store::MemoTarget::document: id = coding::add_document_memo(store, a.target.place.document, author, body); break;
            case store::MemoTarget::code: id = coding::add_code_memo(store, a.target.code, author, body); break;
            case store::MemoTarget::coding:
                id = coding::add_coding_memo(store, a.target.place.target(a.target.code), a.target.coding_coder(), author, body);
                break;
        }
        fmt::print("memo #{} by {}\n", id, author);
    });

    static TargetArgs show_target;
    auto* show = cmd->add_subcommand("show", "Print the memos of a document, a code or a coding");
    show_target.add(*show);
    show->callback([&ctx] {
        const auto kind = show_target.kind();
        auto store = ctx.open();
        std::vector<coding::MemoView> memos;
        switch (kind) {
            case store::MemoTarget::document: memos = coding::document_memos(store, show_target.place.document); break;
            case store::MemoTarget::code: memos = coding::code_memos(store, show_target.code); break;
            case store::MemoTarget::coding:
                memos = coding::coding_memos(store, show_target.place.target(show_target.code), show_target.coding_coder());
                break;
        }
        if (memos.empty()) {
            fmt::print("no memos\n");
            return;
        }
        bool first = true;
        for (const auto& m : memos) {
            if (!first) fmt::print("\n");
            first = false;
            fmt::print("#{}  {}  {}  on {}\n{}\n", m.memo.id, m.memo.author, m.memo.created_at, m.target(), m.memo.text);
        }
    });

    struct ListArgs {
        std::string on, document, code, author;
        TableOptions table;
    };
    static ListArgs l;
    auto* list = cmd->add_subcommand("list", "All memos as a table (any table format)");
    list->add_option("--on", l.on, "Only memos on: document, code or coding")
        ->check(CLI::IsMember({"document", "code", "coding"}));
    list->add_option("--doc", l.document, "Only memos on this document and on codings in it");
    list->add_option("--code", l.code, "Only memos on this code and on its codings");
    list->add_option("--author", l.author, "Only memos by this author");
    list->add_option("--format", l.table.format, "Output format")
        ->check(CLI::IsMember({"table", "csv", "tsv", "json", "md", "xlsx"}));
    list->add_option("-o,--output", l.table.output, "Write to FILE (format from its extension unless --format)");
    list->add_flag("--excel", l.table.excel, "CSV/TSV with a BOM so that Excel shows umlauts right");
    list->callback([&ctx] {
        auto store = ctx.open();
        coding::MemoFilter f;
        if (!l.on.empty()) f.kind = store::parse_memo_target(l.on);
        f.document = l.document;
        f.code = l.code;
        f.author = l.author;
        emit(coding::memo_table(coding::list_memos(store, f)), l.table);
    });

    static Id remove_id = 0;
    auto* remove = cmd->add_subcommand("remove", "Delete a memo by its number");
    remove->add_option("id", remove_id, "Memo number (see `qcode memo list`)")->required();
    remove->callback([&ctx] {
        auto store = ctx.open();
        coding::remove_memo(store, remove_id);
        fmt::print("removed memo #{}\n", remove_id);
    });
}

}  // namespace qcode::cli
