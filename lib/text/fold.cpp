#include "text/fold.hpp"

#include <libstemmer.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>

#include "core/error.hpp"
#include "text/normalize.hpp"

namespace qcode::text {

std::string to_string(const FoldOptions& fold) {
    std::string out = "case";
    if (fold.diacritics) out += ", diacritics";
    if (fold.umlauts) out += ", umlauts";
    if (fold.stem) out += ", stem";
    return out;
}

namespace {

bool is_ascii(std::string_view s) {
    for (unsigned char c : s)
        if (c >= 0x80) return false;
    return true;
}

// Tokens come from NFC text, but a pattern word may arrive decomposed
// (a + U+0308). Everything below U+0300 is NFC as it stands, so only words
// with a combining mark or a code point beyond it pay for normalising.
bool may_need_nfc(std::string_view s) {
    for (unsigned char c : s)
        if (c >= 0xCC) return true;  // lead byte of U+0300 and above
    return false;
}

// German transliteration of ä ö ü ß on NFC text. The input is case-folded,
// so the capitals never occur (ẞ and ß are already "ss").
std::string fold_umlauts(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 4);
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == '\xC3' && i + 1 < s.size()) {
            const char* replacement = nullptr;
            switch (static_cast<unsigned char>(s[i + 1])) {
                case 0xA4: replacement = "ae"; break;  // ä
                case 0xB6: replacement = "oe"; break;  // ö
                case 0xBC: replacement = "ue"; break;  // ü
                case 0x9F: replacement = "ss"; break;  // ß
                default: break;
            }
            if (replacement) {
                out += replacement;
                i += 2;
                continue;
            }
        }
        out += s[i++];
    }
    return out;
}

// Diacritics are what NFD splits off as nonspacing marks (General_Category
// Mn): é → e, ä → a, ç → c, å → a, ñ → n. Letters that have no
// decomposition are letters of their own and stay: ø, ł, đ, æ, œ, ı and ß
// (which `umlauts` turns into ss). This is ICU's "NFD; [:Mn:] Remove; NFC".
//
// Tokens are folded one by one in the matching loop, so the Latin code
// points below U+0370 (Latin, IPA, spacing modifiers and the combining
// diacritical marks themselves) come from a table built once with ICU;
// words with anything beyond that go through ICU whole.
constexpr char32_t kTableEnd = 0x0370;

struct Stripped {
    std::array<char, 6> bytes{};
    std::uint8_t size = 0;
};

const icu::Normalizer2& nfd_normalizer() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) throw Error("ICU NFD normaliser unavailable");
    return *nfd;
}

const icu::Normalizer2& nfc_normalizer() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw Error("ICU NFC normaliser unavailable");
    return *nfc;
}

// NFD, drop Mn, NFC: the definition, used for the table and for words the
// table does not cover.
icu::UnicodeString strip_marks(const icu::UnicodeString& text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString decomposed = nfd_normalizer().normalize(text, status);
    if (U_FAILURE(status)) throw Error("text could not be NFD-normalised");
    icu::UnicodeString kept;
    for (int32_t i = 0; i < decomposed.length();) {
        const UChar32 c = decomposed.char32At(i);
        if (u_charType(c) != U_NON_SPACING_MARK) kept.append(c);
        i += U16_LENGTH(c);
    }
    icu::UnicodeString composed = nfc_normalizer().normalize(kept, status);
    if (U_FAILURE(status)) throw Error("text could not be NFC-normalised");
    return composed;
}

const std::array<Stripped, kTableEnd>& stripped_table() {
    static const std::array<Stripped, kTableEnd> table = [] {
        std::array<Stripped, kTableEnd> t{};
        for (char32_t c = 0; c < kTableEnd; ++c) {
            std::string utf8;
            strip_marks(icu::UnicodeString(static_cast<UChar32>(c))).toUTF8String(utf8);
            // Every entry is one base letter or nothing (a mark); 6 bytes is
            // room for two code points, more than any entry needs.
            if (utf8.size() > t[c].bytes.size()) throw Error("diacritics table entry too long");
            std::copy(utf8.begin(), utf8.end(), t[c].bytes.begin());
            t[c].size = static_cast<std::uint8_t>(utf8.size());
        }
        return t;
    }();
    return table;
}

std::string fold_diacritics(std::string_view s) {
    const auto& table = stripped_table();
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out += s[i++];
            continue;
        }
        UChar32 cp = 0;
        const auto start = static_cast<int32_t>(i);
        auto next = start;
        U8_NEXT(s.data(), next, static_cast<int32_t>(s.size()), cp);
        if (cp < 0 || static_cast<char32_t>(cp) >= kTableEnd) {
            // Beyond the table (or not valid UTF-8): ICU on the whole word,
            // since NFC may recompose across the code points.
            std::string result;
            strip_marks(icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size()))))
                .toUTF8String(result);
            return result;
        }
        const auto& entry = table[static_cast<std::size_t>(cp)];
        out.append(entry.bytes.data(), entry.size);
        i = static_cast<std::size_t>(next);
    }
    return out;
}

}  // namespace

std::string fold_letters(std::string_view case_folded, const FoldOptions& fold) {
    // Most German words are plain ASCII: nothing to fold, no ICU.
    if (!fold.any_letters() || is_ascii(case_folded)) return std::string(case_folded);
    // NFC first, so that a decomposed ä (a + U+0308) folds like ä.
    const bool unnormalized = may_need_nfc(case_folded);
    std::string out = unnormalized ? nfc(case_folded) : std::string(case_folded);
    if (fold.umlauts) {
        out = fold_umlauts(out);
        // "ä" + U+0308 became "ae" + U+0308, which NFC writes as "aë".
        if (unnormalized) out = nfc(out);
    }
    if (fold.diacritics && !is_ascii(out)) out = fold_diacritics(out);
    return out;
}

struct Stemmer::Impl {
    sb_stemmer* stemmer = nullptr;
};

Stemmer::Stemmer() : impl_(std::make_unique<Impl>()) {
    impl_->stemmer = sb_stemmer_new("german", "UTF_8");
    if (!impl_->stemmer) throw Error("the Snowball German stemmer (libstemmer) is unavailable; reinstall libstemmer");
}

Stemmer::~Stemmer() { sb_stemmer_delete(impl_->stemmer); }

std::string Stemmer::stem(std::string_view word) {
    if (word.empty()) return {};
    const sb_symbol* stemmed = sb_stemmer_stem(impl_->stemmer, reinterpret_cast<const sb_symbol*>(word.data()),
                                               static_cast<int>(word.size()));
    if (!stemmed) throw Error("out of memory while stemming a word");
    return std::string(reinterpret_cast<const char*>(stemmed),
                       static_cast<std::size_t>(sb_stemmer_length(impl_->stemmer)));
}

}  // namespace qcode::text
