// to_yaml: the model written back as the YAML of DESIGN §4. Every text goes
// through one of three scalar forms, chosen so that yaml-cpp reads exactly
// the same string back: plain (simple labels), literal block (multi-line
// texts), quoted (everything else; patterns always).
#include "codebook/yaml_writer.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace qcode::codebook {

namespace {

// Code points YAML treats as line breaks or that editors hide; inside a
// scalar they must be escaped in "double quotes".
bool is_special_unicode(std::string_view s, std::size_t i, std::size_t& len) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    if (i + 1 < s.size() && b(0) == 0xC2 && b(1) == 0x85) { len = 2; return true; }           // U+0085 NEL
    if (i + 2 < s.size() && b(0) == 0xE2 && b(1) == 0x80 && (b(2) == 0xA8 || b(2) == 0xA9)) {  // U+2028/9
        len = 3;
        return true;
    }
    if (i + 2 < s.size() && b(0) == 0xEF && b(1) == 0xBB && b(2) == 0xBF) { len = 3; return true; }  // U+FEFF
    return false;
}

bool needs_escapes(std::string_view s, bool allow_newline) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '\n' && allow_newline) continue;
        if (c < 0x20 || c == 0x7F) return true;
        std::size_t len = 0;
        if (is_special_unicode(s, i, len)) return true;
    }
    return false;
}

std::string double_quote(std::string_view s) {
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = 0;
        switch (c) {
            case '"': out += "\\\""; continue;
            case '\\': out += "\\\\"; continue;
            case '\n': out += "\\n"; continue;
            case '\t': out += "\\t"; continue;
            case '\r': out += "\\r"; continue;
            default: break;
        }
        if (c < 0x20 || c == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", c);
            out += buf;
        } else if (is_special_unicode(s, i, len)) {
            // \u escapes: yaml-cpp decodes \N to a raw byte, not to U+0085.
            if (len == 2) out += "\\u0085";
            else if (c == 0xEF) out += "\\uFEFF";
            else out += static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
            i += len - 1;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + "\"";
}

bool is_null_word(std::string_view s) {
    return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

// A plain scalar that reads back unchanged: starts with a letter or digit,
// no surrounding space, nothing YAML reads as structure (": ", " #", a
// trailing ':'), no control characters.
bool plain_safe(std::string_view s) {
    if (is_null_word(s) || needs_escapes(s, false)) return false;
    const auto first = static_cast<unsigned char>(s.front());
    const bool alnum = (first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') || (first >= '0' && first <= '9');
    if (!alnum && first < 0x80) return false;
    if (first >= 0x80) {
        // Non-ASCII letters are fine; spaces such as U+00A0/U+3000 are not
        // worth telling apart here: quote anything starting with them.
        if (s.starts_with("\xC2\xA0") || s.starts_with("\xE3\x80\x80") || s.starts_with("\xE2\x80")) return false;
    }
    if (s.back() == ' ' || s.back() == ':') return false;
    if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos) return false;
    return true;
}

// A multi-line text as a literal block (|): readable, and exact as long as
// no line needs an escape and the first line with text does not start with
// a space (that would change the block's indentation).
bool block_safe(std::string_view s) {
    if (s.find('\n') == std::string_view::npos || needs_escapes(s, true)) return false;
    bool seen_text = false;
    std::size_t start = 0;
    while (start <= s.size()) {
        const auto eol = std::min(s.find('\n', start), s.size());
        const auto line = s.substr(start, eol - start);
        if (!line.empty()) {
            if (line.find_first_not_of(' ') == std::string_view::npos) return false;  // spaces only
            if (!seen_text && line.front() == ' ') return false;
            seen_text = true;
        }
        start = eol + 1;
    }
    return seen_text;
}

class Writer {
public:
    std::string out;

    // `key: value` at `indent`, with the value in the best form for a text.
    void text(int indent, std::string_view key, std::string_view value) {
        out.append(indent, ' ');
        out += key;
        out += ':';
        if (block_safe(value)) {
            block(indent + 2, value);
        } else {
            out += ' ';
            out += plain_safe(value) ? std::string(value) : yaml_quote(value);
            out += '\n';
        }
    }

    // `key: value` with a value that is already a valid scalar.
    void raw(int indent, std::string_view key, std::string_view value) {
        out.append(indent, ' ');
        out += key;
        out += ": ";
        out += value;
        out += '\n';
    }

    // A list of texts; `quote_all` for patterns, whose quotes matter.
    void list(int indent, std::string_view key, const std::vector<std::string>& items, bool quote_all) {
        out.append(indent, ' ');
        out += key;
        out += ":\n";
        for (const auto& item : items) {
            out.append(indent + 2, ' ');
            out += '-';
            if (!quote_all && block_safe(item)) {
                block(indent + 4, item);
            } else {
                out += ' ';
                out += !quote_all && plain_safe(item) ? item : yaml_quote(item);
                out += '\n';
            }
        }
    }

    void codes(int indent, const std::vector<Code>& codes) {
        for (const auto& c : codes) code(indent, c);
    }

private:
    void block(int indent, std::string_view value) {
        std::size_t trailing = 0;
        while (trailing < value.size() && value[value.size() - 1 - trailing] == '\n') ++trailing;
        out += trailing == 0 ? " |-\n" : trailing == 1 ? " |\n" : " |+\n";
        const auto body = value.substr(0, value.size() - trailing);
        std::size_t start = 0;
        while (start <= body.size()) {
            const auto eol = std::min(body.find('\n', start), body.size());
            const auto line = body.substr(start, eol - start);
            if (!line.empty()) out.append(indent, ' ');
            out += line;
            out += '\n';
            start = eol + 1;
        }
        for (std::size_t i = 1; i < trailing; ++i) out += '\n';
    }

    // where: one line per attribute; a single value as a text, several as a list.
    void where(int indent, const std::vector<AttributeCondition>& conditions) {
        out.append(indent, ' ');
        out += "where:\n";
        for (const auto& c : conditions) {
            const auto name = plain_safe(c.name) ? c.name : yaml_quote(c.name);
            if (c.values.size() == 1) text(indent + 2, name, c.values.front());
            else list(indent + 2, name, c.values, false);
        }
    }

    static std::string id_scalar(const std::string& id) {
        const bool plain = !id.empty() && id.front() != '-' && id.front() != '.' && !is_null_word(id);
        return plain ? id : yaml_quote(id);
    }

    void code(int indent, const Code& c) {
        out.append(indent, ' ');
        out += "- id: " + id_scalar(c.id) + "\n";
        const int in = indent + 2;
        text(in, "label", c.label);
        if (!c.description.empty()) text(in, "description", c.description);
        if (!c.definition.empty()) text(in, "definition", c.definition);
        if (!c.coding_rules.empty()) text(in, "coding_rules", c.coding_rules);
        if (!c.anchor_examples.empty()) list(in, "anchor_examples", c.anchor_examples, false);
        if (!c.color.empty()) raw(in, "color", yaml_quote(c.color));
        if (!c.codable) raw(in, "codable", "false");
        if (c.unit) raw(in, "unit", std::string(to_string(*c.unit)));
        if (c.speakers) raw(in, "speakers", std::string(to_string(*c.speakers)));
        if (!c.speaker_labels.empty()) list(in, "speaker_labels", c.speaker_labels, false);
        if (!c.where.empty()) where(in, c.where);
        if (!c.within.empty()) text(in, "within", c.within);
        if (c.context) raw(in, "context", std::to_string(*c.context));
        if (c.fold) {
            std::string folds = "[";  // appended: "[" + std::string trips GCC 12's -Wrestrict false positive
            folds.append(text::to_string(*c.fold)).push_back(']');
            raw(in, "fold", folds);
        }
        auto sources = [](const std::vector<Pattern>& ps) {
            std::vector<std::string> out;
            for (const auto& p : ps) out.push_back(p.source);
            return out;
        };
        if (!c.patterns.empty()) list(in, "patterns", sources(c.patterns), true);
        if (!c.exclude.empty()) list(in, "exclude", sources(c.exclude), true);
        if (!c.children.empty()) {
            out.append(in, ' ');
            out += "children:\n";
            codes(in + 2, c.children);
        }
    }
};

}  // namespace

std::string yaml_quote(std::string_view s) {
    if (needs_escapes(s, false)) return double_quote(s);
    std::string out = "'";
    for (char c : s) {
        if (c == '\'') out += "''";
        else out += c;
    }
    return out + "'";
}

std::string to_yaml(const Codebook& cb) {
    Writer w;
    w.text(0, "codebook", cb.name);
    w.raw(0, "version", std::to_string(cb.version));
    w.text(0, "language", cb.language);
    w.raw(0, "defaults",
          "{ unit: " + std::string(to_string(cb.defaults.unit)) + ", speakers: " +
              std::string(to_string(cb.defaults.speakers)) +
              (cb.defaults.context ? ", context: " + std::to_string(cb.defaults.context) : std::string()) +
              (cb.defaults.fold != text::FoldOptions{} ? ", fold: [" + text::to_string(cb.defaults.fold) + "]"
                                                       : std::string()) +
              " }");
    if (cb.codes.empty()) {
        w.raw(0, "codes", "[]");
    } else {
        w.out += "codes:\n";
        w.codes(2, cb.codes);
    }
    return w.out;
}

}  // namespace qcode::codebook
