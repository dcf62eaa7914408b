// XLSX: written with libxlsxwriter, read back with openpyxl, which is what
// proves the workbook opens and holds typed cells (a byte comparison of a
// zip file would prove nothing).
#include <boost/test/unit_test.hpp>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <limits>
#include <stdexcept>

#include "core/error.hpp"
#include "export/writer.hpp"
#include "support/temp_dir.hpp"

using namespace qcode;
using namespace qcode::exports;
using qcode::testing::TempDir;

namespace {

// Runs a shell command and returns its exit status (-1 when it did not exit).
int run(const std::string& command) {
    const int status = std::system(command.c_str());
    return (status != -1 && WIFEXITED(status)) ? WEXITSTATUS(status) : -1;
}

bool have_openpyxl() { return run("/usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1") == 0; }

std::vector<Table> two_sheets() {
    Table freq;
    freq.title = "Häufigkeit: Hürden";
    freq.column("code").column("segments", ColumnType::integer).column("documents_pct", ColumnType::percent)
        .column("jaccard", ColumnType::real).column("memo");
    freq.add_row({std::string("Hürden"), std::int64_t{3}, 33.3, 0.25, Cell{}});
    freq.add_row({std::string("Akteure"), std::int64_t{10}, 100.0, Cell{}, std::string("Straße")});
    freq.notes.push_back("notes are not written to sheets");

    Table matrix;
    matrix.title = "Häufigkeit: Hürden?";  // the same name once cleaned: numbered
    matrix.column("segment").column("A", ColumnType::integer).column("B", ColumnType::integer);
    std::string long_text;
    for (int i = 0; i < 10; ++i) long_text += "Übermittlung ";  // 130 columns: wrapped
    matrix.add_row({long_text, std::int64_t{1}, std::int64_t{5}});
    matrix.add_row({std::string("kurz"), std::int64_t{0}, std::int64_t{2}});
    return {freq, matrix};
}

// Exits non-zero (with the failed assertion on stderr) when the workbook is
// not what two_sheets() describes.
constexpr const char* kCheckScript = R"PY(
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["Häufigkeit Hürden", "Häufigkeit Hürden (2)"], wb.sheetnames

ws = wb.worksheets[0]
header = [c.value for c in ws[1]]
assert header == ["code", "segments", "documents_pct", "jaccard", "memo"], header
assert all(c.font.b for c in ws[1]), "header not bold"
assert ws.freeze_panes == "A2", ws.freeze_panes
assert ws.auto_filter.ref == "A1:E3", ws.auto_filter.ref

assert ws["A2"].value == "Hürden" and isinstance(ws["A2"].value, str), ws["A2"].value
assert ws["B2"].value == 3 and isinstance(ws["B2"].value, int), repr(ws["B2"].value)
assert ws["B3"].value == 10 and isinstance(ws["B3"].value, int), repr(ws["B3"].value)
pct = ws["C2"]
assert isinstance(pct.value, float) and abs(pct.value - 0.333) < 1e-9, repr(pct.value)
assert "%" in pct.number_format, pct.number_format
assert abs(ws["C3"].value - 1.0) < 1e-12, repr(ws["C3"].value)
assert isinstance(ws["D2"].value, float) and ws["D2"].value == 0.25, repr(ws["D2"].value)
assert ws["D2"].number_format == "0.000", ws["D2"].number_format
assert ws["D3"].value is None, repr(ws["D3"].value)
assert ws["E2"].value is None, repr(ws["E2"].value)
assert ws["E3"].value == "Straße", ws["E3"].value
for col in "ABCDE":
    w = ws.column_dimensions[col].width
    assert 8 <= w <= 61, (col, w)
assert ws.column_dimensions["C"].width >= 15, ws.column_dimensions["C"].width  # "documents_pct" + filter button
assert not ws.conditional_formatting, "unexpected colour scale on sheet 1"

ws2 = wb.worksheets[1]
assert ws2["A2"].value.startswith("Übermittlung"), ws2["A2"].value
assert ws2["A2"].alignment.wrap_text, "long text not wrapped"
assert not ws2["A3"].alignment.wrap_text or ws2["A3"].value == "kurz"
assert 60 <= ws2.column_dimensions["A"].width <= 61, ws2.column_dimensions["A"].width
assert ws2["B2"].value == 1 and ws2["C2"].value == 5
rules = [(str(cf.sqref), r.type) for cf in ws2.conditional_formatting for r in cf.rules]
assert rules == [("B2:C3", "colorScale")], rules
print("ok")
)PY";

}  // namespace

BOOST_AUTO_TEST_SUITE(export_xlsx)

BOOST_AUTO_TEST_CASE(workbook_reads_back_with_openpyxl) {
    TempDir dir;
    const std::string path = (dir.path() / "tables.xlsx").string();
    XlsxSheetStyle scaled;
    scaled.color_scale = true;
    write_xlsx(two_sheets(), path, {XlsxSheetStyle{}, scaled});
    BOOST_REQUIRE(std::filesystem::file_size(path) > 0);
    if (!have_openpyxl()) {
        BOOST_TEST_MESSAGE("skipping the openpyxl read-back: /usr/bin/python3 cannot import openpyxl");
        return;
    }
    const std::string script = dir.write("check.py", kCheckScript);
    BOOST_TEST(run("/usr/bin/python3 '" + script + "' '" + path + "'") == 0);
}

BOOST_AUTO_TEST_CASE(overlong_text_and_non_finite_numbers_do_not_fail_the_export) {
    Table t;
    t.column("memo").column("ratio", ColumnType::real);
    std::string huge;
    for (int i = 0; i < 40000; ++i) huge += "ä";  // over Excel's 32767 characters per cell
    t.add_row({huge, std::numeric_limits<double>::quiet_NaN()});
    t.add_row({std::string("x"), std::numeric_limits<double>::infinity()});
    TempDir dir;
    const std::string path = (dir.path() / "edge.xlsx").string();
    BOOST_REQUIRE_NO_THROW(write_xlsx({t}, path));
    if (!have_openpyxl()) {
        BOOST_TEST_MESSAGE("skipping the openpyxl read-back: /usr/bin/python3 cannot import openpyxl");
        return;
    }
    const std::string script = dir.write("check.py", R"PY(
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
assert ws.title == "Sheet1", ws.title
memo = ws["A2"].value
assert len(memo) == 32767 and memo.endswith("\u2026") and memo[0] == "\u00e4", len(memo)
assert ws["B2"].value is None, repr(ws["B2"].value)
assert ws["B3"].value == "inf", repr(ws["B3"].value)
)PY");
    BOOST_TEST(run("/usr/bin/python3 '" + script + "' '" + path + "'") == 0);
}

BOOST_AUTO_TEST_CASE(missing_directory_throws_error_naming_the_path) {
    TempDir dir;
    const std::string path = (dir.path() / "no-such-dir" / "out.xlsx").string();
    try {
        write_xlsx(two_sheets(), path);
        BOOST_FAIL("expected qcode::Error");
    } catch (const Error& e) {
        BOOST_TEST(e.file() == path);
        BOOST_TEST(std::string(e.what()).find(path) != std::string::npos);
    }
    BOOST_TEST(!std::filesystem::exists(path));
}

BOOST_AUTO_TEST_CASE(libxlsxwriter_failure_throws_error_naming_the_path) {
    // The directory exists but the path is itself a directory: only
    // libxlsxwriter's workbook_close notices, through its return code.
    TempDir dir;
    const auto target = dir.path() / "taken.xlsx";
    std::filesystem::create_directory(target);
    BOOST_CHECK_EXCEPTION(write_xlsx(two_sheets(), target.string()), Error, [&](const Error& e) {
        return std::string(e.what()).find(target.string()) != std::string::npos;
    });
}

BOOST_AUTO_TEST_CASE(more_styles_than_sheets_is_a_programming_error) {
    TempDir dir;
    BOOST_CHECK_THROW(write_xlsx({Table{}}, (dir.path() / "x.xlsx").string(), {XlsxSheetStyle{}, XlsxSheetStyle{}}),
                      std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
