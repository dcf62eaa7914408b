#include "ingest/decode.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <vector>

#include "core/error.hpp"
#include "core/utf8.hpp"
#include "text/normalize.hpp"

namespace qcode::ingest {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// CRLF and lone CR → LF, on bytes of an ASCII-compatible encoding (CR and
// LF never occur inside a UTF-8 or windows-1252 character).
std::string unify_line_ends(std::string_view bytes) {
    std::string lf;
    lf.reserve(bytes.size());
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (bytes[i] == '\r') {
            lf += '\n';
            if (i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
        } else {
            lf += bytes[i];
        }
    }
    return lf;
}

// The line of the first byte that is not UTF-8, in LF text; 0 if none.
int line_of_first_invalid_byte(std::string_view lf) {
    int line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i <= lf.size(); ++i) {
        if (i == lf.size() || lf[i] == '\n') {
            if (!utf8::valid(lf.substr(line_start, i - line_start))) return line;
            ++line;
            line_start = i + 1;
        }
    }
    return 0;
}

[[noreturn]] void throw_damaged_utf8(std::string_view bytes, const std::string& file) {
    const auto lf = unify_line_ends(bytes);
    throw Error("the file is UTF-8 but this line has bytes that are not (a damaged or mixed-up file); "
                "correct the line, or name the file's encoding with --encoding",
                file, line_of_first_invalid_byte(lf));
}

[[noreturn]] void throw_not_utf8(std::string_view bytes, const std::string& file) {
    const auto lf = unify_line_ends(bytes);
    throw Error("the file is not valid UTF-8 and does not read as Windows-1252 German text either; "
                "save it as UTF-8 or name its encoding with --encoding (e.g. --encoding windows-1252)",
                file, line_of_first_invalid_byte(lf));
}

struct ConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

struct DetectorCloser {
    void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

// The name to report for an open converter: MIME, else IANA, else `fallback`.
std::string standard_name(UConverter* converter, const std::string& fallback) {
    UErrorCode status = U_ZERO_ERROR;
    const char* internal = ucnv_getName(converter, &status);
    if (U_FAILURE(status) || !internal) return fallback;
    for (const char* standard : {"MIME", "IANA"}) {
        status = U_ZERO_ERROR;
        const char* name = ucnv_getStandardName(internal, standard, &status);
        if (U_SUCCESS(status) && name) return name;
    }
    return fallback;
}

// Converts `bytes` with `converter` (stopping at the first byte sequence
// that is not a character there) to UTF-8.
std::string convert(UConverter* converter, std::string_view bytes, const std::string& encoding,
                    const std::string& file) {
    UErrorCode status = U_ZERO_ERROR;
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    if (U_FAILURE(status)) throw Error(std::string("ICU converter error: ") + u_errorName(status), file);
    std::vector<UChar> out(bytes.size() * 2 + 16);
    const char* source = bytes.data();
    const char* const source_end = bytes.data() + bytes.size();
    UChar* target = out.data();
    while (true) {
        status = U_ZERO_ERROR;
        ucnv_toUnicode(converter, &target, out.data() + out.size(), &source, source_end, nullptr, true, &status);
        if (status != U_BUFFER_OVERFLOW_ERROR) break;
        const auto used = target - out.data();
        out.resize(out.size() * 2);
        target = out.data() + used;
    }
    const auto produced = static_cast<std::int32_t>(target - out.data());
    if (U_FAILURE(status)) {
        // The line of the bad bytes: line breaks among the characters read so far.
        int line = 1;
        for (std::int32_t i = 0; i < produced; ++i) {
            if (out[i] == u'\n' || (out[i] == u'\r' && (i + 1 >= produced || out[i + 1] != u'\n'))) ++line;
        }
        const bool truncated = status == U_TRUNCATED_CHAR_FOUND;
        throw Error(truncated ? "the file ends in the middle of a " + encoding + " character"
                              : "this line has bytes that are not valid " + encoding +
                                    "; check the file's encoding (--encoding)",
                    file, line);
    }
    std::string utf8;
    icu::UnicodeString(false, out.data(), produced).toUTF8String(utf8);
    return utf8;
}

DecodedText decode_with(const char* icu_name, std::string_view bytes, const std::string& reported,
                        const std::string& file) {
    UErrorCode status = U_ZERO_ERROR;
    ConverterPtr converter(ucnv_open(icu_name, &status));
    if (U_FAILURE(status) || !converter)
        throw Error(std::string("ICU has no converter for ") + icu_name + " (" + u_errorName(status) + ")", file);
    return DecodedText{convert(converter.get(), bytes, reported, file), reported};
}

DecodedText decode_forced(std::string_view bytes, const std::string& file, const std::string& name) {
    UErrorCode status = U_ZERO_ERROR;
    ConverterPtr converter(ucnv_open(name.c_str(), &status));
    if (U_FAILURE(status) || !converter)
        throw Error("unknown encoding '" + name +
                        "' (--encoding); use a name ICU knows, e.g. UTF-8, UTF-16LE, UTF-16BE, windows-1252, "
                        "ISO-8859-15, IBM850 or macintosh",
                    file);
    status = U_ZERO_ERROR;
    const std::string internal = ucnv_getName(converter.get(), &status);
    if (internal == "UTF-8") {
        if (bytes.substr(0, 3) == kUtf8Bom) bytes.remove_prefix(3);
        if (!utf8::valid(bytes)) throw_damaged_utf8(bytes, file);
        return DecodedText{std::string(bytes), "UTF-8"};
    }
    if (internal == "ISO-8859-1") return decode_with("windows-1252", bytes, "windows-1252", file);
    const auto reported = standard_name(converter.get(), name);
    // A BOM read through an explicit UTF-16LE/BE converter becomes U+FEFF, which finish() removes.
    return DecodedText{convert(converter.get(), bytes, reported, file), reported};
}

// NUL bytes: UTF-16 without a BOM (every other byte NUL) or binary.
[[noreturn]] void throw_nul(std::string_view bytes, const std::string& file) {
    std::size_t even = 0, odd = 0;
    const std::size_t n = std::min<std::size_t>(bytes.size(), 4096);
    for (std::size_t i = 0; i < n; ++i)
        if (bytes[i] == '\0') ++(i % 2 == 0 ? even : odd);
    const std::size_t half = n / 2;
    if (half >= 2 && odd * 10 >= half * 3 && even * 20 <= half)
        throw Error("looks like UTF-16 text without a byte-order mark; pass --encoding UTF-16LE", file);
    if (half >= 2 && even * 10 >= half * 3 && odd * 20 <= half)
        throw Error("looks like UTF-16 text without a byte-order mark; pass --encoding UTF-16BE", file);
    throw Error("looks like a binary file, not a transcript (it contains NUL bytes)", file);
}

bool latin_family(std::string_view name) {
    return name == "ISO-8859-1" || name == "ISO-8859-2" || name == "ISO-8859-9" || name == "ISO-8859-15" ||
           name == "windows-1252" || name == "windows-1250" || name == "windows-1254";
}

bool utf16_or_32(std::string_view name) { return name.substr(0, 6) == "UTF-16" || name.substr(0, 6) == "UTF-32"; }

// Does the windows-1252 reading look like German text? (see decode.hpp)
bool plausible_german(std::string_view utf8) {
    static const std::u32string_view markers =
        U"\u00E4\u00F6\u00FC\u00C4\u00D6\u00DC\u00DF\u20AC\u201E\u201C\u201D\u201A\u2018\u2019\u2013\u2014"
        U"\u2026\u00AB\u00BB\u00A7\u00B0";
    bool marker = false;
    std::int32_t i = 0;
    const auto* p = reinterpret_cast<const std::uint8_t*>(utf8.data());
    const auto n = static_cast<std::int32_t>(utf8.size());
    while (i < n) {
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        if (c >= 0x80 && c <= 0x9F) return false;  // undefined in windows-1252
        if (c >= 0x80 && markers.find(static_cast<char32_t>(c)) != std::u32string_view::npos) marker = true;
    }
    return marker;
}

DecodedText decode_legacy(std::string_view bytes, const std::string& file) {
    // (1) Mostly well-formed UTF-8: a damaged UTF-8 file, not a legacy one
    // (reading it as windows-1252 would turn every "ä" into "Ã¤").
    std::size_t well_formed = 0, ill_formed = 0;
    {
        std::int32_t i = 0;
        const auto* p = reinterpret_cast<const std::uint8_t*>(bytes.data());
        const auto n = static_cast<std::int32_t>(bytes.size());
        while (i < n) {
            if (p[i] < 0x80) { ++i; continue; }
            UChar32 c = 0;
            U8_NEXT(p, i, n, c);
            ++(c >= 0 ? well_formed : ill_formed);
        }
    }
    if (well_formed >= ill_formed) throw_damaged_utf8(bytes, file);

    // (2) ICU's charset detector.
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, DetectorCloser> detector(ucsdet_open(&status));
    if (U_SUCCESS(status)) ucsdet_setText(detector.get(), bytes.data(), static_cast<std::int32_t>(bytes.size()), &status);
    std::int32_t count = 0;
    const UCharsetMatch** matches = U_SUCCESS(status) ? ucsdet_detectAll(detector.get(), &count, &status) : nullptr;
    if (U_SUCCESS(status) && matches) {
        int best_latin = 0, best_other = 0;
        std::string other;
        for (std::int32_t m = 0; m < count; ++m) {
            UErrorCode s = U_ZERO_ERROR;
            const char* name = ucsdet_getName(matches[m], &s);
            const int confidence = ucsdet_getConfidence(matches[m], &s);
            if (U_FAILURE(s) || !name) continue;
            if (latin_family(name)) best_latin = std::max(best_latin, confidence);
            else if (!utf16_or_32(name) && confidence > best_other) { best_other = confidence; other = name; }
        }
        // 30: ICU gives single German lines no non-Latin answer above 20, one
        // line of Russian in windows-1251 already 37.
        const bool confident_other = best_other >= 30 && best_other > best_latin;
        if (confident_other && other == "UTF-8") throw_damaged_utf8(bytes, file);
        if (confident_other)
            throw Error("the file is not UTF-8 and looks like " + other + " (ICU charset detection, confidence " +
                            std::to_string(best_other) + "%) rather than Windows-1252; pass --encoding " + other +
                            " if that is right",
                        file);
    }

    // (3) windows-1252, or ISO-8859-15 when 0xA4 can only be €.
    bool c1 = false, a4 = false;
    for (unsigned char b : bytes) {
        c1 = c1 || (b >= 0x80 && b <= 0x9F);
        a4 = a4 || b == 0xA4;
    }
    auto decoded = (a4 && !c1) ? decode_with("ISO-8859-15", bytes, "ISO-8859-15", file)
                               : decode_with("windows-1252", bytes, "windows-1252", file);
    if (!plausible_german(decoded.text)) throw_not_utf8(bytes, file);
    return decoded;
}

// unify_line_ends() in place (the text only shrinks).
void unify_line_ends_in_place(std::string& s) {
    const auto first = s.find('\r');
    if (first == std::string::npos) return;
    std::size_t out = first;
    for (std::size_t i = first; i < s.size(); ++i) {
        if (s[i] == '\r') {
            s[out++] = '\n';
            if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
        } else {
            s[out++] = s[i];
        }
    }
    s.resize(out);
}

// Lead bytes of the characters clean_in_place() removes or replaces.
bool may_start_invisible(unsigned char c) { return c == 0xC2 || c == 0xE2 || c == 0xEF; }

// Removes the invisible characters and turns no-break spaces into plain
// ones (see decode.hpp), in place: every replacement is shorter.
void clean_in_place(std::string& text) {
    char* const s = text.data();
    const std::size_t n = text.size();
    std::size_t out = 0;
    std::size_t i = 0;
    while (i < n) {
        // Copy the run up to the next candidate (most text has few).
        std::size_t j = i;
        while (j < n && !may_start_invisible(static_cast<unsigned char>(s[j]))) ++j;
        if (out != i) std::memmove(s + out, s + i, j - i);
        out += j - i;
        i = j;
        if (i == n) break;
        const std::string_view rest(s + i, n - i);
        // U+200B ZWSP, U+200C ZWNJ, U+200D ZWJ, U+2060 WJ, U+FEFF, U+00AD soft hyphen: removed.
        if (rest.substr(0, 3) == "\xE2\x80\x8B" || rest.substr(0, 3) == "\xE2\x80\x8C" ||
            rest.substr(0, 3) == "\xE2\x80\x8D" || rest.substr(0, 3) == "\xE2\x81\xA0" || rest.substr(0, 3) == kUtf8Bom) {
            i += 3;
            continue;
        }
        if (rest.substr(0, 2) == "\xC2\xAD") { i += 2; continue; }
        // U+00A0, U+2007, U+202F no-break spaces: a plain space.
        if (rest.substr(0, 2) == "\xC2\xA0") { s[out++] = ' '; i += 2; continue; }
        if (rest.substr(0, 3) == "\xE2\x80\x87" || rest.substr(0, 3) == "\xE2\x80\xAF") {
            s[out++] = ' ';
            i += 3;
            continue;
        }
        s[out++] = s[i++];
    }
    text.resize(out);
}

// Whatever the encoding, the stored text: LF, no invisible characters,
// plain spaces, NFC (see decode.hpp). Works on `text` in place: a
// transcript is not copied once per step.
std::string finish(std::string text, const std::string& file) {
    unify_line_ends_in_place(text);
    if (text.find('\0') != std::string::npos)
        throw Error("looks like a binary file, not a transcript (it contains NUL characters)", file);
    clean_in_place(text);
    text::nfc_in_place(text);
    if (text.find_first_not_of(" \t\n\v\f") == std::string::npos) throw Error("the file is empty", file);
    return text;
}

}  // namespace

std::string read_file_bytes(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw Error("is a directory, not a transcript file", path);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(std::string("cannot read the file: ") + std::strerror(errno), path);
    // A regular file is read straight into the string, in one piece.
    std::string bytes;
    in.seekg(0, std::ios::end);
    const auto size = in.tellg();
    if (size > 0) {
        in.seekg(0, std::ios::beg);
        bytes.resize(static_cast<std::size_t>(size));
        in.read(bytes.data(), size);
        bytes.resize(static_cast<std::size_t>(in.gcount()));
        if (!in) return bytes;  // the end came first (the file shrank)
    } else {
        in.clear();  // not seekable (a pipe): nothing was read yet
    }
    std::ostringstream rest;  // whatever else there is
    rest << in.rdbuf();
    bytes += std::move(rest).str();
    return bytes;
}

DecodedText decode(std::string_view bytes, const std::string& file, const std::string& forced_encoding) {
    if (bytes.empty()) throw Error("the file is empty", file);
    DecodedText raw;
    if (!forced_encoding.empty()) {
        raw = decode_forced(bytes, file, forced_encoding);
    } else if (bytes.substr(0, 4) == std::string_view("\xFF\xFE\0\0", 4)) {
        raw = decode_with("UTF-32LE", bytes.substr(4), "UTF-32LE", file);
    } else if (bytes.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4)) {
        raw = decode_with("UTF-32BE", bytes.substr(4), "UTF-32BE", file);
    } else if (bytes.substr(0, 2) == "\xFF\xFE") {
        raw = decode_with("UTF-16LE", bytes.substr(2), "UTF-16LE", file);
    } else if (bytes.substr(0, 2) == "\xFE\xFF") {
        raw = decode_with("UTF-16BE", bytes.substr(2), "UTF-16BE", file);
    } else if (bytes.find('\0') != std::string_view::npos) {
        throw_nul(bytes, file);
    } else if (bytes.substr(0, 3) == kUtf8Bom) {
        // The BOM declares UTF-8: bad bytes after it are damage, not another encoding.
        const auto body = bytes.substr(3);
        if (!utf8::valid(body)) throw_damaged_utf8(body, file);
        raw = DecodedText{std::string(body), "UTF-8 (BOM)"};
    } else if (utf8::valid(bytes)) {
        raw = DecodedText{std::string(bytes), "UTF-8"};
    } else {
        raw = decode_legacy(bytes, file);
    }
    return DecodedText{finish(std::move(raw.text), file), std::move(raw.encoding)};
}

std::string decode_text(std::string_view bytes, const std::string& file) { return decode(bytes, file).text; }

}  // namespace qcode::ingest
