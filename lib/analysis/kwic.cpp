#include "analysis/kwic.hpp"

#include <algorithm>

#include "analysis/code_segments.hpp"
#include "codebook/pattern.hpp"
#include "core/error.hpp"
#include "core/utf8.hpp"
#include "text/tokenize.hpp"

namespace qcode::analysis {

namespace {

bool word_matches(const codebook::WordGlob& g, const std::string& token) {
    switch (g.kind) {
        case codebook::WordGlob::Kind::exact: return token == g.literal;
        case codebook::WordGlob::Kind::prefix: return token.starts_with(g.literal);
        case codebook::WordGlob::Kind::suffix: return token.ends_with(g.literal);
        case codebook::WordGlob::Kind::infix: return token.find(g.literal) != std::string::npos;
        case codebook::WordGlob::Kind::any: return true;
        case codebook::WordGlob::Kind::general: return codebook::glob_match(g.text, token);
    }
    return false;
}

// Line breaks and tabs as spaces, runs of spaces as one.
std::string one_line(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
        if (c == ' ' && !out.empty() && out.back() == ' ') continue;
        out += c;
    }
    return out;
}

std::string trim(std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    std::size_t b = 0;
    while (b < s.size() && s[b] == ' ') ++b;
    return s.substr(b);
}

}  // namespace

Table kwic_table(store::Store& store, const store::CodingFilter& filter, const KwicOptions& options) {
    codebook::Pattern pattern;
    try {
        pattern = codebook::parse_pattern(options.pattern);
    } catch (const Error& e) {
        throw Error("pattern '" + options.pattern + "': " + e.message());
    }
    for (const auto& wanted : filter.documents)
        if (!store.find_document(wanted))
            throw Error("no document named '" + wanted + "' in the project; see `qcode info` for the names");

    Table t;
    t.title = "KWIC " + options.pattern;
    t.column("document").column("speaker").column("role").column("left").column("keyword").column("right");
    t.column("start", ColumnType::integer).column("end", ColumnType::integer);
    const std::size_t n = pattern.words.size();

    auto documents = filtered_documents(store, filter);
    std::stable_sort(documents.begin(), documents.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    for (const auto& doc : documents) {
        const auto text = store.document_text(doc.id);
        const utf8::Index index(text);
        const auto tokens = text::tokenize(text);
        auto slice = [&](std::size_t a, std::size_t b) { return std::string(utf8::slice(text, index, a, b)); };
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
                for (std::size_t i = k; i + n <= end; ++i) {
                    bool ok = true;
                    for (std::size_t w = 0; ok && w < n; ++w) ok = word_matches(pattern.words[w], tokens[i + w].folded);
                    if (!ok) continue;
                    const std::uint32_t start = tokens[i].span.start, stop = tokens[i + n - 1].span.end;
                    // Context inside the turn, cut at a word boundary.
                    const std::uint32_t left_from =
                        start - std::min<std::uint32_t>(start - turn.span.start, static_cast<std::uint32_t>(options.window));
                    std::string left = one_line(slice(left_from, start));
                    if (left_from > turn.span.start) {
                        const auto space = left.find(' ');
                        left = "…" + (space == std::string::npos ? std::string() : left.substr(space + 1));
                    }
                    const std::uint32_t right_to =
                        stop + std::min<std::uint32_t>(turn.span.end - stop, static_cast<std::uint32_t>(options.window));
                    std::string right = one_line(slice(stop, right_to));
                    if (right_to < turn.span.end) {
                        const auto space = right.rfind(' ');
                        right = (space == std::string::npos ? std::string() : right.substr(0, space)) + "…";
                    }
                    t.add_row({doc.name, turn.speaker, turn.role ? std::string(to_string(*turn.role)) : std::string(),
                               trim(std::move(left)), one_line(slice(start, stop)), trim(std::move(right)),
                               std::int64_t(start), std::int64_t(stop)});
                }
            }
            k = end;
        }
    }
    return t;
}

}  // namespace qcode::analysis
