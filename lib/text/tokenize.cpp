#include "text/tokenize.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/error.hpp"
#include "text/normalize.hpp"

namespace qcode::text {

Tokens::Tokens() = default;

// Tokens under construction: the folded forms go to one buffer, written
// through a cursor, and each token's end in it is noted; finish() points
// the tokens' views at the buffer once it no longer grows.
struct TokensBuilder {
    Tokens result;
    std::unique_ptr<char[]> buffer;
    std::size_t used = 0, capacity = 0;
    std::vector<std::uint32_t> ends;  // by token: end of its folded form in `buffer`

    void reserve(std::size_t text_bytes) {
        // German prose has a word every 5–7 bytes; reserving for one every 5
        // spares the vectors a late regrowth. The folded forms are shorter
        // than the text unless case folding expands much of it.
        result.list_.reserve(text_bytes / 5 + 4);
        ends.reserve(text_bytes / 5 + 4);
        grow(text_bytes + 64);
    }
    void grow(std::size_t at_least) {
        const std::size_t fresh = std::max(at_least, capacity * 2);
        auto bigger = std::make_unique_for_overwrite<char[]>(fresh);
        if (used) std::memcpy(bigger.get(), buffer.get(), used);
        buffer = std::move(bigger);
        capacity = fresh;
    }
    // Room for `n` more bytes at the cursor.
    char* room(std::size_t n) {
        if (used + n > capacity) grow(used + n);
        return buffer.get() + used;
    }
    void append(std::string_view bytes) {
        std::memcpy(room(bytes.size()), bytes.data(), bytes.size());
        used += bytes.size();
    }
    std::size_t size() const { return result.list_.size(); }
    // Call after writing the token's folded form at the cursor.
    void add(Span span) {
        if (used > UINT32_MAX) throw Error("text too large to tokenize (over 4 GB of words)");
        result.list_.push_back(Token{span, {}});
        ends.push_back(static_cast<std::uint32_t>(used));
    }
    void truncate(std::size_t n) {
        result.list_.resize(n);
        ends.resize(n);
        used = n ? ends[n - 1] : 0;
    }
    Tokens finish() {
        const char* base = buffer.get();
        std::uint32_t begin = 0;
        for (std::size_t i = 0; i < ends.size(); ++i) {
            result.list_[i].folded = std::string_view(base + begin, ends[i] - begin);
            begin = ends[i];
        }
        result.folded_ = std::move(buffer);
        return std::move(result);
    }
};

namespace {

// ---------------------------------------------------------------------------
// The reference: ICU's word BreakIterator and ICU full case folding.

// Creating a BreakIterator loads rule data; keep one per thread.
icu::BreakIterator& word_iterator() {
    thread_local std::unique_ptr<icu::BreakIterator> it = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> bi(icu::BreakIterator::createWordInstance(icu::Locale("de"), status));
        if (U_FAILURE(status)) throw Error("ICU word break iterator unavailable");
        return bi;
    }();
    return *it;
}

// Word leaves soft hyphens (U+00AD) inside words ("Schnitt\u00ADstelle");
// they are invisible, so the word must match as if they were not there.
void drop_soft_hyphens(std::string& word) {
    for (auto pos = word.find("\xC2\xAD"); pos != std::string::npos; pos = word.find("\xC2\xAD", pos)) word.erase(pos, 2);
}

// Appends the ICU tokens of `utf8` to `tokens`, spans offset by `base`.
// Leaves the shared iterator pointing at `utf8`: callers detach it (below)
// before the text goes away.
void icu_tokens(std::string_view utf8, std::uint32_t base, TokensBuilder& tokens) {
    if (utf8.empty()) return;
    UErrorCode status = U_ZERO_ERROR;
    UText text = UTEXT_INITIALIZER;  // on the stack: no allocation per call
    UText* ut = utext_openUTF8(&text, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
    if (U_FAILURE(status)) throw Error("text could not be opened for word segmentation");
    auto& bi = word_iterator();
    bi.setText(ut, status);  // the iterator keeps its own shallow clone
    utext_close(ut);
    if (U_FAILURE(status)) throw Error("text could not be segmented into words");
    // Native indexes of a UTF-8 UText are byte offsets; walk code points
    // alongside to produce code-point spans without a second pass.
    std::size_t cp = base;
    std::size_t byte = 0;
    auto advance_to = [&](std::size_t target) {
        for (; byte < target; ++byte)
            if ((static_cast<unsigned char>(utf8[byte]) & 0xC0) != 0x80) ++cp;
    };
    int32_t start = bi.first();
    for (int32_t end = bi.next(); end != icu::BreakIterator::DONE; start = end, end = bi.next()) {
        if (bi.getRuleStatus() == UBRK_WORD_NONE) continue;  // spaces, punctuation
        advance_to(static_cast<std::size_t>(start));
        const auto cp_start = static_cast<std::uint32_t>(cp);
        advance_to(static_cast<std::size_t>(end));
        auto folded = fold_case(utf8.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start)));
        drop_soft_hyphens(folded);
        tokens.append(folded);
        tokens.add(Span{cp_start, static_cast<std::uint32_t>(cp)});
    }
}

// Points the shared iterator away from the caller's text, so that it never
// holds a dangling pointer between calls.
void detach_iterator() { word_iterator().setText(icu::UnicodeString()); }

// ---------------------------------------------------------------------------
// The fast path.
//
// UAX #29 joins two characters into one word only by rules WB3–WB16 over a
// handful of Word_Break classes. For a code point whose class is
//   ALetter or Numeric  → kWord: runs of these always form one word (WB5,
//                         WB8, WB9, WB10), a token;
//   Other or WSegSpace  → kSep: never joined to a letter or digit, and not
//                         a token itself;
//   MidLetter, MidNum, MidNumLet, Single_Quote, Double_Quote
//                       → kMid: a boundary unless it stands between two
//                         kWord characters ("geht's", "z.B", "1,5"), where
//                         the answer depends on which classes meet (WB6/7,
//                         WB11/12) — that stretch goes to ICU;
// and everything else (Extend, Format, ZWJ, ExtendNumLet, Hebrew, Katakana,
// Regional_Indicator, newlines other than ASCII, code points outside the
// table) → kSlow: ICU decides. Extended_Pictographic code points in the
// table (© ® ‼ ⁉) are Other: the one rule that joins them (WB3c) needs a ZWJ
// right before, and a ZWJ is kSlow.
//
// ICU goes its own way in places (ICU 72's word rules put '@' into ALetter
// and take ':' out of MidLetter), so '@' is kSlow and ':' kMid, which is
// right whichever way ICU leans. The classes come from ICU's own property
// data, so they follow the ICU the program runs with; the equivalence tests
// check every table entry against the break iterator itself.
//
// Fallback unit: white space (ASCII space, tab, CR, LF, VT, FF, NBSP —
// kSpace) is a hard boundary on both sides under every rule (WB3a/b, and
// no rule joins Other or WSegSpace to a letter or digit), so the stretch
// between two white spaces ("chunk") can be handed to ICU on its own.

enum Class : std::uint8_t { kSlow, kWord, kMid, kSep, kSpace };

struct CharInfo {
    Class cls = kSlow;
    std::uint8_t fold_size = 0;
    std::array<char, 6> fold{};  // UTF-8 of the full case fold (kWord only)
};

// Table ranges: all two-byte UTF-8 (Latin, IPA, Greek, Cyrillic, Armenian,
// Hebrew, Arabic, …) and U+1E00–U+20CF (Latin Extended Additional with ẞ,
// Greek Extended, General Punctuation with – „ “ ’ …, currency signs).
constexpr char32_t kLowEnd = 0x0800;
constexpr char32_t kHighBegin = 0x1E00;
constexpr char32_t kHighEnd = 0x20D0;

CharInfo classify(char32_t c) {
    CharInfo info;
    const auto cp = static_cast<UChar32>(c);
    switch (c) {
        case ' ': case '\t': case '\n': case '\v': case '\f': case '\r': case 0x00A0:
            info.cls = kSpace;
            return info;
        case '@':  // ALetter in ICU 72's rules, not in Unicode's
            return info;
        case ':':  // MidLetter in Unicode, removed by ICU 72's rules
            info.cls = kMid;
            return info;
        default:
            break;
    }
    switch (u_getIntPropertyValue(cp, UCHAR_WORD_BREAK)) {
        case U_WB_ALETTER:
        case U_WB_NUMERIC: {
            icu::UnicodeString folded(cp);
            folded.foldCase(U_FOLD_CASE_DEFAULT);
            std::string utf8;
            folded.toUTF8String(utf8);
            if (utf8.empty() || utf8.size() > info.fold.size()) return info;  // ICU then
            std::copy(utf8.begin(), utf8.end(), info.fold.begin());
            info.fold_size = static_cast<std::uint8_t>(utf8.size());
            info.cls = kWord;
            return info;
        }
        case U_WB_MIDLETTER:
        case U_WB_MIDNUM:
        case U_WB_MIDNUMLET:
        case U_WB_SINGLE_QUOTE:
        case U_WB_DOUBLE_QUOTE:
            info.cls = kMid;
            return info;
        case U_WB_OTHER:
        case U_WB_WSEGSPACE:
            info.cls = kSep;
            return info;
        default:
            return info;
    }
}

struct CharTable {
    std::array<CharInfo, kLowEnd> low;
    std::array<CharInfo, kHighEnd - kHighBegin> high;
};

const CharTable& char_table() {
    static const std::unique_ptr<CharTable> table = [] {
        auto t = std::make_unique<CharTable>();
        for (char32_t c = 0; c < kLowEnd; ++c) t->low[c] = classify(c);
        for (char32_t c = kHighBegin; c < kHighEnd; ++c) t->high[c - kHighBegin] = classify(c);
        return t;
    }();
    return *table;
}

const CharInfo kOutside{};  // kSlow

// The table entry of the code point at `p[i]` and its length in bytes;
// malformed UTF-8 is kSlow (ICU decides what it makes of it).
inline const CharInfo& lookup(const CharTable& table, const unsigned char* p, std::size_t i, std::size_t n,
                              std::size_t& len) {
    const unsigned c = p[i];
    if (c < 0x80) {
        len = 1;
        return table.low[c];
    }
    len = 1;
    if (c >= 0xC2 && c <= 0xDF) {
        if (i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
            len = 2;
            return table.low[((c & 0x1Fu) << 6) | (p[i + 1] & 0x3Fu)];
        }
        return kOutside;
    }
    if ((c == 0xE1 || c == 0xE2) && i + 2 < n && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
        const char32_t cp = ((c & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu);
        len = 3;
        if (cp >= kHighBegin && cp < kHighEnd) return table.high[cp - kHighBegin];
    }
    return kOutside;
}

bool is_ascii_alnum(unsigned char c) {
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

// End of the run of ASCII letters and digits that starts at `i`. Sixteen
// bytes at a time where SSE2 is there (every x86-64): the byte loop's exit
// branch mispredicts once per word, which dominated the fast path.
std::size_t ascii_alnum_end(const unsigned char* p, std::size_t i, std::size_t n) {
#if defined(__SSE2__)
    const __m128i to_lower = _mm_set1_epi8(0x20);
    // x in [lo, lo + k) ⇔ (int8)(x - lo + 0x80) < (int8)(k + 0x80)
    const __m128i letter_shift = _mm_set1_epi8(static_cast<char>(0x80 - 'a'));
    const __m128i letter_limit = _mm_set1_epi8(static_cast<char>(0x80 + 26));
    const __m128i digit_shift = _mm_set1_epi8(static_cast<char>(0x80 - '0'));
    const __m128i digit_limit = _mm_set1_epi8(static_cast<char>(0x80 + 10));
    while (i + 16 <= n) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
        const __m128i letter =
            _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, to_lower), letter_shift), letter_limit);
        const __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(v, digit_shift), digit_limit);
        const auto mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letter, digit)));
        if (mask != 0xFFFF) return i + static_cast<std::size_t>(__builtin_ctz(~mask));
        i += 16;
    }
#endif
    while (i < n && is_ascii_alnum(p[i])) ++i;
    return i;
}

// The case fold of a word the fast path found (every code point kWord),
// written at the builder's cursor.
void fold_word(const CharTable& table, const unsigned char* p, std::size_t begin, std::size_t end, bool ascii,
               TokensBuilder& tokens) {
    if (ascii) {
        char* out = tokens.room(end - begin);
        // Branch-free: upper-case letters are a coin toss per byte.
        for (std::size_t i = begin; i < end; ++i) {
            const unsigned c = p[i];
            *out++ = static_cast<char>(c | (static_cast<unsigned>(c - 'A' < 26u) << 5));
        }
        tokens.used += end - begin;
        return;
    }
    // A code point of n bytes folds to at most 6 (CharInfo::fold).
    char* const start = tokens.room(6 * (end - begin));
    char* out = start;
    for (std::size_t i = begin; i < end;) {
        std::size_t len;
        const CharInfo& info = lookup(table, p, i, end, len);
        std::memcpy(out, info.fold.data(), info.fold_size);
        out += info.fold_size;
        i += len;
    }
    tokens.used += static_cast<std::size_t>(out - start);
}

}  // namespace

Tokens tokenize(std::string_view utf8, std::uint32_t base) {
    TokensBuilder tokens;
    if (utf8.empty()) return tokens.finish();
    tokens.reserve(utf8.size());
    const auto& table = char_table();
    const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
    const std::size_t n = utf8.size();

    std::size_t i = 0;
    std::uint32_t cp = base;
    // Where the current chunk began, for handing it to ICU.
    std::size_t chunk_start = 0;
    std::uint32_t chunk_cp = base;
    std::size_t chunk_tokens = 0;
    // The word being read: bytes [word_begin, i), code points [word_cp, cp).
    bool in_word = false;
    std::size_t word_begin = 0;
    std::uint32_t word_cp = 0;
    bool word_ascii = true;
    bool mid_after_word = false;  // the last character was kMid right after a word
    bool used_icu = false;

    auto end_word = [&] {
        if (!in_word) return;
        fold_word(table, p, word_begin, i, word_ascii, tokens);
        tokens.add(Span{word_cp, cp});
        in_word = false;
    };

    // A word starts here unless one is already open (ASCII until a wider
    // letter joins it).
    auto start_word = [&] {
        if (in_word) return;
        in_word = true;
        word_begin = i;
        word_cp = cp;
        word_ascii = true;
    };

    while (i < n) {
        // Most of German text is runs of ASCII letters: take them in one go.
        if (is_ascii_alnum(p[i])) {
            if (mid_after_word) goto slow;
            start_word();
            const std::size_t run = i;
            i = ascii_alnum_end(p, i + 1, n);
            cp += static_cast<std::uint32_t>(i - run);
            continue;
        }
        // … each followed by a space.
        if (p[i] == ' ') {
            mid_after_word = false;
            end_word();
            ++i;
            ++cp;
            chunk_start = i;
            chunk_cp = cp;
            chunk_tokens = tokens.size();
            continue;
        }
        {
            std::size_t len;
            const CharInfo& info = lookup(table, p, i, n, len);
            switch (info.cls) {
                case kWord:
                    if (mid_after_word) goto slow;
                    start_word();
                    word_ascii = false;
                    break;
                case kMid:
                    mid_after_word = in_word;
                    end_word();
                    break;
                case kSep:
                    mid_after_word = false;
                    end_word();
                    break;
                case kSpace:
                    mid_after_word = false;
                    end_word();
                    chunk_start = i + len;
                    chunk_cp = cp + 1;
                    chunk_tokens = tokens.size();
                    break;
                case kSlow:
                    goto slow;
            }
            i += len;
            ++cp;
            continue;
        }
    slow:
        // ICU for the whole chunk: drop what the fast path made of it so far,
        // find its end (the next white space) and go on from there.
        tokens.truncate(chunk_tokens);
        in_word = false;
        mid_after_word = false;
        {
            std::size_t end = i;
            while (end < n) {
                const unsigned char c = p[end];
                if (c == ' ' || (c >= '\t' && c <= '\r') || (c == 0xC2 && end + 1 < n && p[end + 1] == 0xA0)) break;
                ++end;
            }
            icu_tokens(utf8.substr(chunk_start, end - chunk_start), chunk_cp, tokens);
            used_icu = true;
            cp = chunk_cp;
            for (std::size_t b = chunk_start; b < end; ++b)
                if ((p[b] & 0xC0) != 0x80) ++cp;
            i = end;  // the white space (or the end): the loop opens the next chunk there
        }
    }
    end_word();
    if (used_icu) detach_iterator();
    return tokens.finish();
}

namespace detail {

Tokens tokenize_icu(std::string_view utf8, std::uint32_t base) {
    TokensBuilder tokens;
    if (utf8.empty()) return tokens.finish();
    icu_tokens(utf8, base, tokens);
    detach_iterator();
    return tokens.finish();
}

}  // namespace detail

}  // namespace qcode::text
