#include "ingest/pseudonyms.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/error.hpp"
#include "core/utf8.hpp"
#include "ingest/csv_reader.hpp"
#include "ingest/decode.hpp"
#include "text/normalize.hpp"

namespace qcode::ingest {

namespace {

bool is_blank(char32_t c) { return c == U' ' || c == U'\t'; }

// Letters, digits and combining marks make words (see pseudonyms.hpp).
bool is_word_char(char32_t c) {
    const auto cp = static_cast<UChar32>(c);
    if (u_isalnum(cp)) return true;
    const auto type = u_charType(cp);
    return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK;
}

std::u32string code_points(std::string_view s) {
    std::u32string out;
    std::int32_t i = 0;
    const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
    const auto n = static_cast<std::int32_t>(s.size());
    while (i < n) {
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        out += static_cast<char32_t>(c < 0 ? 0xFFFD : c);
    }
    return out;
}

// ICU full case folding of one code point (ß → "ss").
void append_folded(std::u32string& out, char32_t c) {
    if (c < 0x80) {
        out += (c >= U'A' && c <= U'Z') ? c - U'A' + U'a' : c;
        return;
    }
    icu::UnicodeString u(static_cast<UChar32>(c));
    u.foldCase(U_FOLD_CASE_DEFAULT);
    for (std::int32_t i = 0; i < u.length();) {
        const UChar32 f = u.char32At(i);
        out += static_cast<char32_t>(f);
        i += U16_LENGTH(f);
    }
}

// An original as it is matched: folded, blanks collapsed to one space, trimmed.
std::u32string pattern_of(std::string_view original) {
    std::u32string folded;
    for (char32_t c : code_points(original)) append_folded(folded, c);
    std::u32string out;
    for (char32_t c : folded) {
        if (is_blank(c)) {
            if (!out.empty() && out.back() != U' ') out += U' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == U' ') out.pop_back();
    return out;
}

std::string trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return std::string(s);
}

struct Entry {
    std::u32string pattern;
    std::string original;
    std::string replacement;
    bool word_start;  // the pattern starts with a word character: needs a boundary before
    bool word_end;    // … ends with one: needs a boundary after
};

}  // namespace

PseudonymTable parse_pseudonyms(std::string_view csv_text, const std::string& file) {
    const auto rows = parse_csv(csv_text, file);
    if (rows.empty()) throw Error("the pseudonym table is empty; it needs the header original,replacement", file, 1);
    const auto& header = rows.front();
    if (header.fields.size() != 2 || text::fold_case(trim(header.fields[0])) != "original" ||
        text::fold_case(trim(header.fields[1])) != "replacement")
        throw Error("the first row of a pseudonym table must be the header original,replacement", file, header.line);
    PseudonymTable table;
    std::map<std::u32string, std::pair<int, std::string>> seen;  // pattern → line, replacement
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto& row = rows[r];
        if (row.fields.size() != 2)
            throw Error("expected 2 fields (original,replacement), found " + std::to_string(row.fields.size()), file,
                        row.line);
        auto original = text::nfc(trim(row.fields[0]));
        auto replacement = text::nfc(trim(row.fields[1]));
        if (original.empty()) throw Error("the original name is empty", file, row.line);
        if (replacement.empty())
            throw Error("the replacement for '" + original + "' is empty; write a pseudonym such as [Name]", file,
                        row.line);
        const auto pattern = pattern_of(original);
        if (auto it = seen.find(pattern); it != seen.end()) {
            if (it->second.second == replacement) continue;  // the same pair twice: harmless
            throw Error("'" + original + "' is already listed on line " + std::to_string(it->second.first) +
                            " with another replacement",
                        file, row.line);
        }
        seen.emplace(pattern, std::pair{row.line, replacement});
        table.pairs.emplace_back(std::move(original), std::move(replacement));
    }
    return table;
}

PseudonymTable load_pseudonyms(const std::string& csv_path) {
    return parse_pseudonyms(decode_text(read_file_bytes(csv_path), csv_path), csv_path);
}

PseudonymResult apply_pseudonyms(std::string_view text, const PseudonymTable& table) {
    PseudonymResult result;
    std::vector<Entry> entries;
    for (const auto& [original, replacement] : table.pairs) {
        auto pattern = pattern_of(text::nfc(original));  // tables built by hand may be NFD
        if (pattern.empty()) continue;
        const bool start = is_word_char(pattern.front()), end = is_word_char(pattern.back());
        entries.push_back(Entry{std::move(pattern), original, replacement, start, end});
    }
    // Longest first; equal lengths keep the table's order.
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry& a, const Entry& b) { return a.pattern.size() > b.pattern.size(); });
    if (entries.empty()) {
        result.text = std::string(text);
        return result;
    }

    // The text as code points with their byte offsets, and its case fold
    // with, for each folded unit, the code point it came from.
    std::vector<char32_t> cps;
    std::vector<std::size_t> bytes_at;  // bytes_at[i]: byte offset of code point i; one past the end included
    {
        std::int32_t i = 0;
        const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
        const auto n = static_cast<std::int32_t>(text.size());
        while (i < n) {
            bytes_at.push_back(static_cast<std::size_t>(i));
            UChar32 c = 0;
            U8_NEXT(p, i, n, c);
            cps.push_back(static_cast<char32_t>(c < 0 ? 0xFFFD : c));
        }
        bytes_at.push_back(text.size());
    }
    std::u32string folded;
    std::vector<std::size_t> source_of;  // folded unit → code point
    std::vector<std::size_t> folded_at;  // code point → its first folded unit; one past the end included
    for (std::size_t i = 0; i < cps.size(); ++i) {
        folded_at.push_back(folded.size());
        append_folded(folded, cps[i]);
        source_of.resize(folded.size(), i);
    }
    folded_at.push_back(folded.size());

    // Where `e` matches at code point i: the code point after the match, or 0.
    auto match_end = [&](const Entry& e, std::size_t i) -> std::size_t {
        std::size_t t = folded_at[i];
        for (std::size_t j = 0; j < e.pattern.size(); ++j) {
            if (e.pattern[j] == U' ') {
                if (t >= folded.size() || !is_blank(folded[t])) return 0;
                while (t < folded.size() && is_blank(folded[t])) ++t;
                continue;
            }
            if (t >= folded.size() || folded[t] != e.pattern[j]) return 0;
            ++t;
        }
        // The match must end on a whole code point (not inside "ß" → "ss").
        if (t < folded.size() && (t == 0 || source_of[t] == source_of[t - 1])) return 0;
        return t < folded.size() ? source_of[t] : cps.size();
    };
    auto line_of = [&](std::size_t byte) {
        return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(byte), '\n'));
    };

    std::set<std::string> near_seen;
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < cps.size()) {
        const bool after_word = i > 0 && is_word_char(cps[i - 1]);
        bool replaced = false;
        for (const auto& e : entries) {
            if (e.word_start && after_word) continue;
            const std::size_t end = match_end(e, i);
            if (end == 0) continue;
            if (e.word_end && end < cps.size() && is_word_char(cps[end])) {
                // "Meiers": the original goes on as a longer word — a near miss.
                std::size_t word_end = end;
                while (word_end < cps.size() && is_word_char(cps[word_end])) ++word_end;
                std::string word(text.substr(bytes_at[i], bytes_at[word_end] - bytes_at[i]));
                if (near_seen.insert(word).second)
                    result.near_misses.push_back(PseudonymNearMiss{std::move(word), e.original, line_of(bytes_at[i])});
                continue;
            }
            out += e.replacement;
            ++result.replacements;
            i = end;
            replaced = true;
            break;
        }
        if (replaced) continue;
        out.append(text.substr(bytes_at[i], bytes_at[i + 1] - bytes_at[i]));
        ++i;
    }
    result.text = text::nfc(out);
    return result;
}

}  // namespace qcode::ingest
