#include <fmt/core.h>
#include <unistd.h>

#include <iostream>
#include <sys/ioctl.h>

#include "context.hpp"
#include "core/error.hpp"
#include "export/writer.hpp"

namespace qcode::cli {

store::CodingFilter TableOptions::filter() const {
    store::CodingFilter f;
    f.coders = coders;
    f.documents = documents;
    for (const auto& o : origins) {
        auto origin = parse_origin(o);
        if (!origin) throw Error("unknown --origin '" + o + "'; use manual, auto or import");
        f.origins.push_back(*origin);
    }
    for (const auto& r : roles) {
        auto role = parse_role(r);
        if (!role) throw Error("unknown --role '" + r + "'; use interviewer, moderator or respondent");
        f.roles.push_back(*role);
    }
    for (const auto& w : where) {
        const auto eq = w.find('=');
        if (eq == std::string::npos || eq == 0)
            throw Error("--where takes ATTRIBUTE=VALUE (e.g. --where behoerde=Jobcenter), not '" + w + "'");
        f.where.emplace_back(w.substr(0, eq), w.substr(eq + 1));
    }
    return f;
}

analysis::CodeSelection TableOptions::selection() const {
    analysis::CodeSelection s;
    if (!root.empty()) s.root = root;
    if (depth > 0) s.depth = depth;
    return s;
}

void add_table_options(CLI::App& cmd, TableOptions& o) {
    cmd.add_option("--format", o.format, "Output format")
        ->check(CLI::IsMember({"table", "csv", "tsv", "json", "md", "xlsx"}));
    cmd.add_option("-o,--output", o.output, "Write to FILE (format from its extension unless --format)");
    cmd.add_flag("--excel", o.excel, "CSV/TSV with a BOM so that Excel shows umlauts right");
    cmd.add_option("--coder", o.coders, "Only codings by this coder (repeatable)");
    cmd.add_option("--origin", o.origins, "Only codings of this origin: manual, auto, import (repeatable)");
    cmd.add_option("--where", o.where, "Only documents with ATTR=VALUE (repeatable, all must hold)");
    cmd.add_option("--doc", o.documents, "Only this document (repeatable)");
    cmd.add_option("--role", o.roles, "Only codings in turns of this role: interviewer, moderator, respondent (repeatable)")
        ->check(CLI::IsMember({"interviewer", "moderator", "respondent"}));
    cmd.add_option("--root", o.root, "Only this code and its subtree (a code path)");
    cmd.add_option("--depth", o.depth, "Only codes up to this depth (1 = top level)")->check(CLI::PositiveNumber);
}

namespace {

int terminal_width() {
    winsize ws{};
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    return 0;
}

}  // namespace

void emit(const Table& table, const TableOptions& o) {
    auto format = exports::Format::table;
    if (!o.format.empty()) format = *exports::parse_format(o.format);
    else if (!o.output.empty()) format = exports::format_from_path(o.output).value_or(exports::Format::table);
    exports::WriteOptions w;
    w.excel_bom = o.excel;
    if (!o.output.empty()) {
        exports::write_table_to_file(table, format, o.output, w);
        fmt::print(stderr, "wrote {} ({} rows)\n", o.output, table.rows.size());
        return;
    }
    if (format == exports::Format::xlsx) throw Error("xlsx is a file format; add -o FILE.xlsx");
    w.terminal_width = terminal_width();
    exports::write_table(table, format, std::cout, w);
    std::cout.flush();
}

}  // namespace qcode::cli
