#include "codebook/ids.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

#include "codebook/yaml_writer.hpp"
#include "core/error.hpp"
#include "core/sha256.hpp"

namespace qcode::codebook {

namespace {

// Any script to Latin, then Latin to ASCII. German umlauts are spelled out
// before this step, which would otherwise drop their dots (ä → a).
icu::Transliterator* ascii_transliterator() {
    thread_local std::unique_ptr<icu::Transliterator> t = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> tr(
            icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
        if (U_FAILURE(status)) tr.reset();
        return tr;
    }();
    return t.get();
}

}  // namespace

std::string id_from_name(std::string_view name) {
    static const std::pair<std::string_view, std::string_view> german[] = {
        {"ä", "ae"}, {"ö", "oe"}, {"ü", "ue"}, {"Ä", "Ae"}, {"Ö", "Oe"}, {"Ü", "Ue"}, {"ß", "ss"}, {"ẞ", "SS"}};
    std::string spelled;
    for (std::size_t i = 0; i < name.size();) {
        bool replaced = false;
        for (const auto& [from, to] : german)
            if (name.substr(i).starts_with(from)) {
                spelled += to;
                i += from.size();
                replaced = true;
                break;
            }
        if (!replaced) spelled += name[i++];
    }
    std::string ascii = spelled;
    if (auto* tr = ascii_transliterator()) {
        auto u = icu::UnicodeString::fromUTF8(spelled);
        tr->transliterate(u);
        ascii.clear();
        u.toUTF8String(ascii);
    }
    std::string id;
    bool gap = false;
    for (char ch : ascii) {
        const auto c = static_cast<unsigned char>(ch);
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum) {
            gap = true;
            continue;
        }
        if (gap && !id.empty()) id += '_';
        gap = false;
        id += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return id.empty() ? "code" : id;
}

std::string unique_id(const std::string& base, const std::vector<Code>& siblings) {
    auto taken = [&](const std::string& id) {
        return std::any_of(siblings.begin(), siblings.end(), [&](const Code& c) { return c.id == id; });
    };
    if (!taken(base)) return base;
    for (int n = 2;; ++n) {
        const auto candidate = base + "_" + std::to_string(n);
        if (!taken(candidate)) return candidate;
    }
}

void assign_paths(std::vector<Code>& codes, const std::string& parent) {
    for (auto& c : codes) {
        c.path = parent.empty() ? c.id : parent + "/" + c.id;
        assign_paths(c.children, c.path);
    }
}

std::string code_guid(std::string_view path) {
    std::string hex = sha256_hex("qcode-code:" + std::string(path)).substr(0, 32);
    hex[12] = '4';  // version 4 (the form; the bits come from a hash, as v4's from chance)
    static constexpr char variant[] = "89ab";
    const int nibble = hex[16] <= '9' ? hex[16] - '0' : hex[16] - 'a' + 10;
    hex[16] = variant[nibble & 3];
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
           hex.substr(20, 12);
}

namespace {

void fill_labels(std::vector<Code>& codes) {
    for (auto& c : codes) {
        if (c.label.find_first_not_of(" \t") == std::string::npos) c.label = c.id;
        fill_labels(c.children);
    }
}

}  // namespace

Codebook finish_import(Codebook cb, const std::string& source_path) {
    if (cb.name.find_first_not_of(" \t") == std::string::npos) cb.name = "Codebook";
    if (cb.language.empty()) cb.language = "de";
    fill_labels(cb.codes);
    assign_paths(cb.codes);
    try {
        return parse_yaml(to_yaml(cb), source_path);
    } catch (const Error& e) {
        // Only a bug can get here: the importers build what YAML can hold.
        throw Error("the converted codebook does not read back as YAML (" + e.message() + ")", source_path);
    }
}

bool try_parse_pattern(const std::string& source, Pattern& out, std::string& why, const text::FoldOptions& fold) {
    try {
        out = parse_pattern(source, fold);
        return true;
    } catch (const Error& e) {
        why = e.message();
        return false;
    }
}

}  // namespace qcode::codebook
