#pragma once
// Shared by the coding-sheet tests: a project with one interview (a header,
// interviewer and respondent turns with f4 times, umlauts, a second
// paragraph) and a small code tree; helpers to run python3 + openpyxl.
#include <sys/wait.h>

#include <cstdlib>
#include <map>
#include <stdexcept>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "codebook/codebook.hpp"
#include "codebook/project.hpp"
#include "ingest/import.hpp"
#include "store/store.hpp"
#include "support/temp_dir.hpp"

namespace qcode::sheet_test {

// Sentences: the header "Interview 01 – Nordheim" is sentence 1 (left out
// of sheets); then I: 2, B: 3 4, I: 5, B: 6 (first paragraph) 7 (second).
inline constexpr const char* kInterview =
    "Interview 01 – Nordheim\n"
    "I: Wie läuft der Datenaustausch? #00:00:05-0#\n"
    "B: Die Schnittstelle fehlt. Wir übertragen alles händisch. #00:01:20-0#\n"
    "I: Und der Datenschutz? #00:01:25-0#\n"
    "B: Der Datenschutz bremst.\n"
    "Das Jobcenter wartet. #01:02:03-0#\n";

inline constexpr const char* kCodebook = R"(codebook: Sheets
codes:
  - id: huerden
    label: Hürden
    codable: false
    children:
      - id: technik
        label: Technik
        children:
          - id: schnittstellen
            label: Schnittstellen
          - id: medienbruch
            label: Medienbruch
      - id: datenschutz
        label: Datenschutz
  - id: akteure
    label: Akteure
    children:
      - id: jobcenter
        label: Jobcenter
)";

struct Project {
    testing::TempDir dir;
    std::string path = (dir.path() / "p.qcode").string();
    store::Store store = store::Store::create(path);
    Id doc = 0;

    explicit Project(const std::string& codebook_yaml = kCodebook) {
        ingest::import_files(store, {dir.write("interview_01.txt", kInterview)}, {});
        doc = store.find_document("interview_01")->id;
        codebook::install(store, codebook::parse_yaml(codebook_yaml, "cb.yaml"));
    }

    // (code path, start, end, coder, origin) of every coding, sorted.
    std::set<std::tuple<std::string, std::uint32_t, std::uint32_t, std::string, std::string>> codings() {
        std::map<Id, std::string> paths;
        for (const auto& c : store.codes()) paths[c.id] = c.path;
        std::set<std::tuple<std::string, std::uint32_t, std::uint32_t, std::string, std::string>> out;
        for (const auto& c : store.codings())
            out.emplace(paths[c.code], c.span.start, c.span.end, c.coder, std::string(to_string(c.origin)));
        return out;
    }

    store::UnitRow sentence(std::uint32_t ordinal) {
        for (const auto& u : store.units(UnitKind::sentence, doc))
            if (u.ordinal == ordinal) return u;
        throw std::runtime_error("no sentence " + std::to_string(ordinal));
    }
};

// Runs a shell command and returns its exit status (-1 when it did not exit).
inline int run(const std::string& command) {
    const int status = std::system(command.c_str());
    return (status != -1 && WIFEXITED(status)) ? WEXITSTATUS(status) : -1;
}

inline bool have_openpyxl() { return run("/usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1") == 0; }

// Writes `script` next to the files and runs it with the arguments; its exit status.
inline int python(const testing::TempDir& dir, const std::string& script, const std::vector<std::string>& args) {
    const auto file = dir.write("script.py", script);
    std::string command = "/usr/bin/python3 '" + file + "'";
    for (const auto& a : args) command += " '" + a + "'";
    return run(command);
}

}  // namespace qcode::sheet_test
