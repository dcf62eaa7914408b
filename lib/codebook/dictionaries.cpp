#include "codebook/dictionaries.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

#include "codebook/ids.hpp"
#include "codebook/yaml_syntax.hpp"
#include "core/error.hpp"

namespace qcode::codebook {

namespace {

std::string_view trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

std::vector<std::string_view> split_ws(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
        const auto b = i;
        while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
        if (i > b) out.push_back(s.substr(b, i - b));
    }
    return out;
}

bool is_number(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string file_stem(const std::string& path) {
    const auto stem = std::filesystem::path(path).stem().string();
    return stem.empty() ? "Dictionary" : stem;
}

std::string where(const std::string& path, int line) { return path + ":" + std::to_string(line) + ": "; }

// Adds `entry` to `code` unless it is already there or is no pattern.
void add_entry(Code& code, std::string_view entry, const std::string& path, int line,
               std::vector<std::string>& warnings) {
    const auto source = pattern_from_entry(entry);
    if (source.empty()) return;
    Pattern p;
    std::string why;
    if (!try_parse_pattern(source, p, why)) {
        warnings.push_back(where(path, line) + "entry '" + std::string(trim(entry)) + "' of '" + code.label +
                           "' left out: " + why);
        return;
    }
    for (const auto& q : code.patterns)
        if (q.source == p.source) return;
    p.line = line;
    code.patterns.push_back(std::move(p));
}

// --- YAML dictionaries --------------------------------------------------------


class YamlDictionary {
public:
    YamlDictionary(const std::string& path, std::vector<std::string>& warnings) : path_(path), warnings_(warnings) {}

    // The categories of a map, in order, added to `into`.
    void categories(const YAML::Node& map, std::vector<Code>& into) {
        for (const auto& kv : map) {
            const int line = line_of(kv.first);
            if (!kv.first.IsScalar()) throw Error("a category name must be a plain text", path_, line);
            const std::string name(trim(kv.first.Scalar()));
            Code* code = nullptr;
            // quanteda merges the values of a repeated key; so do we.
            for (auto& c : into)
                if (c.label == name) code = &c;
            if (!code) {
                Code c;
                c.label = name.empty() ? "Kategorie" : name;
                c.id = unique_id(id_from_name(c.label), into);
                c.line = line;
                into.push_back(std::move(c));
                code = &into.back();
            }
            value(kv.second, *code);
        }
    }

private:
    void value(const YAML::Node& v, Code& code) {
        if (!v || v.IsNull()) return;
        if (v.IsScalar()) {
            add_entry(code, v.Scalar(), path_, line_of(v), warnings_);
        } else if (v.IsMap()) {
            categories(v, code.children);
        } else if (v.IsSequence()) {
            for (const auto& item : v) {
                if (item.IsScalar()) add_entry(code, item.Scalar(), path_, line_of(item), warnings_);
                else if (item.IsMap()) categories(item, code.children);
                else if (item.IsSequence()) value(item, code);  // nested lists flatten, as in quanteda
            }
        }
    }

    const std::string& path_;
    std::vector<std::string>& warnings_;
};

}  // namespace

std::string pattern_from_entry(std::string_view entry) {
    std::string e(trim(entry));
    // Entries quoted in the file ("a lot") are the same entry without quotes.
    if (e.size() >= 2 && e.front() == '"' && e.back() == '"') e = std::string(trim(std::string_view(e).substr(1, e.size() - 2)));
    if (e.empty()) return e;
    if (split_ws(e).size() > 1) {
        std::string phrase;
        for (auto w : split_ws(e)) phrase += (phrase.empty() ? "" : " ") + std::string(w);
        return "\"" + phrase + "\"";
    }
    return e;
}

Codebook read_liwc_dic(std::string_view raw, const std::string& path, std::vector<std::string>& warnings) {
    const auto text = strip_bom(raw);
    check_utf8(text, path);
    enum class State { before, header, words } state = State::before;
    std::map<std::string, std::size_t> category_index;  // "1" → index into codes (numbers as written, leading zeros dropped)
    Codebook cb;
    cb.name = file_stem(path);
    std::set<std::string> unknown_reported;
    bool conditional_reported = false;
    int line_no = 0;
    auto number_key = [](std::string_view n) {
        while (n.size() > 1 && n.front() == '0') n.remove_prefix(1);
        return std::string(n);
    };
    for (std::size_t start = 0; start < text.size();) {
        const auto eol = std::min(text.find('\n', start), text.size());
        auto line = text.substr(start, eol - start);
        start = eol + 1;
        ++line_no;
        if (line.ends_with('\r')) line.remove_suffix(1);
        const auto t = trim(line);
        if (t.empty()) continue;
        if (t == "%") {
            if (state == State::words)
                throw Error("a third '%' line: a LIWC dictionary has one header between two '%' lines", path, line_no);
            state = state == State::before ? State::header : State::words;
            continue;
        }
        if (state == State::before)
            throw Error("not a LIWC dictionary: it must start with a line '%', then the categories (1<TAB>name), then '%'",
                        path, line_no);
        if (state == State::header) {
            // "1<TAB>funct" or "1 funct (Function Words)"; with tabs, a name may contain spaces.
            std::string_view number, name, rest;
            if (t.find('\t') != std::string_view::npos) {
                const auto tab = t.find('\t');
                number = trim(t.substr(0, tab));
                auto after = trim(t.substr(tab + 1));
                const auto tab2 = after.find('\t');
                name = trim(after.substr(0, tab2));
                if (tab2 != std::string_view::npos) rest = trim(after.substr(tab2 + 1));
            } else {
                const auto parts = split_ws(t);
                number = parts.front();
                if (parts.size() > 1) name = parts[1];
                if (parts.size() > 2) rest = trim(t.substr(static_cast<std::size_t>(parts[2].data() - t.data())));
            }
            if (!is_number(number) || name.empty())
                throw Error("a LIWC category line is a number and a name, as in 1<TAB>funct, not '" + std::string(t) + "'",
                            path, line_no);
            const auto key = number_key(number);
            if (category_index.contains(key))
                throw Error("category number " + std::string(number) + " is declared twice", path, line_no);
            Code c;
            c.label = std::string(name);
            c.id = unique_id(id_from_name(c.label), cb.codes);
            c.description = std::string(rest);
            c.line = line_no;
            category_index[key] = cb.codes.size();
            cb.codes.push_back(std::move(c));
            continue;
        }
        // An entry: "word<TAB>1<TAB>3", "kind of<TAB>1 3", or "word 1 3" without tabs.
        std::string_view word;
        std::vector<std::string_view> fields;
        if (line.find('\t') != std::string_view::npos) {
            const auto tab = line.find('\t');
            word = trim(line.substr(0, tab));
            fields = split_ws(line.substr(tab + 1));
        } else {
            auto parts = split_ws(t);
            std::size_t first_number = parts.size();
            while (first_number > 1 && is_number(parts[first_number - 1])) --first_number;
            const auto end = first_number < parts.size() ? parts[first_number].data() : t.data() + t.size();
            word = trim(t.substr(0, static_cast<std::size_t>(end - t.data())));
            fields.assign(parts.begin() + static_cast<std::ptrdiff_t>(first_number), parts.end());
        }
        if (word.empty()) continue;
        bool any = false;
        for (auto f : fields) {
            if (!is_number(f)) {
                if (!conditional_reported)
                    warnings.push_back(where(path, line_no) + "conditional category '" + std::string(f) +
                                       "' left out (LIWC2007 syntax; also on later lines)");
                conditional_reported = true;
                continue;
            }
            const auto it = category_index.find(number_key(f));
            if (it == category_index.end()) {
                if (unknown_reported.insert(number_key(f)).second)
                    warnings.push_back(where(path, line_no) + "category " + std::string(f) +
                                       " is not in the header; its entries are left out");
                continue;
            }
            add_entry(cb.codes[it->second], word, path, line_no, warnings);
            any = true;
        }
        if (!any && fields.empty())
            warnings.push_back(where(path, line_no) + "entry '" + std::string(word) + "' has no category; left out");
    }
    if (state != State::words)
        throw Error("not a LIWC dictionary: the category header must end with a second '%' line", path, line_no);
    if (cb.codes.empty()) throw Error("the LIWC dictionary declares no categories", path, 1);
    return finish_import(std::move(cb), path);
}

Codebook read_yaml_dictionary(std::string_view raw, const std::string& path, std::vector<std::string>& warnings) {
    const auto text = strip_bom(raw);
    check_utf8(text, path);
    const YAML::Node root = load_yaml_document(text, path);
    if (!root || !root.IsMap() || root.size() == 0)
        throw Error("a dictionary is a YAML map of categories, as in  positiv: [gut*, toll]", path, root ? line_of(root) : 1);
    Codebook cb;
    cb.name = file_stem(path);
    YamlDictionary(path, warnings).categories(root, cb.codes);
    return finish_import(std::move(cb), path);
}

bool is_yaml_dictionary(std::string_view raw) {
    try {
        const YAML::Node root = YAML::Load(std::string(strip_bom(raw)));
        if (!root || !root.IsMap()) return false;
        for (const auto& kv : root)
            if (kv.first.IsScalar() && kv.first.Scalar() == "codebook") return false;
        return root.size() > 0;
    } catch (const YAML::Exception&) {
        return false;
    }
}

}  // namespace qcode::codebook
