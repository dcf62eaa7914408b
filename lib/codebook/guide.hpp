#pragma once
// The coding guide (Kodierleitfaden) of qualitative content analysis after
// Mayring: one row per category with its definition, anchor examples
// (Ankerbeispiele) and coding rules (Kodierregeln), plus qcode's patterns.
// Built as a Table, so every table writer (Markdown, XLSX, CSV …) renders
// it; HTML has its own renderer (guide_html.hpp).
#include "codebook/codebook.hpp"
#include "table/table.hpp"

namespace qcode::codebook {

// Columns, German as the guide is: Kategorie (the code path), Bezeichnung
// (label), Definition (the definition; the description when there is none),
// Ankerbeispiele (one per line), Kodierregeln, Muster (patterns separated
// by "; ", then a line "ausgenommen: …" with the exclude patterns). One row
// per code, parents before children. Title: "Kodierleitfaden: NAME".
Table coding_guide(const Codebook& cb);

// The definition the guide shows for a code (see above).
const std::string& guide_definition(const Code& code);

// The Muster cell for a code (see above).
std::string guide_patterns(const Code& code);

}  // namespace qcode::codebook
