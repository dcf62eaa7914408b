#pragma once
// The options that name a place in a document for hand coding and memos on
// codings: --doc NAME with one of --unit N [--kind K], --range S:E or
// --quote TEXT [--nth N].
#include <CLI/CLI.hpp>

#include <optional>
#include <string>

#include "coding/manual.hpp"

namespace qcode::cli {

struct PlaceOptions {
    std::string document;
    std::optional<std::uint32_t> unit;
    std::string kind = "sentence";
    std::string range;
    std::optional<std::string> quote;
    std::uint32_t nth = 1;

    // Adds --unit/--kind, --range, --quote/--nth (at most one of the three)
    // and, when `with_doc`, --doc.
    void add(CLI::App& cmd, bool with_doc);
    bool given() const { return unit || !range.empty() || quote; }
    coding::Selector selector() const;  // throws qcode::Error on a malformed --range
    coding::Target target(const std::string& code) const;
};

// --coder if given, else $QCODE_CODER, else the login name.
std::string coder_or_default(const std::string& coder);

}  // namespace qcode::cli
