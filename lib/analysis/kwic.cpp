#include "analysis/kwic.hpp"

#include <algorithm>

#include "analysis/code_segments.hpp"
#include "autocode/matcher.hpp"
#include "codebook/codebook.hpp"
#include "core/error.hpp"
#include "core/kwic_line.hpp"
#include "core/utf8.hpp"
#include "text/tokenize.hpp"

namespace qcode::analysis {

Table kwic_table(store::Store& store, const store::CodingFilter& filter, const KwicOptions& options) {
    // The pattern as the one rule of a one-code codebook, so that KWIC
    // matches exactly as autocoding does (the matcher's evaluator).
    codebook::Codebook book;
    codebook::Code code;
    code.id = code.path = code.label = "kwic";
    code.fold = options.fold;
    try {
        code.patterns.push_back(codebook::parse_pattern(options.pattern, options.fold));
    } catch (const Error& e) {
        throw Error("pattern '" + options.pattern + "': " + e.message());
    }
    book.codes.push_back(std::move(code));
    const autocode::Matcher matcher(book, UnitKind::turn);
    for (const auto& wanted : filter.documents)
        if (!store.find_document(wanted))
            throw Error("no document named '" + wanted + "' in the project; see `qcode info` for the names");

    Table t;
    t.title = "KWIC " + options.pattern;
    if (options.fold != text::FoldOptions{}) t.title += " (fold: " + text::to_string(options.fold) + ")";
    t.column("document").column("speaker").column("role").column("left").column("keyword").column("right");
    t.column("start", ColumnType::integer).column("end", ColumnType::integer);

    auto documents = filtered_documents(store, filter);
    std::stable_sort(documents.begin(), documents.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    for (const auto& doc : documents) {
        const auto text = store.document_text(doc.id);
        const utf8::Index index(text);
        const auto tokens = text::tokenize(text);
        auto prepared = matcher.prepare(text, tokens, doc.name);
        std::vector<Span> found;
        std::size_t k = 0;
        for (const auto& turn : store.units(UnitKind::turn, doc.id)) {
            while (k < tokens.size() && tokens[k].span.start < turn.span.start) ++k;
            std::size_t end = k;
            while (end < tokens.size() && tokens[end].span.end <= turn.span.end) ++end;
            const bool role_ok = filter.roles.empty() || (turn.role && std::find(filter.roles.begin(), filter.roles.end(),
                                                                                 *turn.role) != filter.roles.end());
            const bool speaker_ok = options.speakers.empty() || std::find(options.speakers.begin(), options.speakers.end(),
                                                                          turn.speaker) != options.speakers.end();
            if (role_ok && speaker_ok) {
                found.clear();
                matcher.find_all(prepared, turn.span, k, end, 0, found);
                for (const auto& m : found) {
                    const std::uint32_t start = m.start, stop = m.end;
                    // Context inside the turn, cut at a word boundary.
                    auto line = kwic_line(text, index, turn.span, m, options.window);
                    t.add_row({doc.name, turn.speaker, turn.role ? std::string(to_string(*turn.role)) : std::string(),
                               std::move(line.left), std::move(line.keyword), std::move(line.right),
                               std::int64_t(start), std::int64_t(stop)});
                }
            }
            k = end;
        }
    }
    return t;
}

}  // namespace qcode::analysis
