#pragma once
// QualCoder's codebook as text: one code per line, its categories and name
// joined by ">>", then a TAB and the memo:
//   Hürden>>Technik>>Fehlende Schnittstellen<TAB>Daten werden händisch …
// Line breaks, tabs and backslashes in a memo are written \n, \t and \\.
#include <string>
#include <string_view>
#include <vector>

#include "codebook/codebook.hpp"

namespace qcode::codebook {

// One line per code in tree order (labels, description as memo). A code
// that is not codable, has children and no description is left to be
// implied by its children's lines (a QualCoder category).
std::string write_qualcoder_text(const Codebook& cb);

// Reads the text back into a tree: codes with the same label under the same
// parent are one code; ids come from the labels (id_from_name, unique among
// siblings). Codes that are only implied by a longer path are categories
// (codable: false); listed codes are codable. Blank lines are skipped. A
// name listed twice under one parent is two codes of that name (with a
// warning; lines below it belong to the later one), as write_qualcoder_text
// writes siblings with equal labels. An empty name is a qcode::Error naming
// `path` and the line. The result is finished for storing.
Codebook read_qualcoder_text(std::string_view text, const std::string& path, std::vector<std::string>& warnings);

}  // namespace qcode::codebook
