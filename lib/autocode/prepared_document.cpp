#include "autocode/prepared_document.hpp"

#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "text/fold.hpp"

namespace qcode::autocode {

namespace {

using Doc = PreparedDocument::Impl;
using Compiled = Matcher::Compiled;

// Four ways to fold letters (diacritics × umlauts); stems on top of each.
std::size_t letter_variant(const text::FoldOptions& f) { return (f.diacritics ? 1u : 0u) | (f.umlauts ? 2u : 0u); }

text::Stemmer& stemmer() {
    thread_local std::unique_ptr<text::Stemmer> s;
    if (!s) s = std::make_unique<text::Stemmer>();
    return *s;
}

}  // namespace

PreparedDocument::PreparedDocument(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PreparedDocument::PreparedDocument(PreparedDocument&&) noexcept = default;
PreparedDocument& PreparedDocument::operator=(PreparedDocument&&) noexcept = default;
PreparedDocument::~PreparedDocument() = default;

void ensure_forms(Doc& d, const Compiled& c, std::size_t g) {
    if (d.built[g]) return;
    const auto& fold = c.groups[g].fold;
    const auto& tokens = *d.tokens;
    const auto variant = letter_variant(fold);
    auto& forms = d.forms[g];
    if (variant == 0 && !fold.stem) {
        // Case folding only: scan() reads the tokens' own forms, `forms` stays empty.
        d.built[g] = 1;
        return;
    }
    forms.resize(tokens.size());
    if (variant == 0) {
        for (std::size_t i = 0; i < tokens.size(); ++i) forms[i] = tokens[i].folded;
    } else {
        auto& letters = d.letters[variant];
        if (!d.letters_done[variant]) {
            letters.resize(tokens.size());
            for (std::size_t i = 0; i < tokens.size(); ++i) letters[i] = text::fold_letters(tokens[i].folded, fold);
            d.letters_done[variant] = true;
        }
        for (std::size_t i = 0; i < tokens.size(); ++i) forms[i] = letters[i];
    }
    if (fold.stem) {
        auto& stemmed = d.stemmed[variant];
        if (!d.stems_done[variant]) {
            stemmed.resize(tokens.size());
            auto& s = stemmer();
            for (std::size_t i = 0; i < tokens.size(); ++i) stemmed[i] = s.stem(forms[i]);
            d.stems_done[variant] = true;
        }
        auto& stems = d.stems[g];
        stems.resize(tokens.size());
        for (std::size_t i = 0; i < tokens.size(); ++i) stems[i] = stemmed[i];
    }
    d.built[g] = 1;
}

// ICU full case folding, one code point at a time so that every folded
// UTF-16 index maps back to the code point it came from (ß → ss: both s map
// to the ß). Full folding has no context, so this equals folding the whole.
void ensure_folded(Doc& d) {
    if (d.folded_done) return;
    const auto& s = d.text;
    d.cp_to_u16.clear();
    d.u16_to_cp.clear();
    d.folded.remove();
    std::uint32_t cp_index = 0;
    for (std::int32_t i = 0; i < static_cast<std::int32_t>(s.size());) {
        d.cp_to_u16.push_back(d.folded.length());
        const auto c = static_cast<unsigned char>(s[static_cast<std::size_t>(i)]);
        if (c < 0x80) {
            d.folded.append(static_cast<char16_t>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
            ++i;
        } else {
            UChar32 cp = 0;
            U8_NEXT(s.data(), i, static_cast<std::int32_t>(s.size()), cp);
            if (cp < 0) cp = 0xFFFD;
            UChar src[2];
            std::int32_t n = 0;
            U16_APPEND_UNSAFE(src, n, cp);
            UChar dst[8];
            UErrorCode status = U_ZERO_ERROR;
            const auto len = u_strFoldCase(dst, 8, src, n, U_FOLD_CASE_DEFAULT, &status);
            if (U_FAILURE(status)) d.folded.append(src, 0, n);
            else d.folded.append(dst, 0, len);
        }
        while (static_cast<std::int32_t>(d.u16_to_cp.size()) < d.folded.length()) d.u16_to_cp.push_back(cp_index);
        ++cp_index;
    }
    d.cp_to_u16.push_back(d.folded.length());
    d.u16_to_cp.push_back(cp_index);
    d.folded_done = true;
}

std::string excerpt(std::string_view text, Span unit) {
    std::size_t cp = 0, b = text.size(), e = text.size();
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (cp == unit.start) b = i;
        if (cp == std::min<std::size_t>(unit.end, unit.start + 40)) {
            e = i;
            break;
        }
        ++cp;
    }
    if (b > e) return {};
    std::string out(text.substr(b, e - b));
    for (auto& ch : out)
        if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
    return out + (unit.end > unit.start + 40 ? "…" : "");
}

}  // namespace qcode::autocode
