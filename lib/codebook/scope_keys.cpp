// The scope keys of a code, read from YAML with the line of each mistake
// (see scope_keys.hpp).
#include "codebook/scope_keys.hpp"

#include "codebook/yaml_syntax.hpp"
#include "core/error.hpp"
#include "text/normalize.hpp"

namespace qcode::codebook {

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& message, int line) { throw Error(message, path, line); }

}  // namespace

int read_context(const YAML::Node& value, int line, const std::string& where, const std::string& path) {
    int n = -1;
    if (!value.IsScalar() || !YAML::convert<int>::decode(value, n) || n < 0 || n > kMaxContext)
        fail(path, "'context' in " + where + " must be a whole number from 0 to " + std::to_string(kMaxContext) +
                 " (units coded before and after a match, as in context: 1)",
             line);
    return n;
}

// One label or a list of them, kept as written (NFC); compared by speaker_label_key.
std::vector<std::string> read_speaker_labels(const YAML::Node& value, int line, const std::string& where, const std::string& path) {
    std::vector<std::string> out;
    auto add = [&](const YAML::Node& item, int item_line) {
        if (!item.IsScalar() || speaker_label_key(item.Scalar()).empty())
            fail(path, "each speaker label in " + where + " must be a text such as B1 or IP 2", item_line);
        out.push_back(text::nfc(item.Scalar()));
    };
    if (value.IsScalar()) add(value, line);
    else if (value.IsSequence())
        for (const auto& item : value) add(item, line_of(item));
    if (out.empty())
        fail(path, "'speaker_labels' in " + where + " lists no label; write the labels, as in speaker_labels: [B1, IP2]",
             line);
    return out;
}

// { attribute: value } or { attribute: [value, value] }: every attribute
// must hold, with any of its values.
std::vector<AttributeCondition> read_where(const YAML::Node& value, int line, const std::string& where, const std::string& path) {
    const std::string shape = "as in where: { kommune: [Köln, Bonn] }";
    if (!value.IsMap() || value.size() == 0)
        fail(path, "'where' in " + where + " must be a map of document attributes to a value or a list of values, " + shape,
             line);
    std::vector<AttributeCondition> out;
    for (const auto& kv : value) {
        const int key_line = line_of(kv.first);
        if (!kv.first.IsScalar() || kv.first.Scalar().find_first_not_of(" \t") == std::string::npos)
            fail(path, "an attribute name in 'where' of " + where + " is not a plain name, " + shape, key_line);
        AttributeCondition c{text::nfc(kv.first.Scalar()), {}};
        for (const auto& seen : out)
            if (seen.name == c.name)
                fail(path, "attribute '" + c.name + "' appears twice in 'where' of " + where +
                         "; list its values once, as in " + c.name + ": [a, b]",
                     key_line);
        const auto& v = kv.second;
        if (v.IsMap())
            fail(path, "the value of '" + c.name + "' in 'where' of " + where + " must be a text or a list of texts, " + shape,
                 key_line);
        if (v.IsScalar()) c.values.push_back(text::nfc(v.Scalar()));
        else if (v.IsSequence())
            for (const auto& item : v) {
                if (!item.IsScalar())
                    fail(path, "each value of '" + c.name + "' in 'where' of " + where + " must be a text", line_of(item));
                c.values.push_back(text::nfc(item.Scalar()));
            }
        if (c.values.empty())
            fail(path, "attribute '" + c.name + "' in 'where' of " + where + " has no value; " + shape, key_line);
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace qcode::codebook
