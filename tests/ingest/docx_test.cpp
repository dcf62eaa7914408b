// parse_docx: Word paragraphs become transcript lines read with the
// plain-text label rules; two-column (speaker | text) tables become one
// turn per row; the zip and the XML are treated as untrusted (DESIGN §3).
// The DOCX files are built here with libzip, so the tests need no Python.
#include <boost/test/unit_test.hpp>

#include <zip.h>

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/utf8.hpp"
#include "ingest/docx.hpp"
#include "ingest/ingest_fixture.hpp"
#include "ingest/roles.hpp"
#include "ingest/zip_fixture.hpp"
#include "support/temp_dir.hpp"

using namespace qcode;
using namespace qcode::ingest_test;
using qcode::ingest::DocxLimits;
using qcode::ingest::looks_like_zip;
using qcode::ingest::parse_docx;
using qcode::ingest::RoleRules;

namespace {

const std::string kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>)";

std::string package_rels(const std::string& target = "word/document.xml") {
    return R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
           R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target=")" +
           target + R"("/></Relationships>)";
}

const std::string kWordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

// The w:document element alone, and with the XML declaration.
std::string root_xml(const std::string& body, const std::string& prefix = "w") {
    return "<" + prefix + ":document xmlns:" + prefix + "=\"" + kWordNs + "\"><" + prefix + ":body>" + body + "</" +
           prefix + ":body></" + prefix + ":document>";
}
std::string document_xml(const std::string& body, const std::string& prefix = "w") {
    return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)" + root_xml(body, prefix);
}

// A complete minimal .docx whose body is `body` (w: elements).
std::string make_docx(const std::string& body) {
    return make_zip({{"[Content_Types].xml", kContentTypes},
                     {"_rels/.rels", package_rels()},
                     {"word/document.xml", document_xml(body)}});
}

std::string docx_with_xml(const std::string& xml) {
    return make_zip({{"[Content_Types].xml", kContentTypes},
                     {"_rels/.rels", package_rels()},
                     {"word/document.xml", xml}});
}

// <w:p> from raw run XML.
std::string p(const std::string& runs) { return "<w:p>" + runs + "</w:p>"; }
std::string r(const std::string& text) { return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>"; }
std::string bold(const std::string& text) { return "<w:r><w:rPr><w:b/></w:rPr><w:t>" + text + "</w:t></w:r>"; }
// A labelled paragraph as Word writes it: bold label run, then the text run.
std::string said(const std::string& label, const std::string& text) { return p(bold(label + ":") + r(" " + text)); }

std::string tc(const std::vector<std::string>& paragraphs) {
    std::string out = "<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/></w:tcPr>";
    for (const auto& text : paragraphs) out += p(r(text));
    return out + "</w:tc>";
}
std::string tr(const std::vector<std::vector<std::string>>& cells, bool header = false, bool header_off = false) {
    std::string out = "<w:tr>";
    if (header) out += "<w:trPr><w:tblHeader/></w:trPr>";
    if (header_off) out += "<w:trPr><w:tblHeader w:val=\"0\"/></w:trPr>";
    for (const auto& c : cells) out += tc(c);
    return out + "</w:tr>";
}
std::string tbl(const std::string& rows) {
    return "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/>"
           "</w:tblGrid>" + rows + "</w:tbl>";
}

Document parse(const std::string& bytes) { return parse_docx(bytes, RoleRules(), "t.docx"); }

std::vector<std::optional<std::int64_t>> starts_of(const std::vector<Unit>& units) {
    std::vector<std::optional<std::int64_t>> out;
    for (const auto& u : units) out.push_back(u.t_start_ms);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(docx)

BOOST_AUTO_TEST_CASE(recognises_zip_bytes) {
    BOOST_TEST(looks_like_zip(make_docx(p(r("x")))));
    BOOST_TEST(!looks_like_zip("I: Hallo"));
    BOOST_TEST(!looks_like_zip("PK"));
    BOOST_TEST(!looks_like_zip(""));
}

BOOST_AUTO_TEST_CASE(labelled_paragraphs_with_split_runs) {
    // Offsets (code points): [0,11) "Interview 1"; 11 \n; 12 \n (blank);
    // "I: " 13..15, [16,29) "Wie läuft es?"; 29 \n; "B: " 30..32, [33,37) "Gut.";
    // 37 \n; [38,53) "Zweiter Absatz."
    const std::string body = p(bold("Interview") + r(" 1")) + "<w:p/>" +
                             p(bold("I:") + r(" Wie l") + "<w:r><w:rPr><w:i/></w:rPr><w:t>äu</w:t></w:r>" +
                               r("ft es?")) +
                             p("<w:r><w:rPr><w:b/></w:rPr><w:t>B</w:t></w:r><w:r><w:t>:</w:t></w:r>" + r(" Gut.")) +
                             p(r("Zweiter ") + r("Absatz."));
    const auto d = parse(make_docx(body));
    BOOST_TEST(d.text == "Interview 1\n\nI: Wie läuft es?\nB: Gut.\nZweiter Absatz.");
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST(speakers_of(turns) == (Strings{"", "I", "B"}), boost::test_tools::per_element());
    const std::vector<Span> spans = {{0, 11}, {16, 29}, {33, 53}};
    BOOST_TEST(spans_of(turns) == spans, boost::test_tools::per_element());
    BOOST_TEST(slices_of(d, turns) == (Strings{"Interview 1", "Wie läuft es?", "Gut.\nZweiter Absatz."}),
               boost::test_tools::per_element());
    const auto paragraphs = units_of(d, UnitKind::paragraph);
    BOOST_TEST(slices_of(d, paragraphs) == (Strings{"Interview 1", "Wie läuft es?", "Gut.", "Zweiter Absatz."}),
               boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(d.speakers.size() == 2u);
    BOOST_TEST(d.speakers[0].label == "I");
    BOOST_TEST((d.speakers[0].role == Role::interviewer));
    BOOST_TEST(d.speakers[1].label == "B");
    BOOST_TEST((d.speakers[1].role == Role::respondent));
}

BOOST_AUTO_TEST_CASE(tabs_and_breaks_become_spaces) {
    const std::string body =
        p(bold("B:") + "<w:r><w:tab/><w:t>Eins</w:t><w:br/><w:t>zwei</w:t><w:cr/><w:t>drei</w:t>"
                       "<w:br w:type=\"page\"/><w:t>vier</w:t></w:r>") +
        p(r("AZR") + "<w:r><w:noBreakHyphen/></w:r>" + r("Zugang, Leistungs") + "<w:r><w:softHyphen/></w:r>" +
          r("berechtigte") + "<w:r><w:sym w:font=\"Wingdings\" w:char=\"F0E0\"/></w:r>" + r("."));
    const auto d = parse(make_docx(body));
    BOOST_TEST(d.text == "B: Eins zwei drei vier\nAZR-Zugang, Leistungsberechtigte.");
    const auto paragraphs = units_of(d, UnitKind::paragraph);
    BOOST_TEST(slices_of(d, paragraphs) == (Strings{"Eins zwei drei vier", "AZR-Zugang, Leistungsberechtigte."}),
               boost::test_tools::per_element());
    BOOST_TEST(speakers_of(paragraphs) == (Strings{"B", "B"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(paragraphs_are_trimmed_and_whitespace_runs_kept) {
    const std::string body = p(r("   ") + bold("B:") + r(" Hallo") + r(" ") + r("Welt") + "<w:r><w:tab/></w:r>" +
                               r("\xC2\xA0"));
    const auto d = parse(make_docx(body));
    BOOST_TEST(d.text == "B: Hallo Welt");
}

BOOST_AUTO_TEST_CASE(tracked_deletions_are_excluded) {
    const std::string del = "<w:del w:id=\"1\" w:author=\"A\"><w:r><w:delText xml:space=\"preserve\">per Fax "
                            "</w:delText></w:r></w:del>";
    const std::string ins = "<w:ins w:id=\"2\" w:author=\"A\">" + r("per E-Mail ") + "</w:ins>";
    const std::string move_from = "<w:moveFrom w:id=\"3\" w:author=\"A\">" + r("alt ") + "</w:moveFrom>";
    const std::string move_to = "<w:moveTo w:id=\"4\" w:author=\"A\">" + r("neu ") + "</w:moveTo>";
    // A whole paragraph deleted (its text and its mark) leaves no blank line.
    const std::string deleted_paragraph =
        "<w:p><w:pPr><w:rPr><w:del w:id=\"5\" w:author=\"A\"/></w:rPr></w:pPr><w:del w:id=\"6\" w:author=\"A\">"
        "<w:r><w:delText>Gestrichen.</w:delText></w:r></w:del></w:p>";
    const std::string body = said("I", "Wie?") + deleted_paragraph +
                             p(bold("B:") + r(" Wir fragen ") + del + ins + move_from + move_to + r("nach."));
    const auto d = parse(make_docx(body));
    BOOST_TEST(d.text == "I: Wie?\nB: Wir fragen per E-Mail neu nach.");
    BOOST_TEST(!contains(d.text, "Fax"));
    BOOST_TEST(!contains(d.text, "Gestrichen"));
}

BOOST_AUTO_TEST_CASE(runs_in_hyperlinks_fields_and_content_controls_are_included) {
    const std::string hyperlink = "<w:hyperlink r:id=\"rId5\" xmlns:r=\"http://schemas.openxmlformats.org/"
                                  "officeDocument/2006/relationships\">" + r("www.bamf.de") + "</w:hyperlink>";
    const std::string smart = "<w:smartTag w:uri=\"u\" w:element=\"place\">" + r("Südtal") + "</w:smartTag>";
    const std::string sdt = "<w:sdt><w:sdtPr><w:alias w:val=\"Ort\"/></w:sdtPr><w:sdtContent>" + r(" im Amt") +
                            "</w:sdtContent></w:sdt>";
    const std::string simple_field = "<w:fldSimple w:instr=\" PAGE \">" + r("7") + "</w:fldSimple>";
    // A complex field: the instruction is not text, the result is.
    const std::string complex_field =
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> DATE \\@ "
        "\"dd.MM.yyyy\" </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" +
        r("01.01.2025") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
    const std::string noise = "<w:proofErr w:type=\"spellStart\"/><w:bookmarkStart w:id=\"0\" w:name=\"x\"/>"
                              "<w:bookmarkEnd w:id=\"0\"/><w:commentRangeStart w:id=\"1\"/>";
    const std::string body = p(bold("B:") + r(" Siehe ") + hyperlink + r(" in ") + smart + sdt + noise + r(", Seite ") +
                               simple_field + r(", Stand ") + complex_field + r("."));
    const auto d = parse(make_docx(body));
    BOOST_TEST(d.text == "B: Siehe www.bamf.de in Südtal im Amt, Seite 7, Stand 01.01.2025.");
}

BOOST_AUTO_TEST_CASE(block_content_controls_and_text_boxes) {
    // A block-level content control holds paragraphs; a text box inside a
    // run (a drawing) is not part of the paragraph's line.
    const std::string box =
        "<w:r><w:pict><v:shape xmlns:v=\"urn:schemas-microsoft-com:vml\"><v:textbox><w:txbxContent>" +
        p(r("Kasten")) + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>";
    const std::string body = "<w:sdt><w:sdtContent>" + said("I", "Frage?") + "</w:sdtContent></w:sdt>" +
                             p(bold("B:") + r(" Antwort.") + box);
    const auto d = parse(make_docx(body));
    BOOST_TEST(d.text == "I: Frage?\nB: Antwort.");
}

BOOST_AUTO_TEST_CASE(text_is_nfc_and_escapes_are_decoded) {
    // "a" + combining diaeresis → "ä"; character references and CDATA are text.
    const std::string body = p(bold("B:") + r(" Beho\xCC\x88rde &amp; Amt &#x2013; &lt;gut&gt;") +
                               "<w:r><w:t><![CDATA[ & mehr]]></w:t></w:r>");
    const auto d = parse(make_docx(body));
    BOOST_TEST(d.text == "B: Behörde & Amt \xE2\x80\x93 <gut> & mehr");
}

BOOST_AUTO_TEST_CASE(any_namespace_prefix) {
    // Python's ElementTree, for one, writes ns0: instead of w:.
    const std::string body = "<ns0:p><ns0:r><ns0:t>B: Hallo.</ns0:t></ns0:r></ns0:p>";
    const auto d = parse(docx_with_xml(document_xml(body, "ns0")));
    BOOST_TEST(d.text == "B: Hallo.");
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST(speakers_of(turns) == (Strings{"B"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(leading_and_trailing_empty_paragraphs_are_dropped) {
    const auto d = parse(make_docx("<w:p/><w:p/>" + said("I", "Ja?") + "<w:p/>" + said("B", "Ja.") + "<w:p/><w:p/>"));
    BOOST_TEST(d.text == "I: Ja?\n\nB: Ja.");
}

BOOST_AUTO_TEST_CASE(two_column_speaker_table) {
    // Offsets: [0,5) "Titel"; "I: " 6..8 [9,15) "Frage?"; "B: " 16..18,
    // [19,32) "Antwort eins.", [33,46) "Antwort zwei."; "I: " 47..49 [50,56) "Danke."
    const std::string rows = tr({{"Sprecher"}, {"Text"}}) + tr({{"I"}, {"Frage?"}}) +
                             tr({{"B"}, {"Antwort eins.", "Antwort zwei."}}) + tr({{"I"}, {"Danke."}});
    const auto d = parse(make_docx(p(r("Titel")) + tbl(rows)));
    BOOST_TEST(d.text == "Titel\nI: Frage?\nB: Antwort eins.\nAntwort zwei.\nI: Danke.");
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST(speakers_of(turns) == (Strings{"", "I", "B", "I"}), boost::test_tools::per_element());
    const std::vector<Span> spans = {{0, 5}, {9, 15}, {19, 46}, {50, 56}};
    BOOST_TEST(spans_of(turns) == spans, boost::test_tools::per_element());
    const auto paragraphs = units_of(d, UnitKind::paragraph);
    BOOST_TEST(slices_of(d, paragraphs) == (Strings{"Titel", "Frage?", "Antwort eins.", "Antwort zwei.", "Danke."}),
               boost::test_tools::per_element());
    BOOST_TEST(d.speakers.size() == 2u);
}

BOOST_AUTO_TEST_CASE(speaker_table_header_variants_and_colons) {
    // Word's repeating header row, labels with colons, a row without a
    // speaker continuing the previous turn, names used twice.
    const std::string rows = tr({{"Person"}, {"Aussage"}}, true) + tr({{"Frau M.:"}, {"Wir fragen per E-Mail."}}) +
                             tr({{""}, {"Meistens jedenfalls."}}) + tr({{"Herr K.:"}, {"Bei uns auch."}}) +
                             tr({{"Frau M.:"}, {"Gut."}});
    const auto d = parse(make_docx(tbl(rows)));
    BOOST_TEST(d.text == "Frau M.: Wir fragen per E-Mail.\nMeistens jedenfalls.\nHerr K.: Bei uns auch.\nFrau M.: Gut.");
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST(speakers_of(turns) == (Strings{"Frau M.", "Herr K.", "Frau M."}), boost::test_tools::per_element());
    BOOST_TEST(slices_of(d, turns) == (Strings{"Wir fragen per E-Mail.\nMeistens jedenfalls.", "Bei uns auch.", "Gut."}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(header_row_switched_off_is_a_turn) {
    const auto d = parse(make_docx(tbl(tr({{"I"}, {"Wie?"}}, false, true) + tr({{"B"}, {"So."}}))));
    BOOST_TEST(d.text == "I: Wie?\nB: So.");
}

BOOST_AUTO_TEST_CASE(header_row_words_are_case_insensitive) {
    for (const std::string word : {"SPRECHER", "speaker", "Name:", "Sprecher*in"}) {
        const auto d = parse(make_docx(tbl(tr({{word}, {"Text"}}) + tr({{"I"}, {"Wie?"}}) + tr({{"B"}, {"So."}}))));
        BOOST_TEST(d.text == "I: Wie?\nB: So.", word);
    }
}

BOOST_AUTO_TEST_CASE(speaker_table_with_time_column) {
    const std::string rows = tr({{"Zeit"}, {"Sprecher"}, {"Text"}}) + tr({{"00:00:05"}, {"I"}, {"Beginnen wir."}}) +
                             tr({{"[00:01:23]"}, {"B"}, {"Gern."}}) + tr({{"#00:02:00-5#"}, {"I"}, {"Danke."}});
    const auto d = parse(make_docx(tbl(rows)));
    BOOST_TEST(d.text == "I: Beginnen wir.\nB: Gern.\nI: Danke.");
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST(speakers_of(turns) == (Strings{"I", "B", "I"}), boost::test_tools::per_element());
    const std::vector<std::optional<std::int64_t>> starts = {5'000, 83'000, 120'500};
    BOOST_TEST((starts_of(turns) == starts));
}

BOOST_AUTO_TEST_CASE(key_value_table_is_not_a_speaker_table) {
    // A metadata table (no repeated or conventional labels, no header):
    // its cells are header lines, and the labelled paragraphs make the turns.
    const std::string meta = tbl(tr({{"Datum"}, {"02.04.2025"}}) + tr({{"Ort"}, {"Südtal"}}));
    const auto d = parse(make_docx(meta + "<w:p/>" + said("I", "Wie?") + said("B", "So.")));
    BOOST_TEST(d.text == "Datum\n02.04.2025\nOrt\nSüdtal\n\nI: Wie?\nB: So.");
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST(speakers_of(turns) == (Strings{"", "I", "B"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_name_column_alone_does_not_make_a_speaker_table) {
    const std::string meta =
        tbl(tr({{"Name"}, {"Herr M."}}) + tr({{"Behörde"}, {"Sozialamt"}}) + tr({{"Datum"}, {"02.04.2025"}}));
    const auto d = parse(make_docx(meta + said("I", "Wie?") + said("B", "So.")));
    BOOST_TEST(d.text == "Name\nHerr M.\nBehörde\nSozialamt\nDatum\n02.04.2025\nI: Wie?\nB: So.");
    // With a text heading beside it, "Name" heads a speaker table.
    const auto t = parse(make_docx(tbl(tr({{"Name"}, {"Text"}}) + tr({{"Frau M."}, {"Ja."}}) +
                                       tr({{"Herr K."}, {"Nein."}}))));
    BOOST_TEST(t.text == "Frau M.: Ja.\nHerr K.: Nein.");
    BOOST_TEST(speakers_of(units_of(t, UnitKind::turn)) == (Strings{"Frau M.", "Herr K."}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(text_around_a_speaker_table_has_no_speaker) {
    const std::string rows = tr({{"I"}, {"Wie?"}}) + tr({{"B"}, {"So."}}) + tr({{"I"}, {"Danke."}});
    const auto d = parse(make_docx(p(r("Interview 3")) + "<w:p/>" + tbl(rows) + p(r("Ende der Aufnahme"))));
    BOOST_TEST(d.text == "Interview 3\n\nI: Wie?\nB: So.\nI: Danke.\nEnde der Aufnahme");
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST(speakers_of(turns) == (Strings{"", "I", "B", "I", ""}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_merged_row_in_a_speaker_table_is_not_speech) {
    std::string rows = tr({{"I"}, {"Eins?"}}) + tr({{"B"}, {"Eins."}}) + tr({{"(Unterbrechung)"}}) +
                       tr({{"I"}, {"Zwei?"}}) + tr({{"B"}, {"Zwei."}});
    const auto d = parse(make_docx(tbl(rows)));
    BOOST_TEST(d.text == "I: Eins?\nB: Eins.\n(Unterbrechung)\nI: Zwei?\nB: Zwei.");
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST(speakers_of(turns) == (Strings{"I", "B", "", "I", "B"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_table_of_other_shape_contributes_lines) {
    // Three columns, no times: not a speaker table.
    const std::string rows = tr({{"a"}, {"b"}, {"c"}}) + tr({{"d"}, {""}, {"e"}});
    const auto d = parse(make_docx(said("I", "Hier eine Tabelle:") + tbl(rows) + said("B", "Ja.")));
    BOOST_TEST(d.text == "I: Hier eine Tabelle:\na\nb\nc\nd\ne\nB: Ja.");
}

BOOST_AUTO_TEST_CASE(transform_sees_every_paragraph_before_labels_are_read) {
    // E.g. pseudonymisation: labels and text, paragraphs and table cells.
    std::vector<std::string> seen;
    const qcode::ingest::TextTransform rename = [&](std::string text) {
        seen.push_back(text);
        for (auto at = text.find("Meier"); at != std::string::npos; at = text.find("Meier", at))
            text.replace(at, 5, "Müller");
        return text;
    };
    const auto lines = parse_docx(make_docx(said("Frau Meier", "Ich bin Frau Meier.") + "<w:p/>" +
                                            said("Frau Meier", "Ja.")),
                                  RoleRules(), "t.docx", rename);
    BOOST_TEST(lines.text == "Frau Müller: Ich bin Frau Müller.\n\nFrau Müller: Ja.");
    BOOST_TEST(speakers_of(units_of(lines, UnitKind::turn)) == (Strings{"Frau Müller", "Frau Müller"}),
               boost::test_tools::per_element());
    BOOST_TEST(seen.size() == 2u);  // empty paragraphs are not passed

    const auto table = parse_docx(make_docx(tbl(tr({{"Sprecher"}, {"Text"}}) + tr({{"Herr Meier"}, {"Hallo."}}))),
                                  RoleRules(), "t.docx", DocxLimits{}, rename);
    BOOST_TEST(table.text == "Herr Müller: Hallo.");
}

BOOST_AUTO_TEST_CASE(main_part_found_through_package_relationships) {
    const auto bytes = make_zip({{"[Content_Types].xml", kContentTypes},
                                 {"_rels/.rels", package_rels("/word/document2.xml")},
                                 {"word/document2.xml", document_xml(said("B", "Hallo."))}});
    BOOST_TEST(parse(bytes).text == "B: Hallo.");
}

BOOST_AUTO_TEST_CASE(sample_file) {
    const auto path = std::filesystem::path(QCODE_SOURCE_DIR) / "samples" / "10_sozialamt_suedtal.docx";
    const auto d = parse_docx(qcode::testing::read_file(path), RoleRules(), path.string());
    const auto turns = units_of(d, UnitKind::turn);
    BOOST_TEST_REQUIRE(turns.size() == 18u);
    BOOST_TEST(turns[0].speaker == "");
    BOOST_TEST(slices_of(d, {turns[0]}) ==
                   (Strings{"Interview 10 \xE2\x80\x93 Sozialamt Landkreis Südtal (Leistungen nach AsylbLG und SGB "
                            "XII)\nDatum: 02.04.2025, Dauer: 12 Minuten\nBefragte Person: Sachbearbeiterin im "
                            "Sachgebiet Hilfe zum Lebensunterhalt\nTranskription: einfaches Transkript nach "
                            "Dresing/Pehl"}),
               boost::test_tools::per_element());
    for (std::size_t i = 1; i < turns.size(); ++i) BOOST_TEST(turns[i].speaker == (i % 2 == 1 ? "I" : "B"));
    BOOST_TEST_REQUIRE(d.speakers.size() == 2u);
    BOOST_TEST((d.speakers[0].role == Role::interviewer));
    BOOST_TEST((d.speakers[1].role == Role::respondent));

    // What Word's markup must turn into.
    BOOST_TEST(contains(d.text, "\nB: Direkt nicht. Wir haben keinen eigenen AZR-Zugang. (...)"));
    BOOST_TEST(contains(d.text, "eine Anfrage per E-Mail an die Ausländerbehörde, die sitzt"));
    BOOST_TEST(contains(d.text, "ungefähr 1.100 Leistungsberechtigte mit"));
    BOOST_TEST(contains(d.text, "\nI: Warum haben Sie keinen eigenen Zugang beantragt?\n"));
    BOOST_TEST(contains(d.text, "kommt per Mail, dann druckt"));
    BOOST_TEST(!contains(d.text, "Fax"));
    BOOST_TEST(contains(d.text, "die unsere Anfragen zentral bündelt."));
    BOOST_TEST(contains(d.text, "Der Personalmangel, auf beiden Seiten."));
    BOOST_TEST(contains(d.text, "allein liegt. Die Technik ist da"));
    BOOST_TEST(contains(d.text, "müssen das rückabwickeln. Das ist"));
    BOOST_TEST(!contains(d.text, "\t"));
    BOOST_TEST(!contains(d.text, "  "));

    std::size_t respondent_words = 0;
    const auto slices = slices_of(d, turns);
    for (std::size_t i = 0; i < turns.size(); ++i) {
        if (turns[i].speaker != "B") continue;
        bool in_word = false;
        for (char c : slices[i]) {
            const bool space = c == ' ' || c == '\n';
            respondent_words += !space && !in_word;
            in_word = !space;
        }
    }
    BOOST_TEST(respondent_words >= 600u, respondent_words);
}

BOOST_AUTO_TEST_CASE(error_not_a_zip) {
    const auto message = error_naming("a.docx", [] {
        parse_docx("I: Das ist eine Textdatei mit der Endung .docx.\n", RoleRules(), "a.docx");
    });
    BOOST_TEST(message == "not a zip archive (is it really a .docx?)");
}

BOOST_AUTO_TEST_CASE(error_old_doc_or_password_protected) {
    const std::string cfb = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0');
    const auto message = error_naming("a.docx", [&] { parse_docx(cfb, RoleRules(), "a.docx"); });
    BOOST_TEST(contains(message, "old Word .doc file or a password-protected document"), message);
}

BOOST_AUTO_TEST_CASE(error_truncated_zip) {
    const auto bytes = make_docx(said("B", "Ein Satz, der lang genug ist, um die Datei etwas größer zu machen."));
    const auto message = error_naming("a.docx", [&] { parse_docx(bytes.substr(0, bytes.size() / 2), RoleRules(), "a.docx"); });
    BOOST_TEST(contains(message, "truncated"), message);
}

BOOST_AUTO_TEST_CASE(error_zip_without_document) {
    const auto bytes = make_zip({{"[Content_Types].xml", kContentTypes}, {"readme.txt", "Hallo"}});
    const auto message = error_naming("a.docx", [&] { parse_docx(bytes, RoleRules(), "a.docx"); });
    BOOST_TEST(message == "a zip archive but not a Word document (no word/document.xml)");

    const auto odt = make_zip({{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", "<x/>"}});
    const auto odt_message = error_naming("b.docx", [&] { parse_docx(odt, RoleRules(), "b.docx"); });
    BOOST_TEST(contains(odt_message, "a zip archive but not a Word document (no word/document.xml)"));
    BOOST_TEST(contains(odt_message, "OpenDocument"));
}

BOOST_AUTO_TEST_CASE(error_document_over_the_size_cap) {
    // 1 MB of zeros deflates to about a kilobyte.
    const auto bytes = docx_with_xml(std::string(1'000'000, '0'));
    BOOST_TEST(bytes.size() < 10'000u);
    DocxLimits limits;
    limits.max_document_xml = 1000;
    const auto message = error_naming("a.docx", [&] { parse_docx(bytes, RoleRules(), "a.docx", limits); });
    BOOST_TEST(message == "word/document.xml unpacks to more than 1000 bytes; refusing (zip bomb?)");
    BOOST_TEST(DocxLimits{}.max_document_xml == std::size_t{64} << 20);
    BOOST_TEST(DocxLimits{}.max_entries == 10'000u);
}

BOOST_AUTO_TEST_CASE(error_too_many_entries) {
    Entries entries = {{"word/document.xml", document_xml(said("B", "Hallo."))}};
    for (int i = 0; i < 5; ++i) entries.emplace_back("word/media/" + std::to_string(i) + ".png", "x");
    DocxLimits limits;
    limits.max_entries = 5;
    const auto message = error_naming("a.docx", [&] { parse_docx(make_zip(entries), RoleRules(), "a.docx", limits); });
    BOOST_TEST(contains(message, "6 entries"), message);
}

BOOST_AUTO_TEST_CASE(error_malformed_xml) {
    const auto bytes = docx_with_xml(document_xml("<w:p><w:r><w:t>offen</w:r></w:p>"));
    const auto message = error_naming("a.docx", [&] { parse_docx(bytes, RoleRules(), "a.docx"); });
    BOOST_TEST(contains(message, "word/document.xml is not well-formed XML: "), message);
    BOOST_TEST(contains(message, " at byte "), message);
}

BOOST_AUTO_TEST_CASE(error_not_wordprocessingml) {
    const auto message = error_naming("a.docx", [&] { parse_docx(docx_with_xml("<html><body/></html>"), RoleRules(), "a.docx"); });
    BOOST_TEST(contains(message, "not WordprocessingML"), message);
}

BOOST_AUTO_TEST_CASE(error_doctype_with_entities_is_refused) {
    // An external entity (XXE) and an internal one: neither may be read or expanded.
    const std::string xxe = R"(<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">)"
                            R"(<!ENTITY name "EXPANDIERT">]>)" +
                            root_xml("<w:p><w:r><w:t>B: &xxe; &name;</w:t></w:r></w:p>");
    const auto message = error_naming("a.docx", [&] { parse_docx(docx_with_xml(xxe), RoleRules(), "a.docx"); });
    BOOST_TEST(contains(message, "DOCTYPE"), message);

    // Billion laughs: refused at once, nothing expanded.
    std::string laughs = R"(<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">)";
    for (int i = 1; i < 10; ++i) {
        laughs += "<!ENTITY lol" + std::to_string(i) + " \"";
        for (int k = 0; k < 10; ++k) laughs += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
        laughs += "\">";
    }
    laughs += "]>" + root_xml("<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>");
    const auto laughs_message = error_naming("a.docx", [&] { parse_docx(docx_with_xml(laughs), RoleRules(), "a.docx"); });
    BOOST_TEST(contains(laughs_message, "DOCTYPE"), laughs_message);
}

BOOST_AUTO_TEST_CASE(error_invalid_utf8) {
    const auto bytes = make_docx(p(r("B: Beh\xF6rde")));  // Latin-1 ö in a UTF-8 document
    const auto message = error_naming("a.docx", [&] { parse_docx(bytes, RoleRules(), "a.docx"); });
    BOOST_TEST(contains(message, "UTF-8"), message);
}

BOOST_AUTO_TEST_CASE(error_nesting_too_deep) {
    std::string inner = r("tief");
    for (int i = 0; i < 5000; ++i) inner = "<w:hyperlink>" + inner + "</w:hyperlink>";
    const auto message = error_naming("a.docx", [&] { parse_docx(make_docx(p(inner)), RoleRules(), "a.docx"); });
    BOOST_TEST(contains(message, "levels deep"), message);
}

BOOST_AUTO_TEST_SUITE_END()
