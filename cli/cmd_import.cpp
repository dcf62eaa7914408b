// qcode import, qcode attributes
#include <fmt/core.h>

#include "context.hpp"
#include "core/error.hpp"
#include "ingest/attributes.hpp"
#include "ingest/import.hpp"
#include "progress.hpp"

namespace qcode::cli {

namespace {

std::vector<std::string> split_commas(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        auto comma = s.find(',', start);
        if (comma == std::string::npos) comma = s.size();
        if (comma > start) out.push_back(s.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
}

const char* status_word(ingest::ImportedDocument::Status s) {
    switch (s) {
        case ingest::ImportedDocument::Status::imported: return "imported";
        case ingest::ImportedDocument::Status::unchanged: return "unchanged";
        case ingest::ImportedDocument::Status::replaced: return "replaced";
    }
    return "";
}

}  // namespace

void register_import_commands(CLI::App& app, Context& ctx) {
    struct Args {
        std::vector<std::string> files;
        std::string format = "auto";
        std::string attributes;
        std::string interviewer;
        bool replace = false;
        bool keep_going = false;
        std::string encoding;
        std::string speaker_pattern;
        std::string pseudonyms;
    };
    static Args a;
    auto* imp = app.add_subcommand("import", "Import transcripts: plain text, WebVTT, SRT, DOCX");
    imp->add_option("files", a.files, "Transcript files")->required();
    imp->add_option("--format", a.format, "Transcript format (default: from the extension)")
        ->check(CLI::IsMember({"auto", "text", "vtt", "srt", "docx"}));
    imp->add_option("--encoding", a.encoding, "Character encoding of text files (default: detect; e.g. windows-1252)");
    imp->add_option("--speaker-pattern", a.speaker_pattern,
                    "ICU regex matched at line start; group 1 is the speaker label (replaces the built-in rules)");
    imp->add_option("--pseudonyms", a.pseudonyms,
                    "CSV original,replacement: names replaced (whole word, any case) before anything is stored");
    imp->add_option("--attributes", a.attributes, "Also read document attributes from this CSV");
    imp->add_option("--interviewer", a.interviewer,
                    "Comma-separated labels of interviewers/moderators (default I,Interviewer,M,Moderation,…)");
    imp->add_flag("--replace", a.replace, "Replace a changed document of the same name (drops its codings)");
    imp->add_flag("--keep-going", a.keep_going, "Import the good files and list the bad ones (exit status 1 if any failed)");
    imp->callback([&ctx] {
        auto store = ctx.open();
        ingest::ImportOptions options;
        options.format = a.format;
        options.replace = a.replace;
        options.keep_going = a.keep_going;
        options.encoding = a.encoding;
        options.speaker_pattern = a.speaker_pattern;
        options.pseudonyms = a.pseudonyms;
        ProgressBar bar("importing");
        options.progress = [&bar](std::size_t done, std::size_t total, const std::string& path) { bar.update(done, total, path); };
        if (!a.interviewer.empty()) options.asking = split_commas(a.interviewer);
        auto tx = store.transaction();  // import and attributes: all or nothing
        const auto report = ingest::import_files(store, a.files, options);
        std::optional<ingest::AttributeReport> attrs;
        if (!a.attributes.empty()) attrs = ingest::import_attributes(store, a.attributes);
        tx->commit();
        for (const auto& d : report.documents) {
            fmt::print("{:<9} {}  ({} speakers, {} turns, {} sentences)", status_word(d.status), d.name, d.speakers,
                       d.turns, d.sentences);
            if (d.dropped_codings) fmt::print("  — {} codings dropped", d.dropped_codings);
            if (!d.encoding.empty() && !d.encoding.starts_with("UTF-8")) fmt::print("  [{}]", d.encoding);
            if (!a.pseudonyms.empty()) fmt::print("  {} pseudonym replacements", d.pseudonym_replacements);
            fmt::print("\n");
            for (const auto& miss : d.pseudonym_near_misses)
                fmt::print(stderr, "warning: {}: {} was not replaced (whole words only); add it to the pseudonym table\n",
                           d.path, miss);
        }
        if (attrs) fmt::print("attributes: {} values for {} documents\n", attrs->values, attrs->documents);
        if (!report.failed.empty()) {
            for (const auto& f : report.failed) fmt::print(stderr, "qcode: error: {}\n", f.error);
            throw Error(std::to_string(report.failed.size()) + " of " + std::to_string(a.files.size()) +
                        " files could not be imported (the others were)");
        }
    });

    static std::string attributes_file;
    auto* attr = app.add_subcommand("attributes", "Read document attributes from a CSV (first column: document)");
    attr->add_option("file", attributes_file, "CSV file")->required();
    attr->callback([&ctx] {
        auto store = ctx.open();
        const auto r = ingest::import_attributes(store, attributes_file);
        fmt::print("attributes: {} values for {} documents\n", r.values, r.documents);
    });
}

}  // namespace qcode::cli
