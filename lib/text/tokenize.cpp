#include "text/tokenize.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>

#include "core/error.hpp"
#include "core/utf8.hpp"
#include "text/normalize.hpp"

namespace qcode::text {

namespace {

// Creating a BreakIterator loads rule data; clone a prototype per call
// instead (cheap), and keep one per thread.
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

}  // namespace

std::vector<Token> tokenize(std::string_view utf8, std::uint32_t base) {
    std::vector<Token> tokens;
    if (utf8.empty()) return tokens;
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
    if (U_FAILURE(status)) throw Error("text could not be opened for word segmentation");
    auto& bi = word_iterator();
    bi.setText(ut, status);
    if (U_FAILURE(status)) {
        utext_close(ut);
        throw Error("text could not be segmented into words");
    }
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
        tokens.push_back(Token{Span{cp_start, static_cast<std::uint32_t>(cp)}, std::move(folded)});
    }
    bi.setText(icu::UnicodeString());  // do not keep a pointer to the caller's text
    utext_close(ut);
    return tokens;
}

}  // namespace qcode::text
