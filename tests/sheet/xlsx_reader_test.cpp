// The XLSX reader on workbooks as other programs write them: hand-made
// parts with the quirks of Excel (shared strings with rich text and
// phonetic runs, _xHHHH_ escapes), LibreOffice (inline strings, booleans),
// the .NET Open XML SDK (prefixed namespaces, absolute targets) and
// writers that leave out cell and row references.
#include <boost/test/unit_test.hpp>

#include "core/error.hpp"
#include "sheet/xlsx_reader.hpp"
#include "sheet_fixture.hpp"

using namespace qcode;
using namespace qcode::sheet;
using qcode::sheet_test::python;

namespace {

// Writes argv[1]: a workbook whose first sheet "Notizen" is not the coding
// sheet, whose second sheet "Coding" uses every cell type.
constexpr const char* kMakeWorkbook = R"PY(
import sys, zipfile
ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
parts = {
  "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  "_rels/.rels": f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="/xl/book.xml"/></Relationships>',
  "xl/book.xml": f'<?xml version="1.0"?><x:workbook {ns}><x:sheets><x:sheet name="Notizen" sheetId="1" r:id="rId7"/><x:sheet name="Coding" sheetId="2" r:id="rId3"/></x:sheets></x:workbook>',
  "xl/_rels/book.xml.rels": f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="{rel}/worksheet" Target="sheets/../sheets/coding.xml"/><Relationship Id="rId7" Type="{rel}/worksheet" Target="/xl/sheets/notes.xml"/><Relationship Id="rId9" Type="{rel}/sharedStrings" Target="strings.xml"/></Relationships>',
  "xl/strings.xml": f'<?xml version="1.0"?><x:sst {ns} count="4"><x:si><x:t>unit</x:t></x:si><x:si><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">Die </x:t></x:r><x:r><x:t>Schnittstelle</x:t></x:r><x:rPh sb="0" eb="1"><x:t>PHONETIC</x:t></x:rPh></x:si><x:si><x:t>Zeile_x000D_\nzwei _x005F_x0041_</x:t></x:si><x:si><x:t xml:space="preserve">  </x:t></x:si></x:sst>',
  "xl/sheets/notes.xml": f'<?xml version="1.0"?><x:worksheet {ns}><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>nur Notizen</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>',
  "xl/sheets/coding.xml": f'''<?xml version="1.0"?><x:worksheet {ns}><x:sheetData>
<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:r><x:t>te</x:t></x:r><x:r><x:t>xt</x:t></x:r></x:is></x:c></x:row>
<x:row r="3"><x:c r="A3" t="s"><x:v>1</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c t="str"><x:f>A1</x:f><x:v>unit</x:v></x:c><x:c><x:v>1.0</x:v></x:c><x:c r="AA3"><x:v>0.25</x:v></x:c></x:row>
<x:row><x:c t="s"><x:v>2</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c t="s"><x:v>3</x:v></x:c><x:c r="E4" t="n"/></x:row>
</x:sheetData></x:worksheet>''',
}
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for name, text in parts.items():
        z.writestr(name, text.encode("utf-8"))
)PY";

}  // namespace

BOOST_AUTO_TEST_SUITE(xlsx_reader)

BOOST_AUTO_TEST_CASE(reads_what_other_programs_write) {
    testing::TempDir dir;
    const auto path = (dir.path() / "other.xlsx").string();
    BOOST_REQUIRE(python(dir, kMakeWorkbook, {path}) == 0);
    const auto bytes = testing::read_file(path);
    BOOST_TEST(xlsx_sheet_names(bytes, path) == (std::vector<std::string>{"Notizen", "Coding"}),
               boost::test_tools::per_element());
    BOOST_TEST(read_xlsx_sheet(bytes, path).name == "Notizen");  // no preference: the first

    const auto sheet = read_xlsx_sheet(bytes, path, "Coding");
    BOOST_TEST(sheet.name == "Coding");
    BOOST_REQUIRE_EQUAL(sheet.rows.size(), 4u);
    using V = std::vector<std::string>;
    BOOST_TEST(sheet.rows[0] == (V{"unit", "", "text"}), boost::test_tools::per_element());
    BOOST_TEST(sheet.rows[1].empty());
    V row3(27);
    row3[0] = "Die Schnittstelle";  // rich text runs joined, the phonetic run left out
    row3[1] = "TRUE";
    row3[2] = "unit";               // a formula's cached string
    row3[3] = "1";                  // "1.0" is the number 1
    row3[26] = "0.25";              // AA3
    BOOST_TEST(sheet.rows[2] == row3, boost::test_tools::per_element());
    // Row 4 has no r attributes: it follows row 3, cells follow each other.
    BOOST_TEST(sheet.rows[3] == (V{"Zeile\r\nzwei _x0041_", "#N/A", "  "}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(damaged_files_are_errors_naming_the_file) {
    testing::TempDir dir;
    auto message = [&](std::string_view bytes) {
        try {
            read_xlsx_sheet(bytes, "kaputt.xlsx");
        } catch (const Error& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    BOOST_TEST(message("unit,text\n").find("kaputt.xlsx: not a zip archive (is it really an .xlsx workbook?)") == 0u);
    const auto zip = (dir.path() / "plain.zip").string();
    BOOST_REQUIRE(python(dir, "import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], 'w') as z: z.writestr('a.txt', 'x')\n",
                         {zip}) == 0);
    BOOST_TEST(message(testing::read_file(zip)).find("no xl/workbook.xml") != std::string::npos);
    const auto broken = (dir.path() / "broken.xlsx").string();
    BOOST_REQUIRE(python(dir, R"PY(
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    z.writestr('xl/workbook.xml', '<workbook><sheets><sheet name="S" r:id="rId1" xmlns:r="x"/></sheets></workbook>')
    z.writestr('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" Type="a/worksheet" Target="worksheets/s.xml"/></Relationships>')
    z.writestr('xl/worksheets/s.xml', '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>5</v></c></row></sheetData></worksheet>')
)PY",
                         {broken}) == 0);
    BOOST_TEST(message(testing::read_file(broken)).find("cell A1 names shared string 5 of 0") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(column_letters) {
    BOOST_TEST(column_index("A") == 0);
    BOOST_TEST(column_index("z") == 25);
    BOOST_TEST(column_index("AA") == 26);
    BOOST_TEST(column_index("XFD") == 16383);
    BOOST_TEST(column_index("XFE") == -1);
    BOOST_TEST(column_index("") == -1);
    BOOST_TEST(column_index("A1") == -1);
}

BOOST_AUTO_TEST_SUITE_END()
