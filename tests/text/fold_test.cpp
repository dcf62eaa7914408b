// fold: the `fold:` options beyond case (DESIGN §4) — diacritics, umlauts,
// stem — on case-folded words and glob patterns.
#include <boost/test/unit_test.hpp>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <ios>
#include <string>

#include "text/fold.hpp"
#include "text/normalize.hpp"

using qcode::text::fold_case;
using qcode::text::fold_letters;
using qcode::text::FoldOptions;
using qcode::text::Stemmer;

namespace {

FoldOptions options(bool diacritics, bool umlauts) {
    FoldOptions fold;
    fold.diacritics = diacritics;
    fold.umlauts = umlauts;
    return fold;
}

const FoldOptions kNone = options(false, false);
const FoldOptions kDiacritics = options(true, false);
const FoldOptions kUmlauts = options(false, true);
const FoldOptions kBoth = options(true, true);

// What the matcher does with a word of the text: case fold, then letters.
std::string fold(const std::string& word, const FoldOptions& options) { return fold_letters(fold_case(word), options); }

}  // namespace

BOOST_AUTO_TEST_SUITE(fold_letters_and_stems)

BOOST_AUTO_TEST_CASE(to_string_names_case_first_then_each_option) {
    BOOST_TEST(to_string(kNone) == "case");
    BOOST_TEST(to_string(kDiacritics) == "case, diacritics");
    FoldOptions all = kBoth;
    all.stem = true;
    BOOST_TEST(to_string(all) == "case, diacritics, umlauts, stem");
    FoldOptions stem_only;
    stem_only.stem = true;
    BOOST_TEST(to_string(stem_only) == "case, stem");
}

BOOST_AUTO_TEST_CASE(no_option_changes_nothing) {
    BOOST_TEST(fold_letters("ämter", kNone) == "ämter");
    BOOST_TEST(fold_letters("café", kNone) == "café");
    BOOST_TEST(!kNone.any_letters());
    BOOST_TEST(kUmlauts.any_letters());
}

BOOST_AUTO_TEST_CASE(diacritics_equate_behorde_and_behoerde_spelled_with_umlaut) {
    BOOST_TEST(fold("Behörde", kDiacritics) == "behorde");
    BOOST_TEST(fold("Behörde", kDiacritics) == fold("Behorde", kDiacritics));
    BOOST_TEST(fold("Café", kDiacritics) == "cafe");
    BOOST_TEST(fold("Ämter", kDiacritics) == "amter");
    BOOST_TEST(fold("Łódź", kDiacritics) == "łodz");  // ł has no decomposition: a letter
    // Greek tonos is a nonspacing mark too.
    BOOST_TEST(fold("Ελληνικά", kDiacritics) == "ελληνικα");
}

BOOST_AUTO_TEST_CASE(diacritics_leave_letters_that_are_not_decomposable) {
    BOOST_TEST(fold("Øresund", kDiacritics) == "øresund");
    BOOST_TEST(fold("Æsir", kDiacritics) == "æsir");
    // ß is no diacritic; case folding already made it ss in the text, and a
    // pattern word written with ß keeps it under diacritics alone.
    BOOST_TEST(fold_letters("straße", kDiacritics) == "straße");
    BOOST_TEST(fold("Straße", kDiacritics) == "strasse");
}

BOOST_AUTO_TEST_CASE(diacritics_keep_hangul_whole) {
    // NFD splits Hangul syllables into jamo; the result is recomposed.
    BOOST_TEST(fold_letters("한국어", kDiacritics) == "한국어");
}

BOOST_AUTO_TEST_CASE(umlauts_transliterate_german) {
    BOOST_TEST(fold("Ausländer", kUmlauts) == "auslaender");
    BOOST_TEST(fold("Ausländer", kUmlauts) == fold("Auslaender", kUmlauts));
    BOOST_TEST(fold_letters("straße", kUmlauts) == "strasse");
    BOOST_TEST(fold("Straße", kUmlauts) == fold("Strasse", kUmlauts));
    BOOST_TEST(fold("Übergabe für Ämter, Öffnung", kUmlauts) == "uebergabe fuer aemter, oeffnung");
    // Only German umlauts: é is a diacritic, not an umlaut.
    BOOST_TEST(fold("Café", kUmlauts) == "café");
}

BOOST_AUTO_TEST_CASE(umlauts_apply_before_diacritics) {
    BOOST_TEST(fold("Ausländer", kBoth) == "auslaender");
    BOOST_TEST(fold("Ausländer", kBoth) != fold("Auslander", kBoth));
    BOOST_TEST(fold("Café", kBoth) == "cafe");
    BOOST_TEST(fold_letters("straße", kBoth) == "strasse");
}

BOOST_AUTO_TEST_CASE(globs_pass_through) {
    BOOST_TEST(fold_letters("*schnittstelle*", kBoth) == "*schnittstelle*");
    BOOST_TEST(fold_letters("beh?rde", kBoth) == "beh?rde");
    BOOST_TEST(fold_letters("*ämter?", kUmlauts) == "*aemter?");
    BOOST_TEST(fold_letters("*ämter?", kDiacritics) == "*amter?");
    BOOST_TEST(fold_letters("b?h*rdé", kDiacritics) == "b?h*rde");
}

BOOST_AUTO_TEST_CASE(decomposed_input_folds_like_composed) {
    const std::string nfd_aemter = "a\xCC\x88mter";       // a + U+0308
    const std::string nfd_behoerde = "beho\xCC\x88rde";   // o + U+0308
    BOOST_TEST(fold_letters(nfd_aemter, kUmlauts) == "aemter");
    BOOST_TEST(fold_letters(nfd_aemter, kDiacritics) == "amter");
    BOOST_TEST(fold_letters(nfd_aemter, kBoth) == "aemter");
    BOOST_TEST(fold_letters(nfd_behoerde, kDiacritics) == fold_letters("behörde", kDiacritics));
    BOOST_TEST(fold_letters("u\xCC\x88" "ber", kUmlauts) == fold_letters("über", kUmlauts));
    // Under umlauts alone a decomposed é stays é, but as NFC, like "café".
    BOOST_TEST(fold_letters("cafe\xCC\x81", kUmlauts) == "café");
    // ä followed by a second diaeresis: ae, and the mark on the e is NFC ë.
    BOOST_TEST(fold_letters("a\xCC\x88\xCC\x88", kUmlauts) == "aë");
}

BOOST_AUTO_TEST_CASE(text_below_u0300_needs_no_normalising) {
    // fold_letters skips NFC for words without a byte >= 0xCC (code points
    // below U+0300). That holds if each such code point is NFC_QC=Yes: then
    // it is NFC alone and cannot combine with what precedes it.
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    BOOST_TEST_REQUIRE(U_SUCCESS(status));
    for (UChar32 c = 1; c < 0x0300; ++c) {
        BOOST_TEST_CONTEXT("U+" << std::hex << c) {
            BOOST_TEST(nfc->quickCheck(icu::UnicodeString(c), status) == UNORM_YES);
        }
    }
    BOOST_TEST(U_SUCCESS(status));
    // and the first code point at U+0300 is not.
    BOOST_TEST(nfc->quickCheck(icu::UnicodeString(static_cast<UChar32>(0x0300)), status) != UNORM_YES);
}

BOOST_AUTO_TEST_CASE(empty_input) {
    BOOST_TEST(fold_letters("", kBoth) == "");
    Stemmer stemmer;
    BOOST_TEST(stemmer.stem("") == "");
}

BOOST_AUTO_TEST_CASE(stem_equates_plural_and_singular) {
    Stemmer stemmer;
    BOOST_TEST(stemmer.stem("schnittstellen") == "schnittstell");
    BOOST_TEST(stemmer.stem("schnittstelle") == "schnittstell");
    // Snowball German drops umlauts after stemming: Ämter and Amt meet.
    BOOST_TEST(stemmer.stem("ämter") == "amt");
    BOOST_TEST(stemmer.stem("amt") == "amt");
    BOOST_TEST(stemmer.stem("behörden") == stemmer.stem("behörde"));
    // A different word keeps a different stem.
    BOOST_TEST(stemmer.stem("schnitt") != stemmer.stem("schnittstelle"));
}

BOOST_AUTO_TEST_CASE(stem_after_umlauts_still_equates_spellings) {
    // With umlauts on, both spellings reach the stemmer as "ae": one stem.
    Stemmer stemmer;
    BOOST_TEST(stemmer.stem(fold("Ausländer", kUmlauts)) == stemmer.stem(fold("Auslaender", kUmlauts)));
    BOOST_TEST(stemmer.stem(fold("Ämtern", kUmlauts)) == stemmer.stem(fold("Aemter", kUmlauts)));
}

BOOST_AUTO_TEST_CASE(stemmer_is_reusable_and_independent) {
    Stemmer a;
    Stemmer b;
    for (int i = 0; i < 3; ++i) {
        BOOST_TEST(a.stem("schnittstellen") == "schnittstell");
        BOOST_TEST(b.stem("ämter") == "amt");
    }
}

BOOST_AUTO_TEST_SUITE_END()
