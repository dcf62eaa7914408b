#include "codebook/formats.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "codebook/codebook_csv.hpp"
#include "codebook/dictionaries.hpp"
#include "codebook/qdc.hpp"
#include "codebook/qualcoder_text.hpp"
#include "codebook/yaml_writer.hpp"
#include "core/error.hpp"

namespace qcode::codebook {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return out;
}

std::string extension(const std::string& path) { return lower(std::filesystem::path(path).extension().string()); }

}  // namespace

std::optional<CodebookFormat> parse_codebook_format(std::string_view name) {
    const auto n = lower(name);
    if (n == "yaml" || n == "yml") return CodebookFormat::yaml;
    if (n == "qdc" || n == "refi" || n == "refi-qda" || n == "qde") return CodebookFormat::qdc;
    if (n == "csv") return CodebookFormat::csv;
    if (n == "qualcoder" || n == "txt" || n == "text") return CodebookFormat::qualcoder;
    if (n == "liwc" || n == "dic") return CodebookFormat::liwc;
    if (n == "dictionary" || n == "quanteda" || n == "lexicoder") return CodebookFormat::dictionary;
    return std::nullopt;
}

std::string_view to_string(CodebookFormat format) {
    switch (format) {
        case CodebookFormat::yaml: return "yaml";
        case CodebookFormat::qdc: return "qdc";
        case CodebookFormat::csv: return "csv";
        case CodebookFormat::qualcoder: return "qualcoder";
        case CodebookFormat::liwc: return "liwc";
        case CodebookFormat::dictionary: return "dictionary";
    }
    return "?";
}

CodebookFormat detect_import_format(const std::string& path, std::string_view content) {
    const auto ext = extension(path);
    if (ext == ".yaml" || ext == ".yml")
        return is_yaml_dictionary(content) ? CodebookFormat::dictionary : CodebookFormat::yaml;
    if (ext == ".qdc" || ext == ".qde" || ext == ".xml") return CodebookFormat::qdc;
    if (ext == ".csv") return CodebookFormat::csv;
    if (ext == ".txt") return CodebookFormat::qualcoder;
    if (ext == ".dic") return CodebookFormat::liwc;
    throw Error("cannot tell the codebook format from the extension '" + ext +
                    "'; use .yaml, .qdc, .csv, .txt (QualCoder), .dic (LIWC) or --format",
                path);
}

CodebookFormat detect_export_format(const std::string& path) {
    const auto ext = extension(path);
    if (ext == ".yaml" || ext == ".yml") return CodebookFormat::yaml;
    if (ext == ".qdc") return CodebookFormat::qdc;
    if (ext == ".csv") return CodebookFormat::csv;
    if (ext == ".txt") return CodebookFormat::qualcoder;
    throw Error("cannot export a codebook as '" + ext + "'; use .yaml, .qdc, .csv or .txt (QualCoder), or --format",
                path);
}

ImportedCodebook import_codebook(std::string_view content, const std::string& path,
                                 std::optional<CodebookFormat> format) {
    ImportedCodebook out;
    out.format = format ? *format : detect_import_format(path, content);
    switch (out.format) {
        case CodebookFormat::yaml: out.codebook = parse_yaml(content, path); break;
        case CodebookFormat::qdc: out.codebook = read_qdc(content, path, out.warnings); break;
        case CodebookFormat::csv: out.codebook = read_codebook_csv(content, path, out.warnings); break;
        case CodebookFormat::qualcoder: out.codebook = read_qualcoder_text(content, path, out.warnings); break;
        case CodebookFormat::liwc: out.codebook = read_liwc_dic(content, path, out.warnings); break;
        case CodebookFormat::dictionary: out.codebook = read_yaml_dictionary(content, path, out.warnings); break;
    }
    return out;
}

ImportedCodebook import_codebook_file(const std::string& path, std::optional<CodebookFormat> format) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw Error("cannot read the codebook: this is a directory, not a file", path);
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const bool exists = std::filesystem::exists(path, ec);
        throw Error(std::string("cannot read the codebook: ") + (exists ? "permission denied" : "no such file"), path);
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return import_codebook(bytes.str(), path, format);
}

std::string export_codebook(const Codebook& cb, CodebookFormat format, const ExportOptions& options) {
    switch (format) {
        case CodebookFormat::yaml: return to_yaml(cb);
        case CodebookFormat::qdc: {
            QdcWriteOptions q;
            q.origin = options.origin;
            q.plain_descriptions = options.plain_descriptions;
            return write_qdc(cb, q);
        }
        case CodebookFormat::csv: return write_codebook_csv(cb);
        case CodebookFormat::qualcoder: return write_qualcoder_text(cb);
        case CodebookFormat::liwc:
        case CodebookFormat::dictionary: break;
    }
    throw Error("qcode reads " + std::string(to_string(format)) +
                " dictionaries but does not write them; export as yaml, qdc, csv or qualcoder");
}

}  // namespace qcode::codebook
