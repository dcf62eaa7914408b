#include "ingest/import.hpp"

#include <SQLiteCpp/Statement.h>

#include <filesystem>
#include <future>
#include <memory>
#include <set>

#include "core/error.hpp"
#include "core/sha256.hpp"
#include "ingest/decode.hpp"
#include "ingest/docx.hpp"
#include "ingest/format.hpp"
#include "ingest/plain_text.hpp"
#include "ingest/pseudonyms.hpp"
#include "ingest/speaker_label.hpp"
#include "ingest/srt.hpp"
#include "ingest/vtt.hpp"

namespace qcode::ingest {

namespace fs = std::filesystem;

namespace {

std::size_t count_kind(const Document& doc, UnitKind kind) {
    std::size_t n = 0;
    for (const auto& u : doc.units) n += u.kind == kind;
    return n;
}

TranscriptOptions transcript_options(const ImportOptions& options) {
    TranscriptOptions t;
    if (options.asking) t.roles = RoleRules(*options.asking);
    t.speaker_pattern = options.speaker_pattern;
    return t;
}

std::string describe(const PseudonymNearMiss& m, const std::string& table_file) {
    return "'" + m.word + "' (like '" + m.original + "', " + table_file + " line " + std::to_string(m.line) + ")";
}

ReadTranscript read_one(const std::string& path, const ImportOptions& options, const PseudonymTable* pseudonyms) {
    const auto bytes = read_file_bytes(path);
    if (bytes.empty()) throw Error("the file is empty", path);
    const auto format = detect_format(path, bytes, options.format);
    const auto transcript = transcript_options(options);

    ReadTranscript out;
    auto& summary = out.summary;
    summary.path = path;
    summary.format = format;
    auto pseudonymise = [&](std::string text) {
        if (!pseudonyms) return text;
        auto result = apply_pseudonyms(text, *pseudonyms);
        summary.pseudonym_replacements += result.replacements;
        for (const auto& m : result.near_misses) summary.pseudonym_near_misses.push_back(describe(m, options.pseudonyms));
        return std::move(result.text);
    };

    Document doc;
    if (format == "docx") {
        doc = parse_docx(bytes, transcript, path, pseudonymise);
    } else {
        auto decoded = decode(bytes, path, options.encoding);
        summary.encoding = decoded.encoding;
        const auto text = pseudonymise(std::move(decoded.text));
        if (format == "vtt") doc = parse_vtt(text, transcript, path);
        else if (format == "srt") doc = parse_srt(text, transcript, path);
        else doc = parse_plain_text(text, transcript);
    }
    if (doc.units.empty()) throw Error("the file holds no transcript text", path);
    // The file name may carry a real name too ("Interview_Meier.txt").
    doc.name = pseudonymise(fs::path(path).stem().string());
    doc.source_path = path;
    doc.format = format;
    doc.sha256 = sha256_hex(bytes);

    summary.name = doc.name;
    summary.speakers = doc.speakers.size();
    summary.turns = count_kind(doc, UnitKind::turn);
    summary.paragraphs = count_kind(doc, UnitKind::paragraph);
    summary.sentences = count_kind(doc, UnitKind::sentence);
    out.document = std::move(doc);
    return out;
}

}  // namespace

ReadTranscript read_transcript(const std::string& path, const ImportOptions& options) {
    std::optional<PseudonymTable> table;
    if (!options.pseudonyms.empty()) table = load_pseudonyms(options.pseudonyms);
    return read_one(path, options, table ? &*table : nullptr);
}

namespace {

ImportedDocument store_document(store::Store& store, ReadTranscript read, const ImportOptions& options) {
    auto& doc = read.document;
    ImportedDocument entry = std::move(read.summary);
    const auto& path = entry.path;
    if (auto existing = store.find_document(doc.name)) {
        if (existing->sha256 == doc.sha256) {
            entry.status = ImportedDocument::Status::unchanged;
            return entry;
        }
        if (!options.replace)
            throw Error("the project already has a different document named '" + doc.name +
                            "'; pass --replace to replace it (its codings are dropped)",
                        path);
        store::CodingFilter filter;
        filter.documents = {doc.name};
        entry.dropped_codings = static_cast<std::int64_t>(store.codings(filter).size());
        store.remove_document(existing->id);
        entry.status = ImportedDocument::Status::replaced;
    }
    store.add_document(doc);
    return entry;
}

}  // namespace

ImportReport import_files(store::Store& store, const std::vector<std::string>& paths, const ImportOptions& options) {
    ImportReport report;
    std::set<std::string> names_in_batch;
    // Load the pseudonym table and check the label pattern before any file is read.
    std::optional<PseudonymTable> pseudonyms;
    if (!options.pseudonyms.empty()) pseudonyms = load_pseudonyms(options.pseudonyms);
    if (!options.speaker_pattern.empty()) LabelMatcher check(transcript_options(options));
    // Two stages on two threads: while file i is stored, file i+1 is read,
    // decoded, parsed and segmented. Storing stays in file order on this
    // thread, so ids, output, progress and errors are those of reading one
    // file after the other (a read error is rethrown when its file's turn
    // comes); at most two documents are in memory.
    const PseudonymTable* table = pseudonyms ? &*pseudonyms : nullptr;
    auto read_ahead = [&paths, &options, table](std::size_t i) {
        return std::async(std::launch::async, [&paths, &options, table, i] { return read_one(paths[i], options, table); });
    };
    std::future<ReadTranscript> next;
    if (!paths.empty()) next = read_ahead(0);
    auto tx = store.transaction();
    for (std::size_t i = 0; i < paths.size(); ++i) {
        const auto& path = paths[i];
        if (options.progress) options.progress(i, paths.size(), path);
        auto current = std::move(next);
        if (i + 1 < paths.size()) next = read_ahead(i + 1);
        // With keep_going each file in its own savepoint, so that a bad file
        // is rolled back alone. Without, the first error ends (and rolls
        // back) the whole import, and no savepoint is needed: SQLite would
        // copy pages into its sub-journal for each of them, about as many
        // bytes as the import writes.
        std::unique_ptr<store::Transaction> file_tx;
        if (options.keep_going) file_tx = store.transaction();
        try {
            auto read = current.get();
            if (!names_in_batch.insert(read.document.name).second)
                throw Error("two files in this import are both named '" + read.document.name + "'; rename one", path);
            report.documents.push_back(store_document(store, std::move(read), options));
            if (file_tx) file_tx->commit();
        } catch (const Error& e) {
            if (!options.keep_going) throw;
            report.failed.push_back(FailedImport{path, e.what()});
        }
    }
    if (options.progress) options.progress(paths.size(), paths.size(), {});
    tx->commit();
    return report;
}

}  // namespace qcode::ingest
