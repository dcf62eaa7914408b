#include "ingest/docx_reader.hpp"

#include <variant>

#include "core/error.hpp"
#include "ingest/docx_text.hpp"
#include "text/normalize.hpp"

namespace qcode::ingest::docx_detail {

namespace {

constexpr int kMaxDepth = 200;  // nested containers and tables; Word stays far below

// The paragraphs of blocks, tables row by row and cell by cell.
void flatten(const std::vector<Block>& content, std::vector<std::string>& out) {
    for (const auto& b : content) {
        if (const auto* text = std::get_if<std::string>(&b)) {
            out.push_back(*text);
            continue;
        }
        for (const auto& row : std::get<Table>(b).rows)
            for (const auto& cell : row.cells) out.insert(out.end(), cell.paragraphs.begin(), cell.paragraphs.end());
    }
}

}  // namespace

std::string_view Reader::local(const pugi::xml_node& n) const {
    if (n.type() != pugi::node_element) return {};
    std::string_view name = n.name();
    if (!starts_with(name, prefix_)) return {};
    name.remove_prefix(prefix_.size());
    return name.find(':') == std::string_view::npos ? name : std::string_view{};
}

pugi::xml_node Reader::child(const pugi::xml_node& n, std::string_view local_name) const {
    for (auto c : n.children())
        if (local(c) == local_name) return c;
    return {};
}

void Reader::blocks(const pugi::xml_node& container, std::vector<Block>& out, int depth) const {
    check_depth(depth);
    for (auto n : container.children()) {
        const auto name = local(n);
        if (name == "p") {
            if (auto text = paragraph(n, depth + 1)) out.emplace_back(std::move(*text));
        } else if (name == "tbl") {
            out.emplace_back(table(n, depth + 1));
        } else if (name == "sdt") {
            if (auto content = child(n, "sdtContent")) blocks(content, out, depth + 1);
        } else if (name == "customXml" || name == "ins" || name == "moveTo" || name == "smartTag") {
            blocks(n, out, depth + 1);
        }
        // del/moveFrom (tracked deletions), sectPr, bookmarks, …: no text.
    }
}

void Reader::check_depth(int depth) const {
    if (depth > kMaxDepth)
        throw Error(std::string(kDocumentXml) + " nests elements more than " + std::to_string(kMaxDepth) +
                        " levels deep; refusing",
                    file_);
}

// A paragraph's text: trimmed, NFC, one line. Nothing when the whole
// paragraph is a tracked deletion (its mark deleted, no text left).
std::optional<std::string> Reader::paragraph(const pugi::xml_node& p, int depth) const {
    std::string raw;
    inline_content(p, raw, depth);
    auto line = one_line(raw);
    if (line.empty() && mark_deleted(p)) return std::nullopt;
    if (transform_ && !line.empty()) line = one_line(transform_(std::move(line)));
    return line;
}

// Tabs and breaks as spaces, no control characters, trimmed, NFC.
std::string Reader::one_line(std::string_view raw) const {
    std::string clean;
    clean.reserve(raw.size());
    for (char c : raw) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\t' || c == '\n' || c == '\r') clean += ' ';
        else if (u >= 0x20 && u != 0x7F) clean += c;  // other control characters have no place in a transcript
    }
    try {
        return text::nfc(trim(clean));
    } catch (const Error& e) {
        throw Error(std::string(kDocumentXml) + ": " + e.message(), file_);
    }
}

// A WordprocessingML on/off property: present and not w:val="0"/"false"/"off".
bool Reader::on(const pugi::xml_node& property) const {
    if (!property) return false;
    const std::string_view value = property.attribute((prefix_ + "val").c_str()).value();
    return value != "0" && value != "false" && value != "off";
}

bool Reader::mark_deleted(const pugi::xml_node& p) const {
    const auto rpr = child(child(p, "pPr"), "rPr");
    return child(rpr, "del") || child(rpr, "moveFrom");
}

// Runs and the containers that hold shown runs, in order.
void Reader::inline_content(const pugi::xml_node& container, std::string& out, int depth) const {
    check_depth(depth);
    for (auto n : container.children()) {
        const auto name = local(n);
        if (name == "r") {
            run(n, out);
        } else if (name == "hyperlink" || name == "ins" || name == "moveTo" || name == "smartTag" ||
                   name == "fldSimple" || name == "customXml" || name == "bdo" || name == "dir" ||
                   name == "sdtContent") {
            inline_content(n, out, depth + 1);
        } else if (name == "sdt") {
            if (auto content = child(n, "sdtContent")) inline_content(content, out, depth + 1);
        }
        // del, moveFrom (tracked deletions), pPr, bookmarks, comments,
        // proofErr, math: not shown text.
    }
}

void Reader::run(const pugi::xml_node& r, std::string& out) const {
    for (auto n : r.children()) {
        const auto name = local(n);
        if (name == "t") {
            for (auto t : n.children())  // text and CDATA pieces; keeps xml:space="preserve" content
                if (t.type() == pugi::node_pcdata || t.type() == pugi::node_cdata) out += t.value();
        } else if (name == "tab" || name == "ptab") {
            out += '\t';  // becomes a space: a transcript line has no columns
        } else if (name == "br" || name == "cr") {
            out += '\n';  // a break inside the paragraph: the paragraph stays one line
        } else if (name == "noBreakHyphen") {
            out += '-';
        }
        // softHyphen (invisible), sym (a glyph from a symbol font), delText,
        // instrText (field codes), rPr, drawings, footnote references: no text.
    }
}

Table Reader::table(const pugi::xml_node& tbl, int depth) const {
    check_depth(depth);
    Table t;
    rows(tbl, t, depth + 1);
    return t;
}

void Reader::rows(const pugi::xml_node& container, Table& t, int depth) const {
    check_depth(depth);
    for (auto n : container.children()) {
        const auto name = local(n);
        if (name == "tr") {
            const auto trpr = child(n, "trPr");
            if (child(trpr, "del")) continue;  // a tracked row deletion
            Row row;
            row.header = on(child(trpr, "tblHeader"));
            cells(n, row, depth + 1);
            t.rows.push_back(std::move(row));
        } else if (name == "sdt") {
            if (auto content = child(n, "sdtContent")) rows(content, t, depth + 1);
        } else if (name == "customXml" || name == "sdtContent") {
            rows(n, t, depth + 1);
        }
    }
}

void Reader::cells(const pugi::xml_node& container, Row& row, int depth) const {
    check_depth(depth);
    for (auto n : container.children()) {
        const auto name = local(n);
        if (name == "tc") {
            std::vector<Block> content;
            blocks(n, content, depth + 1);
            Cell cell;
            flatten(content, cell.paragraphs);
            row.cells.push_back(std::move(cell));
        } else if (name == "sdt") {
            if (auto content = child(n, "sdtContent")) cells(content, row, depth + 1);
        } else if (name == "customXml" || name == "sdtContent") {
            cells(n, row, depth + 1);
        }
    }
}

}  // namespace qcode::ingest::docx_detail
