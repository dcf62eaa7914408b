#pragma once
// Shared by the autocode tests: codebooks written as YAML in the test, a
// matcher asked about one text, and a project in a scratch directory whose
// codings are read back as the text they cover.
#include <algorithm>
#include <optional>
#include <stdexcept>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "autocode/matcher.hpp"
#include "autocode/run.hpp"
#include "codebook/codebook.hpp"
#include "codebook/project.hpp"
#include "core/model.hpp"
#include "core/utf8.hpp"
#include "ingest/import.hpp"
#include "store/store.hpp"
#include "support/temp_dir.hpp"
#include "text/normalize.hpp"
#include "text/tokenize.hpp"

namespace qcode {
inline std::ostream& operator<<(std::ostream& os, const Span& s) { return os << '[' << s.start << ',' << s.end << ')'; }
}  // namespace qcode

namespace qcode::autocode_test {

using Strings = std::vector<std::string>;

// A YAML single-quoted scalar: '*wort' would otherwise be an alias and
// "zwei worte" would lose its quotes.
inline std::string yaml_quoted(std::string_view s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

// One code of a test codebook.
struct CodeSpec {
    std::string id;
    Strings patterns;
    Strings exclude = {};
    std::string extra = {};  // further YAML keys, e.g. "unit: paragraph"
};

// A flat codebook (top-level codes only) as YAML; `defaults` is the
// content of the defaults map, if any.
inline std::string codebook_yaml(const std::vector<CodeSpec>& codes, const std::string& defaults = {}) {
    std::string y = "codebook: Test\nversion: 1\nlanguage: de\n";
    if (!defaults.empty()) y += "defaults: { " + defaults + " }\n";
    y += "codes:\n";
    for (const auto& c : codes) {
        y += "  - id: " + c.id + "\n    label: Code " + c.id + "\n";
        if (!c.extra.empty()) y += "    " + c.extra + "\n";
        if (!c.patterns.empty()) {
            y += "    patterns:\n";
            for (const auto& p : c.patterns) y += "      - " + yaml_quoted(p) + "\n";
        }
        if (!c.exclude.empty()) {
            y += "    exclude:\n";
            for (const auto& p : c.exclude) y += "      - " + yaml_quoted(p) + "\n";
        }
    }
    return y;
}

inline codebook::Codebook make_codebook(const std::vector<CodeSpec>& codes, const std::string& defaults = {}) {
    return codebook::parse_yaml(codebook_yaml(codes, defaults), "test.yaml");
}

// Asks a matcher about the whole of `text` (one unit) for every code;
// per code path the rule that fired.
struct MatchOutcome {
    std::vector<std::pair<std::string, std::string>> hits;  // (code path, rule source), in code order
    bool has(const std::string& path) const {
        return std::any_of(hits.begin(), hits.end(), [&](const auto& h) { return h.first == path; });
    }
    std::optional<std::string> rule(const std::string& path) const {
        for (const auto& h : hits)
            if (h.first == path) return h.second;
        return std::nullopt;
    }
};

inline MatchOutcome match_text(const codebook::Codebook& cb, std::string_view text) {
    const autocode::Matcher m(cb, std::nullopt);
    const auto normalized = text::nfc(text);
    const auto tokens = text::tokenize(normalized);
    auto prepared = m.prepare(normalized, tokens, "test");
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < m.codes().size(); ++i) candidates.push_back(i);
    std::vector<autocode::Hit> hits;
    const Span unit{0, static_cast<std::uint32_t>(utf8::length(normalized))};
    m.match(prepared, unit, 0, tokens.size(), candidates, hits);
    MatchOutcome out;
    for (const auto& h : hits) out.hits.emplace_back(m.codes().at(h.code).path, h.rule->source);
    return out;
}

// True when the one-pattern code `p` fires somewhere in `text`.
inline bool matches(const std::string& pattern, std::string_view text) {
    return match_text(make_codebook({{"k", {pattern}}}), text).has("k");
}

// A project in a scratch directory.
struct Project {
    testing::TempDir dir;
    store::Store store = store::Store::create((dir.path() / "p.qcode").string());

    void import(const std::string& file_name, const std::string& content) {
        const auto path = dir.write(file_name, content);
        ingest::import_files(store, {path}, {});
    }

    codebook::Codebook install(const std::vector<CodeSpec>& codes, const std::string& defaults = {}) {
        auto cb = make_codebook(codes, defaults);
        codebook::install(store, cb);
        return cb;
    }

    Id code_id(const std::string& path) {
        const auto c = store.find_code(path);
        if (!c) throw std::runtime_error("no code " + path);
        return c->id;
    }

    Id document_id(const std::string& name) {
        const auto d = store.find_document(name);
        if (!d) throw std::runtime_error("no document " + name);
        return d->id;
    }

    std::string slice(Id document, Span span) {
        const auto text = store.document_text(document);
        const utf8::Index index(text);
        return std::string(utf8::slice(text, index, span.start, span.end));
    }

    // The texts coded with `path` (any coder, any origin), in document order.
    Strings coded(const std::string& path) {
        const auto id = code_id(path);
        Strings out;
        for (const auto& c : store.codings())
            if (c.code == id) out.push_back(slice(c.document, c.span));
        return out;
    }

    std::vector<store::CodingRow> codings_of(const std::string& path) {
        const auto id = code_id(path);
        std::vector<store::CodingRow> out;
        for (auto& c : store.codings())
            if (c.code == id) out.push_back(std::move(c));
        return out;
    }
};

}  // namespace qcode::autocode_test
