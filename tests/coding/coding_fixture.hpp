#pragma once
// Shared by the coding tests: a project in a scratch directory with one or
// two interviews and a small codebook, and a snapshot of everything a
// refused command must leave as it was.
#include <map>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "codebook/codebook.hpp"
#include "codebook/project.hpp"
#include "core/model.hpp"
#include "core/utf8.hpp"
#include "ingest/import.hpp"
#include "store/store.hpp"
#include "support/temp_dir.hpp"

namespace qcode {
inline std::ostream& operator<<(std::ostream& os, const Span& s) { return os << '[' << s.start << ',' << s.end << ')'; }
}  // namespace qcode

namespace qcode::coding_test {

// Turns: header-less, I asks, B answers twice. Sentences (all speakers):
//  1 "Wie läuft der Datenaustausch mit dem Jobcenter?"
//  2 "Die Schnittstelle fehlt."   3 "Wir übertragen alles händisch."
//  4 "Der Datenschutz bremst."    5 "Die Schnittstelle zum Jobcenter fehlt auch."
inline const std::string kInterview =
    "I: Wie läuft der Datenaustausch mit dem Jobcenter?\n"
    "B: Die Schnittstelle fehlt. Wir übertragen alles händisch.\n"
    "B: Der Datenschutz bremst. Die Schnittstelle zum Jobcenter fehlt auch.\n";

inline const std::string kOther =
    "I: Und bei Ihnen?\n"
    "B: Bei uns klappt die Schnittstelle. Der Datenschutz ist kein Thema.\n";

inline const std::string kCodebook = R"(codebook: Test
version: 1
language: de
defaults: { unit: sentence, speakers: respondents }
codes:
  - id: huerden
    label: Hürden
    codable: false
    children:
      - id: technik
        label: Technik
        patterns: [schnittstelle*]
        children:
          - id: medien
            label: Medienbruch
            patterns: ['"alles * händisch"']
      - id: recht
        label: Recht
        color: "#d62728"
        patterns: [datenschutz*]
        exclude: ['"keine probleme"']
  - id: akteure
    label: Akteure
    children:
      - id: jobcenter
        label: Jobcenter
        patterns: ['*jobcenter*']
)";

struct Project {
    testing::TempDir dir;
    std::string file = (dir.path() / "p.qcode").string();
    store::Store store = store::Store::create(file);

    explicit Project(bool with_codebook = true) {
        import("interview_a.txt", kInterview);
        import("interview_b.txt", kOther);
        if (with_codebook) codebook::install(store, codebook::parse_yaml(kCodebook, "test.yaml"));
    }

    void import(const std::string& file_name, const std::string& content) {
        const auto path = dir.write(file_name, content);
        ingest::import_files(store, {path}, {});
    }

    Id code_id(const std::string& path) {
        const auto c = store.find_code(path);
        if (!c) throw std::runtime_error("no code " + path);
        return c->id;
    }

    Id document_id(const std::string& name) {
        const auto d = store.find_document(name);
        if (!d) throw std::runtime_error("no document " + name);
        return d->id;
    }

    std::string slice(Id document, Span span) {
        const auto text = store.document_text(document);
        const utf8::Index index(text);
        return std::string(utf8::slice(text, index, span.start, span.end));
    }

    // Codings as "document code coder origin [s,e)" lines, in store order.
    std::vector<std::string> codings() {
        std::map<Id, std::string> docs, codes;
        for (const auto& d : store.documents()) docs[d.id] = d.name;
        for (const auto& c : store.codes()) codes[c.id] = c.path;
        std::vector<std::string> out;
        for (const auto& c : store.codings()) {
            std::ostringstream s;
            s << docs[c.document] << ' ' << codes[c.code] << ' ' << c.coder << ' ' << to_string(c.origin) << ' ' << c.span;
            out.push_back(s.str());
        }
        return out;
    }

    // Everything a refused command must not change.
    std::string snapshot() {
        std::ostringstream s;
        for (const auto& c : store.codes())
            s << "code " << c.id << ' ' << c.path << ' ' << (c.parent ? *c.parent : 0) << ' ' << c.label << ' ' << c.ordinal << '\n';
        for (const auto& c : store.codings())
            s << "coding " << c.id << ' ' << c.document << ' ' << c.code << ' ' << c.span << ' ' << c.coder << '\n';
        for (const auto& m : store.memos())
            s << "memo " << m.id << ' ' << to_string(m.target_kind) << ' ' << m.target << ' ' << m.author << ' ' << m.text << '\n';
        if (auto cb = store.codebook()) s << "codebook " << cb->sha256 << '\n' << cb->source;
        s << "documents " << store.documents().size() << '\n';
        return s.str();
    }
};

}  // namespace qcode::coding_test
