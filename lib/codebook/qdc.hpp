#pragma once
// REFI-QDA Codebook Exchange (.qdc, QDA-XML codebook 1.0): the format MAXQDA,
// ATLAS.ti, NVivo and QualCoder import and export code systems in.
//
// What the format holds: a tree of codes with name, colour, "is codable"
// and one free-text Description; no ids, no rules, no extension point
// (Codebook.xsd has no xsd:any or anyAttribute). qcode maps:
//   name ← label, isCodable ← codable, color ← color, nesting ← children,
//   guid ← code_guid(path) (stable across exports),
//   Description ← the description, then — unless plain descriptions are
//   asked for — labelled paragraphs the way German researchers write code
//   memos in MAXQDA: "Definition: …", "Ankerbeispiele:" with "- " items,
//   "Kodierregeln: …", and qcode's own fields marked "(qcode)": "Muster
//   (qcode):", "Ausschluss (qcode):" (one pattern per "- " line),
//   "Einheit (qcode): …", "Sprecher (qcode): …", the scope keys
//   "Sprecherkürzel (qcode):" (one label per "- " line),
//   "Dokumentvariablen (qcode):" ("- name = value", one line per value),
//   "Innerhalb (qcode): path", "Kontext (qcode): n", "Faltung (qcode):
//   case, umlauts" (the code's fold: its own, or — for a code with
//   patterns or excludes — the codebook default when that is more than
//   case), and "ID (qcode): …" when the id is not the one the label gives
//   (id_from_name).
// Reading parses those paragraphs back, so qcode → QDC → qcode keeps the
// whole code tree, and every code's rules match as before; what QDC cannot
// hold (codebook name, version, language, defaults) is taken from the file
// name and qcode's defaults.
#include <string>
#include <string_view>
#include <vector>

#include "codebook/codebook.hpp"

namespace qcode::codebook {

struct QdcWriteOptions {
    std::string origin = "qcode";  // CodeBook/@origin
    // Only the description in <Description>; definition, anchor examples,
    // coding rules, patterns … are left out.
    bool plain_descriptions = false;
};

// The codebook as a QDC document (UTF-8, no BOM) that validates against
// Codebook.xsd. Throws qcode::Error for a codebook without codes (the
// schema needs at least one).
std::string write_qdc(const Codebook& cb, const QdcWriteOptions& options = {});

// Reads a .qdc, or the <CodeBook> of a REFI-QDA project file (.qde), the
// way real files come: with or without BOM and namespace (NVivo's
// "codebook:1:0", ATLAS.ti's), isCodable missing (= true), colours without
// '#' or in 3 digits, hierarchy as nesting or as ATLAS.ti's "Parent::Child"
// names, Sets anywhere (ignored, with a warning). Ids come from "ID (qcode):"
// or the name (id_from_name, made unique among siblings). The result is
// finished for storing (finish_import). Throws qcode::Error naming `path`
// and the line for XML that does not parse or has no codes. Everything
// left out is reported in `warnings` as "path:line: …".
Codebook read_qdc(std::string_view xml, const std::string& path, std::vector<std::string>& warnings);

// The <Description> text qcode writes for a code (see above), and its
// inverse, which fills description, definition, anchor examples, coding
// rules, patterns, exclude, unit, speakers, the scope keys, the fold and
// (returned) an explicit id. `default_fold` is the codebook's
// (Defaults::fold): a code with patterns and no fold of its own is written
// with it unless it is plain case. Reading parses the patterns with the
// fold read (case when there is none).
std::string qdc_description(const Code& code, bool plain = false, const text::FoldOptions& default_fold = {});
std::string parse_qdc_description(std::string_view text, Code& code, std::vector<std::string>& problems);

}  // namespace qcode::codebook
