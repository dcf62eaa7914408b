#include "text/normalize.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "core/error.hpp"
#include "core/utf8.hpp"

namespace qcode::text {

namespace {

icu::UnicodeString from_utf8(std::string_view utf8) {
    return icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
}

}  // namespace

std::string nfc(std::string_view utf8) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw Error("ICU NFC normaliser unavailable");
    // ICU would silently turn bad bytes into U+FFFD; callers must decode first.
    if (!utf8::valid(utf8)) throw Error("text is not valid UTF-8");
    // Fast path: most text is already NFC and plain ASCII/Latin-1.
    auto ustr = from_utf8(utf8);
    if (normalizer->isNormalized(ustr, status) && U_SUCCESS(status)) return std::string(utf8);
    status = U_ZERO_ERROR;
    icu::UnicodeString out = normalizer->normalize(ustr, status);
    if (U_FAILURE(status)) throw Error("text could not be NFC-normalised");
    std::string result;
    out.toUTF8String(result);
    return result;
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
