// XLSX through libxlsxwriter: the format researchers actually open. Numbers
// stay numbers (sortable, summable), percents are real percentages (0.333
// shown as 33.3%), the header is frozen and filterable. Every libxlsxwriter
// call that can fail is checked, because a half-written workbook is worse
// than an error message.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <xlsxwriter.h>

#include "core/error.hpp"
#include "export/display_width.hpp"
#include "export/number_format.hpp"
#include "export/sheet_names.hpp"
#include "export/text_writers.hpp"
#include "export/writer.hpp"

namespace qcode::exports {
namespace {

constexpr double kMinColumnWidth = 8;
constexpr double kMaxColumnWidth = 60;
// Room for the autofilter drop-down button that covers the header's end.
constexpr std::size_t kFilterButtonWidth = 2;
// Excel's limit on the characters in one cell.
constexpr std::size_t kMaxCellChars = 32767;

[[noreturn]] void fail(const std::string& path, std::string_view what, lxw_error err) {
    throw Error("cannot write the workbook: " + std::string(what) + " failed (" + lxw_strerror(err) + ")", path);
}

void check(lxw_error err, const std::string& path, std::string_view what) {
    if (err != LXW_NO_ERROR) fail(path, what, err);
}

// Frees the workbook when an exception leaves write_xlsx before
// workbook_close (which frees it itself).
struct WorkbookGuard {
    lxw_workbook* workbook;
    ~WorkbookGuard() {
        if (workbook) lxw_workbook_free(workbook);
    }
    lxw_workbook* release() { return std::exchange(workbook, nullptr); }
};

// Cell text Excel can store: valid UTF-8 (invalid bytes would corrupt the
// sheet's XML) and at most Excel's per-cell limit, cut with "…" rather than
// failing the whole export over one very long segment.
std::string excel_text(std::string_view s) {
    std::size_t total = 0;
    for_each_codepoint(s, [&](char32_t, std::string_view) { ++total; });
    const std::size_t keep = total <= kMaxCellChars ? total : kMaxCellChars - 1;
    std::string out;
    out.reserve(s.size());
    std::size_t kept = 0;
    for_each_codepoint(s, [&](char32_t cp, std::string_view bytes) {
        if (kept++ >= keep) return;
        if (cp == U'\uFFFD') out += "\uFFFD";
        else out.append(bytes);
    });
    if (keep < total) out += "\u2026";
    return out;
}

// Widest line of a possibly multi-line cell, in display columns.
std::size_t widest_line(std::string_view s) {
    std::size_t widest = 0;
    while (true) {
        const auto nl = s.find('\n');
        widest = std::max(widest, display_width(s.substr(0, nl)));
        if (nl == std::string_view::npos) return widest;
        s.remove_prefix(nl + 1);
    }
}

// What Excel will display for a number under our formats, to size columns.
std::string shown_number(double value, ColumnType type) {
    if (type == ColumnType::percent) return format_fixed(value, 1) + "%";
    if (type == ColumnType::real) return format_fixed(value, 3);
    return format_number(value);
}

struct Formats {
    lxw_format* header = nullptr;
    lxw_format* percent = nullptr;
    lxw_format* real = nullptr;
    lxw_format* wrap = nullptr;
};

Formats make_formats(lxw_workbook* wb, const std::string& path) {
    Formats f;
    f.header = workbook_add_format(wb);
    f.percent = workbook_add_format(wb);
    f.real = workbook_add_format(wb);
    f.wrap = workbook_add_format(wb);
    if (!f.header || !f.percent || !f.real || !f.wrap) fail(path, "creating cell formats", LXW_ERROR_MEMORY_MALLOC_FAILED);
    format_set_bold(f.header);
    format_set_num_format(f.percent, "0.0%");
    format_set_num_format(f.real, "0.000");
    format_set_text_wrap(f.wrap);
    // Wrapped cells grow downwards; top alignment keeps the row readable.
    format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
    return f;
}

// One scale per column type over adjacent runs of that type: a scale mixing
// counts with shares (stored as 0..1) would paint every share white.
void add_color_scales(lxw_worksheet* ws, const Table& table, const XlsxSheetStyle& style, const std::string& path) {
    if (style.color_scale_footer_rows >= table.rows.size()) return;
    const auto last_row = static_cast<lxw_row_t>(table.rows.size() - style.color_scale_footer_rows);
    for (ColumnType type : {ColumnType::integer, ColumnType::real, ColumnType::percent}) {
        std::vector<std::pair<lxw_col_t, lxw_col_t>> runs;
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            if (table.columns[c].type != type) continue;
            const auto& skip = style.color_scale_skip;
            if (std::find(skip.begin(), skip.end(), table.columns[c].name) != skip.end()) continue;
            const auto col = static_cast<lxw_col_t>(c);
            if (!runs.empty() && runs.back().second + 1 == col) runs.back().second = col;
            else runs.emplace_back(col, col);
        }
        if (runs.empty()) continue;
        std::string ranges;
        for (const auto& [first, last] : runs) {
            char range[64];
            lxw_rowcol_to_range(range, 1, first, last_row, last);
            if (!ranges.empty()) ranges += ' ';
            ranges += range;
        }
        lxw_conditional_format scale{};
        scale.type = LXW_CONDITIONAL_3_COLOR_SCALE;
        scale.min_color = 0xFFFFFF;  // white: the lowest value
        scale.mid_color = 0xFFD199;  // light orange: the median
        scale.max_color = 0xFF8C00;  // orange: the highest value
        scale.multi_range = ranges.data();
        check(worksheet_conditional_format_range(ws, 1, runs.front().first, last_row, runs.front().second, &scale),
              path, "adding a colour scale");
    }
}

void write_sheet(lxw_worksheet* ws, const Table& table, const Formats& formats, const XlsxSheetStyle& style,
                 const std::string& path) {
    const std::size_t ncols = table.columns.size();
    std::vector<std::size_t> widths(ncols, 0);
    std::vector<std::size_t> longest_text(ncols, 0);

    for (std::size_t c = 0; c < ncols; ++c) {
        const auto& name = table.columns[c].name;
        check(worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), excel_text(name).c_str(), formats.header),
              path, "writing the header");
        widths[c] = widest_line(name) + kFilterButtonWidth;
    }
    // Wrap only text columns too long to show in the widest allowed column.
    for (std::size_t c = 0; c < ncols; ++c)
        if (table.columns[c].type == ColumnType::text)
            for (const auto& row : table.rows)
                if (const auto* s = std::get_if<std::string>(&row[c]))
                    longest_text[c] = std::max(longest_text[c], widest_line(*s));

    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto row_index = static_cast<lxw_row_t>(r + 1);
        for (std::size_t c = 0; c < ncols; ++c) {
            const auto col = static_cast<lxw_col_t>(c);
            const ColumnType type = table.columns[c].type;
            const lxw_error err = std::visit(
                [&](const auto& v) -> lxw_error {
                    using T = std::decay_t<decltype(v)>;
                    if constexpr (std::is_same_v<T, std::monostate>) {
                        return LXW_NO_ERROR;  // empty cell stays empty
                    } else if constexpr (std::is_same_v<T, std::string>) {
                        if (v.empty()) return LXW_NO_ERROR;
                        widths[c] = std::max(widths[c], widest_line(v));
                        lxw_format* fmt = longest_text[c] > kMaxColumnWidth ? formats.wrap : nullptr;
                        return worksheet_write_string(ws, row_index, col, excel_text(v).c_str(), fmt);
                    } else {
                        const auto d = static_cast<double>(v);
                        if (std::isnan(d)) return LXW_NO_ERROR;
                        // A number cell cannot hold infinity; say so in words.
                        if (std::isinf(d)) return worksheet_write_string(ws, row_index, col, d < 0 ? "-inf" : "inf", nullptr);
                        widths[c] = std::max(widths[c], shown_number(d, type).size());
                        if (type == ColumnType::percent)
                            return worksheet_write_number(ws, row_index, col, d / 100.0, formats.percent);
                        if (type == ColumnType::real) return worksheet_write_number(ws, row_index, col, d, formats.real);
                        return worksheet_write_number(ws, row_index, col, d, nullptr);
                    }
                },
                table.rows[r][c]);
            if (err != LXW_NO_ERROR)  // the message is built only on failure: this runs per cell
                fail(path, "writing row " + std::to_string(r + 1) + " of sheet '" + table.title + "'", err);
        }
    }

    for (std::size_t c = 0; c < ncols; ++c) {
        const double width = std::clamp(static_cast<double>(widths[c]), kMinColumnWidth, kMaxColumnWidth);
        lxw_format* fmt = longest_text[c] > kMaxColumnWidth ? formats.wrap : nullptr;
        const auto col = static_cast<lxw_col_t>(c);
        check(worksheet_set_column(ws, col, col, width, fmt), path, "setting column widths");
    }
    worksheet_freeze_panes(ws, 1, 0);
    if (ncols > 0) {
        check(worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(table.rows.size()),
                                   static_cast<lxw_col_t>(ncols - 1)),
              path, "adding the autofilter");
        if (style.color_scale && !table.rows.empty()) add_color_scales(ws, table, style, path);
    }
}

}  // namespace

void write_xlsx(const std::vector<Table>& sheets, const std::string& path, const std::vector<XlsxSheetStyle>& styles) {
    if (styles.size() > sheets.size())
        throw std::invalid_argument("write_xlsx: " + std::to_string(styles.size()) + " styles for " +
                                    std::to_string(sheets.size()) + " sheets");
    // libxlsxwriter only opens the file in workbook_close, after all the work,
    // and then reports a missing directory as a "permissions error".
    const auto dir = std::filesystem::path(path).parent_path();
    if (!dir.empty() && !std::filesystem::is_directory(dir))
        throw Error("cannot write the workbook: the directory '" + dir.string() +
                        "' does not exist; create it or choose another path",
                    path);

    WorkbookGuard guard{workbook_new(path.c_str())};
    if (!guard.workbook) fail(path, "creating the workbook", LXW_ERROR_MEMORY_MALLOC_FAILED);
    const Formats formats = make_formats(guard.workbook, path);
    for (const auto& sheet : sheets) detail::check_shape(sheet);
    const auto names = xlsx_sheet_names(sheets);
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        lxw_worksheet* ws = workbook_add_worksheet(guard.workbook, names[i].c_str());
        if (!ws) fail(path, "adding the worksheet '" + names[i] + "'", LXW_ERROR_PARAMETER_VALIDATION);
        write_sheet(ws, sheets[i], formats, i < styles.size() ? styles[i] : XlsxSheetStyle{}, path);
    }
    check(workbook_close(guard.release()), path, "saving the file");
}

}  // namespace qcode::exports
