#pragma once
// SHA-256 (FIPS 180-4) for content identity: a document's source bytes and a
// codebook's canonical text are recognised by their digest.
#include <string>
#include <string_view>

namespace qcode {

// Lower-case hex digest of `data`.
std::string sha256_hex(std::string_view data);

}  // namespace qcode
