// qcode export xlsx: the workbook of the hand-worked project
// (tests/analysis/tables_fixture.hpp), read back with openpyxl — sheet
// names, headers, cell types and values, percent formats, frozen headers,
// autofilters, colour scales — and compared sheet by sheet with the CSV of
// the table each sheet stands for.
#include <boost/test/unit_test.hpp>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "analysis/cooccurrence.hpp"
#include "analysis/frequency.hpp"
#include "analysis/listings.hpp"
#include "analysis/matrix.hpp"
#include "analysis/tables_fixture.hpp"
#include "codebook/codebook_table.hpp"
#include "codebook/project.hpp"
#include "coding/memos.hpp"
#include "export/workbook.hpp"
#include "export/writer.hpp"

using namespace qcode;
using namespace qcode::analysis_test;

namespace {

int run(const std::string& command) {
    const int status = std::system(command.c_str());
    return (status != -1 && WIFEXITED(status)) ? WEXITSTATUS(status) : -1;
}

bool have_openpyxl() { return run("/usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1") == 0; }

void write_csv(const Table& t, const std::filesystem::path& path) {
    std::ofstream out(path, std::ios::binary);
    exports::write_table(t, exports::Format::csv, out);
}

// argv: workbook, directory of <sheet index>.csv files. Each sheet must have
// the CSV's header and, cell by cell, its values: text as text, numbers as
// numbers (ints stay ints), percents stored as fractions with a % format.
constexpr const char* kCheckScript = R"PY(
import csv, os, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
expected_names = ["Codebook", "Frequencies", "Frequencies by format", "Frequencies by kommune",
                  "Frequencies by typ", "Co-occurrence", "Code×Document", "Segments", "Documents", "Memos"]
assert wb.sheetnames == expected_names, wb.sheetnames

for index, ws in enumerate(wb.worksheets):
    with open(os.path.join(sys.argv[2], "%d.csv" % index), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header = [c.value for c in ws[1]]
    assert header == rows[0], (ws.title, header, rows[0])
    assert ws.freeze_panes == "A2", (ws.title, ws.freeze_panes)
    assert ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith("A1:"), (ws.title, ws.auto_filter.ref)
    assert ws.max_row == len(rows), (ws.title, ws.max_row, len(rows))
    for r, row in enumerate(rows[1:], start=2):
        for c, text in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c)
            v = cell.value
            where = (ws.title, cell.coordinate, text, v)
            if text == "":
                assert v is None, where
            elif isinstance(v, str):
                assert v == text, where
            else:
                assert isinstance(v, (int, float)) and not isinstance(v, bool), where
                if "%" in cell.number_format:
                    assert abs(v * 100 - float(text)) < 1e-4, where
                else:
                    assert abs(v - float(text)) < 1e-4, where
                    if "." not in text:
                        assert isinstance(v, int) or float(v).is_integer(), where
        # every column is as wide as the writer chose, within Excel's sensible range
    for col, dim in ws.column_dimensions.items():
        assert 8 <= dim.width <= 61, (ws.title, col, dim.width)

freq = wb["Frequencies"]
assert freq["A2"].value == "a" and freq["D2"].value == 4 and isinstance(freq["D2"].value, int), freq["D2"].value
assert "%" in freq["F2"].number_format and abs(freq["F2"].value - 2 / 3) < 1e-9, freq["F2"].value

by = wb["Frequencies by kommune"]
header = [c.value for c in by[1]]
assert header[6:] == ["segments:Nord", "documents:Nord", "documents_pct:Nord", "segments:Süd", "documents:Süd",
                      "documents_pct:Süd"], header
typ = [c.value for c in wb["Frequencies by typ"][1]]
assert "segments:(no value)" in typ, typ

cooc = wb["Co-occurrence"]
assert [c.value for c in cooc[1]] == ["code", "n", "a/a1", "a/a2", "b/b1/x", "c"]
assert cooc["D2"].value == 1 and cooc["C2"].value is None  # a1 × a2 (one chain of overlaps in d1); the diagonal is empty
rules = [(str(cf.sqref), r.type) for cf in cooc.conditional_formatting for r in cf.rules]
assert rules == [("C2:F5", "colorScale")], rules  # n is left out

matrix = wb["Code×Document"]
assert [c.value for c in matrix[1]] == ["code", "label", "d1", "d2", "d3", "total"]
assert matrix["A9"].value == "total" and matrix["F9"].value == 9, (matrix["A9"].value, matrix["F9"].value)
rules = [(str(cf.sqref), r.type) for cf in matrix.conditional_formatting for r in cf.rules]
assert rules == [("C2:E8", "colorScale")], rules  # the totals row and column are left out

for name in ["Codebook", "Frequencies", "Segments", "Documents", "Memos"]:
    assert not wb[name].conditional_formatting, name

seg = wb["Segments"]
assert [c.value for c in seg[1]] == ["document", "code", "start", "end", "coder", "origin", "speaker", "text"]
assert seg["H2"].value == "Aaaa aaaa." and seg["C2"].value == 3 and isinstance(seg["C2"].value, int)

docs = wb["Documents"]
assert [c.value for c in docs[1]] == ["document", "format", "imported_at", "length", "speakers", "turns",
                                      "sentences", "attr:format", "kommune", "typ"], [c.value for c in docs[1]]
assert docs["I3"].value == "Süd" and docs["J3"].value is None and docs["H2"].value == "Interview"
memos = wb["Memos"]
assert [c.value for c in memos[1]][:2] == ["id", "on"], [c.value for c in memos[1]]
texts = [r[-1].value for r in memos.iter_rows(min_row=2)]
assert texts == ["Nord und Süd anders kodiert?", "Grenzfall: Frist oder Technik"], texts
print("ok")
)PY";

}  // namespace

BOOST_AUTO_TEST_SUITE(workbook)

BOOST_AUTO_TEST_CASE(sheets_in_order_with_their_tables) {
    TablesProject p;
    p.store.set_attribute(p.d1, "format", "Interview");
    const auto wb = exports::workbook_sheets(p.store, {});
    std::vector<std::string> titles;
    for (const auto& t : wb.sheets) titles.push_back(t.title);
    BOOST_TEST(titles == (Strings{"Codebook", "Frequencies", "Frequencies by format", "Frequencies by kommune",
                                  "Frequencies by typ", "Co-occurrence", "Code×Document", "Segments", "Documents",
                                  "Memos"}),
               boost::test_tools::per_element());
    BOOST_TEST(wb.styles.size() == wb.sheets.size());
    BOOST_TEST(wb.styles[5].color_scale);
    BOOST_TEST(wb.styles[6].color_scale);
    BOOST_TEST(!wb.styles[1].color_scale);
}

BOOST_AUTO_TEST_CASE(workbook_reads_back_equal_to_the_csv_tables) {
    TablesProject p;
    p.store.set_attribute(p.d1, "format", "Interview");
    coding::add_document_memo(p.store, "d2", "anna", "Nord und Süd anders kodiert?");
    coding::add_code_memo(p.store, "c", "ben", "Grenzfall: Frist oder Technik");
    testing::TempDir dir;
    const std::string path = (dir.path() / "qcode.xlsx").string();
    exports::write_workbook(p.store, path, {});
    BOOST_REQUIRE(std::filesystem::file_size(path) > 0);

    // The tables the sheets stand for, as `--format csv` writes them.
    const auto book = codebook::load_installed(p.store);
    BOOST_REQUIRE(book);
    std::vector<Table> tables{codebook::codebook_table(p.store, *book), analysis::frequency_table(p.store, {}, {})};
    for (const auto* attr : {"format", "kommune", "typ"}) {
        analysis::FrequencyOptions f;
        f.by = analysis::parse_group_by(std::string("attr:") + attr);
        tables.push_back(analysis::frequencies(p.store, {}, f));
    }
    tables.push_back(analysis::cooccurrence_table(p.store, {}, analysis::CoocOptions{}));
    tables.push_back(analysis::matrix_table(p.store, {}, analysis::MatrixOptions{}));
    tables.push_back(analysis::codings_table(p.store, {}, {}));
    tables.push_back(analysis::documents_table(p.store, {}));
    tables.push_back(coding::memo_table(coding::list_memos(p.store)));
    for (std::size_t i = 0; i < tables.size(); ++i) write_csv(tables[i], dir.path() / (std::to_string(i) + ".csv"));

    if (!have_openpyxl()) {
        BOOST_TEST_MESSAGE("skipping the openpyxl read-back: /usr/bin/python3 cannot import openpyxl");
        return;
    }
    const std::string script = dir.write("check.py", kCheckScript);
    BOOST_TEST(run("/usr/bin/python3 '" + script + "' '" + path + "' '" + dir.path().string() + "'") == 0);
}

BOOST_AUTO_TEST_CASE(filters_apply_to_every_sheet) {
    TablesProject p;
    exports::WorkbookOptions o;
    o.filter.documents = {"d2"};
    const auto wb = exports::workbook_sheets(p.store, o);
    const auto& docs = wb.sheets[wb.sheets.size() - 2];
    BOOST_TEST(docs.rows.size() == 1u);
    const auto& segments = wb.sheets[wb.sheets.size() - 3];
    BOOST_TEST(segments.rows.size() == 1u);  // c in d2
    const auto& freq = wb.sheets[1];
    BOOST_TEST(int_at(freq, row_of(freq, "c"), "segments") == 1);
}

BOOST_AUTO_TEST_CASE(memos_travel_with_the_workbook) {
    TablesProject p;
    BOOST_TEST(exports::workbook_sheets(p.store, {}).sheets.back().rows.empty());  // header only, no memo yet
    coding::add_document_memo(p.store, "d1", "anna", "Interview abgebrochen");
    coding::add_code_memo(p.store, "a/a1", "ben", "Abgrenzung zu a2 klären");
    const auto wb = exports::workbook_sheets(p.store, {});
    const auto& memos = wb.sheets.back();
    BOOST_TEST(memos.title == "Memos");
    BOOST_REQUIRE(memos.rows.size() == 2u);
    const int text = memos.find_column("text");
    BOOST_REQUIRE(text >= 0);
    BOOST_TEST(std::get<std::string>(memos.rows[0][text]) == "Interview abgebrochen");
    BOOST_TEST(std::get<std::string>(memos.rows[1][text]) == "Abgrenzung zu a2 klären");
}

BOOST_AUTO_TEST_SUITE_END()
