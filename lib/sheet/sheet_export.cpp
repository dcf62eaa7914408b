#include "sheet/sheet_export.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <utility>

#include <fmt/core.h>
#include <xlsxwriter.h>

#include "core/error.hpp"
#include "core/utf8.hpp"
#include "export/display_width.hpp"
#include "export/writer.hpp"
#include "sheet/sheet_format.hpp"

namespace qcode::sheet {

namespace {

// Excel's limits: characters in one cell, and in an inline validation list.
constexpr std::size_t kMaxCellChars = 32767;
constexpr std::size_t kMaxInlineList = 255;

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
    return s;
}

std::string lower_extension(const std::string& path) {
    auto ext = std::filesystem::path(path).extension().string();
    for (auto& c : ext)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return ext;
}

// The turn holding a unit's start (turns are in text order and do not overlap).
const store::UnitRow* turn_of(const std::vector<store::UnitRow>& turns, const Span& span) {
    const auto it = std::upper_bound(turns.begin(), turns.end(), span.start,
                                     [](std::uint32_t pos, const store::UnitRow& t) { return pos < t.span.start; });
    if (it == turns.begin()) return nullptr;
    const auto& t = *std::prev(it);
    return span.start < t.span.end ? &t : nullptr;
}

[[noreturn]] void fail(const std::string& path, std::string_view what, lxw_error err) {
    throw Error(fmt::format("cannot write the coding sheet: {} failed ({})", what, lxw_strerror(err)), path);
}

void check(lxw_error err, const std::string& path, std::string_view what) {
    if (err != LXW_NO_ERROR) fail(path, what, err);
}

struct WorkbookGuard {
    lxw_workbook* workbook;
    ~WorkbookGuard() {
        if (workbook) lxw_workbook_free(workbook);
    }
    lxw_workbook* release() { return std::exchange(workbook, nullptr); }
};

std::string cell_string(const Cell& c) {
    if (const auto* s = std::get_if<std::string>(&c)) return *s;
    if (const auto* i = std::get_if<std::int64_t>(&c)) return std::to_string(*i);
    return {};
}

}  // namespace

CodingSheet build_sheet(store::Store& store, const ExportOptions& options) {
    CodingSheet sheet;
    sheet.code_columns = options.code_columns;
    for (auto& c : store.codes())
        if (c.codable) sheet.codes.push_back(std::move(c));
    if (sheet.codes.empty())
        throw Error("the project has no codes to code with; import a codebook first (qcode codebook import FILE)",
                    store.path());

    std::vector<store::DocumentInfo> documents;
    const auto all = store.documents();
    if (options.documents.empty()) {
        documents = all;
    } else {
        for (const auto& name : options.documents) {
            const auto it = std::find_if(all.begin(), all.end(), [&](const auto& d) { return d.name == name; });
            if (it == all.end())
                throw Error("no document named '" + name + "' in the project; see `qcode info` for the names",
                            store.path());
            if (std::none_of(documents.begin(), documents.end(), [&](const auto& d) { return d.id == it->id; }))
                documents.push_back(*it);
        }
    }

    // The coder's manual codings, by document and exact span.
    std::map<std::pair<Id, Span>, std::set<Id>> prefill;
    if (!options.coder.empty()) {
        store::CodingFilter filter;
        filter.coders = {options.coder};
        filter.origins = {Origin::manual};
        for (const auto& c : store.codings(filter)) prefill[{c.document, c.span}].insert(c.code);
    }

    auto& t = sheet.table;
    t.title = std::string(kSheetName);
    t.column(std::string(kUnitColumn)).column(std::string(kDocumentColumn)).column(std::string(kSpeakerColumn));
    t.column(std::string(kRoleColumn)).column(std::string(kTimeColumn)).column(std::string(kTextColumn));
    if (options.code_columns)
        for (const auto& c : sheet.codes) t.column(c.path, ColumnType::integer);
    else
        t.column(std::string(kCodesColumn));

    for (const auto& doc : documents) {
        const auto text = store.document_text(doc.id);
        const utf8::Index index(text);
        const auto turns = store.units(UnitKind::turn, doc.id);
        bool any = false;
        for (const auto& unit : store.units(options.kind, doc.id)) {
            if (unit.speaker.empty() || !unit.role) continue;  // the header before the first label
            if (!options.roles.empty() &&
                std::find(options.roles.begin(), options.roles.end(), *unit.role) == options.roles.end())
                continue;
            const auto end = std::min<std::size_t>(unit.span.end, index.length());
            const auto start = std::min<std::size_t>(unit.span.start, end);
            const auto unit_text = trim(utf8::slice(text, index, start, end));
            if (unit_text.empty()) continue;
            auto t_start = unit.t_start_ms;
            if (!t_start)
                if (const auto* turn = turn_of(turns, unit.span)) t_start = turn->t_start_ms;

            std::vector<Cell> row{unit_id(doc.name, options.kind, unit.ordinal), doc.name, unit.speaker,
                                  std::string(to_string(*unit.role)), t_start ? format_time(*t_start) : std::string(),
                                  std::string(unit_text)};
            const auto found = prefill.find({doc.id, unit.span});
            const std::set<Id> none;
            const auto& coded = found == prefill.end() ? none : found->second;
            if (options.code_columns) {
                for (const auto& c : sheet.codes) row.emplace_back(std::int64_t{coded.contains(c.id) ? 1 : 0});
            } else {
                std::string cell;
                for (const auto& c : sheet.codes)
                    if (coded.contains(c.id)) cell += (cell.empty() ? "" : "; ") + c.path;
                row.emplace_back(std::move(cell));
            }
            for (const auto& c : sheet.codes) sheet.prefilled += coded.contains(c.id) ? 1 : 0;
            t.add_row(std::move(row));
            any = true;
        }
        sheet.documents += any ? 1 : 0;
    }
    return sheet;
}

void write_sheet_csv(const CodingSheet& sheet, const std::string& path, bool excel_bom) {
    exports::WriteOptions w;
    w.excel_bom = excel_bom;
    exports::write_table_to_file(sheet.table, exports::Format::csv, path, w);
}

void write_sheet_xlsx(const CodingSheet& sheet, const std::string& path) {
    const auto& table = sheet.table;
    const int text_col = table.find_column(std::string(kTextColumn));
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto text = cell_string(table.rows[r][static_cast<std::size_t>(text_col)]);
        if (utf8::length(text) > kMaxCellChars)
            throw Error(fmt::format("unit {} has {} characters, more than an Excel cell holds ({}); export --kind "
                                    "sentence or a .csv sheet",
                                    cell_string(table.rows[r][0]), utf8::length(text), kMaxCellChars),
                        path);
    }
    const auto dir = std::filesystem::path(path).parent_path();
    if (!dir.empty() && !std::filesystem::is_directory(dir))
        throw Error("cannot write the coding sheet: the directory '" + dir.string() +
                        "' does not exist; create it or choose another path",
                    path);

    WorkbookGuard guard{workbook_new(path.c_str())};
    if (!guard.workbook) fail(path, "creating the workbook", LXW_ERROR_MEMORY_MALLOC_FAILED);
    lxw_workbook* wb = guard.workbook;
    lxw_format* header = workbook_add_format(wb);
    lxw_format* rotated = workbook_add_format(wb);
    lxw_format* top = workbook_add_format(wb);
    lxw_format* wrap = workbook_add_format(wb);
    if (!header || !rotated || !top || !wrap) fail(path, "creating cell formats", LXW_ERROR_MEMORY_MALLOC_FAILED);
    format_set_bold(header);
    format_set_bold(rotated);
    format_set_rotation(rotated, 90);
    format_set_align(rotated, LXW_ALIGN_CENTER);
    format_set_align(top, LXW_ALIGN_VERTICAL_TOP);
    format_set_text_wrap(wrap);
    format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);

    lxw_worksheet* ws = workbook_add_worksheet(wb, std::string(kSheetName).c_str());
    if (!ws) fail(path, "adding the worksheet", LXW_ERROR_PARAMETER_VALIDATION);

    const std::size_t ncols = table.columns.size();
    const std::size_t first_code_col = static_cast<std::size_t>(text_col) + 1;
    std::vector<std::size_t> widths(ncols, 0);
    for (std::size_t c = 0; c < ncols; ++c) {
        const bool code_col = sheet.code_columns && c >= first_code_col;
        const auto& name = table.columns[c].name;
        check(worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), name.c_str(), code_col ? rotated : header), path,
              "writing the header");
        widths[c] = code_col ? 3 : exports::display_width(name) + 2;
    }
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto row = static_cast<lxw_row_t>(r + 1);
        for (std::size_t c = 0; c < ncols; ++c) {
            const auto col = static_cast<lxw_col_t>(c);
            const auto& cell = table.rows[r][c];
            lxw_error err = LXW_NO_ERROR;
            if (const auto* n = std::get_if<std::int64_t>(&cell)) {
                err = worksheet_write_number(ws, row, col, static_cast<double>(*n), top);
            } else if (const auto* s = std::get_if<std::string>(&cell); s && !s->empty()) {
                const bool wrapped = c >= static_cast<std::size_t>(text_col);
                err = worksheet_write_string(ws, row, col, s->c_str(), wrapped ? wrap : top);
                widths[c] = std::max(widths[c], exports::display_width(*s));
            }
            if (err != LXW_NO_ERROR) fail(path, "writing row " + std::to_string(r + 2), err);
        }
    }
    for (std::size_t c = 0; c < ncols; ++c) {
        double width = std::clamp(static_cast<double>(widths[c]), 8.0, 30.0);
        lxw_format* fmt = top;
        if (static_cast<int>(c) == text_col) {
            width = 80;
            fmt = wrap;
        } else if (c >= first_code_col) {
            width = sheet.code_columns ? 4.5 : 40;
            fmt = sheet.code_columns ? top : wrap;
        }
        const auto col = static_cast<lxw_col_t>(c);
        check(worksheet_set_column(ws, col, col, width, fmt), path, "setting column widths");
    }
    worksheet_freeze_panes(ws, 1, 0);
    check(worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(table.rows.size()), static_cast<lxw_col_t>(ncols - 1)),
          path, "adding the autofilter");

    // Drop-down lists on the code cells. The codes column takes several
    // paths ("a; b"), so the list suggests but does not refuse other text:
    // import checks every path.
    if (!table.rows.empty()) {
        const auto last_row = static_cast<lxw_row_t>(table.rows.size());
        const auto first = static_cast<lxw_col_t>(first_code_col);
        const auto last = static_cast<lxw_col_t>(ncols - 1);
        lxw_data_validation dv{};
        std::vector<std::string> storage;
        std::vector<char*> list;
        std::string formula, title, message;
        if (sheet.code_columns) {
            storage = {"1", "0"};
            dv.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
            title = "1 = coded";
            message = "1 codes the unit with this column's code; 0 or empty does not.";
        } else {
            std::size_t inline_length = 0;
            for (const auto& c : sheet.codes) inline_length += c.path.size() + 1;
            if (inline_length - 1 <= kMaxInlineList) {
                for (const auto& c : sheet.codes) storage.push_back(c.path);
            } else {
                lxw_worksheet* codes = workbook_add_worksheet(wb, std::string(kCodesSheetName).c_str());
                if (!codes) fail(path, "adding the Codes worksheet", LXW_ERROR_PARAMETER_VALIDATION);
                check(worksheet_write_string(codes, 0, 0, "path", header), path, "writing the Codes sheet");
                check(worksheet_write_string(codes, 0, 1, "label", header), path, "writing the Codes sheet");
                for (std::size_t i = 0; i < sheet.codes.size(); ++i) {
                    const auto r = static_cast<lxw_row_t>(i + 1);
                    check(worksheet_write_string(codes, r, 0, sheet.codes[i].path.c_str(), nullptr), path,
                          "writing the Codes sheet");
                    if (!sheet.codes[i].label.empty())
                        check(worksheet_write_string(codes, r, 1, sheet.codes[i].label.c_str(), nullptr), path,
                              "writing the Codes sheet");
                }
                worksheet_set_column(codes, 0, 1, 40, nullptr);
                worksheet_hide(codes);
                formula = fmt::format("={}!$A$2:$A${}", kCodesSheetName, sheet.codes.size() + 1);
            }
            dv.show_error = LXW_VALIDATION_OFF;
            title = "Codes";
            message = "Pick a code, or type several code paths separated by ;";
        }
        for (auto& s : storage) list.push_back(s.data());
        list.push_back(nullptr);
        if (formula.empty()) {
            dv.validate = LXW_VALIDATION_TYPE_LIST;
            dv.value_list = list.data();
        } else {
            dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
            dv.value_formula = formula.data();
        }
        dv.input_title = title.data();
        dv.input_message = message.data();
        check(worksheet_data_validation_range(ws, 1, first, last_row, last, &dv), path, "adding the code drop-down list");
    }
    worksheet_activate(ws);
    check(workbook_close(guard.release()), path, "saving the file");
}

CodingSheet export_sheet(store::Store& store, const std::string& path, const ExportOptions& options) {
    const auto ext = lower_extension(path);
    if (ext != ".xlsx" && ext != ".csv")
        throw Error("a coding sheet is an .xlsx or a .csv file; name the file so", path);
    auto sheet = build_sheet(store, options);
    if (ext == ".xlsx") write_sheet_xlsx(sheet, path);
    else write_sheet_csv(sheet, path, options.excel_bom);
    return sheet;
}

}  // namespace qcode::sheet
