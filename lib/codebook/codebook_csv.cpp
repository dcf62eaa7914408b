#include "codebook/codebook_csv.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <optional>

#include "codebook/ids.hpp"
#include "codebook/yaml_syntax.hpp"
#include "core/error.hpp"

namespace qcode::codebook {

namespace {

std::string_view trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string csv_field(std::string_view s) {
    const bool quote = s.find_first_of(",\"\r\n") != std::string_view::npos ||
                       (!s.empty() && (s.front() == ' ' || s.back() == ' '));
    if (!quote) return std::string(s);
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

struct Record {
    int line = 0;
    std::vector<std::string> fields;
};

// RFC 4180 with a chosen delimiter; quoted fields may span lines.
std::vector<Record> parse_csv(std::string_view text, char delim, const std::string& path) {
    std::vector<Record> records;
    Record rec;
    std::string field;
    int line = 1;
    rec.line = 1;
    bool quoted = false, was_quoted = false, any = false;
    auto end_field = [&] {
        rec.fields.push_back(was_quoted ? field : std::string(trim(field)));
        field.clear();
        was_quoted = false;
    };
    auto end_record = [&] {
        end_field();
        const bool blank = std::all_of(rec.fields.begin(), rec.fields.end(), [](const std::string& f) { return f.empty(); });
        if (!blank) records.push_back(std::move(rec));
        rec = Record{};
        rec.line = line;
        any = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++line;
                if (c != '\r') field += c;
            }
            continue;
        }
        if (c == '"' && trim(field).empty()) {
            field.clear();
            quoted = was_quoted = any = true;
        } else if (c == delim) {
            end_field();
            any = true;
        } else if (c == '\n') {
            ++line;
            end_record();
        } else if (c != '\r') {
            field += c;
            any = true;
        }
    }
    if (quoted) throw Error("a quoted field is not closed (a \" is missing)", path, rec.line);
    if (any || !field.empty()) end_record();
    return records;
}

char detect_delimiter(std::string_view text) {
    const auto eol = text.find('\n');
    const auto header = text.substr(0, eol);
    std::size_t counts[3] = {0, 0, 0};
    const char delims[3] = {',', ';', '\t'};
    bool quoted = false;
    for (char c : header) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        for (int k = 0; k < 3; ++k) counts[k] += c == delims[k];
    }
    const auto best = std::max_element(std::begin(counts), std::end(counts)) - std::begin(counts);
    return counts[best] == 0 ? ',' : delims[best];
}

constexpr std::string_view kColumns[] = {"path",  "label",   "description", "patterns",    "exclude",
                                         "color", "codable", "definition",  "coding_rules", "anchor_examples"};

struct Row {
    int line = 0;
    std::string path, parent;
    Code code;
};

void attach(std::vector<Code>& into, const std::string& parent, std::vector<Row>& rows) {
    for (auto& r : rows) {
        if (r.parent != parent) continue;
        into.push_back(r.code);
        attach(into.back().children, r.path, rows);
    }
}

}  // namespace

std::vector<std::string> split_pattern_list(std::string_view cell) {
    std::vector<std::string> out;
    std::string cur;
    for (std::size_t i = 0; i < cell.size(); ++i) {
        const char c = cell[i];
        if (c == '\\' && i + 1 < cell.size() && (cell[i + 1] == ';' || cell[i + 1] == '\\')) {
            cur += cell[++i];
        } else if (c == ';') {
            if (!trim(cur).empty()) out.emplace_back(trim(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!trim(cur).empty()) out.emplace_back(trim(cur));
    return out;
}

std::string join_pattern_list(const std::vector<std::string>& patterns) {
    std::string out;
    for (const auto& p : patterns) {
        if (!out.empty()) out += "; ";
        for (char c : p) {
            if (c == ';' || c == '\\') out += '\\';
            out += c;
        }
    }
    return out;
}

std::string write_codebook_csv(const Codebook& cb) {
    std::string out = "path,label,description,patterns\r\n";
    for_each_code(cb.codes, [&](const Code& c) {
        std::vector<std::string> sources;
        for (const auto& p : c.patterns) sources.push_back(p.source);
        out += csv_field(c.path) + "," + csv_field(c.label) + "," + csv_field(c.description) + "," +
               csv_field(join_pattern_list(sources)) + "\r\n";
    });
    return out;
}

Codebook read_codebook_csv(std::string_view raw, const std::string& path, std::vector<std::string>& warnings) {
    const auto text = strip_bom(raw);
    check_utf8(text, path);
    const auto records = parse_csv(text, detect_delimiter(text), path);
    if (records.empty()) throw Error("the CSV is empty; it needs a header row path,label,description,patterns", path, 1);

    std::map<std::string, std::size_t> column;
    const auto& header = records.front();
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        const auto name = lower(trim(header.fields[i]));
        if (std::find(std::begin(kColumns), std::end(kColumns), name) == std::end(kColumns)) {
            if (!name.empty()) warnings.push_back(path + ":" + std::to_string(header.line) + ": column '" + name + "' ignored");
            continue;
        }
        if (column.contains(name)) throw Error("column '" + name + "' appears twice in the header", path, header.line);
        column[name] = i;
    }
    if (!column.contains("path"))
        throw Error("the header has no 'path' column; the first row must name the columns path,label,description,patterns",
                    path, header.line);

    std::vector<Row> rows;
    std::map<std::string, int> line_of_path;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const auto& rec = records[r];
        auto get = [&](std::string_view name) -> std::string {
            const auto it = column.find(std::string(name));
            if (it == column.end() || it->second >= rec.fields.size()) return {};
            return rec.fields[it->second];
        };
        Row row;
        row.line = rec.line;
        row.path = std::string(trim(get("path")));
        if (row.path.empty()) throw Error("a row has no path", path, rec.line);
        std::size_t start = 0;
        std::string id;
        while (true) {
            const auto slash = row.path.find('/', start);
            id = row.path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
            if (!valid_id(id))
                throw Error("invalid path '" + row.path + "': each part is an id of letters, digits, '_', '-' and '.', "
                            "parts joined by '/'",
                            path, rec.line);
            if (slash == std::string::npos) break;
            start = slash + 1;
        }
        if (auto seen = line_of_path.find(row.path); seen != line_of_path.end())
            throw Error("code '" + row.path + "' is listed twice (also on line " + std::to_string(seen->second) + ")", path,
                        rec.line);
        line_of_path[row.path] = rec.line;
        const auto last_slash = row.path.rfind('/');
        row.parent = last_slash == std::string::npos ? "" : row.path.substr(0, last_slash);

        Code& c = row.code;
        c.id = id;
        c.line = rec.line;
        c.label = get("label");
        if (trim(c.label).empty()) c.label = id;
        c.description = get("description");
        c.definition = get("definition");
        c.coding_rules = get("coding_rules");
        const auto anchors = get("anchor_examples");
        for (std::size_t s = 0; s < anchors.size();) {
            const auto e = std::min(anchors.find('\n', s), anchors.size());
            const auto a = trim(std::string_view(anchors).substr(s, e - s));
            if (!a.empty()) c.anchor_examples.emplace_back(a);
            s = e + 1;
        }
        if (const auto color = get("color"); !trim(color).empty()) {
            auto n = normalize_color(trim(color), false);
            if (!n) throw Error("invalid color '" + color + "' of code '" + row.path + "': use #rrggbb", path, rec.line);
            c.color = *n;
        }
        if (const auto codable = lower(trim(get("codable"))); !codable.empty()) {
            if (codable == "false" || codable == "0" || codable == "no" || codable == "nein") c.codable = false;
            else if (codable != "true" && codable != "1" && codable != "yes" && codable != "ja")
                throw Error("codable of code '" + row.path + "' must be true or false, not '" + codable + "'", path, rec.line);
        }
        auto patterns = [&](std::string_view col, std::vector<Pattern>& out) {
            for (const auto& src : split_pattern_list(get(col))) {
                Pattern p;
                std::string why;
                if (!try_parse_pattern(src, p, why))
                    throw Error("in " + std::string(col == "exclude" ? "exclude " : "") + "pattern '" + src +
                                    "' of code '" + row.path + "': " + why,
                                path, rec.line);
                p.line = rec.line;
                out.push_back(std::move(p));
            }
        };
        patterns("patterns", c.patterns);
        patterns("exclude", c.exclude);
        rows.push_back(std::move(row));
    }
    for (const auto& row : rows)
        if (!row.parent.empty() && !line_of_path.contains(row.parent))
            throw Error("code '" + row.path + "' has no parent row: add a row for '" + row.parent + "'", path, row.line);

    Codebook cb;
    const auto stem = std::filesystem::path(path).stem().string();
    cb.name = stem.empty() ? "Codebook" : stem;
    attach(cb.codes, "", rows);
    return finish_import(std::move(cb), path);
}

}  // namespace qcode::codebook
