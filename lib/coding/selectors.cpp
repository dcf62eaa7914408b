#include "coding/selectors.hpp"

#include <charconv>
#include <vector>

#include "codebook/suggest.hpp"
#include "core/error.hpp"
#include "text/normalize.hpp"

namespace qcode::coding {

namespace {

// Code points of valid UTF-8 (the store holds only valid text).
std::u32string decode(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        int n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        char32_t cp = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
        for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out.push_back(cp);
        i += n;
    }
    return out;
}

bool is_space(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f' || c == U'\v' || c == 0x00A0 ||
           c == 0x2028 || c == 0x2029 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x3000;
}

std::optional<std::uint32_t> parse_number(std::string_view s) {
    std::uint32_t n = 0;
    const auto* end = s.data() + s.size();
    const auto [p, ec] = std::from_chars(s.data(), end, n);
    if (s.empty() || ec != std::errc() || p != end) return std::nullopt;
    return n;
}

std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string shorten(std::string_view s, std::size_t max = 60) {
    if (s.size() <= max) return std::string(s);
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // not inside a code point
    return std::string(s.substr(0, cut)) + "…";
}

}  // namespace

Span parse_range(std::string_view text) {
    const auto colon = text.find(':');
    const auto start = colon == std::string_view::npos ? std::nullopt : parse_number(text.substr(0, colon));
    const auto end = colon == std::string_view::npos ? std::nullopt : parse_number(text.substr(colon + 1));
    if (!start || !end)
        throw Error("--range takes START:END in code points, 0-based, END excluded (e.g. --range 120:164), not '" +
                    std::string(text) + "'");
    if (*end <= *start)
        throw Error("--range " + std::string(text) + " is empty; END must be greater than START");
    return Span{*start, *end};
}

std::string describe(const Selector& s) {
    if (s.unit) return std::string(to_string(s.kind)) + " " + std::to_string(*s.unit);
    if (s.range) return "range " + std::to_string(s.range->start) + ":" + std::to_string(s.range->end);
    if (s.quote) {
        std::string d = "quote \"" + shorten(*s.quote) + "\"";
        if (s.nth != 1) d += " (occurrence " + std::to_string(s.nth) + ")";
        return d;
    }
    return "nothing";
}

store::DocumentInfo require_document(store::Store& store, std::string_view name) {
    if (auto d = store.find_document(name)) return *d;
    std::vector<std::string> names;
    for (const auto& d : store.documents()) names.push_back(d.name);
    std::vector<std::string_view> views(names.begin(), names.end());
    std::string msg = "no document '" + std::string(name) + "' in the project";
    if (auto guess = codebook::closest(name, views)) msg += "; did you mean '" + *guess + "'?";
    else msg += "; see `qcode info`";
    throw Error(msg, store.path());
}

store::CodeRow require_code(store::Store& store, std::string_view path) {
    const auto codes = store.codes();
    for (const auto& c : codes)
        if (c.path == path) return c;
    std::vector<std::string_view> paths;
    for (const auto& c : codes) paths.emplace_back(c.path);
    std::string msg = "no code '" + std::string(path) + "' in the project";
    // A bare id is a common shorthand: name the path it could mean.
    std::vector<std::string> by_id;
    for (const auto& c : codes)
        if (c.id_part() == path) by_id.push_back(c.path);
    if (by_id.size() == 1) msg += "; did you mean '" + by_id.front() + "'?";
    else if (auto guess = codebook::closest(path, paths)) msg += "; did you mean '" + *guess + "'?";
    else msg += "; see `qcode codebook show`";
    throw Error(msg, store.path());
}

std::optional<Span> find_quote(std::string_view text, std::string_view quote, std::uint32_t nth,
                               std::uint32_t* occurrences) {
    const auto hay = decode(text);
    // The quote as words: runs of non-space, white space between them.
    std::u32string needle;
    {
        const auto q = decode(text::nfc(quote));
        bool space = false;
        for (char32_t c : q) {
            if (is_space(c)) {
                space = !needle.empty();
                continue;
            }
            if (space) needle.push_back(U' ');
            space = false;
            needle.push_back(c);
        }
    }
    std::uint32_t count = 0;
    std::optional<Span> found;
    if (!needle.empty()) {
        for (std::size_t i = 0; i < hay.size();) {
            std::size_t h = i, n = 0;
            while (n < needle.size() && h < hay.size()) {
                if (needle[n] == U' ') {
                    if (!is_space(hay[h])) break;
                    while (h < hay.size() && is_space(hay[h])) ++h;
                    ++n;
                } else if (needle[n] == hay[h]) {
                    ++h, ++n;
                } else {
                    break;
                }
            }
            if (n == needle.size()) {
                if (++count == nth) found = Span{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(h)};
                i = h;  // occurrences do not overlap
            } else {
                ++i;
            }
        }
    }
    if (occurrences) *occurrences = count;
    return found;
}

Span resolve(store::Store& store, const store::DocumentInfo& document, const Selector& s) {
    const int given = (s.unit ? 1 : 0) + (s.range ? 1 : 0) + (s.quote ? 1 : 0);
    if (given != 1) throw Error("say where to code with exactly one of --unit N, --range START:END or --quote TEXT");
    const std::string doc = "'" + document.name + "'";

    if (s.unit) {
        const auto units = store.units(s.kind, document.id);
        for (const auto& u : units)
            if (u.ordinal == *s.unit) {
                if (u.span.length() == 0)
                    throw Error(describe(s) + " of " + doc + " is empty; choose another unit", store.path());
                return u.span;
            }
        const std::string kind(to_string(s.kind));
        throw Error("document " + doc + " has " + plural(units.size(), kind.c_str()) + "; there is no " + kind + " " +
                        std::to_string(*s.unit) + " (" + kind + "s count from 1 in each document)",
                    store.path());
    }

    if (s.range) {
        if (s.range->end > document.length)
            throw Error("range " + std::to_string(s.range->start) + ":" + std::to_string(s.range->end) + " ends past " +
                            doc + ", which has " + std::to_string(document.length) + " characters",
                        store.path());
        return *s.range;
    }

    if (s.nth == 0) throw Error("--nth counts from 1");
    std::uint32_t count = 0;
    const auto span = find_quote(store.document_text(document.id), *s.quote, s.nth, &count);
    if (span) return *span;
    const std::string q = "\"" + shorten(*s.quote) + "\"";
    if (s.quote->find_first_not_of(" \t\r\n") == std::string::npos) throw Error("--quote needs some text");
    if (count == 0)
        throw Error("no " + q + " in document " + doc +
                        "; a quote must match the text exactly (case and punctuation; line breaks count as spaces)",
                    store.path());
    throw Error(q + " occurs " + (count == 1 ? std::string("once") : std::to_string(count) + " times") + " in " + doc +
                    "; there is no occurrence " + std::to_string(s.nth),
                store.path());
}

}  // namespace qcode::coding
