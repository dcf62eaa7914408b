#include "sheet/xlsx_reader.hpp"

#include <charconv>
#include <cmath>
#include <optional>
#include <utility>

#include <fmt/core.h>
#include <pugixml.hpp>

#include "core/error.hpp"
#include "core/utf8.hpp"
#include "ingest/zip_archive.hpp"

namespace qcode::sheet {

namespace {

constexpr std::size_t kMaxPartBytes = std::size_t{256} << 20;  // one XML part unpacked
constexpr std::size_t kMaxRows = 1'048'576;                    // Excel's limits
constexpr int kMaxColumns = 16'384;

// Element name without its namespace prefix ("x:row" → "row"): some
// writers (the .NET Open XML SDK) prefix the SpreadsheetML namespace.
std::string_view local(const pugi::xml_node& n) {
    std::string_view name = n.name();
    const auto colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& n, std::string_view name) {
    for (auto c : n.children())
        if (c.type() == pugi::node_element && local(c) == name) return c;
    return {};
}

// An attribute by local name (r:id, or id with any prefix).
std::string_view attribute(const pugi::xml_node& n, std::string_view name) {
    for (auto a : n.attributes()) {
        std::string_view an = a.name();
        const auto colon = an.find(':');
        if (colon != std::string_view::npos) an.remove_prefix(colon + 1);
        if (an == name) return a.value();
    }
    return {};
}

// Word's wording in the zip reader's messages, put right for a workbook.
std::string for_workbook(std::string message) {
    for (const auto& [from, to] : {std::pair<std::string_view, std::string_view>{"a .docx", "an .xlsx workbook"},
                                   {"in Word", "in Excel or LibreOffice"},
                                   {"the document", "the workbook"}}) {
        if (const auto at = message.find(from); at != std::string::npos) message.replace(at, from.size(), to);
    }
    return message;
}

ingest::ZipArchive open_zip(std::string_view bytes, const std::string& file) {
    try {
        return ingest::ZipArchive(bytes, file);
    } catch (const Error& e) {
        throw Error(for_workbook(e.message()), file);
    }
}

class Package {
public:
    Package(std::string_view bytes, const std::string& file) : zip_(open_zip(bytes, file)), file_(file) {}

    bool has(const std::string& part) const { return zip_.has(part); }

    pugi::xml_document xml(const std::string& part) const {
        std::string text;
        try {
            text = zip_.read(part, kMaxPartBytes);
        } catch (const Error& e) {
            throw Error(for_workbook(e.message()), file_);
        }
        pugi::xml_document doc;
        const auto result = doc.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata,
                                            pugi::encoding_auto);
        if (!result)
            throw Error(fmt::format("{} is not well-formed XML ({} at byte {}); the workbook is damaged", part,
                                    result.description(), result.offset),
                        file_);
        return doc;
    }

    const std::string& file() const { return file_; }

private:
    ingest::ZipArchive zip_;
    std::string file_;
};

// "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"
std::string rels_of(const std::string& part) {
    const auto slash = part.rfind('/');
    const std::string dir = slash == std::string::npos ? "" : part.substr(0, slash + 1);
    const std::string name = slash == std::string::npos ? part : part.substr(slash + 1);
    return dir + "_rels/" + name + ".rels";
}

// A relationship target relative to the part that names it, as a zip entry name.
std::string resolve(const std::string& from_part, std::string_view target) {
    std::vector<std::string> segments;
    if (!target.starts_with('/')) {
        std::string_view dir(from_part);
        const auto slash = dir.rfind('/');
        dir = slash == std::string_view::npos ? std::string_view{} : dir.substr(0, slash);
        std::size_t start = 0;
        while (!dir.empty() && start <= dir.size()) {
            const auto end = dir.find('/', start);
            segments.emplace_back(dir.substr(start, end == std::string_view::npos ? end : end - start));
            if (end == std::string_view::npos) break;
            start = end + 1;
        }
    } else {
        target.remove_prefix(1);
    }
    std::size_t start = 0;
    while (start <= target.size()) {
        const auto end = target.find('/', start);
        const auto seg = target.substr(start, end == std::string_view::npos ? end : end - start);
        if (seg == "..") {
            if (!segments.empty()) segments.pop_back();
        } else if (!seg.empty() && seg != ".") {
            segments.emplace_back(seg);
        }
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    std::string out;
    for (const auto& s : segments) out += (out.empty() ? "" : "/") + s;
    return out;
}

struct Relationship {
    std::string id, type, target;  // target resolved to an entry name
};

std::vector<Relationship> relationships(const Package& pkg, const std::string& part) {
    std::vector<Relationship> out;
    const auto rels = rels_of(part);
    if (!pkg.has(rels)) return out;
    const auto doc = pkg.xml(rels);
    for (auto r : child(doc, "Relationships").children()) {
        if (r.type() != pugi::node_element || local(r) != "Relationship") continue;
        if (std::string_view(r.attribute("TargetMode").value()) == "External") continue;
        out.push_back(Relationship{r.attribute("Id").value(), r.attribute("Type").value(),
                                   resolve(part, r.attribute("Target").value())});
    }
    return out;
}

bool type_is(const Relationship& r, std::string_view kind) {
    return std::string_view(r.type).ends_with("/" + std::string(kind));
}

std::string workbook_part(const Package& pkg) {
    for (const auto& r : relationships(pkg, ""))
        if (type_is(r, "officeDocument")) return r.target;
    if (pkg.has("xl/workbook.xml")) return "xl/workbook.xml";
    throw Error("not an .xlsx workbook: it has no xl/workbook.xml (save it as Excel Workbook, .xlsx)", pkg.file());
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// OOXML escapes characters XML cannot hold as _xHHHH_ (_x000D_ for CR,
// _x005F_ for a literal underscore before such a sequence).
std::string unescape(std::string_view s) {
    if (s.find("_x") == std::string_view::npos) return std::string(s);
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
            char32_t cp = 0;
            bool ok = true;
            for (std::size_t k = 2; k < 6; ++k) {
                const int d = hex_digit(s[i + k]);
                if (d < 0) { ok = false; break; }
                cp = cp * 16 + static_cast<char32_t>(d);
            }
            if (ok && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                utf8::append(out, cp);
                i += 7;
                continue;
            }
        }
        out += s[i++];
    }
    return out;
}

// The text of a shared string item or an inline string: its <t>, or the
// <t> of each rich text run <r>, joined; phonetic runs <rPh> are left out.
std::string rich_text(const pugi::xml_node& item) {
    std::string out;
    for (auto n : item.children()) {
        if (n.type() != pugi::node_element) continue;
        const auto name = local(n);
        if (name == "t") out += n.child_value();
        else if (name == "r")
            if (auto t = child(n, "t")) out += t.child_value();
    }
    return unescape(out);
}

std::vector<std::string> shared_strings(const Package& pkg, const std::vector<Relationship>& rels) {
    std::string part;
    for (const auto& r : rels)
        if (type_is(r, "sharedStrings")) part = r.target;
    if (part.empty() && pkg.has("xl/sharedStrings.xml")) part = "xl/sharedStrings.xml";
    std::vector<std::string> out;
    if (part.empty() || !pkg.has(part)) return out;
    const auto doc = pkg.xml(part);
    for (auto si : child(doc, "sst").children())
        if (si.type() == pugi::node_element && local(si) == "si") out.push_back(rich_text(si));
    return out;
}

struct SheetEntry {
    std::string name;
    std::string part;
};

std::vector<SheetEntry> sheet_entries(const Package& pkg, const std::string& workbook,
                                      const std::vector<Relationship>& rels) {
    const auto doc = pkg.xml(workbook);
    std::vector<SheetEntry> out;
    for (auto s : child(child(doc, "workbook"), "sheets").children()) {
        if (s.type() != pugi::node_element || local(s) != "sheet") continue;
        const std::string_view rid = attribute(s, "id");
        for (const auto& r : rels)
            if (r.id == rid && type_is(r, "worksheet")) out.push_back(SheetEntry{s.attribute("name").value(), r.target});
        // chartsheets and dialog sheets have no cells: skipped
    }
    return out;
}

// "AB12" → column 27, row 12 (1-based); nullopt when malformed.
struct CellRef {
    int column = 0;
    std::size_t row = 0;
};

std::optional<CellRef> parse_ref(std::string_view ref) {
    std::size_t letters = 0;
    while (letters < ref.size() && ((ref[letters] >= 'A' && ref[letters] <= 'Z') || (ref[letters] >= 'a' && ref[letters] <= 'z')))
        ++letters;
    CellRef out;
    out.column = column_index(ref.substr(0, letters));
    if (out.column < 0) return std::nullopt;
    const auto digits = ref.substr(letters);
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out.row);
    if (ec != std::errc() || end != digits.data() + digits.size() || out.row == 0) return std::nullopt;
    return out;
}

// A number as its stored text, integers without ".0" or exponent.
std::string number_text(std::string_view v) {
    double d = 0;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
    if (ec == std::errc() && end == v.data() + v.size() && std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15)
        return fmt::format("{}", static_cast<long long>(d));
    return std::string(v);
}

std::string cell_value(const pugi::xml_node& c, const std::vector<std::string>& shared, const std::string& file,
                       std::string_view ref) {
    const std::string_view type = c.attribute("t").value();
    if (type == "inlineStr") {
        const auto is = child(c, "is");
        return is ? rich_text(is) : std::string();
    }
    const auto v = child(c, "v");
    if (!v) return {};
    const std::string_view value = v.child_value();
    if (type == "s") {
        std::size_t index = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), index);
        if (ec != std::errc() || end != value.data() + value.size() || index >= shared.size())
            throw Error(fmt::format("cell {} names shared string {} of {}; the workbook is damaged", ref, value,
                                    shared.size()),
                        file);
        return shared[index];
    }
    if (type == "b") return value == "1" ? "TRUE" : value == "0" ? "FALSE" : std::string(value);
    if (type == "str" || type == "e" || type == "d") return unescape(value);
    return number_text(value);
}

XlsxSheet read_cells(const Package& pkg, const SheetEntry& entry, const std::vector<std::string>& shared) {
    XlsxSheet sheet;
    sheet.name = entry.name;
    const auto doc = pkg.xml(entry.part);
    const auto data = child(child(doc, "worksheet"), "sheetData");
    std::size_t next_row = 1;
    for (auto row : data.children()) {
        if (row.type() != pugi::node_element || local(row) != "row") continue;
        std::size_t r = next_row;
        if (const std::string_view rr = row.attribute("r").value(); !rr.empty()) {
            const auto [end, ec] = std::from_chars(rr.data(), rr.data() + rr.size(), r);
            if (ec != std::errc() || end != rr.data() + rr.size() || r == 0 || r > kMaxRows)
                throw Error(fmt::format("sheet '{}' has a row numbered '{}'; the workbook is damaged", entry.name, rr),
                            pkg.file());
        }
        next_row = r + 1;
        int next_column = 0;
        for (auto c : row.children()) {
            if (c.type() != pugi::node_element || local(c) != "c") continue;
            int col = next_column;
            std::string ref_text;
            if (const std::string_view ref = c.attribute("r").value(); !ref.empty()) {
                const auto parsed = parse_ref(ref);
                if (!parsed)
                    throw Error(fmt::format("sheet '{}' has a cell named '{}'; the workbook is damaged", entry.name, ref),
                                pkg.file());
                col = parsed->column;
                ref_text = std::string(ref);
            } else {
                if (col >= kMaxColumns)
                    throw Error(fmt::format("sheet '{}' row {} has more than {} cells", entry.name, r, kMaxColumns),
                                pkg.file());
                std::string letters;
                for (int n = col + 1; n > 0; n = (n - 1) / 26) letters.insert(letters.begin(), char('A' + (n - 1) % 26));
                ref_text = letters + std::to_string(r);
            }
            next_column = col + 1;
            auto value = cell_value(c, shared, pkg.file(), ref_text);
            if (value.empty()) continue;
            if (!utf8::valid(value))
                throw Error(fmt::format("cell {} of sheet '{}' is not valid UTF-8", ref_text, entry.name), pkg.file());
            if (sheet.rows.size() < r) sheet.rows.resize(r);
            auto& cells = sheet.rows[r - 1];
            if (cells.size() <= static_cast<std::size_t>(col)) cells.resize(static_cast<std::size_t>(col) + 1);
            cells[static_cast<std::size_t>(col)] = std::move(value);
        }
    }
    return sheet;
}

}  // namespace

int column_index(std::string_view letters) {
    if (letters.empty() || letters.size() > 3) return -1;
    int n = 0;
    for (char ch : letters) {
        if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
        if (ch < 'A' || ch > 'Z') return -1;
        n = n * 26 + (ch - 'A' + 1);
    }
    return n <= kMaxColumns ? n - 1 : -1;
}

std::vector<std::string> xlsx_sheet_names(std::string_view bytes, const std::string& file) {
    const Package pkg(bytes, file);
    const auto workbook = workbook_part(pkg);
    std::vector<std::string> out;
    for (const auto& e : sheet_entries(pkg, workbook, relationships(pkg, workbook))) out.push_back(e.name);
    return out;
}

XlsxSheet read_xlsx_sheet(std::string_view bytes, const std::string& file, std::string_view preferred) {
    const Package pkg(bytes, file);
    const auto workbook = workbook_part(pkg);
    const auto rels = relationships(pkg, workbook);
    const auto entries = sheet_entries(pkg, workbook, rels);
    if (entries.empty()) throw Error("the workbook has no worksheet", file);
    const SheetEntry* chosen = &entries.front();
    for (const auto& e : entries)
        if (!preferred.empty() && e.name == preferred) chosen = &e;
    if (!pkg.has(chosen->part))
        throw Error("worksheet '" + chosen->name + "' is missing (" + chosen->part + "); the workbook is damaged", file);
    return read_cells(pkg, *chosen, shared_strings(pkg, rels));
}

}  // namespace qcode::sheet
