#pragma once
// Codebook → YAML: the canonical, human-readable text of the whole model.
// Imported codebooks (QDC, CSV, QualCoder, dictionaries) are stored in the
// project as this text, so that every codebook the project holds is YAML
// the researcher can export, read and edit (DESIGN §4).
#include <string>
#include <string_view>

#include "codebook/codebook.hpp"

namespace qcode::codebook {

// The codebook as YAML that parse_yaml reads back to the same model (same
// tree, texts, colours, flags, units, scopes and pattern sources; lines and
// `source` differ). Patterns are always 'single-quoted', so `*x` and
// `"a phrase"` survive; multi-line texts become literal blocks (|).
std::string to_yaml(const Codebook& cb);

// `s` as one YAML scalar that reads back as exactly `s`: 'single-quoted',
// or "double-quoted" with escapes when it holds control characters. Exposed
// for the tests and for writers of YAML fragments.
std::string yaml_quote(std::string_view s);

}  // namespace qcode::codebook
