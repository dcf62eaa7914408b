#pragma once
// Internal to the .docx reader (docx*.cpp): WordprocessingML → blocks.
// The body of word/document.xml becomes paragraphs and tables in body
// order, with only the text Word shows: no tracked deletions, field codes,
// comments, …; nested tables are flattened into their cell. Not part of
// the ingest API.
#include <pugixml.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/docx.hpp"
#include "ingest/docx_model.hpp"

namespace qcode::ingest::docx_detail {

inline constexpr std::string_view kDocumentXml = "word/document.xml";

class Reader {
public:
    Reader(std::string prefix, const std::string& file, const TextTransform& transform)
        : prefix_(std::move(prefix)), file_(file), transform_(transform) {}

    // The local name of a WordprocessingML element ("p" for <w:p>), or empty.
    std::string_view local(const pugi::xml_node& n) const;
    pugi::xml_node child(const pugi::xml_node& n, std::string_view local_name) const;

    // Block-level content of body, a cell, a content control, …
    void blocks(const pugi::xml_node& container, std::vector<Block>& out, int depth) const;

private:
    void check_depth(int depth) const;
    std::optional<std::string> paragraph(const pugi::xml_node& p, int depth) const;
    std::string one_line(std::string_view raw) const;
    bool on(const pugi::xml_node& property) const;
    bool mark_deleted(const pugi::xml_node& p) const;
    void inline_content(const pugi::xml_node& container, std::string& out, int depth) const;
    void run(const pugi::xml_node& r, std::string& out) const;
    Table table(const pugi::xml_node& tbl, int depth) const;
    void rows(const pugi::xml_node& container, Table& t, int depth) const;
    void cells(const pugi::xml_node& container, Row& row, int depth) const;

    std::string prefix_;  // "w:" (or whatever the document binds the namespace to)
    const std::string& file_;
    const TextTransform& transform_;
};

}  // namespace qcode::ingest::docx_detail
