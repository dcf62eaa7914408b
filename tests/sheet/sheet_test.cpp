// Coding sheets: export, edit with a real spreadsheet library (openpyxl),
// import; the round trip in XLSX and CSV, and every refusal leaving the
// project as it was.
#include <boost/test/unit_test.hpp>

#include <filesystem>

#include "core/error.hpp"
#include "sheet/sheet_export.hpp"
#include "sheet/sheet_format.hpp"
#include "sheet/sheet_import.hpp"
#include "sheet/xlsx_reader.hpp"
#include "sheet_fixture.hpp"

using namespace qcode;
using namespace qcode::sheet;
using qcode::sheet_test::Project;
using qcode::sheet_test::have_openpyxl;
using qcode::sheet_test::python;

namespace {

std::string text_cell(const Table& t, std::size_t row, const std::string& column) {
    const int c = t.find_column(column);
    BOOST_REQUIRE(c >= 0);
    const auto& cell = t.rows.at(row).at(static_cast<std::size_t>(c));
    return std::holds_alternative<std::string>(cell) ? std::get<std::string>(cell) : std::string();
}

// The error message of `f`, or "" when it does not throw qcode::Error.
template <typename F>
std::string error_of(F&& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}

// A cell of a read row; rows end at their last non-empty cell.
std::string cell_at(const SheetRow& row, int column) {
    const auto c = static_cast<std::size_t>(column);
    return c < row.cells.size() ? row.cells[c] : std::string();
}

// A sheet in memory: header plus rows numbered from 2.
SheetData data(std::vector<std::string> header, std::vector<std::vector<std::string>> rows) {
    SheetData d;
    d.header = std::move(header);
    int n = 2;
    for (auto& r : rows) d.rows.push_back(SheetRow{n++, std::move(r)});
    return d;
}

const std::vector<std::string> kHeader{"unit", "document", "speaker", "role", "time", "text", "codes"};

// Edits the first worksheet: argv[2:] are CELL=VALUE pairs ("G3=a/b").
constexpr const char* kEditScript = R"PY(
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
for pair in sys.argv[2:]:
    cell, value = pair.split("=", 1)
    ws[cell] = int(value) if value in ("0", "1") else value
wb.save(sys.argv[1])
)PY";

}  // namespace

BOOST_AUTO_TEST_SUITE(sheet)

BOOST_AUTO_TEST_CASE(one_row_per_unit_with_speaker_role_time_and_text) {
    Project p;
    const auto sheet = build_sheet(p.store, {});
    const auto& t = sheet.table;
    std::vector<std::string> names;
    for (const auto& c : t.columns) names.push_back(c.name);
    BOOST_TEST(names == kHeader, boost::test_tools::per_element());
    BOOST_REQUIRE_EQUAL(t.rows.size(), 6u);  // the header sentence is left out
    BOOST_TEST(text_cell(t, 0, "unit") == "interview_01#sentence#2");
    BOOST_TEST(text_cell(t, 0, "speaker") == "I");
    BOOST_TEST(text_cell(t, 0, "role") == "interviewer");
    BOOST_TEST(text_cell(t, 0, "text") == "Wie läuft der Datenaustausch?");
    BOOST_TEST(text_cell(t, 1, "text") == "Die Schnittstelle fehlt.");
    BOOST_TEST(text_cell(t, 1, "role") == "respondent");
    BOOST_TEST(text_cell(t, 1, "time") == "00:00:05");  // the turn starts when the previous one ended
    BOOST_TEST(text_cell(t, 5, "text") == "Das Jobcenter wartet.");
    BOOST_TEST(text_cell(t, 5, "time") == "00:01:25");
    BOOST_TEST(text_cell(t, 5, "codes") == "");

    ExportOptions turns;
    turns.kind = UnitKind::turn;
    turns.roles = {Role::respondent};
    const auto b = build_sheet(p.store, turns).table;
    BOOST_REQUIRE_EQUAL(b.rows.size(), 2u);
    BOOST_TEST(text_cell(b, 1, "text") == "Der Datenschutz bremst.\nDas Jobcenter wartet.");

    ExportOptions columns;
    columns.code_columns = true;
    const auto c = build_sheet(p.store, columns);
    // Codable codes only: huerden groups and is left out.
    BOOST_TEST(c.table.columns.size() == 6u + 6u);
    BOOST_TEST(c.table.columns[6].name == "huerden/technik");
    BOOST_TEST(std::get<std::int64_t>(c.table.rows[0][6]) == 0);

    BOOST_TEST(error_of([&] {
                   ExportOptions o;
                   o.documents = {"nix"};
                   build_sheet(p.store, o);
               }).find("no document named 'nix'") != std::string::npos);
    BOOST_TEST(error_of([&] { export_sheet(p.store, (p.dir.path() / "s.ods").string(), {}); }).find(".xlsx or a .csv") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(xlsx_round_trip_through_openpyxl) {
    Project p;
    const auto path = (p.dir.path() / "coding.xlsx").string();
    export_sheet(p.store, path, {});

    // Our reader sees exactly the table.
    const auto built = build_sheet(p.store, {});
    const auto read = read_sheet(path);
    BOOST_TEST(read.header == kHeader, boost::test_tools::per_element());
    BOOST_REQUIRE_EQUAL(read.rows.size(), built.table.rows.size());
    for (std::size_t r = 0; r < read.rows.size(); ++r) {
        BOOST_TEST(read.rows[r].row == static_cast<int>(r + 2));
        for (const auto& column : {"unit", "text", "time", "speaker", "codes"})
            BOOST_TEST(cell_at(read.rows[r], built.table.find_column(column)) == text_cell(built.table, r, column));
    }

    if (!have_openpyxl()) {
        BOOST_TEST_MESSAGE("skipping the openpyxl part: /usr/bin/python3 cannot import openpyxl");
        return;
    }
    // What a spreadsheet program shows: frozen header, wrapped text, widths, the drop-down.
    BOOST_TEST(python(p.dir, R"PY(
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["Coding"], wb.sheetnames
ws = wb["Coding"]
assert [c.value for c in ws[1]] == ["unit", "document", "speaker", "role", "time", "text", "codes"]
assert ws.freeze_panes == "A2", ws.freeze_panes
assert ws["F3"].value == "Die Schnittstelle fehlt." and ws["F3"].alignment.wrap_text
assert ws.column_dimensions["F"].width >= 60, ws.column_dimensions["F"].width
assert ws.column_dimensions["G"].width >= 30
assert ws["A2"].value == "interview_01#sentence#2"
dv = ws.data_validations.dataValidation
assert len(dv) == 1 and dv[0].type == "list", dv
assert str(dv[0].sqref) == "G2:G7", dv[0].sqref
paths = dv[0].formula1.strip('"').split(",")
assert paths == ["huerden/technik", "huerden/technik/schnittstellen", "huerden/technik/medienbruch",
                 "huerden/datenschutz", "akteure", "akteure/jobcenter"], paths
print("ok")
)PY",
                      {path}) == 0);

    // A coder fills in the codes column and saves with openpyxl.
    BOOST_REQUIRE(python(p.dir, kEditScript,
                         {path, "G3=huerden/technik/schnittstellen", "G4=huerden/technik/medienbruch; akteure/jobcenter",
                          "G7=akteure/jobcenter"}) == 0);
    ImportOptions anna;
    anna.coder = "anna";
    const auto report = import_sheet(p.store, path, anna);
    BOOST_TEST(report.rows == 6u);
    BOOST_TEST(report.added == 4);
    BOOST_TEST(report.removed == 0);
    BOOST_TEST(report.changed_units == 3u);
    const auto s3 = p.sentence(3), s4 = p.sentence(4), s7 = p.sentence(7);
    using C = std::tuple<std::string, std::uint32_t, std::uint32_t, std::string, std::string>;
    const std::set<C> expected{{"huerden/technik/schnittstellen", s3.span.start, s3.span.end, "anna", "manual"},
                               {"huerden/technik/medienbruch", s4.span.start, s4.span.end, "anna", "manual"},
                               {"akteure/jobcenter", s4.span.start, s4.span.end, "anna", "manual"},
                               {"akteure/jobcenter", s7.span.start, s7.span.end, "anna", "manual"}};
    BOOST_TEST((p.codings() == expected));

    // Re-importing the same sheet changes nothing.
    const auto again = import_sheet(p.store, path, anna);
    BOOST_TEST(again.added == 0);
    BOOST_TEST(again.removed == 0);
    BOOST_TEST(again.changed_units == 0u);
    BOOST_TEST((p.codings() == expected));

    // Exported for anna, the sheet holds her codings; it imports unchanged.
    ExportOptions prefill;
    prefill.coder = "anna";
    const auto path2 = (p.dir.path() / "coding2.xlsx").string();
    const auto sheet2 = export_sheet(p.store, path2, prefill);
    BOOST_TEST(sheet2.prefilled == 4u);
    const auto read2 = read_sheet(path2);
    BOOST_TEST(read2.rows[2].cells.at(6) == "huerden/technik/medienbruch; akteure/jobcenter");
    BOOST_TEST(import_sheet(p.store, path2, anna).changed_units == 0u);

    // Removing a code in the sheet removes anna's coding, nobody else's.
    Coding ben{p.doc, s4.span, p.store.find_code("huerden/technik/medienbruch")->id, "ben", Origin::manual, {}, {}, {}};
    Coding automatic = ben;
    automatic.coder = "anna";
    automatic.origin = Origin::automatic;
    Coding inside = ben;
    inside.coder = "anna";
    inside.span = Span{s4.span.start, s4.span.start + 3};  // not the unit's span: not the sheet's business
    p.store.add_codings({ben, automatic, inside});
    BOOST_REQUIRE(python(p.dir, kEditScript, {path2, "G4=akteure/jobcenter"}) == 0);
    const auto removal = import_sheet(p.store, path2, anna);
    BOOST_TEST(removal.removed == 1);
    BOOST_TEST(removal.added == 0);
    auto after = expected;
    after.erase(C{"huerden/technik/medienbruch", s4.span.start, s4.span.end, "anna", "manual"});
    after.emplace("huerden/technik/medienbruch", s4.span.start, s4.span.end, "ben", "manual");
    after.emplace("huerden/technik/medienbruch", s4.span.start, s4.span.end, "anna", "auto");
    after.emplace("huerden/technik/medienbruch", s4.span.start, s4.span.start + 3, "anna", "manual");
    BOOST_TEST((p.codings() == after));
}

BOOST_AUTO_TEST_CASE(code_columns_round_trip) {
    Project p;
    ExportOptions o;
    o.code_columns = true;
    const auto path = (p.dir.path() / "columns.xlsx").string();
    export_sheet(p.store, path, o);
    const auto read = read_sheet(path);
    BOOST_REQUIRE(read.header.size() == 12u);
    BOOST_TEST(read.header[7] == "huerden/technik/schnittstellen");
    BOOST_TEST(read.rows[0].cells.at(7) == "0");
    ImportOptions anna;
    anna.coder = "anna";
    BOOST_TEST(import_sheet(p.store, path, anna).changed_units == 0u);  // all zeros: nothing to do
    if (!have_openpyxl()) return;
    BOOST_TEST(python(p.dir, R"PY(
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Coding"]
assert ws["H1"].value == "huerden/technik/schnittstellen"
assert ws["H1"].alignment.textRotation == 90
dv = ws.data_validations.dataValidation
assert len(dv) == 1 and str(dv[0].sqref) == "G2:L7", dv[0].sqref
assert dv[0].formula1 == '"1,0"', dv[0].formula1
)PY",
                      {path}) == 0);
    // H = schnittstellen, L = akteure/jobcenter; "x" ticks a box too.
    BOOST_REQUIRE(python(p.dir, kEditScript, {path, "H3=1", "L7=x", "L3=1"}) == 0);
    const auto report = import_sheet(p.store, path, anna);
    BOOST_TEST(report.added == 3);
    const auto s3 = p.sentence(3), s7 = p.sentence(7);
    using C = std::tuple<std::string, std::uint32_t, std::uint32_t, std::string, std::string>;
    BOOST_TEST((p.codings() == std::set<C>{{"huerden/technik/schnittstellen", s3.span.start, s3.span.end, "anna", "manual"},
                                          {"akteure/jobcenter", s3.span.start, s3.span.end, "anna", "manual"},
                                          {"akteure/jobcenter", s7.span.start, s7.span.end, "anna", "manual"}}));
    BOOST_TEST(import_sheet(p.store, path, anna).changed_units == 0u);
    // A cell that is neither 0 nor 1 names its row and column.
    BOOST_REQUIRE(python(p.dir, kEditScript, {path, "I5=vielleicht"}) == 0);
    const auto before = p.codings();
    const auto message = error_of([&] { import_sheet(p.store, path, anna); });
    BOOST_TEST(message.find("row 5: column I ('huerden/technik/medienbruch') holds 'vielleicht'") != std::string::npos,
               message);
    BOOST_TEST((p.codings() == before));
}

BOOST_AUTO_TEST_CASE(csv_round_trip_also_as_german_excel_saves_it) {
    Project p;
    const auto path = (p.dir.path() / "coding.csv").string();
    export_sheet(p.store, path, {});
    const auto read = read_sheet(path);
    BOOST_TEST(read.header == kHeader, boost::test_tools::per_element());
    BOOST_REQUIRE_EQUAL(read.rows.size(), 6u);
    BOOST_TEST(read.rows[1].cells.at(5) == "Die Schnittstelle fehlt.");

    ImportOptions ben;
    ben.coder = "ben";
    BOOST_TEST(import_sheet(p.store, path, ben).changed_units == 0u);
    if (!have_openpyxl()) return;  // python3 itself is enough here, but keep the skip rule simple
    // Excel in a German locale saves ';'-separated Windows-1252.
    BOOST_REQUIRE(python(p.dir, R"PY(
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
rows[2][6] = "huerden/datenschutz"
rows[6][6] = "akteure/jobcenter;huerden/datenschutz"
with open(sys.argv[2], "w", encoding="cp1252", newline="") as f:
    csv.writer(f, delimiter=";", lineterminator="\r\n").writerows(rows)
)PY",
                         {path, (p.dir.path() / "excel.csv").string()}) == 0);
    const auto report = import_sheet(p.store, (p.dir.path() / "excel.csv").string(), ben);
    BOOST_TEST(report.added == 3);
    BOOST_TEST(report.changed_units == 2u);
    BOOST_TEST(import_sheet(p.store, (p.dir.path() / "excel.csv").string(), ben).changed_units == 0u);
    BOOST_TEST(p.codings().size() == 3u);
}

BOOST_AUTO_TEST_CASE(refusals_name_the_row_and_leave_the_project_unchanged) {
    Project p;
    const auto rows = build_sheet(p.store, {}).table;
    std::vector<std::vector<std::string>> base;
    for (std::size_t r = 0; r < rows.rows.size(); ++r) {
        std::vector<std::string> cells;
        for (const auto& c : rows.rows[r]) cells.push_back(std::holds_alternative<std::string>(c) ? std::get<std::string>(c) : "");
        base.push_back(cells);
    }
    ImportOptions anna;
    anna.coder = "anna";
    // A valid coding first, so "unchanged" means something.
    auto ok = base;
    ok[0][6] = "akteure/jobcenter";
    BOOST_REQUIRE(import_sheet_data(p.store, data(kHeader, ok), "s.csv", anna).added == 1);
    const auto before = p.codings();

    auto expect = [&](const std::string& what, std::vector<std::string> header, std::vector<std::vector<std::string>> rs,
                      const std::string& needle) {
        rs[1][6] = "huerden/datenschutz";  // would be added if the import went through
        const auto message = error_of([&] { import_sheet_data(p.store, data(std::move(header), std::move(rs)), "s.csv", anna); });
        BOOST_TEST(message.find(needle) != std::string::npos, what << ": " << message);
        BOOST_TEST(message.find("s.csv") == 0u, what << ": " << message);
        BOOST_TEST((p.codings() == before), what);
    };
    auto changed = base;
    changed[3][5] = "Und der Datenschutz?!";
    expect("text changed", kHeader, changed, "row 5: the text of unit interview_01#sentence#5 differs");
    auto unknown = base;
    unknown[2][6] = "akteure/jobcenter; huerden/nix";
    expect("unknown code", kHeader, unknown, "row 4: unknown code 'huerden/nix'");
    auto grouping = base;
    grouping[2][6] = "huerden";
    expect("not codable", kHeader, grouping, "row 4: the code 'huerden' is not codable");
    auto twice = base;
    twice.push_back(base[0]);
    expect("duplicate", kHeader, twice, "row 8: unit interview_01#sentence#2 is also in row 2");
    auto bad_id = base;
    bad_id[4][0] = "interview_01#satz#6";
    expect("bad id", kHeader, bad_id, "row 6: 'interview_01#satz#6' is not a unit id");
    auto other_doc = base;
    other_doc[4][0] = "interview_02#sentence#6";
    expect("unknown document", kHeader, other_doc, "row 6: no document 'interview_02'");
    auto past_end = base;
    past_end[4][0] = "interview_01#sentence#60";
    expect("unknown unit", kHeader, past_end, "row 6: document 'interview_01' has no sentence 60 (it has 7)");
    auto no_unit = base;
    no_unit[4][0] = "";
    no_unit[4][6] = "akteure/jobcenter";
    expect("codes without unit", kHeader, no_unit, "row 6: codes but no unit id");
    auto extra = kHeader;
    extra.push_back("Kommentar");
    expect("unknown column", extra, base, "column H ('Kommentar') is neither a sheet column nor a code path");
    expect("no text column", {"unit", "codes"}, base, "no 'text' column");
    expect("no unit column", {"text", "codes"}, base, "no 'unit' column");
    auto stray = kHeader;
    stray.push_back("");
    auto stray_rows = base;
    stray_rows[3].push_back("akteure");
    expect("unnamed column", stray, stray_rows, "row 5: column H has no header but holds 'akteure'");

    ImportOptions nobody;
    BOOST_TEST(error_of([&] { import_sheet_data(p.store, data(kHeader, base), "s.csv", nobody); }).find("--coder") !=
               std::string::npos);

    // Columns starting with # are notes; the informative columns may go.
    auto notes = kHeader;
    notes.push_back("# Kommentar");
    auto noted = base;
    noted[1][6] = "huerden/datenschutz";
    noted[1].push_back("unsicher");
    noted[0][6] = "akteure/jobcenter";
    const auto report = import_sheet_data(p.store, data(notes, noted), "s.csv", anna);
    BOOST_TEST(report.added == 1);
    BOOST_TEST(report.ignored_columns == std::vector<std::string>{"# Kommentar"}, boost::test_tools::per_element());
    std::vector<std::vector<std::string>> slim;
    for (const auto& r : noted) slim.push_back({r[0], r[5], r[6]});
    BOOST_TEST(import_sheet_data(p.store, data({"unit", "text", "codes"}, slim), "s.csv", anna).changed_units == 0u);
    // Trimming and line ends do not count as a changed text.
    slim[0][1] = "  " + slim[0][1] + "\r\n";
    BOOST_TEST(import_sheet_data(p.store, data({"unit", "text", "codes"}, slim), "s.csv", anna).changed_units == 0u);
}

BOOST_AUTO_TEST_CASE(workbooks_saved_by_libreoffice_read_back) {
    if (qcode::sheet_test::run("command -v soffice >/dev/null 2>&1") != 0) {
        BOOST_TEST_MESSAGE("skipping: no LibreOffice (soffice) to save workbooks with");
        return;
    }
    Project p;
    const auto dir = p.dir.path().string();
    // Its own profile, so a running LibreOffice (or a parallel test) does not interfere.
    const std::string soffice = "cd '" + dir + "' && HOME='" + dir + "' timeout 120 soffice -env:UserInstallation=file://" +
                                dir + "/lo-profile --headless ";
    // A CSV sheet with codes, opened and saved as .xlsx by LibreOffice Calc (UTF-8, comma, quote).
    export_sheet(p.store, dir + "/lo.csv", {});
    auto csv = testing::read_file(dir + "/lo.csv");
    const std::string row = "interview_01#sentence#3,interview_01,B,respondent,00:00:05,Die Schnittstelle fehlt.,";
    BOOST_REQUIRE(csv.find(row) != std::string::npos);
    csv.replace(csv.find(row), row.size(), row + "huerden/technik/schnittstellen;akteure/jobcenter");
    p.dir.write("lo.csv", csv);
    BOOST_REQUIRE(qcode::sheet_test::run(soffice + "--infilter=CSV:44,34,76 --convert-to xlsx --outdir out lo.csv "
                                                   ">/dev/null 2>&1") == 0);
    ImportOptions anna;
    anna.coder = "anna";
    const auto report = import_sheet(p.store, dir + "/out/lo.xlsx", anna);
    BOOST_TEST(report.added == 2);
    BOOST_TEST(report.rows == 6u);
    // qcode's own XLSX, prefilled, re-saved by LibreOffice: still the same codings.
    ExportOptions prefill;
    prefill.coder = "anna";
    export_sheet(p.store, dir + "/mine.xlsx", prefill);
    BOOST_REQUIRE(qcode::sheet_test::run(soffice + "--convert-to xlsx --outdir out mine.xlsx >/dev/null 2>&1") == 0);
    const auto again = import_sheet(p.store, dir + "/out/mine.xlsx", anna);
    BOOST_TEST(again.changed_units == 0u);
    BOOST_TEST(p.codings().size() == 2u);
}

BOOST_AUTO_TEST_CASE(many_codes_go_to_a_hidden_codes_sheet) {
    std::string yaml = "codebook: Viele\ncodes:\n";
    for (int i = 0; i < 40; ++i) yaml += "  - id: ein_ziemlich_langer_code_" + std::to_string(i) + "\n    label: Code " + std::to_string(i) + "\n";
    Project p(yaml);
    const auto path = (p.dir.path() / "many.xlsx").string();
    export_sheet(p.store, path, {});
    BOOST_TEST(xlsx_sheet_names(testing::read_file(path), path) == (std::vector<std::string>{"Coding", "Codes"}),
               boost::test_tools::per_element());
    BOOST_TEST(read_sheet(path).header == kHeader, boost::test_tools::per_element());  // the coding sheet, not Codes
    if (!have_openpyxl()) return;
    BOOST_TEST(python(p.dir, R"PY(
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
codes = wb["Codes"]
assert codes.sheet_state == "hidden", codes.sheet_state
assert codes["A2"].value == "ein_ziemlich_langer_code_0" and codes["B2"].value == "Code 0"
assert codes["A41"].value == "ein_ziemlich_langer_code_39"
dv = wb["Coding"].data_validations.dataValidation
assert len(dv) == 1 and dv[0].formula1 == "Codes!$A$2:$A$41", dv[0].formula1
)PY",
                      {path}) == 0);
    // The coder picks from the list; the import takes it.
    BOOST_REQUIRE(python(p.dir, kEditScript, {path, "G2=ein_ziemlich_langer_code_39"}) == 0);
    ImportOptions anna;
    anna.coder = "anna";
    BOOST_TEST(import_sheet(p.store, path, anna).added == 1);
}

BOOST_AUTO_TEST_CASE(a_unit_longer_than_an_excel_cell_is_refused_for_xlsx) {
    std::string yaml = "codebook: X\ncodes:\n  - id: a\n    label: A\n";
    Project p(yaml);
    std::string long_turn = "B: ";
    for (int i = 0; i < 7000; ++i) long_turn += "Wort ";
    ingest::import_files(p.store, {p.dir.write("lang.txt", long_turn + "\n")}, {});
    ExportOptions o;
    o.kind = UnitKind::turn;
    o.documents = {"lang"};
    const auto message = error_of([&] { export_sheet(p.store, (p.dir.path() / "lang.xlsx").string(), o); });
    BOOST_TEST(message.find("unit lang#turn#1 has 34999 characters") != std::string::npos, message);
    BOOST_TEST(!std::filesystem::exists(p.dir.path() / "lang.xlsx"));
    export_sheet(p.store, (p.dir.path() / "lang.csv").string(), o);  // CSV has no such limit
    BOOST_TEST(read_sheet((p.dir.path() / "lang.csv").string()).rows.at(0).cells.at(5).size() == 34999u);
}

BOOST_AUTO_TEST_SUITE_END()
