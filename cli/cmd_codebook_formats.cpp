// qcode codebook guide|lint, and the format handling behind import|export.
#include <fmt/core.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "autocode/lint_usage.hpp"
#include "codebook/formats.hpp"
#include "codebook/guide.hpp"
#include "codebook/guide_html.hpp"
#include "codebook/lint.hpp"
#include "codebook/project.hpp"
#include "codebook/yaml_writer.hpp"
#include "codebook_formats.hpp"
#include "core/error.hpp"
#include "export/writer.hpp"
#include "ingest/zip_archive.hpp"

namespace qcode::cli {

namespace {

std::optional<codebook::CodebookFormat> format_option(const std::string& format) {
    if (format.empty()) return std::nullopt;
    auto f = codebook::parse_codebook_format(format);
    if (!f) throw Error("unknown codebook format '" + format + "'; use yaml, qdc, csv, qualcoder, liwc or dictionary");
    return f;
}

std::string lower_extension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (auto& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return ext;
}

void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    out.close();
    if (!out) throw Error("cannot write the file", path);
}

// The codebook a command works on: FILE (any format) or the project's.
codebook::Codebook codebook_for(Context& ctx, const std::string& file, const std::string& format) {
    if (!file.empty()) return read_codebook_any(file, format);
    auto store = ctx.open();
    auto cb = codebook::load_installed(store);
    if (!cb) throw Error("the project has no codebook yet; load one with `qcode codebook import FILE`", store.path());
    return *cb;
}

// The file's bytes, or nothing when it cannot be read (lint then reports that).
std::string read_if_readable(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    if (in) bytes << in.rdbuf();
    return bytes.str();
}

bool is_yaml_path(const std::string& path) {
    const auto ext = lower_extension(path);
    return ext == ".yaml" || ext == ".yml";
}

}  // namespace

namespace {

// The <CodeBook> of a REFI-QDA project archive (.qdpx): its .qde entry,
// whatever the vendor named it (project.qde, Project.qde, Trial.qde).
codebook::ImportedCodebook import_qdpx_codebook(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error("cannot read the project archive", file);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const ingest::ZipArchive zip(bytes.str(), file);
    for (const auto& name : zip.names()) {
        if (name.find('/') != std::string::npos || lower_extension(name) != ".qde") continue;
        return codebook::import_codebook(zip.read(name, std::size_t{256} << 20), file, codebook::CodebookFormat::qdc);
    }
    throw Error("no project.qde in the REFI-QDA archive", file);
}

}  // namespace

codebook::Codebook read_codebook_any(const std::string& file, const std::string& format) {
    auto imported = format.empty() && lower_extension(file) == ".qdpx" ? import_qdpx_codebook(file)
                                                                        : codebook::import_codebook_file(file, format_option(format));
    for (const auto& w : imported.warnings) fmt::print(stderr, "warning: {}\n", w);
    return std::move(imported.codebook);
}

void export_project_codebook(Context& ctx, const std::string& file, const std::string& format, bool plain_descriptions) {
    const auto f = format.empty() ? codebook::detect_export_format(file) : *format_option(format);
    auto store = ctx.open();
    const auto source = store.codebook();
    if (!source) throw Error("the project has no codebook yet", store.path());
    if (f == codebook::CodebookFormat::yaml) {
        write_file(file, source->source);  // as written, comments and all
    } else {
        const auto cb = codebook::load_installed(store);
        codebook::ExportOptions options;
        options.origin = "qcode 0.1.0";
        options.plain_descriptions = plain_descriptions;
        write_file(file, codebook::export_codebook(*cb, f, options));
    }
    fmt::print("wrote {} ({})\n", file, codebook::to_string(f));
}

void register_codebook_format_commands(CLI::App& codebook_cmd, Context& ctx) {
    struct GuideArgs {
        std::string file, input_format, format, output;
    };
    static GuideArgs g;
    auto* guide = codebook_cmd.add_subcommand("guide", "Write the coding guide (Kodierleitfaden) as a table");
    guide->add_option("file", g.file, "Codebook file (default: the project's codebook)");
    guide->add_option("--from", g.input_format, "Format of FILE: yaml, qdc, csv, qualcoder, liwc, dictionary");
    guide->add_option("--format", g.format, "md, html, xlsx or csv (default: from -o's extension, else md)")
        ->check(CLI::IsMember({"md", "markdown", "html", "xlsx", "csv"}));
    guide->add_option("-o,--output", g.output, "Write to FILE instead of stdout");
    guide->callback([&ctx] {
        const auto cb = codebook_for(ctx, g.file, g.input_format);
        std::string format = g.format == "markdown" ? "md" : g.format;
        if (format.empty() && !g.output.empty()) {
            const auto ext = lower_extension(g.output);
            format = ext == ".html" || ext == ".htm" ? "html" : ext == ".xlsx" ? "xlsx" : ext == ".csv" ? "csv" : "md";
        }
        if (format.empty()) format = "md";
        if (format == "html") {
            const auto page = codebook::coding_guide_html(cb);
            if (g.output.empty()) std::cout << page;
            else write_file(g.output, page);
        } else {
            const auto table = codebook::coding_guide(cb);
            const auto f = *exports::parse_format(format);
            if (!g.output.empty()) exports::write_table_to_file(table, f, g.output);
            else if (f == exports::Format::xlsx) throw Error("xlsx is a file format; add -o FILE.xlsx");
            else exports::write_table(table, f, std::cout);
        }
        if (!g.output.empty()) fmt::print(stderr, "wrote {} ({} codes)\n", g.output, codebook::count_codes(cb));
    });

    struct LintArgs {
        std::string file, format;
        double max_share = 0.2;
    };
    static LintArgs l;
    auto* lint = codebook_cmd.add_subcommand(
        "lint", "Check a codebook for mistakes: every finding with file and line (exit 1 on errors)");
    lint->add_option("file", l.file, "Codebook file (default: the project's codebook)");
    lint->add_option("--format", l.format, "Format of FILE: yaml, qdc, csv, qualcoder, liwc, dictionary");
    auto* share = lint->add_option("--max-share", l.max_share,
                                   "With a project: warn about patterns hitting more than this share of units (default 0.2)")
                      ->check(CLI::Range(0.0, 1.0));
    lint->callback([&ctx, share] {
        std::vector<codebook::Finding> findings;
        std::optional<codebook::Codebook> book;
        std::string label;
        bool has_lines = true;  // false when the codebook was converted: YAML lines are not lines of FILE
        if (!l.file.empty()) {
            label = l.file;
            auto format = format_option(l.format);
            const bool qdpx = !format && lower_extension(l.file) == ".qdpx";
            if (!format && !qdpx) format = codebook::detect_import_format(l.file, read_if_readable(l.file));
            if (!qdpx && *format == codebook::CodebookFormat::yaml) {
                findings = codebook::lint_yaml_file(l.file);
                if (!codebook::has_errors(findings)) book = codebook::load_yaml_file(l.file);
            } else {
                has_lines = false;
                try {
                    auto imported = qdpx ? import_qdpx_codebook(l.file) : codebook::import_codebook_file(l.file, format);
                    for (const auto& w : imported.warnings)
                        findings.push_back({"", 0, codebook::Severity::warning, "", "conversion", w});
                    auto converted = codebook::lint_yaml(codebook::to_yaml(imported.codebook), l.file);
                    for (auto& f : converted) f.line = 0;
                    findings.insert(findings.end(), converted.begin(), converted.end());
                    book = std::move(imported.codebook);
                } catch (const Error& e) {
                    findings.push_back({e.file().empty() ? l.file : e.file(), e.line(), codebook::Severity::error, "",
                                        "load", e.message()});
                }
            }
        } else {
            auto store = ctx.open();
            const auto source = store.codebook();
            if (!source) throw Error("the project has no codebook yet; lint a file with `qcode codebook lint FILE`", store.path());
            // Lines are lines of the stored text: the imported YAML file, or
            // what `qcode codebook export FILE.yaml` writes.
            label = is_yaml_path(source->source_path) ? source->source_path : std::string("(project codebook)");
            findings = codebook::lint_yaml(source->source, label);
            if (!codebook::has_errors(findings)) book = codebook::parse_yaml(source->source, label);
        }

        const bool project = std::filesystem::exists(ctx.project);
        if (book && project) {
            auto store = ctx.open();
            autocode::UsageOptions options;
            options.max_share = l.max_share;
            options.file = label;
            for (auto& f : autocode::lint_usage(store, *book, options)) {
                if (!has_lines) f.line = 0;
                findings.push_back(std::move(f));
            }
        } else if (share->count() > 0 && !project) {
            fmt::print(stderr, "note: no project ({}): --max-share was not checked\n", ctx.project);
        }

        codebook::sort_findings(findings);
        std::size_t errors = 0, warnings = 0, infos = 0;
        for (const auto& f : findings) {
            fmt::print("{}\n", f.file.empty() ? f.message : codebook::format_finding(f));
            errors += f.severity == codebook::Severity::error;
            warnings += f.severity == codebook::Severity::warning;
            infos += f.severity == codebook::Severity::info;
        }
        std::cout.flush();
        if (errors > 0)
            throw Error(fmt::format("{} error{}, {} warning{}, {} info: the codebook does not load", errors,
                                    errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s", infos),
                        label);
        fmt::print(stderr, "{}: {} warning{}, {} info\n", label, warnings, warnings == 1 ? "" : "s", infos);
    });
}

}  // namespace qcode::cli
