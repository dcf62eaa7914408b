#include "ingest/docx.hpp"

#include <pugixml.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/error.hpp"
#include "ingest/docx_assemble.hpp"
#include "ingest/docx_model.hpp"
#include "ingest/docx_reader.hpp"
#include "ingest/docx_tables.hpp"
#include "ingest/docx_text.hpp"
#include "ingest/zip_archive.hpp"

// How a .docx becomes a transcript
// ---------------------------------
// word/document.xml is read into a list of blocks in body order: a
// paragraph (its text as one line) or a table (rows of cells of
// paragraphs; nested tables are flattened into their cell). Then:
//
// (a) No table is a speaker table: every paragraph is one line, and table
//     cells contribute their paragraphs as lines, row by row. The lines go
//     through parse_labelled_lines, i.e. exactly the plain-text rules.
// (b) At least one table is a speaker table (two columns speaker | text in
//     nearly every row, or three columns time | speaker | text): each row is
//     one turn ("B: …" in the stored text, the time as the turn start);
//     a row with an empty speaker cell continues the previous row's turn.
//     Everything outside the speaker tables (title, metadata, notes between
//     or after tables, cells of other tables) becomes speakerless text —
//     such documents are not also searched for "B:" labels.
//
// Which tables are speaker tables, and why: docx_tables.hpp. The pieces:
// docx_reader (XML → blocks), docx_tables (speaker tables), docx_assemble
// (blocks → Document); this file opens the package.

namespace qcode::ingest {

using docx_detail::Block;
using docx_detail::ends_with;
using docx_detail::from_lines;
using docx_detail::from_tables;
using docx_detail::kDocumentXml;
using docx_detail::Layout;
using docx_detail::Reader;
using docx_detail::speaker_layout;
using docx_detail::starts_with;
using docx_detail::Table;

namespace {

constexpr std::string_view kWordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kWordNamespaceStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
constexpr std::size_t kMaxRelsBytes = std::size_t{1} << 20;

// The main document part: word/document.xml, or wherever _rels/.rels points.
std::string main_part(const ZipArchive& zip) {
    const std::string standard(kDocumentXml);
    if (zip.has(standard)) return standard;
    if (zip.has("_rels/.rels")) {
        auto rels_xml = zip.read("_rels/.rels", kMaxRelsBytes);
        pugi::xml_document rels;
        if (rels.load_buffer_inplace(rels_xml.data(), rels_xml.size(), pugi::parse_default)) {
            for (auto rel : rels.document_element().children()) {
                const std::string_view type = rel.attribute("Type").value();
                std::string_view target = rel.attribute("Target").value();
                if (!ends_with(type, "/officeDocument") || !ends_with(target, ".xml")) continue;
                while (starts_with(target, "/")) target.remove_prefix(1);
                if (zip.has(std::string(target))) return std::string(target);
            }
        }
    }
    std::string message = "a zip archive but not a Word document (no word/document.xml)";
    if (zip.has("content.xml") && zip.has("mimetype"))
        message += "; it looks like an OpenDocument file — save it as .docx";
    else if (zip.has("xl/workbook.xml") || zip.has("ppt/presentation.xml"))
        message += "; it looks like an Excel or PowerPoint file";
    throw Error(message, zip.file());
}

// The prefix the document binds the WordprocessingML namespace to ("w:").
std::optional<std::string> word_prefix(const pugi::xml_node& root) {
    for (auto a : root.attributes()) {
        const std::string_view name = a.name(), value = a.value();
        if (value != kWordNamespace && value != kWordNamespaceStrict) continue;
        if (name == "xmlns") return std::string();
        if (starts_with(name, "xmlns:")) return std::string(name.substr(6)) + ":";
    }
    return std::nullopt;
}

}  // namespace

bool looks_like_zip(std::string_view bytes) { return bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4); }

Document parse_docx(std::string_view bytes, const TranscriptOptions& options, const std::string& file) {
    return parse_docx(bytes, options, file, DocxLimits{}, TextTransform{});
}

Document parse_docx(std::string_view bytes, const TranscriptOptions& options, const std::string& file,
                    const TextTransform& transform) {
    return parse_docx(bytes, options, file, DocxLimits{}, transform);
}

Document parse_docx(std::string_view bytes, const TranscriptOptions& options, const std::string& file,
                    const DocxLimits& limits, const TextTransform& transform) {
    if (bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
        throw Error("an old Word .doc file or a password-protected document, not a .docx; open it in Word and "
                    "save it as .docx without a password",
                    file);
    const ZipArchive zip(bytes, file, limits.max_entries);
    const auto part = main_part(zip);
    std::string xml = zip.read(part, limits.max_document_xml);

    // No DTD processing and no entity expansion beyond XML's five and
    // character references (pugixml never loads external entities). The
    // doctype is parsed only so that it can be refused.
    pugi::xml_document dom;
    const unsigned options_xml = pugi::parse_default | pugi::parse_ws_pcdata_single | pugi::parse_doctype;
    const auto result = dom.load_buffer_inplace(xml.data(), xml.size(), options_xml, pugi::encoding_auto);
    if (!result)
        throw Error(part + " is not well-formed XML: " + result.description() + " at byte " +
                        std::to_string(result.offset) + "; re-save the document in Word",
                    file);
    for (auto n : dom.children())
        if (n.type() == pugi::node_doctype)
            throw Error(part + " has a DOCTYPE declaration, which Word never writes; refusing to read it", file);

    const auto root = dom.document_element();
    const auto prefix = word_prefix(root);
    if (!prefix) throw Error(part + " is not WordprocessingML (no w: namespace); is it really a .docx?", file);
    const Reader reader(*prefix, file, transform);
    if (reader.local(root) != "document") throw Error(part + " has no w:document element", file);
    const auto body = reader.child(root, "body");
    if (!body) throw Error(part + " has no w:body element", file);

    std::vector<Block> blocks;
    reader.blocks(body, blocks, 0);

    std::vector<std::optional<Layout>> layouts(blocks.size());
    bool any_speaker_table = false;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (const auto* table = std::get_if<Table>(&blocks[i])) {
            layouts[i] = speaker_layout(*table);
            any_speaker_table = any_speaker_table || layouts[i].has_value();
        }
    }
    return any_speaker_table ? from_tables(blocks, layouts, options) : from_lines(blocks, options);
}

}  // namespace qcode::ingest
