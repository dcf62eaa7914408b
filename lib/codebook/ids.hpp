#pragma once
// What every codebook importer needs: ids made from names (other formats
// name codes, qcode's YAML gives them ids), paths, stable GUIDs for REFI-QDA
// and the last step that turns an imported tree into a stored codebook.
#include <string>
#include <string_view>
#include <vector>

#include "codebook/codebook.hpp"

namespace qcode::codebook {

// A code id from a display name: German transliteration (ä → ae, ö → oe,
// ü → ue, ß → ss), other letters to ASCII (é → e), lower case, every run of
// other characters → one '_', no '_' at either end. "Technische Hürden" →
// "technische_huerden"; a name with no letters or digits gives "code".
std::string id_from_name(std::string_view name);

// `base`, or `base_2`, `base_3` … whichever no sibling uses yet.
std::string unique_id(const std::string& base, const std::vector<Code>& siblings);

// Sets `path` of every code from its id and its parents' ids.
void assign_paths(std::vector<Code>& codes, const std::string& parent = {});

// A deterministic GUID for a code path, in the form REFI-QDA wants
// (8-4-4-4-12 lower-case hex, version 4 and RFC 4122 variant bits set): the
// first 128 bits of SHA-256("qcode-code:" + path). Re-exporting the same
// codebook gives the same GUIDs.
std::string code_guid(std::string_view path);

// The codebook an importer built, made storable: its source becomes
// to_yaml(cb) (the project stores YAML), sha256 that text's digest, and the
// tree is read back from that text so patterns and lines are exactly what a
// later load of the project codebook sees. `source_path` is the imported file.
Codebook finish_import(Codebook cb, const std::string& source_path);

// Parses `source` as a pattern, or says why it is not one (`why`).
// Importers keep the patterns that parse and report the others. The words
// are folded with `fold` (the code's effective fold).
bool try_parse_pattern(const std::string& source, Pattern& out, std::string& why,
                       const text::FoldOptions& fold = {});

}  // namespace qcode::codebook
