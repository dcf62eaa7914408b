// The YAML codebook (DESIGN §4) → Codebook. Everything is validated here,
// with the file and line of the offending key or item, so that a codebook
// that loads can be compiled and run without further checks.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include "codebook/codebook.hpp"
#include "codebook/scope_keys.hpp"
#include "codebook/suggest.hpp"
#include "codebook/yaml_syntax.hpp"
#include "core/error.hpp"
#include "core/sha256.hpp"
#include "text/normalize.hpp"

namespace qcode::codebook {

namespace {

// One key of a YAML map with its value and the line of the key (a null
// value has no useful line of its own).
struct Entry {
    YAML::Node value;
    int line = 0;
};

class Reader {
public:
    explicit Reader(const std::string& path) : path_(path) {}

    [[noreturn]] void fail(const std::string& message, int line) const { throw Error(message, path_, line); }

    // Checks the keys of `map` (known, not repeated) and returns them by name.
    std::vector<std::pair<std::string, Entry>> entries(const YAML::Node& map, std::span<const std::string_view> allowed,
                                                       const std::string& where) const {
        std::vector<std::pair<std::string, Entry>> out;
        for (const auto& kv : map) {
            const int line = line_of(kv.first);
            if (!kv.first.IsScalar()) fail("a key in " + where + " is not a plain word", line);
            const auto key = kv.first.Scalar();
            if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
                std::string msg = "unknown key '" + key + "' in " + where;
                if (auto guess = closest(key, allowed)) msg += "; did you mean '" + *guess + "'?";
                fail(msg + " (allowed: " + join(allowed) + ")", line);
            }
            for (const auto& [seen, entry] : out)
                if (seen == key)
                    fail("'" + key + "' appears twice in " + where + " (first on line " + std::to_string(entry.line) +
                             "); keep one",
                         line);
            out.emplace_back(key, Entry{kv.second, line});
        }
        return out;
    }

    // A text value; nullopt for an empty value ("key:" with nothing after).
    std::optional<std::string> text(const std::string& key, const Entry& e, const std::string& where) const {
        if (e.value.IsNull()) return std::nullopt;
        if (!e.value.IsScalar()) fail("'" + key + "' in " + where + " must be a text, not a list or map", e.line);
        return e.value.Scalar();
    }

    // A list of texts, each with its line; an empty value is an empty list.
    std::vector<std::pair<std::string, int>> text_list(const std::string& key, const Entry& e,
                                                       const std::string& where) const {
        std::vector<std::pair<std::string, int>> out;
        if (e.value.IsNull()) return out;
        if (!e.value.IsSequence())
            fail("'" + key + "' in " + where + " must be a list: put each item on its own line, starting with '- '",
                 e.line);
        for (const auto& item : e.value) {
            if (!item.IsScalar()) fail("each item of '" + key + "' in " + where + " must be a text", line_of(item));
            out.emplace_back(item.Scalar(), line_of(item));
        }
        return out;
    }

    UnitKind unit(const Entry& e, const std::string& where) const {
        const auto s = text("unit", e, where).value_or("");
        if (auto u = parse_unit_kind(s)) return *u;
        fail("invalid unit '" + s + "' in " + where + ": use sentence, turn or paragraph", e.line);
    }

    SpeakerScope speakers(const Entry& e, const std::string& where) const {
        const auto s = text("speakers", e, where).value_or("");
        if (auto sc = parse_speaker_scope(s)) return *sc;
        fail("invalid speakers '" + s + "' in " + where + ": use respondents, interviewers or all", e.line);
    }

    int context(const Entry& e, const std::string& where) const { return read_context(e.value, e.line, where, path_); }

    std::vector<std::string> speaker_labels(const Entry& e, const std::string& where) const {
        return read_speaker_labels(e.value, e.line, where, path_);
    }

    std::vector<AttributeCondition> attribute_conditions(const Entry& e, const std::string& where) const {
        return read_where(e.value, e.line, where, path_);
    }

    // fold: [case, umlauts] or fold: "case, umlauts".
    text::FoldOptions fold(const Entry& e, const std::string& where) const {
        std::vector<std::string> items;
        if (e.value.IsScalar()) items.push_back(e.value.Scalar());
        else if (e.value.IsSequence())
            for (const auto& item : e.value) {
                if (!item.IsScalar()) fail("each entry of 'fold' in " + where + " must be a word such as umlauts", line_of(item));
                items.push_back(item.Scalar());
            }
        else
            fail("'fold' in " + where + " must be a list, as in fold: [case, umlauts]", e.line);
        try {
            return parse_fold(items);
        } catch (const Error& err) {
            fail(err.message() + " (in 'fold' of " + where + ")", e.line);
        }
    }

    // Patterns of codes without their own fold: are parsed with this.
    text::FoldOptions default_fold;

    Defaults defaults(const Entry& e) const {
        Defaults d;
        if (e.value.IsNull()) return d;
        if (!e.value.IsMap()) fail("'defaults' must be a map, as in defaults: { unit: sentence, speakers: respondents }", e.line);
        for (const auto& [key, entry] : entries(e.value, kDefaultKeys, "defaults")) {
            if (key == "unit") d.unit = unit(entry, "defaults");
            else if (key == "speakers") d.speakers = speakers(entry, "defaults");
            else if (key == "context") d.context = context(entry, "defaults");
            else if (key == "fold") d.fold = fold(entry, "defaults");
        }
        return d;
    }

    std::vector<Code> codes(const Entry& e, const std::string& parent, const std::string& where) const {
        std::vector<Code> out;
        if (e.value.IsNull()) return out;
        if (!e.value.IsSequence())
            fail("'" + std::string(parent.empty() ? "codes" : "children") + "' in " + where +
                     " must be a list of codes, each starting with '- id: …'",
                 e.line);
        for (const auto& node : e.value) {
            Code c = code(node, parent);
            for (const auto& sibling : out)
                if (sibling.id == c.id)
                    fail("duplicate id '" + c.id + "' (also on line " + std::to_string(sibling.line) +
                             "); ids of codes with the same parent must differ",
                         c.line);
            out.push_back(std::move(c));
        }
        return out;
    }

private:
    std::vector<Pattern> patterns(const std::string& key, const Entry& e, const Code& c) const {
        std::vector<Pattern> out;
        const std::string where = "code '" + c.path + "'";
        for (auto& [src, line] : text_list(key, e, where)) {
            try {
                Pattern p = parse_pattern(src, c.fold.value_or(default_fold));
                p.line = line;
                out.push_back(std::move(p));
            } catch (const Error& err) {
                std::string msg = "in " + std::string(key == "exclude" ? "exclude " : "") + "pattern '" + src + "' of " +
                                  where + ": " + err.message();
                // YAML eats the outer quotes of - "zwei worte"; when that is
                // what happened, show the form that keeps them.
                if (needs_phrase_quotes(src))
                    msg += " (in YAML: - '\"" + single_quote_escape(src) + "\"')";
                fail(msg, line);
            }
        }
        return out;
    }

    Code code(const YAML::Node& node, const std::string& parent) const {
        Code c;
        c.line = line_of(node);
        if (!node.IsMap()) fail("a code must be a map with at least id and label, as in - id: technik", c.line);
        // The id names the code in every later message, so read it first.
        const YAML::Node id = node["id"];
        if (!id || id.IsNull()) fail("a code has no id; add one, as in id: technik", c.line);
        if (!id.IsScalar() || !valid_id(id.Scalar()))
            fail("invalid id '" + (id.IsScalar() ? id.Scalar() : std::string("…")) +
                     "': use letters, digits, '_', '-' and '.' only (no spaces, no '/')",
                 line_of(id));
        c.id = id.Scalar();
        c.path = parent.empty() ? c.id : parent + "/" + c.id;
        const std::string where = "code '" + c.path + "'";

        bool has_label = false;
        int labels_line = 0;
        const auto keys = entries(node, kCodeKeys, where);
        // The fold applies to the patterns, wherever it stands among the keys.
        for (const auto& [key, e] : keys)
            if (key == "fold") c.fold = fold(e, where);
        for (const auto& [key, e] : keys) {
            if (key == "label") {
                c.label = text(key, e, where).value_or("");
                if (c.label.find_first_not_of(" \t") == std::string::npos)
                    fail(where + " has an empty label; write what the code means", e.line);
                has_label = true;
            } else if (key == "description") c.description = text(key, e, where).value_or("");
            else if (key == "definition") c.definition = text(key, e, where).value_or("");
            else if (key == "coding_rules") c.coding_rules = text(key, e, where).value_or("");
            else if (key == "anchor_examples") {
                for (auto& [example, line] : text_list(key, e, where)) c.anchor_examples.push_back(std::move(example));
            } else if (key == "color") {
                const auto s = text(key, e, where);
                if (!s) fail("empty color in " + where + "; YAML starts a comment at #, so quote it: color: \"#d62728\"", e.line);
                auto color = normalize_color(*s, true);
                if (!color) fail("invalid color '" + *s + "' in " + where + ": use \"#rgb\" or \"#rrggbb\"", e.line);
                c.color = *color;
            } else if (key == "codable") {
                bool b = true;
                if (!e.value.IsScalar() || !YAML::convert<bool>::decode(e.value, b))
                    fail("'codable' in " + where + " must be true or false", e.line);
                c.codable = b;
            } else if (key == "patterns") c.patterns = patterns(key, e, c);
            else if (key == "exclude") c.exclude = patterns(key, e, c);
            else if (key == "unit") c.unit = unit(e, where);
            else if (key == "speakers") c.speakers = speakers(e, where);
            else if (key == "speaker_labels") {
                c.speaker_labels = speaker_labels(e, where);
                labels_line = e.line;
            } else if (key == "where") c.where = attribute_conditions(e, where);
            else if (key == "within") {
                c.within = text(key, e, where).value_or("");
                if (c.within.empty()) fail("'within' in " + where + " names no code; write a path, as in within: huerden", e.line);
                c.within_line = e.line;
            } else if (key == "context") c.context = context(e, where);
            else if (key == "children") c.children = codes(e, c.path, where);
        }
        if (!has_label) fail(where + " has no label; add one, as in label: Technische Hürden", c.line);
        if (!c.speaker_labels.empty() && c.speakers)
            fail(where + " has both speakers: and speaker_labels:; the labels already say whose turns count, so keep one",
                 labels_line);
        return c;
    }

    const std::string& path_;
};

}  // namespace

Codebook parse_yaml(std::string_view yaml, const std::string& source_path) {
    const auto text = strip_bom(yaml);
    check_utf8(text, source_path);
    const YAML::Node root = load_yaml_document(text, source_path);
    Reader r(source_path);
    if (!root || root.IsNull()) r.fail("the codebook is empty; it needs at least codebook: <name> and codes:", 1);
    if (!root.IsMap()) r.fail("a codebook is a YAML map with the keys " + join(kTopKeys), line_of(root));

    Codebook cb;
    cb.source_path = source_path;
    cb.source = std::string(text);
    cb.sha256 = sha256_hex(cb.source);
    bool has_name = false, has_codes = false;
    std::optional<Entry> codes;
    for (const auto& [key, e] : r.entries(root, kTopKeys, "the codebook")) {
        if (key == "codebook") {
            cb.name = r.text(key, e, "the codebook").value_or("");
            if (cb.name.find_first_not_of(" \t") == std::string::npos)
                r.fail("the codebook has an empty name; write codebook: <name>", e.line);
            has_name = true;
        } else if (key == "version") {
            if (!e.value.IsScalar() || !YAML::convert<int>::decode(e.value, cb.version) || cb.version < 1)
                r.fail("'version' must be a whole number, 1 or more", e.line);
        } else if (key == "language") {
            cb.language = r.text(key, e, "the codebook").value_or("");
            if (cb.language.empty()) r.fail("empty language; write language: de", e.line);
        } else if (key == "defaults") {
            cb.defaults = r.defaults(e);
            r.default_fold = cb.defaults.fold;
        } else if (key == "codes") {
            if (!e.value.IsSequence())
                r.fail("'codes' must be a list of codes, each starting with '- id: …'", e.line);
            codes = e;
            has_codes = true;
        }
    }
    // After the defaults, wherever they stand: their fold applies to the codes' patterns.
    if (codes) cb.codes = r.codes(*codes, "", "the codebook");
    if (!has_name) r.fail("the codebook has no name; add codebook: <name> at the top", 1);
    if (!has_codes) r.fail("the codebook has no codes; add codes: with a list of codes", 1);
    if (auto problem = check_within(cb)) r.fail(problem->message, problem->code->within_line);
    return cb;
}

Codebook load_yaml_file(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw Error("cannot read the codebook: this is a directory, not a file", path);
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const bool exists = std::filesystem::exists(path, ec);
        throw Error(std::string("cannot read the codebook: ") + (exists ? "permission denied" : "no such file"), path);
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return parse_yaml(bytes.str(), path);
}

}  // namespace qcode::codebook
