// nfc and fold_case (DESIGN §2/§4: documents are NFC; matching uses ICU
// full case folding, so STRASSE = Straße).
#include <boost/test/unit_test.hpp>

#include <string>

#include "core/error.hpp"
#include "text/normalize.hpp"

using qcode::text::fold_case;
using qcode::text::nfc;
using qcode::text::nfc_in_place;

BOOST_AUTO_TEST_SUITE(normalize)

BOOST_AUTO_TEST_CASE(nfc_composes_decomposed_umlaut) {
    // U+0055 U+0308 (NFD Ü) → U+00DC
    BOOST_TEST(nfc("U\xCC\x88") == "\xC3\x9C");
    BOOST_TEST(nfc("U\xCC\x88" "ber") == "\xC3\x9C" "ber");
    // a + U+0308 → ä, o + U+0308 → ö inside a word
    BOOST_TEST(nfc("Beho\xCC\x88rde fu\xCC\x88r a\xCC\x88mter") == "Beh\xC3\xB6rde f\xC3\xBCr \xC3\xA4mter");
    // e + U+0301 → é
    BOOST_TEST(nfc("Cafe\xCC\x81") == "Caf\xC3\xA9");
}

BOOST_AUTO_TEST_CASE(nfc_keeps_composed_and_ascii_text) {
    BOOST_TEST(nfc("") == "");
    BOOST_TEST(nfc("Hallo Welt") == "Hallo Welt");
    BOOST_TEST(nfc("Stra\xC3\x9F" "e \xC3\xBC" "ber") == "Stra\xC3\x9F" "e \xC3\xBC" "ber");
}

BOOST_AUTO_TEST_CASE(nfc_is_not_compatibility_normalisation) {
    // U+FB01 (ﬁ ligature) and U+00B2 (²) survive NFC (they would not NFKC).
    BOOST_TEST(nfc("\xEF\xAC\x81" "x\xC2\xB2") == "\xEF\xAC\x81" "x\xC2\xB2");
}

BOOST_AUTO_TEST_CASE(nfc_reorders_combining_marks) {
    // q + U+0307 (dot above, ccc 230) + U+0323 (dot below, ccc 220):
    // canonical order puts the dot below first; no precomposed form exists.
    BOOST_TEST(nfc("q\xCC\x87\xCC\xA3") == "q\xCC\xA3\xCC\x87");
}

// nfc checks the UTF-8 bytes first (ASCII eight bytes at a time, then ICU's
// quick check) and normalises only when needed: decomposed text anywhere in
// a long transcript, after pure ASCII or after composed umlauts, is found.
BOOST_AUTO_TEST_CASE(nfc_finds_decomposed_text_anywhere) {
    const std::string ascii(1001, 'a');
    const std::string composed = "Stra\xC3\x9F" "e \xC3\xBC" "ber ";
    for (const std::string& before : {std::string(), ascii, composed + ascii, ascii + composed}) {
        BOOST_TEST(nfc(before + "U\xCC\x88" "ber") == before + "\xC3\x9C" "ber");
        BOOST_TEST(nfc(before + "x") == before + "x");
        std::string text = before + "Beho\xCC\x88rde";
        nfc_in_place(text);
        BOOST_TEST(text == before + "Beh\xC3\xB6rde");
        text = before + "Beh\xC3\xB6rde";
        nfc_in_place(text);
        BOOST_TEST(text == before + "Beh\xC3\xB6rde");
        text = before + "q\xCC\x87\xCC\xA3";  // reordered marks, no composition
        nfc_in_place(text);
        BOOST_TEST(text == before + "q\xCC\xA3\xCC\x87");
        text = before + "\xFF";
        BOOST_CHECK_THROW(nfc_in_place(text), qcode::Error);
    }
}

BOOST_AUTO_TEST_CASE(nfc_rejects_invalid_utf8) {
    // normalize.hpp: "Throws qcode::Error on invalid UTF-8."
    BOOST_CHECK_THROW(nfc("abc\xFF"), qcode::Error);
    BOOST_CHECK_THROW(nfc("U\xCC\x88\xC3"), qcode::Error);
}

BOOST_AUTO_TEST_CASE(fold_case_sharp_s) {
    BOOST_TEST(fold_case("STRASSE") == "strasse");
    BOOST_TEST(fold_case("Stra\xC3\x9F" "e") == "strasse");
    BOOST_TEST(fold_case("STRASSE") == fold_case("Stra\xC3\x9F" "e"));
    BOOST_TEST(fold_case("\xE1\xBA\x9E") == "ss");  // U+1E9E capital sharp s
}

BOOST_AUTO_TEST_CASE(fold_case_umlauts_and_greek) {
    BOOST_TEST(fold_case("\xC3\x84\xC3\x96\xC3\x9C") == "\xC3\xA4\xC3\xB6\xC3\xBC");  // ÄÖÜ → äöü
    BOOST_TEST(fold_case("Beh\xC3\xB6rde") == "beh\xC3\xB6rde");
    BOOST_TEST(fold_case("\xCF\x82") == "\xCF\x83");  // final sigma → σ
    BOOST_TEST(fold_case("\xCE\xA3") == "\xCF\x83");  // Σ → σ
    // U+0130 (İ) full-folds to i + U+0307 with the default (non-Turkic) rules.
    BOOST_TEST(fold_case("\xC4\xB0") == "i\xCC\x87");
}

BOOST_AUTO_TEST_CASE(fold_case_ascii) {
    BOOST_TEST(fold_case("") == "");
    BOOST_TEST(fold_case("AZR-Abfrage 2025!") == "azr-abfrage 2025!");
    BOOST_TEST(fold_case("schon klein") == "schon klein");
}

BOOST_AUTO_TEST_SUITE_END()
