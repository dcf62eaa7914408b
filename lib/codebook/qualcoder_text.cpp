#include "codebook/qualcoder_text.hpp"

#include <algorithm>
#include <iterator>
#include <filesystem>

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

// A label may not contain the separators of the format.
std::string clean_label(const std::string& label) {
    std::string out;
    for (char c : label) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
    for (auto pos = out.find(">>"); pos != std::string::npos; pos = out.find(">>", pos)) out.replace(pos, 2, "> >");
    return out;
}

std::string escape_memo(const std::string& memo) {
    std::string out;
    for (char c : memo) {
        if (c == '\\') out += "\\\\";
        else if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c != '\r') out += c;
    }
    return out;
}

std::string unescape_memo(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            const char n = s[i + 1];
            if (n == 'n' || n == 't' || n == '\\') {
                out += n == 'n' ? '\n' : n == 't' ? '\t' : '\\';
                ++i;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

void write_codes(const std::vector<Code>& codes, const std::string& prefix, std::string& out) {
    for (const auto& c : codes) {
        const std::string path = prefix.empty() ? clean_label(c.label) : prefix + ">>" + clean_label(c.label);
        const bool implied = !c.codable && !c.children.empty() && c.description.empty();
        if (!implied) {
            out += path;
            if (!c.description.empty()) out += "\t" + escape_memo(c.description);
            out += "\n";
        }
        write_codes(c.children, path, out);
    }
}

struct Node {
    Code code;
    bool listed = false;
    std::vector<Node> children;
};

std::vector<Code> to_codes(std::vector<Node>& nodes) {
    std::vector<Code> out;
    for (auto& n : nodes) {
        Code c = std::move(n.code);
        c.codable = n.listed;
        c.id = unique_id(id_from_name(c.label), out);
        c.children = to_codes(n.children);
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace

std::string write_qualcoder_text(const Codebook& cb) {
    std::string out;
    write_codes(cb.codes, "", out);
    return out;
}

Codebook read_qualcoder_text(std::string_view raw, const std::string& path, std::vector<std::string>& warnings) {
    const auto text = strip_bom(raw);
    check_utf8(text, path);
    std::vector<Node> roots;
    int line_no = 0;
    for (std::size_t start = 0; start < text.size();) {
        const auto eol = std::min(text.find('\n', start), text.size());
        auto line = text.substr(start, eol - start);
        start = eol + 1;
        ++line_no;
        if (line.ends_with('\r')) line.remove_suffix(1);
        if (trim(line).empty()) continue;
        const auto tab = line.find('\t');
        const auto names = line.substr(0, tab);
        const auto memo = tab == std::string_view::npos ? std::string_view{} : line.substr(tab + 1);

        std::vector<Node>* level = &roots;
        Node* node = nullptr;
        for (std::size_t s = 0;;) {
            const auto sep = names.find(">>", s);
            const auto name = trim(names.substr(s, sep == std::string_view::npos ? std::string_view::npos : sep - s));
            if (name.empty())
                throw Error("an empty code name in '" + std::string(names) + "' (names are joined by >>)", path, line_no);
            // The last sibling of that name: a name listed twice is two codes
            // (qcode allows equal labels), and lines under it follow it.
            auto rit = std::find_if(level->rbegin(), level->rend(), [&](const Node& n) { return n.code.label == name; });
            auto it = rit == level->rend() ? level->end() : std::prev(rit.base());
            const bool last = sep == std::string_view::npos;
            if (it != level->end() && last && it->listed) {
                warnings.push_back(path + ":" + std::to_string(line_no) + ": '" + std::string(trim(names)) +
                                   "' is listed twice (also on line " + std::to_string(it->code.line) +
                                   "): read as two codes of that name");
                it = level->end();
            }
            if (it == level->end()) {
                Node n;
                n.code.label = std::string(name);
                n.code.line = line_no;
                level->push_back(std::move(n));
                it = level->end() - 1;
            }
            node = &*it;
            if (last) break;
            level = &node->children;
            s = sep + 2;
        }
        node->listed = true;
        node->code.line = line_no;
        node->code.description = std::string(trim(unescape_memo(memo)));
    }
    if (roots.empty()) throw Error("the file lists no codes (one per line: category>>code, a tab, the memo)", path, 1);

    Codebook cb;
    const auto stem = std::filesystem::path(path).stem().string();
    cb.name = stem.empty() ? "Codebook" : stem;
    cb.codes = to_codes(roots);
    return finish_import(std::move(cb), path);
}

}  // namespace qcode::codebook
