#include "sheet/sheet_import.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include <fmt/core.h>

#include "core/error.hpp"
#include "core/utf8.hpp"
#include "ingest/csv_reader.hpp"
#include "ingest/decode.hpp"
#include "sheet/sheet_format.hpp"
#include "sheet/xlsx_reader.hpp"

namespace qcode::sheet {

namespace {

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
    return std::string(s);
}

bool blank_row(const std::vector<std::string>& cells) {
    return std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return trimmed(c).empty(); });
}

// "A" for column 0, "AB" for 27: how a spreadsheet names the column.
std::string column_letters(std::size_t index) {
    std::string letters;
    for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26) letters.insert(letters.begin(), char('A' + (n - 1) % 26));
    return letters;
}

std::string shorten(std::string_view s, std::size_t max = 60) {
    if (utf8::length(s) <= max) return std::string(s);
    const utf8::Index index(s);
    return std::string(utf8::slice(s, index, 0, max)) + "…";
}

struct Columns {
    int unit = -1;
    int text = -1;
    int codes = -1;
    std::vector<std::pair<std::size_t, const store::CodeRow*>> code_columns;  // column → code
    std::vector<std::size_t> unnamed;                                         // no header: must stay empty
};

Columns find_columns(const SheetData& data, const std::map<std::string, const store::CodeRow*, std::less<>>& codes,
                     const std::string& file, ImportReport& report) {
    Columns cols;
    const std::set<std::string> informative{std::string(kDocumentColumn), std::string(kSpeakerColumn),
                                            std::string(kRoleColumn), std::string(kTimeColumn)};
    std::map<std::string, std::size_t> seen;
    for (std::size_t c = 0; c < data.header.size(); ++c) {
        const auto name = trimmed(data.header[c]);
        const auto where = fmt::format("column {} ('{}')", column_letters(c), shorten(name));
        if (name.empty()) {
            cols.unnamed.push_back(c);
            continue;
        }
        if (name.starts_with('#')) {
            report.ignored_columns.push_back(name);
            continue;
        }
        if (const auto [it, fresh] = seen.emplace(name, c); !fresh)
            throw Error(fmt::format("row 1: the header '{}' appears twice (columns {} and {}); rename or delete one",
                                    shorten(name), column_letters(it->second), column_letters(c)),
                        file);
        const auto lower = lower_ascii(name);
        if (lower == kUnitColumn) cols.unit = static_cast<int>(c);
        else if (lower == kTextColumn) cols.text = static_cast<int>(c);
        else if (lower == kCodesColumn) cols.codes = static_cast<int>(c);
        else if (informative.contains(lower)) continue;
        else if (const auto code = codes.find(name); code != codes.end()) {
            if (!code->second->codable)
                throw Error(fmt::format("row 1: {} names the code '{}', which is not codable (it only groups codes)",
                                        where, name),
                            file);
            cols.code_columns.emplace_back(c, code->second);
        } else {
            throw Error(fmt::format("row 1: {} is neither a sheet column nor a code path; fix the path, delete the "
                                    "column, or start its header with # to keep it as notes",
                                    where),
                        file);
        }
    }
    if (cols.unit < 0)
        throw Error("row 1 has no 'unit' column; import a sheet written by `qcode sheet export` (its first row is the "
                    "header)",
                    file);
    if (cols.text < 0)
        throw Error("row 1 has no 'text' column; the text is how import knows the transcript did not change since "
                    "export — put the column back",
                    file);
    if (cols.codes < 0 && cols.code_columns.empty())
        throw Error("row 1 has neither a 'codes' column nor a column per code path; export the sheet again", file);
    return cols;
}

const std::string& cell(const SheetRow& row, std::size_t column) {
    static const std::string empty;
    return column < row.cells.size() ? row.cells[column] : empty;
}

struct UnitKey {
    Id document = 0;
    Span span;
    friend auto operator<=>(const UnitKey&, const UnitKey&) = default;
};

struct Wanted {
    int row = 0;
    UnitKey unit;
    std::set<Id> codes;
};

}  // namespace

SheetData read_sheet(const std::string& path) {
    auto ext = std::filesystem::path(path).extension().string();
    ext = lower_ascii(ext);
    SheetData data;
    if (ext == ".xlsx" || ext == ".xlsm") {
        const auto sheet = read_xlsx_sheet(ingest::read_file_bytes(path), path, kSheetName);
        bool header = true;
        for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
            if (header) {
                if (r != 0)
                    throw Error("row 1 of sheet '" + sheet.name + "' is empty; it must be the header (unit, document, …)",
                                path);
                data.header = sheet.rows[r];
                header = false;
                continue;
            }
            if (blank_row(sheet.rows[r])) continue;
            data.rows.push_back(SheetRow{static_cast<int>(r + 1), sheet.rows[r]});
        }
        if (header) throw Error("the sheet '" + sheet.name + "' is empty", path);
        return data;
    }
    if (ext == ".csv" || ext == ".txt" || ext == ".tsv") {
        const auto rows = ingest::parse_csv(ingest::decode_text(ingest::read_file_bytes(path), path), path);
        if (rows.empty()) throw Error("the sheet is empty", path);
        data.header = rows.front().fields;
        for (std::size_t r = 1; r < rows.size(); ++r) {
            if (blank_row(rows[r].fields)) continue;
            data.rows.push_back(SheetRow{static_cast<int>(r + 1), rows[r].fields});
        }
        return data;
    }
    if (ext == ".xls" || ext == ".ods")
        throw Error("this spreadsheet format cannot be read; save the sheet as Excel Workbook (.xlsx) or CSV", path);
    throw Error("a coding sheet is an .xlsx or a .csv file", path);
}

ImportReport import_sheet(store::Store& store, const std::string& path, const ImportOptions& options) {
    return import_sheet_data(store, read_sheet(path), path, options);
}

ImportReport import_sheet_data(store::Store& store, const SheetData& data, const std::string& file,
                               const ImportOptions& options) {
    if (trimmed(options.coder).empty()) throw Error("name the coder whose codings the sheet holds (--coder NAME)", file);
    ImportReport report;

    const auto code_rows = store.codes();
    std::map<std::string, const store::CodeRow*, std::less<>> codes;
    for (const auto& c : code_rows) codes[c.path] = &c;
    const auto cols = find_columns(data, codes, file, report);

    // Documents, their text and units, loaded once each.
    struct Doc {
        Id id = 0;
        std::string text;
        std::optional<utf8::Index> index;
        std::map<UnitKind, std::vector<store::UnitRow>> units;
    };
    std::map<std::string, Doc, std::less<>> documents;
    for (const auto& d : store.documents()) documents[d.name].id = d.id;

    std::vector<Wanted> wanted;
    std::map<UnitKey, int> row_of_unit;
    for (const auto& row : data.rows) {
        const auto where = fmt::format("row {}", row.row);
        for (auto c : cols.unnamed)
            if (!trimmed(cell(row, c)).empty())
                throw Error(fmt::format("{}: column {} has no header but holds '{}'; give the column a header or "
                                        "clear it",
                                        where, column_letters(c), shorten(trimmed(cell(row, c)))),
                            file);

        // The codes the row lists (checked even before the unit, so a row
        // without a unit cannot carry codes unnoticed).
        std::set<Id> listed;
        bool any_code = false;
        if (cols.codes >= 0) {
            for (const auto& path : split_codes(cell(row, static_cast<std::size_t>(cols.codes)))) {
                any_code = true;
                const auto it = codes.find(path);
                if (it == codes.end())
                    throw Error(fmt::format("{}: unknown code '{}'; use a path from the drop-down list or `qcode "
                                            "codebook show`",
                                            where, shorten(path)),
                                file);
                if (!it->second->codable)
                    throw Error(fmt::format("{}: the code '{}' is not codable (it only groups codes); use one of its "
                                            "children",
                                            where, path),
                                file);
                listed.insert(it->second->id);
            }
        }
        for (const auto& [c, code] : cols.code_columns) {
            const auto& value = cell(row, c);
            const auto mark = parse_mark(value);
            if (!mark)
                throw Error(fmt::format("{}: column {} ('{}') holds '{}'; write 1 to code the unit, 0 or nothing not to",
                                        where, column_letters(c), code->path, shorten(trimmed(value))),
                            file);
            if (*mark) {
                listed.insert(code->id);
                any_code = true;
            }
        }

        const auto id_text = trimmed(cell(row, static_cast<std::size_t>(cols.unit)));
        if (id_text.empty()) {
            if (any_code)
                throw Error(fmt::format("{}: codes but no unit id; copy the row's unit id back from the exported sheet",
                                        where),
                            file);
            continue;  // a note row without unit and codes
        }
        const auto ref = parse_unit_id(id_text);
        if (!ref)
            throw Error(fmt::format("{}: '{}' is not a unit id (document#kind#number, as exported)", where,
                                    shorten(id_text)),
                        file);
        const auto doc_it = documents.find(ref->document);
        if (doc_it == documents.end())
            throw Error(fmt::format("{}: no document '{}' in the project; import it first or fix the unit id", where,
                                    ref->document),
                        file);
        auto& doc = doc_it->second;
        if (!doc.index) {
            doc.text = store.document_text(doc.id);
            doc.index.emplace(doc.text);
        }
        auto& units = doc.units[ref->kind];
        if (units.empty()) units = store.units(ref->kind, doc.id);
        // Units come in ordinal order, 1-based; look there first.
        auto unit = ref->ordinal <= units.size() && units[ref->ordinal - 1].ordinal == ref->ordinal
                        ? units.begin() + (ref->ordinal - 1)
                        : std::find_if(units.begin(), units.end(), [&](const auto& u) { return u.ordinal == ref->ordinal; });
        if (unit == units.end())
            throw Error(fmt::format("{}: document '{}' has no {} {} (it has {}); was the transcript re-imported since "
                                    "export? Export a new sheet",
                                    where, ref->document, to_string(ref->kind), ref->ordinal, units.size()),
                        file);
        const auto end = std::min<std::size_t>(unit->span.end, doc.index->length());
        const auto start = std::min<std::size_t>(unit->span.start, end);
        const auto project_text = comparable_text(utf8::slice(doc.text, *doc.index, start, end));
        const auto& sheet_cell = cell(row, static_cast<std::size_t>(cols.text));
        if (!utf8::valid(sheet_cell)) throw Error(where + ": the text is not valid UTF-8", file);
        if (comparable_text(sheet_cell) != project_text)
            throw Error(fmt::format("{}: the text of unit {} differs from the project's (\"{}\"); the sheet or the "
                                    "transcript changed since export — restore the text or export a new sheet",
                                    where, id_text, shorten(project_text)),
                        file);

        const UnitKey key{doc.id, unit->span};
        if (const auto [it, fresh] = row_of_unit.emplace(key, row.row); !fresh)
            throw Error(fmt::format("{}: unit {} is also in row {}; keep one row per unit", where, id_text, it->second),
                        file);
        wanted.push_back(Wanted{row.row, key, std::move(listed)});
        ++report.rows;
    }

    // The coder's manual codings, by unit span.
    store::CodingFilter filter;
    filter.coders = {options.coder};
    filter.origins = {Origin::manual};
    std::map<UnitKey, std::vector<store::CodingRow>> present;
    for (auto& c : store.codings(filter)) {
        const UnitKey key{c.document, c.span};
        if (row_of_unit.contains(key)) present[key].push_back(std::move(c));
    }

    std::vector<Coding> to_add;
    std::vector<Id> to_remove;
    for (const auto& w : wanted) {
        const auto& have = present[w.unit];
        bool changed = false;
        for (const auto code : w.codes) {
            if (std::any_of(have.begin(), have.end(), [&](const auto& c) { return c.code == code; })) continue;
            Coding c;
            c.document = w.unit.document;
            c.span = w.unit.span;
            c.code = code;
            c.coder = options.coder;
            c.origin = Origin::manual;
            to_add.push_back(std::move(c));
            changed = true;
        }
        for (const auto& c : have)
            if (!w.codes.contains(c.code)) {
                to_remove.push_back(c.id);
                changed = true;
            }
        report.changed_units += changed ? 1 : 0;
    }
    report.added = static_cast<std::int64_t>(to_add.size());
    report.removed = static_cast<std::int64_t>(to_remove.size());
    if (options.dry_run || (to_add.empty() && to_remove.empty())) return report;

    auto tx = store.transaction();
    for (const auto id : to_remove) store.delete_coding(id);
    store.add_codings(to_add);
    tx->commit();
    return report;
}

}  // namespace qcode::sheet
