#pragma once
// The coding guide as one self-contained HTML page (no scripts, no external
// files): German headings, one table, texts escaped, readable in any
// browser and printable.
#include <string>

#include "codebook/codebook.hpp"

namespace qcode::codebook {

// The page for coding_guide(cb)'s rows: Kategorie (label, indented by
// depth, with the path below), Definition, Ankerbeispiele (a list),
// Kodierregeln, Muster (code-formatted; exclude patterns marked).
std::string coding_guide_html(const Codebook& cb);

// `s` with & < > " ' replaced by entities.
std::string html_escape(std::string_view s);

}  // namespace qcode::codebook
