// REFI-QDA codebook (.qdc) read and write with pugixml. Read leniently (real
// files deviate from the schema in known ways, see refi-qda.md), write
// strictly (Codebook.xsd: namespace, element order, #rrggbb colours, no
// empty <Sets/>).
#include "codebook/qdc.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <filesystem>
#include <sstream>

#include "codebook/ids.hpp"
#include "core/error.hpp"
#include "text/fold.hpp"
#include "text/normalize.hpp"

namespace qcode::codebook {

namespace {

constexpr const char* kNamespace = "urn:QDA-XML:codebook:1.0";

// --- the Description paragraphs ---------------------------------------------

enum class Kind { text, list, single };
enum class Field { description, definition, coding_rules, anchors, patterns, exclude, unit, speakers, labels, where,
                   within, context, fold, id };

struct Header {
    std::string_view prefix;
    Kind kind;
    Field field;
};

// Spelling variants researchers use in MAXQDA memos are read too; the first
// of each field is what qcode writes.
constexpr Header kHeaders[] = {
    {"Definition:", Kind::text, Field::definition},
    {"Ankerbeispiele:", Kind::list, Field::anchors},
    {"Ankerbeispiel:", Kind::list, Field::anchors},
    {"Kodierregeln:", Kind::text, Field::coding_rules},
    {"Kodierregel:", Kind::text, Field::coding_rules},
    {"Codierregeln:", Kind::text, Field::coding_rules},
    {"Codierregel:", Kind::text, Field::coding_rules},
    {"Muster (qcode):", Kind::list, Field::patterns},
    {"Ausschluss (qcode):", Kind::list, Field::exclude},
    {"Einheit (qcode):", Kind::single, Field::unit},
    {"Sprecher (qcode):", Kind::single, Field::speakers},
    {"Sprecherkürzel (qcode):", Kind::list, Field::labels},
    {"Dokumentvariablen (qcode):", Kind::list, Field::where},
    {"Innerhalb (qcode):", Kind::single, Field::within},
    {"Kontext (qcode):", Kind::single, Field::context},
    {"Faltung (qcode):", Kind::single, Field::fold},
    {"ID (qcode):", Kind::single, Field::id},
};

std::string_view trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

std::string trim_right(std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.pop_back();
    return s;
}

std::string join_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) out += (i ? "\n" : "") + lines[i];
    return trim_right(out);
}

std::string list_block(std::string_view header, const std::vector<std::string>& items) {
    std::string out(header);
    for (const auto& item : items) {
        out += "\n- ";
        for (char c : item) out += c == '\n' ? std::string("\n  ") : std::string(1, c);
    }
    return out;
}

// --- reading XML --------------------------------------------------------------

std::string_view local_name(const pugi::xml_node& n) {
    std::string_view name = n.name();
    const auto colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& parent, std::string_view name) {
    for (auto c : parent.children())
        if (c.type() == pugi::node_element && local_name(c) == name) return c;
    return {};
}

int line_at(std::string_view xml, std::ptrdiff_t offset) {
    if (offset < 0) return 0;
    const auto end = std::min(static_cast<std::size_t>(offset), xml.size());
    return 1 + static_cast<int>(std::count(xml.begin(), xml.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
}

// A code as read, before ids exist.
struct RawCode {
    Code code;
    std::string explicit_id;
    std::vector<RawCode> children;
};

class QdcReader {
public:
    QdcReader(std::string_view xml, const std::string& path, std::vector<std::string>& warnings)
        : xml_(xml), path_(path), warnings_(warnings) {}

    void warn(int line, const std::string& message) {
        warnings_.push_back(path_ + (line > 0 ? ":" + std::to_string(line) : "") + ": " + message);
    }

    RawCode read_code(const pugi::xml_node& node) {
        RawCode raw;
        Code& c = raw.code;
        c.line = line_at(xml_, node.offset_debug());
        c.label = std::string(trim(node.attribute("name").value()));
        if (c.label.empty()) {
            c.label = "Code";
            warn(c.line, "a code without a name is named 'Code'");
        }
        if (auto a = node.attribute("isCodable")) {
            const std::string v(trim(a.value()));
            if (v == "false" || v == "0") c.codable = false;
            else if (v != "true" && v != "1") warn(c.line, "isCodable=\"" + v + "\" of '" + c.label + "' read as true");
        }
        if (auto a = node.attribute("color"); a && *a.value()) {
            if (auto color = normalize_color(trim(a.value()), false)) c.color = *color;
            else warn(c.line, "colour '" + std::string(a.value()) + "' of '" + c.label + "' is not #rrggbb; left out");
        }
        if (auto d = child(node, "Description")) {
            std::vector<std::string> problems;
            raw.explicit_id = parse_qdc_description(d.child_value(), c, problems);
            for (const auto& p : problems) warn(line_at(xml_, d.offset_debug()), "code '" + c.label + "': " + p);
        }
        for (auto n : node.children()) {
            if (n.type() != pugi::node_element) continue;
            if (local_name(n) == "Code") raw.children.push_back(read_code(n));
            else if (local_name(n) == "Sets" || local_name(n) == "Set") ignored_sets_ += count_sets(n);
        }
        return raw;
    }

    static std::size_t count_sets(const pugi::xml_node& n) {
        if (local_name(n) == "Set") return 1;
        std::size_t k = 0;
        for (auto c : n.children())
            if (c.type() == pugi::node_element && local_name(c) == "Set") ++k;
        return k;
    }

    std::size_t ignored_sets_ = 0;

private:
    std::string_view xml_;
    const std::string& path_;
    std::vector<std::string>& warnings_;
};

// ATLAS.ti 8 flattens hierarchy into "Parent::Child" names. Each such code
// moves under the sibling named "Parent" (made, not codable, when missing).
void nest_double_colon_names(std::vector<RawCode>& codes) {
    std::vector<RawCode> out;
    std::vector<RawCode> pending;
    for (auto& c : codes) {
        if (c.code.label.find("::") != std::string::npos) pending.push_back(std::move(c));
        else out.push_back(std::move(c));
    }
    // Parents that were made go where their first child was; keep it simple:
    // at the end of the siblings, in the order their children came.
    for (auto& c : pending) {
        const auto sep = c.code.label.find("::");
        std::string parent = std::string(trim(c.code.label.substr(0, sep)));
        c.code.label = std::string(trim(c.code.label.substr(sep + 2)));
        if (c.code.label.empty()) c.code.label = "Code";
        if (parent.empty()) {
            out.push_back(std::move(c));
            continue;
        }
        auto it = std::find_if(out.begin(), out.end(), [&](const RawCode& r) { return r.code.label == parent; });
        if (it == out.end()) {
            RawCode made;
            made.code.label = parent;
            made.code.codable = false;
            made.code.line = c.code.line;
            out.push_back(std::move(made));
            it = out.end() - 1;
        }
        it->children.push_back(std::move(c));
    }
    for (auto& c : out) nest_double_colon_names(c.children);
    codes = std::move(out);
}

// Ids: explicit ones ("ID (qcode):") first, so a derived id never takes
// the id a code was exported with; then the rest from their names.
std::vector<Code> assign_ids(std::vector<RawCode>& raws) {
    std::vector<Code> out(raws.size());
    std::vector<bool> done(raws.size(), false);
    for (std::size_t i = 0; i < raws.size(); ++i) {
        if (raws[i].explicit_id.empty()) continue;
        out[i] = std::move(raws[i].code);
        out[i].id = unique_id(raws[i].explicit_id, out);
        done[i] = true;
    }
    for (std::size_t i = 0; i < raws.size(); ++i) {
        if (done[i]) continue;
        const std::string base = id_from_name(raws[i].code.label);
        out[i] = std::move(raws[i].code);
        out[i].id = unique_id(base, out);
    }
    for (std::size_t i = 0; i < raws.size(); ++i) out[i].children = assign_ids(raws[i].children);
    return out;
}

void drop_within(std::vector<Code>& codes, const std::string& path) {
    for (auto& c : codes) {
        if (c.path == path) c.within.clear();
        drop_within(c.children, path);
    }
}

// --- writing XML ----------------------------------------------------------------

// XML 1.0 cannot hold control characters other than tab, LF and CR, not
// even as character references; they are dropped.
std::string xml_text(const std::string& s) {
    std::string out;
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += ch;
    }
    return out;
}

void write_codes(pugi::xml_node parent, const std::vector<Code>& codes, const QdcWriteOptions& options,
                 const text::FoldOptions& default_fold) {
    for (const auto& c : codes) {
        auto node = parent.append_child("Code");
        node.append_attribute("guid") = code_guid(c.path).c_str();
        node.append_attribute("name") = xml_text(c.label).c_str();
        node.append_attribute("isCodable") = c.codable ? "true" : "false";
        if (!c.color.empty()) node.append_attribute("color") = c.color.c_str();
        const auto description = qdc_description(c, options.plain_descriptions, default_fold);
        if (!description.empty()) node.append_child("Description").text() = xml_text(description).c_str();
        write_codes(node, c.children, options, default_fold);
    }
}

}  // namespace

std::string qdc_description(const Code& c, bool plain, const text::FoldOptions& default_fold) {
    std::vector<std::string> parts;
    if (!c.description.empty()) parts.push_back(trim_right(c.description));
    if (!plain) {
        if (!c.definition.empty()) parts.push_back("Definition: " + trim_right(c.definition));
        if (!c.anchor_examples.empty()) parts.push_back(list_block("Ankerbeispiele:", c.anchor_examples));
        if (!c.coding_rules.empty()) parts.push_back("Kodierregeln: " + trim_right(c.coding_rules));
        std::vector<std::string> q;
        auto sources = [](const std::vector<Pattern>& ps) {
            std::vector<std::string> out;
            for (const auto& p : ps) out.push_back(p.source);
            return out;
        };
        if (!c.patterns.empty()) q.push_back(list_block("Muster (qcode):", sources(c.patterns)));
        if (!c.exclude.empty()) q.push_back(list_block("Ausschluss (qcode):", sources(c.exclude)));
        if (c.unit) q.push_back("Einheit (qcode): " + std::string(to_string(*c.unit)));
        if (c.speakers) q.push_back("Sprecher (qcode): " + std::string(to_string(*c.speakers)));
        if (!c.speaker_labels.empty()) q.push_back(list_block("Sprecherkürzel (qcode):", c.speaker_labels));
        if (!c.where.empty()) {
            // One "name = value" item per value; items of one name are alternatives.
            std::vector<std::string> items;
            for (const auto& w : c.where)
                for (const auto& v : w.values) items.push_back(w.name + " = " + v);
            q.push_back(list_block("Dokumentvariablen (qcode):", items));
        }
        if (!c.within.empty()) q.push_back("Innerhalb (qcode): " + c.within);
        if (c.context) q.push_back("Kontext (qcode): " + std::to_string(*c.context));
        // QDC has no defaults: a code with rules gets the default fold it
        // would fall back on (when that is more than case) as its own, so
        // its patterns match the same after the way back.
        auto fold = c.fold;
        if (!fold && default_fold != text::FoldOptions{} && (!c.patterns.empty() || !c.exclude.empty()))
            fold = default_fold;
        if (fold) q.push_back("Faltung (qcode): " + text::to_string(*fold));
        if (c.id != id_from_name(c.label)) q.push_back("ID (qcode): " + c.id);
        if (!q.empty()) {
            std::string block;
            for (const auto& line : q) block += (block.empty() ? "" : "\n") + line;
            parts.push_back(block);
        }
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "\n\n") + p;
    return out;
}

std::string parse_qdc_description(std::string_view text, Code& c, std::vector<std::string>& problems) {
    std::vector<std::string> description, definition, rules;
    std::vector<std::string> anchors, patterns, exclude, labels, where;
    std::string explicit_id;
    std::vector<std::string>* text_target = &description;
    std::vector<std::string>* list_target = nullptr;

    std::size_t start = 0;
    while (start <= text.size()) {
        auto eol = text.find('\n', start);
        if (eol == std::string_view::npos) eol = text.size();
        std::string_view line = text.substr(start, eol - start);
        start = eol + 1;
        if (line.ends_with('\r')) line.remove_suffix(1);

        const Header* header = nullptr;
        for (const auto& h : kHeaders)
            if (line.starts_with(h.prefix)) {
                header = &h;
                break;
            }
        if (header) {
            const std::string rest(trim(line.substr(header->prefix.size())));
            list_target = nullptr;
            switch (header->kind) {
                case Kind::text:
                    text_target = header->field == Field::definition ? &definition : &rules;
                    text_target->clear();
                    if (!rest.empty()) text_target->push_back(rest);
                    break;
                case Kind::list:
                    list_target = header->field == Field::anchors    ? &anchors
                                  : header->field == Field::patterns ? &patterns
                                  : header->field == Field::labels   ? &labels
                                  : header->field == Field::where    ? &where
                                                                     : &exclude;
                    if (!rest.empty()) list_target->push_back(rest);
                    break;
                case Kind::single:
                    text_target = &description;
                    if (header->field == Field::unit) {
                        if (auto u = parse_unit_kind(rest)) c.unit = *u;
                        else problems.push_back("unit '" + rest + "' left out (use sentence, turn or paragraph)");
                    } else if (header->field == Field::speakers) {
                        if (auto s = parse_speaker_scope(rest)) c.speakers = *s;
                        else problems.push_back("speakers '" + rest + "' left out (use respondents, interviewers or all)");
                    } else if (header->field == Field::within) {
                        if (!rest.empty()) c.within = rest;  // checked against the whole tree in read_qdc
                    } else if (header->field == Field::fold) {
                        if (!rest.empty()) {
                            try {
                                c.fold = parse_fold({rest});
                            } catch (const Error&) {
                                problems.push_back("fold '" + rest +
                                                   "' left out (use case, diacritics, umlauts or stem, separated by commas)");
                            }
                        }
                    } else if (header->field == Field::context) {
                        int n = -1;
                        const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), n);
                        if (ec == std::errc() && end == rest.data() + rest.size() && n >= 0 && n <= kMaxContext)
                            c.context = n;
                        else
                            problems.push_back("context '" + rest + "' left out (use a whole number from 0 to " +
                                               std::to_string(kMaxContext) + ")");
                    } else if (valid_id(rest)) {
                        explicit_id = rest;
                    } else {
                        problems.push_back("ID '" + rest + "' left out: use letters, digits, '_', '-' and '.'");
                    }
                    break;
            }
            continue;
        }
        if (list_target) {
            if (line.starts_with("- ") || line.starts_with("\xE2\x80\xA2 ")) {
                list_target->push_back(std::string(trim(line.substr(line.find(' ') + 1))));
            } else if (line.starts_with("  ") && !list_target->empty() && !trim(line).empty()) {
                list_target->back() += "\n" + std::string(line.substr(2));
            } else if (!trim(line).empty()) {
                list_target->push_back(std::string(trim(line)));
            }
            continue;
        }
        text_target->push_back(std::string(line));
    }

    c.description = join_lines(description);
    // A description that is only blank lines stays empty.
    if (trim(c.description).empty()) c.description.clear();
    c.definition = join_lines(definition);
    c.coding_rules = join_lines(rules);
    for (auto& a : anchors)
        if (!trim(a).empty()) c.anchor_examples.push_back(trim_right(a));
    auto parse_all = [&](const std::vector<std::string>& sources, std::vector<Pattern>& out, const char* what) {
        for (const auto& s : sources) {
            Pattern p;
            std::string why;
            if (try_parse_pattern(s, p, why, c.fold.value_or(text::FoldOptions{}))) out.push_back(std::move(p));
            else problems.push_back(std::string(what) + " '" + s + "' left out: " + why);
        }
    };
    parse_all(patterns, c.patterns, "pattern");
    parse_all(exclude, c.exclude, "exclude pattern");
    for (const auto& l : labels)
        if (!speaker_label_key(l).empty()) c.speaker_labels.push_back(text::nfc(trim(l)));
    if (!c.speaker_labels.empty() && c.speakers) {
        problems.push_back("speakers '" + std::string(to_string(*c.speakers)) +
                           "' left out: the speaker labels already say whose turns count");
        c.speakers.reset();
    }
    for (const auto& item : where) {
        const auto eq = item.find('=');
        const auto name = eq == std::string::npos ? std::string_view{} : trim(std::string_view(item).substr(0, eq));
        if (name.empty()) {
            problems.push_back("document variable '" + item + "' left out (write name = value)");
            continue;
        }
        const auto key = text::nfc(name);
        const auto value = text::nfc(trim(std::string_view(item).substr(eq + 1)));
        auto it = std::find_if(c.where.begin(), c.where.end(), [&](const AttributeCondition& w) { return w.name == key; });
        if (it == c.where.end()) it = c.where.insert(c.where.end(), AttributeCondition{key, {}});
        it->values.push_back(value);
    }
    return explicit_id;
}

std::string write_qdc(const Codebook& cb, const QdcWriteOptions& options) {
    if (cb.codes.empty())
        throw Error("the codebook has no codes; REFI-QDA (.qdc) needs at least one", cb.source_path);
    pugi::xml_document doc;
    auto decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "utf-8";
    auto root = doc.append_child("CodeBook");
    root.append_attribute("xmlns") = kNamespace;
    root.append_attribute("origin") = xml_text(options.origin).c_str();
    auto codes = root.append_child("Codes");
    write_codes(codes, cb.codes, options, cb.defaults.fold);
    // No <Sets>: qcode has none, and an empty <Sets/> is invalid.
    std::ostringstream out;
    doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
    return out.str();
}

Codebook read_qdc(std::string_view xml, const std::string& path, std::vector<std::string>& warnings) {
    pugi::xml_document doc;
    const auto result = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_auto);
    if (!result)
        throw Error(std::string("not a REFI-QDA codebook: invalid XML (") + result.description() + ")", path,
                    line_at(xml, result.offset));
    auto root = doc.document_element();
    pugi::xml_node book;
    if (local_name(root) == "CodeBook") book = root;
    else if (local_name(root) == "Project") book = child(root, "CodeBook");
    if (!book) {
        if (local_name(root) == "Project")
            throw Error("the REFI-QDA project has no <CodeBook>", path, line_at(xml, root.offset_debug()));
        throw Error("not a REFI-QDA codebook: the root element is <" + std::string(root.name()) +
                        ">, expected <CodeBook> (.qdc) or <Project> (.qde)",
                    path, line_at(xml, root.offset_debug()));
    }
    auto codes_node = child(book, "Codes");
    QdcReader reader(xml, path, warnings);
    std::vector<RawCode> raws;
    if (codes_node)
        for (auto n : codes_node.children())
            if (n.type() == pugi::node_element && local_name(n) == "Code") raws.push_back(reader.read_code(n));
    if (raws.empty()) throw Error("the REFI-QDA codebook has no codes", path, line_at(xml, book.offset_debug()));
    for (auto n : book.children())
        if (n.type() == pugi::node_element && local_name(n) == "Sets") reader.ignored_sets_ += QdcReader::count_sets(n);
    if (reader.ignored_sets_ > 0)
        reader.warn(0, std::to_string(reader.ignored_sets_) + " set(s) (code groups) left out: qcode has no sets");

    nest_double_colon_names(raws);
    Codebook cb;
    const auto stem = std::filesystem::path(path).stem().string();
    cb.name = stem.empty() ? "Codebook" : stem;
    cb.codes = assign_ids(raws);
    assign_paths(cb.codes);
    // A within: that names no code (or closes a circle) cannot be kept: the
    // YAML loader would refuse the codebook.
    while (auto problem = check_within(cb)) {
        const int line = problem->code->line;
        warnings.push_back(path + (line > 0 ? ":" + std::to_string(line) : "") + ": " + problem->message +
                           "; within left out");
        drop_within(cb.codes, problem->code->path);
    }
    return finish_import(std::move(cb), path);
}

}  // namespace qcode::codebook
