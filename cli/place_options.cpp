#include "place_options.hpp"

namespace qcode::cli {

void PlaceOptions::add(CLI::App& cmd, bool with_doc) {
    if (with_doc) cmd.add_option("--doc", document, "Document name")->required();
    auto* u = cmd.add_option("--unit", unit, "The N-th unit of the document (1 = first), of --kind")
                  ->check(CLI::PositiveNumber);
    cmd.add_option("--kind", kind, "Unit kind for --unit: sentence (default), turn or paragraph")
        ->check(CLI::IsMember({"sentence", "turn", "paragraph"}))
        ->needs(u);
    auto* r = cmd.add_option("--range", range, "Code points START:END (0-based, END excluded)");
    auto* q = cmd.add_option("--quote", quote, "The first occurrence of this text (exactly as in the document)");
    cmd.add_option("--nth", nth, "With --quote: the N-th occurrence instead of the first")
        ->check(CLI::PositiveNumber)
        ->needs(q);
    u->excludes(r)->excludes(q);
    r->excludes(q);
}

coding::Selector PlaceOptions::selector() const {
    coding::Selector s;
    s.unit = unit;
    s.kind = *parse_unit_kind(kind);
    if (!range.empty()) s.range = coding::parse_range(range);
    s.quote = quote;
    s.nth = nth;
    return s;
}

coding::Target PlaceOptions::target(const std::string& code) const {
    return coding::Target{code, document, selector()};
}

std::string coder_or_default(const std::string& coder) {
    return coder.empty() ? coding::default_coder() : coder;
}

}  // namespace qcode::cli
