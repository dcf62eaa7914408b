#include "ingest/docx.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <set>
#include <variant>
#include <vector>

#include "core/error.hpp"
#include "ingest/builder.hpp"
#include "ingest/plain_text.hpp"
#include "ingest/speaker_label.hpp"
#include "ingest/zip_archive.hpp"
#include "text/normalize.hpp"

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
// A table is a speaker table when nearly every row has that shape, its
// speaker cells look like labels (short, at most six words), and there is
// evidence that they are speakers: a time column, a header row ("Sprecher",
// "Speaker", "… | Text", Word's repeating header row; "Name" and "Person"
// rows are skipped as headers but count only next to a text heading, since
// they also head key/value tables), a label used in more than one row, or
// labels that the plain-text rules accept without a second sighting (I, B,
// B1, IP 2, Interviewer …). A key/value metadata table ("Datum | …",
// "Ort | …") has none of these.

namespace qcode::ingest {

namespace {

constexpr std::string_view kDocumentXml = "word/document.xml";
constexpr std::string_view kWordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kWordNamespaceStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
constexpr std::size_t kMaxRelsBytes = std::size_t{1} << 20;
constexpr int kMaxDepth = 200;  // nested containers and tables; Word stays far below

// ---------------------------------------------------------------- text helpers

// Length of a Unicode white-space character at the front (or back) of `s`, 0 if none.
std::size_t space_at_front(std::string_view s) {
    if (s.empty()) return 0;
    const auto c = static_cast<unsigned char>(s[0]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
    if (s.substr(0, 2) == "\xC2\xA0") return 2;                                                   // NBSP
    if (s.substr(0, 3) == "\xE2\x80\xAF" || s.substr(0, 3) == "\xE3\x80\x80") return 3;          // NNBSP, ideographic
    if (s.size() >= 3 && s.substr(0, 2) == "\xE2\x80" && static_cast<unsigned char>(s[2]) <= 0x8B) return 3;  // U+2000–U+200B
    return 0;
}

std::size_t space_at_back(std::string_view s) {
    for (std::size_t n = 1; n <= 3 && n <= s.size(); ++n)
        if (space_at_front(s.substr(s.size() - n)) == n) return n;
    return 0;
}

std::string_view trim(std::string_view s) {
    while (const auto n = space_at_front(s)) s.remove_prefix(n);
    while (const auto n = space_at_back(s)) s.remove_suffix(n);
    return s;
}

std::string collapse_spaces(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : trim(s)) {
        if (c == ' ') {
            space = true;
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// ---------------------------------------------------------------- XML reading

struct Cell {
    std::vector<std::string> paragraphs;  // trimmed, NFC; may be empty strings
    std::string joined() const {
        std::string out;
        for (const auto& p : paragraphs) {
            if (p.empty()) continue;
            if (!out.empty()) out += ' ';
            out += p;
        }
        return out;
    }
};
struct Row {
    std::vector<Cell> cells;
    bool header = false;  // marked as a repeating header row in Word
};
struct Table {
    std::vector<Row> rows;
};
using Block = std::variant<std::string, Table>;  // a paragraph's text, or a table

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

class Reader {
public:
    Reader(std::string prefix, const std::string& file, const TextTransform& transform)
        : prefix_(std::move(prefix)), file_(file), transform_(transform) {}

    // The local name of a WordprocessingML element ("p" for <w:p>), or empty.
    std::string_view local(const pugi::xml_node& n) const {
        if (n.type() != pugi::node_element) return {};
        std::string_view name = n.name();
        if (!starts_with(name, prefix_)) return {};
        name.remove_prefix(prefix_.size());
        return name.find(':') == std::string_view::npos ? name : std::string_view{};
    }
    pugi::xml_node child(const pugi::xml_node& n, std::string_view local_name) const {
        for (auto c : n.children())
            if (local(c) == local_name) return c;
        return {};
    }

    // Block-level content of body, a cell, a content control, …
    void blocks(const pugi::xml_node& container, std::vector<Block>& out, int depth) const {
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

private:
    void check_depth(int depth) const {
        if (depth > kMaxDepth)
            throw Error(std::string(kDocumentXml) + " nests elements more than " + std::to_string(kMaxDepth) +
                            " levels deep; refusing",
                        file_);
    }

    // A paragraph's text: trimmed, NFC, one line. Nothing when the whole
    // paragraph is a tracked deletion (its mark deleted, no text left).
    std::optional<std::string> paragraph(const pugi::xml_node& p, int depth) const {
        std::string raw;
        inline_content(p, raw, depth);
        auto line = one_line(raw);
        if (line.empty() && mark_deleted(p)) return std::nullopt;
        if (transform_ && !line.empty()) line = one_line(transform_(std::move(line)));
        return line;
    }

    // Tabs and breaks as spaces, no control characters, trimmed, NFC.
    std::string one_line(std::string_view raw) const {
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
    bool on(const pugi::xml_node& property) const {
        if (!property) return false;
        const std::string_view value = property.attribute((prefix_ + "val").c_str()).value();
        return value != "0" && value != "false" && value != "off";
    }

    bool mark_deleted(const pugi::xml_node& p) const {
        const auto rpr = child(child(p, "pPr"), "rPr");
        return child(rpr, "del") || child(rpr, "moveFrom");
    }

    // Runs and the containers that hold shown runs, in order.
    void inline_content(const pugi::xml_node& container, std::string& out, int depth) const {
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

    void run(const pugi::xml_node& r, std::string& out) const {
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

    Table table(const pugi::xml_node& tbl, int depth) const {
        check_depth(depth);
        Table t;
        rows(tbl, t, depth + 1);
        return t;
    }

    void rows(const pugi::xml_node& container, Table& t, int depth) const {
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

    void cells(const pugi::xml_node& container, Row& row, int depth) const {
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

    std::string prefix_;  // "w:" (or whatever the document binds the namespace to)
    const std::string& file_;
    const TextTransform& transform_;
};

// ---------------------------------------------------------------- speaker tables

// "00:01:23", "[00:01:23]", "01:23", "(0:01:23.4)", "#00:01:23-4#" → ms.
std::optional<std::int64_t> parse_time(std::string_view s) {
    s = trim(s);
    if (s.size() >= 2 && ((s.front() == '[' && s.back() == ']') || (s.front() == '(' && s.back() == ')') ||
                          (s.front() == '#' && s.back() == '#') || (s.front() == '{' && s.back() == '}'))) {
        s = trim(s.substr(1, s.size() - 2));
    }
    std::array<int, 3> fields{};
    int n = 0;
    std::size_t i = 0;
    for (;;) {
        std::size_t digits = 0;
        int value = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9' && digits < 3) {
            value = value * 10 + (s[i] - '0');
            ++i;
            ++digits;
        }
        if (digits == 0 || (n > 0 && digits != 2) || n == 3) return std::nullopt;
        fields[static_cast<std::size_t>(n++)] = value;
        if (i < s.size() && s[i] == ':') {
            ++i;
            continue;
        }
        break;
    }
    if (n < 2) return std::nullopt;
    std::int64_t fraction = 0;
    if (i < s.size() && (s[i] == '.' || s[i] == ',' || s[i] == '-')) {
        ++i;
        std::size_t digits = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9' && digits < 3) {
            fraction = fraction * 10 + (s[i] - '0');
            ++i;
            ++digits;
        }
        if (digits == 0) return std::nullopt;
        for (; digits < 3; ++digits) fraction *= 10;
    }
    if (i != s.size()) return std::nullopt;
    const int hours = n == 3 ? fields[0] : 0;
    const int minutes = n == 3 ? fields[1] : fields[0];
    const int seconds = n == 3 ? fields[2] : fields[1];
    if (seconds > 59 || (n == 3 && minutes > 59)) return std::nullopt;
    return (std::int64_t{hours} * 3600 + minutes * 60 + seconds) * 1000 + fraction;
}

std::string header_word(const Cell& cell) {
    const std::string joined = cell.joined();
    std::string_view s = trim(joined);
    while (!s.empty() && (s.back() == ':' || s.back() == ' ')) s.remove_suffix(1);
    return text::fold_case(s);
}

bool is_one_of(const std::string& word, std::initializer_list<std::string_view> words) {
    return std::find(words.begin(), words.end(), word) != words.end();
}

// Column names that say "speaker" on their own …
bool speaker_heading(const Cell& cell) {
    return is_one_of(header_word(cell), {"sprecher", "sprecherin", "sprecher:in", "sprecher*in", "sprecher/in",
                                         "sprecher_in", "sprechende", "speaker", "teilnehmer", "teilnehmende"});
}

// … and ones that also start key/value tables ("Name | Frau M.").
bool weak_speaker_heading(const Cell& cell) {
    return is_one_of(header_word(cell), {"name", "person", "rolle", "role", "wer"});
}

bool time_heading(const Cell& cell) {
    return is_one_of(header_word(cell), {"zeit", "time", "zeitmarke", "zeitstempel", "zeitpunkt", "timestamp",
                                         "timecode", "start", "beginn", "uhrzeit"});
}

bool text_heading(const Cell& cell) {
    return is_one_of(header_word(cell), {"text", "inhalt", "aussage", "äußerung", "transkript", "transcript",
                                         "beitrag", "wortbeitrag"});
}

// "B:" → "B"; white space collapsed.
std::string clean_label(const Cell& cell) {
    std::string label = collapse_spaces(cell.joined());
    while (!label.empty() && (label.back() == ':' || label.back() == ' ')) label.pop_back();
    return label;
}

bool plausible_label(const std::string& label) {
    if (label.size() > 60) return false;
    return std::count(label.begin(), label.end(), ' ') < 6;
}

struct Layout {
    std::size_t columns = 2;   // 2: speaker | text; 3: time | speaker | text
    std::size_t header_rows = 0;
    std::vector<bool> conforming;   // per row (header rows false)
    std::vector<std::string> labels;  // per row, for conforming rows
};

bool row_has_shape(const Row& row, std::size_t columns) {
    if (row.cells.size() != columns) return false;
    if (columns == 2) return true;
    return row.cells[0].joined().empty() || parse_time(row.cells[0].joined()).has_value();
}

std::optional<Layout> speaker_layout(const Table& table) {
    const auto& rows = table.rows;
    Layout layout;
    // Header rows: Word's "repeat as header row" rows, or a first row of
    // column names. "Name" or "Person" alone also heads key/value tables, so
    // it is skipped as a header but is no evidence of a speaker table.
    bool header_evidence = false;
    while (layout.header_rows < rows.size() && rows[layout.header_rows].header) ++layout.header_rows;
    if (layout.header_rows > 0) {
        header_evidence = true;
    } else if (!rows.empty()) {
        const auto& first = rows.front().cells;
        const std::size_t n = first.size();
        if (n == 2 || n == 3) {
            const Cell& speaker = first[n - 2];
            const Cell& said = first[n - 1];
            const bool strong = speaker_heading(speaker) || text_heading(said) || (n == 3 && time_heading(first[0]));
            if (strong || weak_speaker_heading(speaker)) layout.header_rows = 1;
            header_evidence = strong;
        }
    }
    const std::size_t body = rows.size() - layout.header_rows;
    if (body == 0) return std::nullopt;

    std::size_t two = 0, three = 0, timed = 0;
    for (std::size_t i = layout.header_rows; i < rows.size(); ++i) {
        two += row_has_shape(rows[i], 2);
        if (row_has_shape(rows[i], 3)) {
            ++three;
            timed += !rows[i].cells[0].joined().empty();
        }
    }
    layout.columns = (timed > 0 && three >= two) ? 3 : 2;
    const std::size_t fitting = layout.columns == 3 ? three : two;
    const std::size_t allowed_misfits = body >= 5 ? std::max<std::size_t>(1, body / 10) : 0;
    if (body - fitting > allowed_misfits) return std::nullopt;

    layout.conforming.assign(rows.size(), false);
    layout.labels.assign(rows.size(), {});
    std::set<std::string> seen;
    bool repeated = false, all_certain = true, any_label = false;
    for (std::size_t i = layout.header_rows; i < rows.size(); ++i) {
        if (!row_has_shape(rows[i], layout.columns)) continue;
        layout.conforming[i] = true;
        auto label = clean_label(rows[i].cells[layout.columns - 2]);
        if (label.empty()) continue;
        if (!plausible_label(label)) return std::nullopt;
        any_label = true;
        const auto match = match_label(label + ": x");
        if (match && match->prefix_bytes == label.size() + 2) {
            all_certain = all_certain && match->certain;
            label = match->label;  // the same spelling the plain-text rules would store
        } else {
            all_certain = false;
        }
        repeated = repeated || !seen.insert(label).second;
        layout.labels[i] = std::move(label);
    }
    if (!any_label) return std::nullopt;
    if (layout.columns == 3 || header_evidence || repeated || all_certain) return layout;
    return std::nullopt;
}

// ---------------------------------------------------------------- assembling

std::vector<std::string_view> without_outer_blank_lines(const std::vector<std::string>& lines) {
    std::size_t begin = 0, end = lines.size();
    while (begin < end && lines[begin].empty()) ++begin;
    while (end > begin && lines[end - 1].empty()) --end;
    return std::vector<std::string_view>(lines.begin() + static_cast<std::ptrdiff_t>(begin),
                                         lines.begin() + static_cast<std::ptrdiff_t>(end));
}

Document from_lines(const std::vector<Block>& blocks, const TranscriptOptions& options) {
    std::vector<std::string> lines;
    for (const auto& b : blocks) {
        if (const auto* text = std::get_if<std::string>(&b)) {
            lines.push_back(*text);
            continue;
        }
        for (const auto& row : std::get<Table>(b).rows)
            for (const auto& cell : row.cells)
                for (const auto& p : cell.paragraphs)
                    if (!p.empty()) lines.push_back(p);  // empty cell paragraphs are layout, not blank lines
    }
    return parse_labelled_lines(without_outer_blank_lines(lines), options);
}

Document from_tables(const std::vector<Block>& blocks, const std::vector<std::optional<Layout>>& layouts,
                     const TranscriptOptions& options) {
    DocumentBuilder builder;
    bool speakerless_open = false;  // a speakerless turn takes text outside speaker rows
    bool row_turn_open = false;     // the current turn came from a speaker row
    bool written = false;           // leading blank lines are dropped
    std::size_t pending_blank = 0;  // blank lines are written only when text follows

    auto outside = [&](const std::string& text) {
        if (text.empty()) {
            if (written) ++pending_blank;
            return;
        }
        for (; pending_blank > 0; --pending_blank) builder.add_blank_line();
        if (!speakerless_open) builder.start_turn({}, {});
        speakerless_open = true;
        row_turn_open = false;
        builder.add_paragraph(text);
        written = true;
    };

    for (std::size_t b = 0; b < blocks.size(); ++b) {
        if (const auto* text = std::get_if<std::string>(&blocks[b])) {
            outside(*text);
            continue;
        }
        const auto& table = std::get<Table>(blocks[b]);
        const auto& layout = layouts[b];
        if (!layout) {
            for (const auto& row : table.rows)
                for (const auto& cell : row.cells)
                    for (const auto& p : cell.paragraphs)
                        if (!p.empty()) outside(p);
            continue;
        }
        for (std::size_t r = layout->header_rows; r < table.rows.size(); ++r) {
            const auto& row = table.rows[r];
            if (!layout->conforming[r]) {  // e.g. a merged row holding a note: not the speaker's words
                for (const auto& cell : row.cells)
                    for (const auto& p : cell.paragraphs)
                        if (!p.empty()) outside(p);
                continue;
            }
            const auto& label = layout->labels[r];
            const auto& said = row.cells[layout->columns - 1].paragraphs;
            if (label.empty() && !row_turn_open) {  // no speaker yet: text without speaker
                for (const auto& p : said)
                    if (!p.empty()) outside(p);
                continue;
            }
            for (; pending_blank > 0; --pending_blank) builder.add_blank_line();
            if (!label.empty()) {
                builder.start_turn(label, label + ": ");
                if (layout->columns == 3)
                    if (const auto ms = parse_time(row.cells[0].joined())) builder.set_turn_start(*ms);
                row_turn_open = true;
                speakerless_open = false;
            }
            for (const auto& p : said) {
                if (p.empty()) continue;
                builder.add_paragraph(p);
                written = true;
            }
        }
        row_turn_open = false;  // text after the table does not continue its last turn
        speakerless_open = false;
    }
    return builder.finish(options.roles);
}

// ---------------------------------------------------------------- the package

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
