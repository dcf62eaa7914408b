#pragma once
// Unicode normalisation and folding. Documents are stored NFC; matching
// compares full case folds (ICU), so "STRASSE" and "Straße" are one word.
#include <string>
#include <string_view>

namespace qcode::text {

// NFC-normalises UTF-8. Throws qcode::Error on invalid UTF-8.
std::string nfc(std::string_view utf8);
// The same in place, without a copy when the text is NFC already (a whole
// transcript at import).
void nfc_in_place(std::string& utf8);

// ICU full case folding of UTF-8 (ß → ss, Σ/σ/ς → σ, …).
std::string fold_case(std::string_view utf8);

}  // namespace qcode::text
