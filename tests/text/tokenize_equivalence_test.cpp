// tokenize's table-driven fast path must give exactly the tokens of ICU's
// word BreakIterator (detail::tokenize_icu): same spans, same folded
// strings, on the shipped samples, on hand-picked hard cases, on every code
// point of the fast table in the contexts where word-break rules look at
// neighbours, and on generated strings from an alphabet built to provoke
// the rules the fast path hands to ICU.
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "core/utf8.hpp"
#include "support/temp_dir.hpp"
#include "text/tokenize.hpp"

using qcode::text::Token;
using qcode::text::tokenize;
using qcode::text::detail::tokenize_icu;

namespace {

// The text with every byte outside printable ASCII as \xNN, for messages.
std::string escaped(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (c >= 0x20 && c < 0x7F && c != '\\') {
            out += static_cast<char>(c);
        } else {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

template <typename List>  // Tokens, or a std::vector<Token> of views into some
std::string describe(const List& tokens) {
    std::string out;
    for (const auto& t : tokens) {
        // Appended piece by piece: GCC 12 warns (-Wrestrict, falsely) on
        // one long chain of operator+ here.
        out += '[';
        out += std::to_string(t.span.start);
        out += ',';
        out += std::to_string(t.span.end);
        out += ")'";
        out += escaped(std::string(t.folded));
        out += "' ";
    }
    return out;
}

template <typename A, typename B>
bool same(const A& a, const B& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].span.start != b[i].span.start || a[i].span.end != b[i].span.end || a[i].folded != b[i].folded)
            return false;
    return true;
}

// Checks one text, reporting the input and both token lists on a mismatch.
// Returns whether they agreed, so loops can stop after a few failures.
bool check(const std::string& text, std::uint32_t base = 0) {
    const auto fast = tokenize(text, base);
    const auto reference = tokenize_icu(text, base);
    if (same(fast, reference)) return true;
    BOOST_ERROR("tokenize differs from ICU on \"" << escaped(text) << "\"\n  fast: " << describe(fast)
                                                  << "\n  icu:  " << describe(reference));
    return false;
}

std::string utf8_of(char32_t cp) {
    std::string out;
    qcode::utf8::append(out, cp);
    return out;
}

// Windows-1252 to UTF-8, for the one sample in that encoding (0x81, 0x8D,
// 0x8F, 0x90 and 0x9D are unassigned and kept as C1 controls).
std::string from_cp1252(const std::string& bytes) {
    static const char32_t high[32] = {0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,   0x017D, 0x8F,
                                      0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
    std::string out;
    for (unsigned char c : bytes) qcode::utf8::append(out, c >= 0x80 && c < 0xA0 ? high[c - 0x80] : c);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(tokenize_matches_icu)

BOOST_AUTO_TEST_CASE(shipped_samples) {
    const std::filesystem::path samples = std::filesystem::path(QCODE_SOURCE_DIR) / "samples";
    int checked = 0;
    for (const auto& entry : std::filesystem::directory_iterator(samples)) {
        if (!entry.is_regular_file() || entry.path().extension() == ".docx") continue;
        auto text = qcode::testing::read_file(entry.path());
        if (entry.path().filename().string().find("cp1252") != std::string::npos) text = from_cp1252(text);
        BOOST_TEST_REQUIRE(qcode::utf8::valid(text), entry.path());
        BOOST_TEST_CONTEXT(entry.path()) {
            BOOST_TEST(!tokenize(text).empty());
            // Whole files, as autocoding tokenizes a document, and line by
            // line with an offset, as a paragraph would be.
            check(text);
            std::size_t line_start = 0;
            std::uint32_t cp = 0;
            while (line_start < text.size()) {
                auto line_end = text.find('\n', line_start);
                if (line_end == std::string::npos) line_end = text.size();
                const auto line = text.substr(line_start, line_end - line_start);
                if (!check(line, cp)) break;
                cp += static_cast<std::uint32_t>(qcode::utf8::length(line)) + 1;
                line_start = line_end + 1;
            }
        }
        ++checked;
    }
    BOOST_TEST(checked >= 10);  // the samples folder holds 10 text files and more
}

BOOST_AUTO_TEST_CASE(hand_picked_hard_cases) {
    const std::vector<std::string> cases = {
        // hyphens, dashes, soft hyphen inside and at the edges of a word
        "E-Akte und AZR-Abfrage", "e-Mail", "GROSSSTADT-Schnittstelle", "Ein- und Ausreise", "Nord–Süd — Ost",
        "Schnitt\xC2\xAD" "stelle", "\xC2\xAD" "Anfang Ende\xC2\xAD", "Schnitt\xC2\xAD\xC2\xAD" "stelle",
        // abbreviations, periods, apostrophes, colons, commas between letters and digits
        "z. B.", "z.B.", "z.B", "u.a.", "e.V.", "Dr.Meier", "geht's", "geht’s", "d'accord", "Sie's", "'s Haus",
        "rock'n'roll", "3,5 %", "3,5%", "1.000.000", "1,5", "1;5", "a;b", "10:30", "10:30:15", "Uhr:Minute",
        "§ 12 Abs. 2", "§12", "Art. 3 Abs. 1 GG", "S.12", "4.a", "a.4", "1'000", "O'Brien",
        "Ende.Anfang", "Ende. Anfang", "Wort,Wort", "Wort, Wort", "a.b.c.d", "a..b", "a.'b", "ab.", ".ab", "'ab'",
        // quotes
        "„Anführung“", "‚einfach‘", "»Guillemets«", "«fr»", "\"gerade\"", "sagte\"Hallo\"", "a\"b",
        // URLs, e-mail addresses, @ and underscores
        "https://www.bamf.de/DE/Startseite/startseite_node.html", "www.azr.de", "info@stadt-nordheim.de",
        "@handle", "a@b", "snake_case_name", "_a", "a_", "1_000",
        // emoji, pictographs and their joiners
        "Super 👍 gut", "👍🏽", "👨‍👩‍👧", "a\xE2\x80\x8D" "b", "\xE2\x80\x8D©", "©2024", "® ‼ ⁉",
        "🇩🇪 Flagge", "x\xE2\x80\x8C" "y",
        // other scripts
        "Ελληνικά κείμενα", "ΣΊΣΥΦΟΣ ς", "Русский текст", "Ёлка", "مرحبا بالعالم ١٢٣", "שלום עולם", "ש\"ח",
        "中文文本测试", "日本語のテキスト", "カタカナ", "한국어 텍스트", "ภาษาไทย", "Ǆemal ǅ", "İstanbul", "ŉ",
        "ǰ ẖ ẗ ẘ ẙ ẚ", "ᾳ ᾷ ῗ", "µ Mikro", "ªº", "Straße STRASSE ẞ", "Ǳ", "ﬁ ﬂ ﬀ", "Ⅻ ⅻ", "①②", "ⁱⁿ",
        // decomposed umlauts and lone combining marks
        "Beho\xCC\x88rde fu\xCC\x88r A\xCC\x88mter", "\xCC\x88" "a", " \xCC\x88" "a", "a \xCC\x88", "a\xCC\x88.b",
        // white space of every kind
        "a\xC2\xA0" "b", "z.\xC2\xA0" "B.", "5\xE2\x80\xAF" "000", "z.\xE2\x80\xAF" "B.", "a\tb", "a\r\nb", "a\rb",
        "a\vb\fc", "a\xC2\x85" "b", "a\xE2\x80\xA8" "b", "a\xE2\x80\x83\xE2\x80\x83" "b", "a \xE2\x80\x83 b",
        "a\xE2\x80\x8B" "b", "  leading and trailing  ", "",
        // mixed letters and digits, numbers with units
        "AZR2024", "2024AZR", "3a", "a3", "42", "300 Fälle", "x²", "H₂O", "½", "٣.٥", "१२३",
        // currency and symbols
        "5€", "€5", "5 €", "$100", "100%", "#hashtag", "a+b=c", "a/b", "a\\b", "a|b", "a~b", "a^b", "a`b",
        // the tokenizer tests' examples
        "Die GROSSSTADT-Schnittstelle (AZR) läuft.", "§ 72 AufenthV, (...) 300 Fälle!", "Übergabe für Ämter",
    };
    for (const auto& text : cases) {
        check(text);
        check(text, 1000);  // the offset must not change anything but spans
    }
}

BOOST_AUTO_TEST_CASE(every_table_code_point_in_every_context) {
    // The fast path classifies U+0000–U+07FF and U+1E00–U+20CF by table;
    // put each of them (and a margin beyond) where the word-break rules
    // look at neighbours: between letters, between digits, next to a word,
    // alone, doubled, and next to white space.
    std::vector<char32_t> code_points;
    for (char32_t c = 1; c < 0x0900; ++c) code_points.push_back(c);
    for (char32_t c = 0x1D00; c < 0x2200; ++c) code_points.push_back(c);
    for (char32_t c : {0x3000, 0xFE52, 0xFE55, 0xFF0E, 0xFF1A, 0xFF07, 0xFEFF, 0x1F44D, 0x1F3FD, 0xE0001})
        code_points.push_back(c);
    int failures = 0;
    for (char32_t c : code_points) {
        if (c >= 0xD800 && c < 0xE000) continue;
        const auto x = utf8_of(c);
        for (const std::string& text : {"a" + x + "b", "1" + x + "2", "a" + x + "1", "1" + x + "a", x, x + x,
                                        "ab" + x, x + "ab", "a" + x + x + "b", "a " + x + " b", x + " a",
                                        "a\xC2\xA0" + x + "b", "Ä" + x + "ö", "ß" + x + "ẞ", "a'" + x, x + "'a",
                                        "a." + x, x + ".a", "a" + x + "\xCC\x88", "\xE2\x80\x8D" + x})
            if (!check(text) && ++failures > 20) return;
    }
}

BOOST_AUTO_TEST_CASE(generated_strings) {
    // Letters, digits, umlauts, ß, the "Mid" punctuation of the word-break
    // rules, hyphens, white space of several kinds and the invisible
    // characters the fast path must leave to ICU.
    const std::vector<std::string> alphabet = {
        "a", "b", "Z", "e", "1", "7", "ä", "Ö", "ü", "ß", "ẞ", "é", "ø", "µ", "'", "’", ".", ",", ";", ":", "-",
        "–", " ", " ", "\t", "\n", "\r", "\xC2\xA0", "\xC2\xAD", "\xCC\x88", "\xE2\x80\x8D", "\xE2\x80\xAF",
        "\xE2\x80\x83", "_", "@", "„", "\"", "(", "/", "%", "Ω", "я", "א", "👍", "中"};
    std::mt19937 random(20240611);  // fixed: a failure must reproduce
    std::uniform_int_distribution<std::size_t> length(0, 24);
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    std::uniform_int_distribution<std::size_t> space(0, 6);
    const std::vector<std::string> spaces = {" ", "\t", "\n", "\r\n", "\xC2\xA0", "  ", "\r"};
    int failures = 0;
    for (int round = 0; round < 30000; ++round) {
        std::string first, second;
        for (auto n = length(random); n > 0; --n) first += alphabet[pick(random)];
        for (auto n = length(random); n > 0; --n) second += alphabet[pick(random)];
        const auto& gap = spaces[space(random)];
        if (!check(first) && ++failures > 10) return;
        if (!check(first + gap + second, 7) && ++failures > 10) return;

        // The fast path hands ICU one white-space-delimited stretch at a
        // time, trusting that white space is a word boundary ICU sees the
        // same way from either side. Check that on ICU itself: the text
        // joined at white space yields the tokens of each side alone.
        const auto joined = tokenize_icu(first + gap + second);
        const auto left = tokenize_icu(first);
        const auto offset = static_cast<std::uint32_t>(qcode::utf8::length(first + gap));
        const auto right = tokenize_icu(second, offset);
        std::vector<Token> expected(left.begin(), left.end());
        expected.insert(expected.end(), right.begin(), right.end());
        if (!same(joined, expected)) {
            BOOST_ERROR("white space is no hard word boundary in \"" << escaped(first + gap + second) << "\"");
            if (++failures > 10) return;
        }
    }
}

BOOST_AUTO_TEST_CASE(long_words_and_long_texts) {
    // Past the 16-byte steps of the vectorised letter scan and past short
    // string storage.
    std::string text;
    for (int i = 0; i < 200; ++i) {
        text += "Donaudampfschifffahrtsgesellschaftskapitän";
        text += i % 3 == 0 ? " " : i % 3 == 1 ? ", " : "\xC2\xA0";
        text += std::string(static_cast<std::size_t>(i % 37), 'X');
        text += "z.B.geht's ";
    }
    check(text);
    check(std::string(1000, 'a'));
    check(std::string(17, 'A') + "ä" + std::string(15, '9'));
}

BOOST_AUTO_TEST_SUITE_END()
