#include "text/normalize.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <cstring>

#include "core/error.hpp"
#include "core/utf8.hpp"

namespace qcode::text {

namespace {

icu::UnicodeString from_utf8(std::string_view utf8) {
    return icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
}

}  // namespace

namespace {

const icu::Normalizer2& nfc_normalizer() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status) || !normalizer) throw Error("ICU NFC normaliser unavailable");
    return *normalizer;
}

bool is_ascii(std::string_view s) {
    // Eight bytes at a time: a whole transcript passes through here.
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t word;
        std::memcpy(&word, s.data() + i, 8);
        if (word & 0x8080808080808080ull) return false;
    }
    for (; i < s.size(); ++i)
        if (static_cast<unsigned char>(s[i]) >= 0x80) return false;
    return true;
}

// Whether valid UTF-8 is NFC already: ICU's quick check on the UTF-8 bytes
// themselves, no conversion to UTF-16 (most text is NFC).
bool is_nfc(const icu::Normalizer2& normalizer, std::string_view utf8) {
    if (is_ascii(utf8)) return true;
    UErrorCode status = U_ZERO_ERROR;
    const bool normalized =
        normalizer.isNormalizedUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), status);
    return U_SUCCESS(status) && normalized;
}

std::string normalize_utf8(const icu::Normalizer2& normalizer, std::string_view utf8) {
    UErrorCode status = U_ZERO_ERROR;
    std::string result;
    result.reserve(utf8.size());
    icu::StringByteSink<std::string> sink(&result, static_cast<int32_t>(utf8.size()));
    normalizer.normalizeUTF8(0, icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), sink, nullptr,
                             status);
    if (U_FAILURE(status)) throw Error("text could not be NFC-normalised");
    return result;
}

void check_utf8(std::string_view utf8) {
    // ICU would silently turn bad bytes into U+FFFD; callers must decode first.
    if (!is_ascii(utf8) && !utf8::valid(utf8)) throw Error("text is not valid UTF-8");
}

}  // namespace

std::string nfc(std::string_view utf8) {
    const auto& normalizer = nfc_normalizer();
    check_utf8(utf8);
    if (is_nfc(normalizer, utf8)) return std::string(utf8);
    return normalize_utf8(normalizer, utf8);
}

void nfc_in_place(std::string& utf8) {
    const auto& normalizer = nfc_normalizer();
    check_utf8(utf8);
    if (is_nfc(normalizer, utf8)) return;
    utf8 = normalize_utf8(normalizer, utf8);
}

std::string fold_case(std::string_view utf8) {
    bool ascii = true;
    for (unsigned char c : utf8)
        if (c >= 0x80) { ascii = false; break; }
    std::string result;
    if (ascii) {
        result.assign(utf8);
        for (auto& c : result)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return result;
    }
    auto ustr = from_utf8(utf8);
    ustr.foldCase(U_FOLD_CASE_DEFAULT);
    ustr.toUTF8String(result);
    return result;
}

}  // namespace qcode::text
