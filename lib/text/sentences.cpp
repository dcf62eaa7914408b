#include "text/sentences.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <memory>
#include <string>

#include "core/error.hpp"

namespace qcode::text {

namespace {

// Abbreviations that end in a period but (almost) never end a German
// sentence. Multi-part ones are written with single spaces; the check
// also accepts them written without spaces ("z.B."). Sentence-final
// abbreviations such as "usw.", "etc." and "u. Ä." are deliberately absent.
constexpr std::array<std::string_view, 52> kAbbreviations = {
    "z. B.", "z. T.", "d. h.", "u. a.", "o. ä.", "o. Ä.", "s. o.", "s. u.", "i. d. R.", "v. a.",
    "u. U.", "i. S. d.", "i. V. m.", "m. E.", "z. Zt.", "a. D.", "bzw.", "ggf.", "ca.", "Dr.",
    "Prof.", "Hr.", "Fr.", "Hrn.", "St.", "Str.", "vgl.", "sog.", "evtl.", "inkl.",
    "zzgl.", "ggü.", "Tel.", "Mio.", "Mrd.", "min.", "max.", "ehem.", "gem.", "lt.",
    "Dipl.", "Ing.", "jun.", "sen.", "Jh.", "Jhd.", "bspw.", "insb.", "einschl.", "zit.",
    "Verf.", "usf."};

// Abbreviations that introduce a number ("Art. 3", "Abs. 2", "Nr. 5"):
// only then are they no sentence end — "eine Art. Die …" is one.
constexpr std::array<std::string_view, 9> kNumberAbbreviations = {
    "Art.", "Abs.", "Nr.", "S.", "Ziff.", "Kap.", "Bd.", "Buchst.", "Std."};

// Month names after an ordinal ("am 1. März") must not start a sentence.
constexpr std::array<std::string_view, 13> kMonths = {
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
    "August", "September", "Oktober", "November", "Dezember", "Jänner"};

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Width in bytes of a no-break space (U+00A0, U+202F) starting at `i`, or 0.
std::size_t nbsp_at(std::string_view s, std::size_t i) {
    // Runs for every byte near every break: rule out the common case first.
    if (i >= s.size() || (s[i] != '\xC2' && s[i] != '\xE2')) return 0;
    if (s.substr(i, 2) == "\xC2\xA0") return 2;
    if (s.substr(i, 3) == "\xE2\x80\xAF") return 3;
    return 0;
}

// Width in bytes of a no-break space ending right before `end`, or 0.
std::size_t nbsp_before(std::string_view s, std::size_t end) {
    if (end >= 2 && nbsp_at(s, end - 2) == 2) return 2;
    if (end >= 3 && nbsp_at(s, end - 3) == 3) return 3;
    return 0;
}

std::string_view trim_right(std::string_view s) {
    for (;;) {
        if (!s.empty() && is_space_byte(s.back())) s.remove_suffix(1);
        else if (auto n = nbsp_before(s, s.size())) s.remove_suffix(n);
        else return s;
    }
}

// Abbreviations are short: 64 bytes of context on each side of a break are
// plenty and keep the check O(1) per break however long the paragraph.
constexpr std::size_t kContext = 64;

// The text with no-break spaces as plain spaces, for comparing against the
// abbreviation list ("z.<NBSP>B." is "z. B."). Only for matching: byte
// offsets of the result are not used. Written into `buffer` (the result
// never grows), since this runs at every sentence break of an import.
std::string_view plain_spaces(std::string_view s, std::array<char, kContext>& buffer) {
    std::size_t size = 0;
    for (std::size_t i = 0; i < s.size() && size < buffer.size();) {
        if (auto n = nbsp_at(s, i)) { buffer[size++] = ' '; i += n; }
        else buffer[size++] = s[i++];
    }
    return {buffer.data(), size};
}

// Drops all white space, so that "z.B." and "z. B." compare equal.
std::string squeeze(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (is_space_byte(c)) continue;
        out += c;
    }
    return out;
}

// kAbbreviations squeezed, once rather than at every break.
const std::array<std::string, kAbbreviations.size()>& squeezed_abbreviations() {
    static const auto squeezed = [] {
        std::array<std::string, kAbbreviations.size()> out;
        for (std::size_t i = 0; i < kAbbreviations.size(); ++i) out[i] = squeeze(kAbbreviations[i]);
        return out;
    }();
    return squeezed;
}

bool is_word_byte(unsigned char c) { return c >= 0x80 || std::isalnum(c); }

bool ends_with_ordinal_before_month(std::string_view before, std::string_view after) {
    // before ends with digits + '.', after starts with a month name
    if (before.empty() || before.back() != '.') return false;
    std::size_t i = before.size() - 1;
    std::size_t digits = 0;
    while (i > 0 && std::isdigit(static_cast<unsigned char>(before[i - 1]))) { --i; ++digits; }
    if (digits == 0 || digits > 2) return false;
    for (auto month : kMonths)
        if (after.substr(0, month.size()) == month &&
            (after.size() == month.size() || !is_word_byte(static_cast<unsigned char>(after[month.size()]))))
            return true;
    return false;
}

}  // namespace

namespace {

// Matches `abbreviation` (squeezed, no spaces) backwards against the end of
// `text`, ignoring spaces in the text; returns true if it ends there at a
// word boundary.
bool text_ends_with(std::string_view text, std::string_view abbreviation) {
    std::size_t ai = abbreviation.size();
    std::size_t ti = text.size();
    while (ai > 0 && ti > 0) {
        if (is_space_byte(text[ti - 1])) { --ti; continue; }
        if (text[ti - 1] != abbreviation[ai - 1]) return false;
        --ai;
        --ti;
    }
    return ai == 0 && (ti == 0 || !is_word_byte(static_cast<unsigned char>(text[ti - 1])));
}

// Matches `rest` forwards against the start of `text`, ignoring spaces.
bool text_starts_with(std::string_view text, std::string_view rest) {
    std::size_t ri = 0, ti = 0;
    while (ri < rest.size() && ti < text.size()) {
        if (is_space_byte(text[ti])) { ++ti; continue; }
        if (text[ti] != rest[ri]) return false;
        ++ri;
        ++ti;
    }
    return ri == rest.size() && (ti == text.size() || !is_word_byte(static_cast<unsigned char>(text[ti])));
}

bool next_is_digit(std::string_view after) {
    for (char c : after) {
        if (is_space_byte(c)) continue;
        return std::isdigit(static_cast<unsigned char>(c));
    }
    return false;
}

}  // namespace

bool is_abbreviation_break(std::string_view before_raw, std::string_view after_raw) {
    std::array<char, kContext> before_buffer;
    std::array<char, kContext> after_buffer;
    const auto before_plain =
        plain_spaces(before_raw.substr(before_raw.size() > kContext ? before_raw.size() - kContext : 0), before_buffer);
    const auto text = trim_right(before_plain);
    if (text.empty() || text.back() != '.') return false;
    const auto after = plain_spaces(after_raw.substr(0, kContext), after_buffer);
    for (const auto& squeezed : squeezed_abbreviations()) {
        // ICU may cut after any period of "z. B.": try each as the cut.
        for (std::size_t k = 0; k < squeezed.size(); ++k) {
            if (squeezed[k] != '.') continue;
            const auto head = std::string_view(squeezed).substr(0, k + 1);
            const auto tail = std::string_view(squeezed).substr(k + 1);
            if (text_ends_with(text, head) && (tail.empty() || text_starts_with(after, tail))) return true;
        }
    }
    for (auto abbreviation : kNumberAbbreviations)
        if (text_ends_with(text, abbreviation) && next_is_digit(after)) return true;
    return false;
}

namespace {

icu::BreakIterator& sentence_iterator() {
    thread_local std::unique_ptr<icu::BreakIterator> it = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> bi(
            icu::BreakIterator::createSentenceInstance(icu::Locale("de"), status));
        if (U_FAILURE(status)) throw Error("ICU sentence break iterator unavailable");
        return bi;
    }();
    return *it;
}

}  // namespace

std::vector<Span> sentences(std::string_view utf8, std::uint32_t base) {
    std::vector<Span> result;
    if (utf8.empty()) return result;
    UErrorCode status = U_ZERO_ERROR;
    UText text = UTEXT_INITIALIZER;  // on the stack: no allocation per paragraph
    UText* ut = utext_openUTF8(&text, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
    if (U_FAILURE(status)) throw Error("text could not be opened for sentence segmentation");
    auto& bi = sentence_iterator();
    bi.setText(ut, status);
    if (U_FAILURE(status)) {
        utext_close(ut);
        throw Error("text could not be segmented into sentences");
    }
    // Byte boundaries from ICU, minus those that follow an abbreviation.
    std::vector<std::size_t> cuts;
    for (int32_t b = bi.next(); b != icu::BreakIterator::DONE; b = bi.next()) {
        const auto pos = static_cast<std::size_t>(b);
        if (pos < utf8.size()) {
            const auto before = utf8.substr(0, pos);
            const auto after = utf8.substr(pos);
            if (is_abbreviation_break(before, after) || ends_with_ordinal_before_month(trim_right(before), after)) continue;
        }
        cuts.push_back(pos);
    }
    bi.setText(icu::UnicodeString());
    utext_close(ut);

    std::size_t cp = base;
    std::size_t byte = 0;
    auto advance_to = [&](std::size_t target) {
        for (; byte < target; ++byte)
            if ((static_cast<unsigned char>(utf8[byte]) & 0xC0) != 0x80) ++cp;
    };
    std::size_t start = 0;
    for (auto cut : cuts) {
        // Trim white space (ASCII and NBSP) on both sides of the piece.
        std::size_t s = start;
        std::size_t e = cut;
        while (s < e) {
            if (is_space_byte(utf8[s])) ++s;
            else if (auto n = nbsp_at(utf8, s)) s += n;
            else break;
        }
        e = s + trim_right(utf8.substr(s, e - s)).size();
        if (s < e) {
            advance_to(s);
            const auto cp_start = static_cast<std::uint32_t>(cp);
            advance_to(e);
            result.push_back(Span{cp_start, static_cast<std::uint32_t>(cp)});
        }
        start = cut;
    }
    return result;
}

}  // namespace qcode::text
