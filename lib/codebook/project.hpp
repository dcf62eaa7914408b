#pragma once
// A codebook in a project: importing one stores its source and upserts its
// code tree (codings of codes that left the codebook are never dropped);
// loading returns the codebook autocoding should apply.
#include <optional>
#include <string>
#include <vector>

#include "codebook/codebook.hpp"
#include "store/store.hpp"

namespace qcode::codebook {

struct InstallReport {
    std::size_t codes = 0;
    std::size_t leaves = 0;
    std::vector<std::string> kept_coded;  // codes gone from the codebook but kept for their codings
};

// Stores `cb` as the project's codebook in one transaction.
InstallReport install(store::Store& store, const Codebook& cb);

// The project's codebook, parsed from its stored source; nothing if none.
std::optional<Codebook> load_installed(store::Store& store);

}  // namespace qcode::codebook
