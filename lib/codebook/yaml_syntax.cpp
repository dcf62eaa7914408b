// Reading YAML text. yaml-cpp reports syntax errors as "illegal map value"
// and the like; researchers editing a codebook by hand need to hear the
// usual cause instead (an unquoted ": ", a tab, a pattern starting with *).
#include "codebook/yaml_syntax.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "core/utf8.hpp"

namespace qcode::codebook {

namespace {

// The usual cause of each yaml-cpp parser message, phrased as a fix.
std::string hint_for(const std::string& msg) {
    namespace m = YAML::ErrorMsg;
    if (msg == m::MAP_VALUE)
        return "a value containing ': ' must be quoted (label: \"Hürden: Technik\"), "
               "and keys of one map must start in the same column";
    if (msg == m::END_OF_MAP || msg == m::END_OF_SEQ || msg == m::BLOCK_ENTRY || msg == m::MAP_KEY)
        return "check the indentation: the keys of one code (and the items of one list) must start in the same column";
    if (msg == m::END_OF_MAP_FLOW || msg == m::END_OF_SEQ_FLOW || msg == m::FLOW_END)
        return "a [ or { is not closed; a value that starts with [ or { must be quoted";
    if (msg == m::UNKNOWN_ANCHOR || msg == m::ALIAS_NOT_FOUND || msg.starts_with(m::CHAR_IN_ALIAS))
        return "YAML reads a leading * as an alias: quote patterns that start with *, as in - '*akte*'";
    if (msg == m::ANCHOR_NOT_FOUND || msg.starts_with(m::CHAR_IN_ANCHOR))
        return "YAML reads a leading & as an anchor: quote the value";
    if (msg == m::EOF_IN_SCALAR || msg == m::DOC_IN_SCALAR || msg == m::CHAR_IN_SCALAR)
        return "a quoted value is not closed, or contains an unescaped quote of the same kind";
    if (msg.starts_with(m::INVALID_ESCAPE) || msg.starts_with(m::INVALID_UNICODE) || msg == m::INVALID_HEX)
        return "a backslash in a \"double-quoted\" value starts an escape; use 'single quotes' or write \\\\";
    return "check the YAML syntax on this line and the one before";
}

// YAML forbids tabs in indentation, and yaml-cpp then reports something
// unrelated further down. Name the first tab-indented line instead.
int first_tab_indented_line(std::string_view text, int up_to_line) {
    int line = 1;
    for (std::size_t i = 0; i < text.size() && line <= up_to_line; ++line) {
        const auto eol = std::min(text.find('\n', i), text.size());
        const auto row = text.substr(i, eol - i);
        const auto indent = row.substr(0, row.find_first_not_of(" \t"));
        if (indent.find('\t') != std::string_view::npos && indent.size() < row.size()) return line;
        i = eol + 1;
    }
    return 0;
}

}  // namespace

std::string_view strip_bom(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    return text;
}

void check_utf8(std::string_view text, const std::string& path) {
    // '\n' never occurs inside a multi-byte sequence, so checking line by
    // line finds the same errors as checking the whole and gives the line.
    int line = 1;
    for (std::size_t i = 0; i <= text.size(); ++line) {
        const auto eol = std::min(text.find('\n', i), text.size());
        if (!utf8::valid(text.substr(i, eol - i)))
            throw Error("the codebook is not valid UTF-8 (save it with the encoding UTF-8)", path, line);
        i = eol + 1;
    }
}

YAML::Node load_yaml_document(std::string_view text, const std::string& path) {
    try {
        return YAML::Load(std::string(text));
    } catch (const YAML::Exception& e) {
        const int line = e.mark.is_null() ? 0 : e.mark.line + 1;
        if (const int tab = first_tab_indented_line(text, line > 0 ? line : 1 << 30))
            throw Error("invalid YAML: a tab in the indentation; indent with spaces only", path, tab);
        throw Error("invalid YAML (" + e.msg + "): " + hint_for(e.msg), path, line);
    }
}

}  // namespace qcode::codebook
