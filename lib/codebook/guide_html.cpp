#include "codebook/guide_html.hpp"

#include <fmt/format.h>

#include "codebook/guide.hpp"

namespace qcode::codebook {

namespace {

// Escaped, with line breaks kept as <br>.
std::string text_html(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r') continue;
        if (s[i] == '\n') out += "<br>";
        else out += html_escape(s.substr(i, 1));
    }
    return out;
}

std::string patterns_html(const std::vector<Pattern>& patterns) {
    std::string out;
    for (const auto& p : patterns) out += (out.empty() ? "" : " ") + std::string("<code>") + html_escape(p.source) + "</code>";
    return out;
}

int depth_of(const Code& c) {
    int d = 1;
    for (char ch : c.path) d += ch == '/';
    return d;
}

constexpr const char* kStyle = R"(body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem;color:#222;line-height:1.4}
h1{font-size:1.5rem;margin-bottom:.25rem}
p.meta{color:#555;margin-top:0}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{border:1px solid #bbb;padding:.4rem .5rem;vertical-align:top;text-align:left}
th{background:#eee;position:sticky;top:0}
tr.parent td{background:#f7f7f7}
td.kategorie{white-space:nowrap}
.pfad{display:block;color:#666;font-size:.8rem;font-family:ui-monospace,Menlo,Consolas,monospace}
.farbe{display:inline-block;width:.8em;height:.8em;border:1px solid #888;margin-right:.35em;vertical-align:baseline}
ul{margin:0;padding-left:1.1rem}
code{background:#f2f2f2;padding:0 .2em;border-radius:3px;white-space:nowrap}
.ausgenommen{display:block;margin-top:.3rem;color:#a00}
@media print{th{position:static}}
)";

}  // namespace

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string coding_guide_html(const Codebook& cb) {
    std::string h;
    h += "<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n";
    h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    h += "<title>Kodierleitfaden: " + html_escape(cb.name) + "</title>\n";
    h += "<style>\n" + std::string(kStyle) + "</style>\n</head>\n<body>\n";
    h += "<h1>Kodierleitfaden: " + html_escape(cb.name) + "</h1>\n";
    h += "<p class=\"meta\">Version " + std::to_string(cb.version) + " · " + std::to_string(count_codes(cb)) +
         " Kategorien</p>\n";
    h += "<table>\n<thead>\n<tr><th>Kategorie</th><th>Definition</th><th>Ankerbeispiele</th><th>Kodierregeln</th>"
         "<th>Muster</th></tr>\n</thead>\n<tbody>\n";
    for_each_code(cb.codes, [&](const Code& c) {
        const int depth = depth_of(c);
        h += c.children.empty() ? "<tr>" : "<tr class=\"parent\">";
        h += "<td class=\"kategorie\" style=\"padding-left:" + fmt::format("{:.2f}", 0.5 + 1.25 * (depth - 1)) + "rem\">";
        if (!c.color.empty()) h += "<span class=\"farbe\" style=\"background:" + html_escape(c.color) + "\"></span>";
        h += (c.children.empty() ? "" : "<strong>") + text_html(c.label) + (c.children.empty() ? "" : "</strong>");
        h += "<span class=\"pfad\">" + html_escape(c.path) + "</span></td>";
        h += "<td>" + text_html(guide_definition(c)) + "</td>";
        h += "<td>";
        if (!c.anchor_examples.empty()) {
            h += "<ul>";
            for (const auto& a : c.anchor_examples) h += "<li>" + text_html(a) + "</li>";
            h += "</ul>";
        }
        h += "</td>";
        h += "<td>" + text_html(c.coding_rules) + "</td>";
        h += "<td>" + patterns_html(c.patterns);
        if (!c.exclude.empty()) h += "<span class=\"ausgenommen\">ausgenommen: " + patterns_html(c.exclude) + "</span>";
        h += "</td></tr>\n";
    });
    h += "</tbody>\n</table>\n</body>\n</html>\n";
    return h;
}

}  // namespace qcode::codebook
