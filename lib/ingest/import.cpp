#include "ingest/import.hpp"

#include <SQLiteCpp/Statement.h>

#include <filesystem>
#include <set>

#include "core/error.hpp"
#include "core/sha256.hpp"
#include "ingest/decode.hpp"
#include "ingest/plain_text.hpp"

namespace qcode::ingest {

namespace fs = std::filesystem;

namespace {

std::string detect_format(const std::string& path, const std::string& requested) {
    if (requested != "auto") {
        if (requested == "text") return requested;
        throw Error("unknown format '" + requested + "'; this version reads plain text (--format text)", path);
    }
    const auto ext = fs::path(path).extension().string();
    if (ext == ".txt" || ext == ".text" || ext.empty() || ext == ".md") return "text";
    throw Error("cannot tell the transcript format from the extension '" + ext +
                    "'; this version reads plain-text transcripts (.txt) — pass --format text to read it as text",
                path);
}

std::size_t count_kind(const Document& doc, UnitKind kind) {
    std::size_t n = 0;
    for (const auto& u : doc.units) n += u.kind == kind;
    return n;
}

}  // namespace

Document read_transcript(const std::string& path, const ImportOptions& options) {
    const auto format = detect_format(path, options.format);
    const auto bytes = read_file_bytes(path);
    if (bytes.empty()) throw Error("the file is empty", path);
    const auto text = decode_text(bytes, path);
    TranscriptOptions transcript;
    if (options.asking) transcript.roles = RoleRules(*options.asking);
    Document doc = parse_plain_text(text, transcript);
    if (doc.units.empty()) throw Error("the file holds no text", path);
    doc.name = fs::path(path).stem().string();
    doc.source_path = path;
    doc.format = format;
    doc.sha256 = sha256_hex(bytes);
    return doc;
}

namespace {

ImportedDocument store_document(store::Store& store, Document doc, const std::string& path, const ImportOptions& options) {
    ImportedDocument entry;
    entry.name = doc.name;
    entry.path = path;
    entry.speakers = doc.speakers.size();
    entry.turns = count_kind(doc, UnitKind::turn);
    entry.paragraphs = count_kind(doc, UnitKind::paragraph);
    entry.sentences = count_kind(doc, UnitKind::sentence);
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
    auto tx = store.transaction();
    for (std::size_t i = 0; i < paths.size(); ++i) {
        const auto& path = paths[i];
        if (options.progress) options.progress(i, paths.size(), path);
        // Each file in its own savepoint: with keep_going a bad file is
        // rolled back alone; without, the first error ends the whole import.
        auto file_tx = store.transaction();
        try {
            Document doc = read_transcript(path, options);
            if (!names_in_batch.insert(doc.name).second)
                throw Error("two files in this import are both named '" + doc.name + "'; rename one", path);
            report.documents.push_back(store_document(store, std::move(doc), path, options));
            file_tx->commit();
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
