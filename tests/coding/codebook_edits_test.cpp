#include <boost/test/unit_test.hpp>

#include <map>

#include "codebook/project.hpp"
#include "coding/codebook_edits.hpp"
#include "coding/manual.hpp"
#include "coding/memos.hpp"
#include "coding_fixture.hpp"
#include "core/sha256.hpp"
#include "error_of.hpp"

using namespace qcode;
using namespace qcode::coding;
using qcode::coding_test::error_of;
using qcode::coding_test::Project;

namespace {

Target sentence(const std::string& code, std::uint32_t n) {
    Target t{code, "interview_a", {}};
    t.where.unit = n;
    return t;
}

std::string paths(store::Store& s) {
    std::string out;
    for (const auto& c : s.codes()) out += (out.empty() ? "" : " ") + c.path;
    return out;
}

// The stored codebook, re-read: path → "label|patterns|exclude".
std::map<std::string, std::string> stored(store::Store& s) {
    std::map<std::string, std::string> out;
    const auto cb = codebook::load_installed(s);
    BOOST_TEST_REQUIRE(cb.has_value());
    codebook::for_each_code(cb->codes, [&](const codebook::Code& c) {
        std::string v = c.label + "|";
        for (const auto& p : c.patterns) v += p.source + ",";
        v += "|";
        for (const auto& p : c.exclude) v += p.source + ",";
        out[c.path] = v;
    });
    return out;
}

// The stored codebook and the code table name the same codes.
void check_in_step(store::Store& s) {
    std::string yaml;
    for (const auto& [path, v] : stored(s)) yaml += (yaml.empty() ? "" : " ") + path;
    std::vector<std::string> table;
    for (const auto& c : s.codes()) table.push_back(c.path);
    std::sort(table.begin(), table.end());
    std::string t;
    for (const auto& x : table) t += (t.empty() ? "" : " ") + x;
    BOOST_TEST(yaml == t);
    // Parent links agree with paths.
    std::map<Id, std::string> by_id;
    for (const auto& c : s.codes()) by_id[c.id] = c.path;
    for (const auto& c : s.codes()) {
        const auto slash = c.path.rfind('/');
        if (slash == std::string::npos) BOOST_TEST(!c.parent.has_value(), c.path);
        else BOOST_TEST(by_id[c.parent.value_or(0)] == c.path.substr(0, slash), c.path);
    }
}

// A codebook whose codes are within others (line numbers in the comments).
const std::string kWithinBook = R"(codebook: Within
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
        patterns: [datenschutz*]
        within: huerden/technik
  - id: akteure
    label: Akteure
    children:
      - id: jobcenter
        label: Jobcenter
        patterns: ['*jobcenter*']
        within: huerden/technik/medien
  - id: folgen
    label: Folgen
    patterns: [fehlt]
    within: akteure
)";
constexpr int kRechtLine = 20, kJobcenterLine = 27, kFolgenLine = 31;

// A project with kWithinBook installed.
struct WithinProject : coding_test::Project {
    WithinProject() : Project(false) { codebook::install(store, codebook::parse_yaml(kWithinBook, "within.yaml")); }
};

// The stored codebook's within: keys, re-read: "code>target" joined by spaces.
std::string withins(store::Store& s) {
    const auto cb = codebook::load_installed(s);
    BOOST_TEST_REQUIRE(cb.has_value());
    std::string out;
    codebook::for_each_code(cb->codes, [&](const codebook::Code& c) {
        if (!c.within.empty()) out += (out.empty() ? "" : " ") + c.path + ">" + c.within;
    });
    return out;
}

// An edit's within: changes as "code:before>after@line" joined by spaces.
std::string changes(const EditReport& r) {
    std::string out;
    for (const auto& w : r.within)
        out += (out.empty() ? "" : " ") + w.code + ":" + w.before + ">" + w.after + "@" + std::to_string(w.line);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(codebook_edits)

BOOST_AUTO_TEST_CASE(rename_keeps_codings_and_moves_the_subtree) {
    Project p;
    add(p.store, sentence("huerden/technik/medien", 3), "anna");
    add_code_memo(p.store, "huerden/technik", "anna", "memo");
    const auto id = p.code_id("huerden/technik/medien");
    const auto r = rename_code(p.store, "huerden/technik", "it", std::string("IT-Probleme"));
    BOOST_TEST(r.path == "huerden/it");
    BOOST_TEST(r.codes_moved == 2u);
    BOOST_TEST(r.codebook_changed);
    BOOST_TEST(paths(p.store) == "huerden huerden/it huerden/it/medien huerden/recht akteure akteure/jobcenter");
    BOOST_TEST(p.code_id("huerden/it/medien") == id);
    BOOST_TEST(p.codings().at(0) == "interview_a huerden/it/medien anna manual [79,109)");
    BOOST_TEST(code_memos(p.store, "huerden/it").size() == 1u);
    const auto book = stored(p.store);
    BOOST_TEST(book.at("huerden/it") == "IT-Probleme|schnittstelle*,|");
    BOOST_TEST(book.at("huerden/it/medien") == "Medienbruch|\"alles * händisch\",|");
    BOOST_TEST(book.at("akteure/jobcenter") == "Jobcenter|*jobcenter*,|");
    BOOST_TEST(book.at("huerden/recht") == "Recht|datenschutz*,|\"keine probleme\",");
    BOOST_TEST(p.store.codebook()->sha256 == sha256_hex(p.store.codebook()->source));
    check_in_step(p.store);
    // A new label alone.
    BOOST_TEST(rename_code(p.store, "huerden/it", "it", std::string("IT")).path == "huerden/it");
    BOOST_TEST(stored(p.store).at("huerden/it").starts_with("IT|"));
}

BOOST_AUTO_TEST_CASE(rename_refusals_change_nothing) {
    Project p;
    const auto before = p.snapshot();
    BOOST_TEST(error_of([&] { rename_code(p.store, "huerden/technik", "recht"); }).find("'huerden/recht' already exists") !=
               std::string::npos);
    BOOST_TEST(error_of([&] { rename_code(p.store, "huerden/technik", "a b"); }).find("invalid id 'a b'") != std::string::npos);
    BOOST_TEST(error_of([&] { rename_code(p.store, "huerden/technik", "x/y"); }).find("invalid id") != std::string::npos);
    BOOST_TEST(error_of([&] { rename_code(p.store, "huerden/technik", "technik"); }).find("already has the id") !=
               std::string::npos);
    BOOST_TEST(error_of([&] { rename_code(p.store, "huerden/nix", "x"); }).find("no code 'huerden/nix'") != std::string::npos);
    BOOST_TEST(p.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(move_under_another_parent_and_to_the_top) {
    Project p;
    add(p.store, sentence("huerden/technik/medien", 3), "anna");
    auto r = move_code(p.store, "huerden/technik/medien", "akteure");
    BOOST_TEST(r.path == "akteure/medien");
    BOOST_TEST(paths(p.store) == "huerden huerden/technik huerden/recht akteure akteure/jobcenter akteure/medien");
    BOOST_TEST(p.codings().at(0) == "interview_a akteure/medien anna manual [79,109)");
    check_in_step(p.store);
    r = move_code(p.store, "huerden/technik", "");
    BOOST_TEST(r.path == "technik");
    BOOST_TEST(paths(p.store) == "huerden huerden/recht akteure akteure/jobcenter akteure/medien technik");
    check_in_step(p.store);
    // The YAML keeps the moved code's rules.
    BOOST_TEST(stored(p.store).at("akteure/medien") == "Medienbruch|\"alles * händisch\",|");
}

BOOST_AUTO_TEST_CASE(move_refusals_change_nothing) {
    Project p;
    const auto before = p.snapshot();
    BOOST_TEST(error_of([&] { move_code(p.store, "huerden", "huerden/technik"); }).find("inside it") != std::string::npos);
    BOOST_TEST(error_of([&] { move_code(p.store, "huerden", "huerden"); }).find("the code itself") != std::string::npos);
    BOOST_TEST(error_of([&] { move_code(p.store, "huerden/recht", "huerden"); }).find("already under 'huerden'") !=
               std::string::npos);
    BOOST_TEST(error_of([&] { move_code(p.store, "akteure", ""); }).find("already at the top level") != std::string::npos);
    BOOST_TEST(error_of([&] { move_code(p.store, "huerden/technik/medien", "nix"); }).find("no code 'nix'") !=
               std::string::npos);
    rename_code(p.store, "akteure/jobcenter", "recht");
    const auto renamed = p.snapshot();
    BOOST_TEST(error_of([&] { move_code(p.store, "akteure/recht", "huerden"); }).find("'huerden/recht' already exists") !=
               std::string::npos);
    BOOST_TEST(p.snapshot() == renamed);
    BOOST_TEST(renamed != before);
}

BOOST_AUTO_TEST_CASE(merge_moves_codings_removes_duplicates_and_keeps_memos) {
    Project p;
    const auto older = add(p.store, sentence("huerden/recht", 2), "anna", "Memo am älteren");
    add(p.store, sentence("huerden/recht", 4), "ben");
    add(p.store, sentence("huerden/technik", 2), "anna", "Memo am Duplikat");
    add(p.store, sentence("huerden/technik", 2), "ben");
    add_code_memo(p.store, "huerden/recht", "anna", "Recht-Memo");
    const auto r = merge_codes(p.store, "huerden/recht", "huerden/technik");
    BOOST_TEST(r.codings_moved == 2);
    BOOST_TEST(r.duplicates == 1);
    BOOST_TEST(!p.store.find_code("huerden/recht"));
    const auto rows = p.codings();
    BOOST_TEST(rows.size() == 3u);
    BOOST_TEST(std::count(rows.begin(), rows.end(), "interview_a huerden/technik anna manual [54,78)") == 1);
    BOOST_TEST(std::count(rows.begin(), rows.end(), "interview_a huerden/technik ben manual [54,78)") == 1);
    BOOST_TEST(std::count(rows.begin(), rows.end(), "interview_a huerden/technik ben manual [113,136)") == 1);
    // The older of the two duplicates stays, with the memos of both.
    const auto stays = find_coding(p.store, sentence("huerden/technik", 2), std::string("anna"));
    BOOST_TEST(stays.id == older.coding);
    std::string texts;
    for (const auto& m : p.store.memos(store::MemoTarget::coding, stays.id)) texts += m.text + ";";
    BOOST_TEST(texts == "Memo am älteren;Memo am Duplikat;");
    BOOST_TEST(code_memos(p.store, "huerden/technik").at(0).memo.text == "Recht-Memo");
    // Patterns and exclusions moved with it.
    BOOST_TEST(stored(p.store).at("huerden/technik") == "Technik|schnittstelle*,datenschutz*,|\"keine probleme\",");
    check_in_step(p.store);
}

BOOST_AUTO_TEST_CASE(merge_takes_children_along) {
    Project p;
    add(p.store, sentence("huerden/technik/medien", 3), "anna");
    const auto r = merge_codes(p.store, "huerden/technik", "huerden/recht");
    BOOST_TEST(r.codes_moved == 1u);
    BOOST_TEST(paths(p.store) == "huerden huerden/recht huerden/recht/medien akteure akteure/jobcenter");
    BOOST_TEST(p.codings().at(0) == "interview_a huerden/recht/medien anna manual [79,109)");
    check_in_step(p.store);
    // A child merged into its parent.
    merge_codes(p.store, "huerden/recht/medien", "huerden/recht");
    BOOST_TEST(p.codings().at(0) == "interview_a huerden/recht anna manual [79,109)");
    check_in_step(p.store);
}

BOOST_AUTO_TEST_CASE(merge_refusals_change_nothing) {
    Project p;
    add(p.store, sentence("huerden/technik", 2), "anna");
    rename_code(p.store, "akteure/jobcenter", "medien");
    const auto before = p.snapshot();
    BOOST_TEST(error_of([&] { merge_codes(p.store, "huerden/technik", "huerden/technik"); }).find("into itself") !=
               std::string::npos);
    BOOST_TEST(error_of([&] { merge_codes(p.store, "huerden/technik", "huerden/technik/medien"); }).find("inside it") !=
               std::string::npos);
    BOOST_TEST(error_of([&] { merge_codes(p.store, "huerden/technik", "huerden"); }).find("codable: false") !=
               std::string::npos);
    BOOST_TEST(error_of([&] { merge_codes(p.store, "huerden/technik", "akteure"); }).find("'akteure/medien' already exists") !=
               std::string::npos);
    BOOST_TEST(error_of([&] { merge_codes(p.store, "nix", "akteure"); }).find("no code 'nix'") != std::string::npos);
    BOOST_TEST(p.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(delete_refuses_while_coded_unless_forced) {
    Project p;
    add(p.store, sentence("huerden/technik/medien", 3), "anna", "memo");
    add(p.store, sentence("huerden/technik", 2), "ben");
    add_code_memo(p.store, "huerden/technik", "anna", "memo");
    add_code_memo(p.store, "akteure", "anna", "bleibt");
    const auto before = p.snapshot();
    const auto msg = error_of([&] { delete_code(p.store, "huerden/technik", false); });
    BOOST_TEST(msg.find("'huerden/technik' (with 1 subcodes) has 2 codings by anna, ben") != std::string::npos, msg);
    BOOST_TEST(msg.find("--force") != std::string::npos);
    BOOST_TEST(p.snapshot() == before);

    const auto r = delete_code(p.store, "huerden/technik", true);
    BOOST_TEST(r.codes_deleted == 2u);
    BOOST_TEST(r.codings_deleted == 2);
    BOOST_TEST(r.memos_deleted == 2);
    BOOST_TEST((r.coders == std::vector<std::string>{"anna", "ben"}));
    BOOST_TEST(paths(p.store) == "huerden huerden/recht akteure akteure/jobcenter");
    BOOST_TEST(p.store.codings().empty());
    BOOST_TEST(p.store.memos().size() == 1u);
    check_in_step(p.store);
    // Uncoded codes go without --force.
    BOOST_TEST(delete_code(p.store, "akteure", false).codes_deleted == 2u);
    BOOST_TEST(p.store.memos().empty());
    check_in_step(p.store);
}

BOOST_AUTO_TEST_CASE(without_a_stored_codebook_only_the_code_table_changes) {
    Project p(false);
    for (const char* path : {"a", "a/b", "a/b/c", "d"}) {
        store::CodeRow row;
        row.path = path;
        row.label = path;
        p.store.upsert_code(row);
    }
    add(p.store, sentence("a/b/c", 2), "anna");
    BOOST_TEST(!rename_code(p.store, "a/b", "x").codebook_changed);
    move_code(p.store, "a/x", "d");
    BOOST_TEST(paths(p.store) == "a d d/x d/x/c");
    merge_codes(p.store, "d/x/c", "d/x");
    delete_code(p.store, "d/x", true);
    BOOST_TEST(paths(p.store) == "a d");
    BOOST_TEST(!p.store.codebook().has_value());
}

BOOST_AUTO_TEST_CASE(codes_kept_only_for_their_codings_are_edited_in_the_table) {
    Project p;
    add(p.store, sentence("akteure/jobcenter", 5), "anna");
    // A new codebook without akteure/jobcenter keeps it for its coding.
    std::string smaller = coding_test::kCodebook.substr(0, coding_test::kCodebook.find("      - id: jobcenter"));
    codebook::install(p.store, codebook::parse_yaml(smaller, "smaller.yaml"));
    BOOST_TEST(p.store.find_code("akteure/jobcenter").has_value());
    BOOST_TEST(!stored(p.store).contains("akteure/jobcenter"));
    move_code(p.store, "akteure/jobcenter", "huerden");  // table only
    BOOST_TEST(p.codings().at(0) == "interview_a huerden/jobcenter anna manual [137,180)");
    const auto before = p.snapshot();
    // A codebook code cannot go under it, nor give it its patterns.
    BOOST_TEST(error_of([&] { move_code(p.store, "huerden/recht", "huerden/jobcenter"); }).find("not in the stored codebook") !=
               std::string::npos);
    BOOST_TEST(error_of([&] { merge_codes(p.store, "huerden/recht", "huerden/jobcenter"); }).find("not in the stored codebook") !=
               std::string::npos);
    BOOST_TEST(p.snapshot() == before);
    // The other way round is fine.
    merge_codes(p.store, "huerden/jobcenter", "huerden/recht");
    BOOST_TEST(p.codings().at(0) == "interview_a huerden/recht anna manual [137,180)");
}

BOOST_AUTO_TEST_CASE(the_shipped_codebook_survives_a_rewrite) {
    Project p(false);
    const auto azr = codebook::load_yaml_file(std::string(QCODE_SOURCE_DIR) + "/codebooks/azr.yaml");
    codebook::install(p.store, azr);
    const auto before = stored(p.store);
    const auto first = p.store.codes().back().path;
    const auto id = std::string(p.store.codes().back().id_part());
    rename_code(p.store, first, id + "_x");
    rename_code(p.store, first + "_x", id);
    BOOST_TEST((stored(p.store) == before));
    const auto cb = codebook::load_installed(p.store);
    BOOST_TEST(cb->name == azr.name);
    BOOST_TEST((cb->defaults.unit == azr.defaults.unit));
}

BOOST_AUTO_TEST_CASE(the_within_book_has_its_keys_on_the_lines_named) {
    // The line constants the within tests rely on.
    const auto cb = codebook::parse_yaml(kWithinBook, "within.yaml");
    std::map<std::string, int> lines;
    codebook::for_each_code(cb.codes, [&](const codebook::Code& c) {
        if (!c.within.empty()) lines[c.path] = c.within_line;
    });
    BOOST_TEST(lines.at("huerden/recht") == kRechtLine);
    BOOST_TEST(lines.at("akteure/jobcenter") == kJobcenterLine);
    BOOST_TEST(lines.at("folgen") == kFolgenLine);
}

BOOST_AUTO_TEST_CASE(rename_points_within_at_the_new_paths) {
    WithinProject p;
    auto r = rename_code(p.store, "huerden/technik", "it");
    BOOST_TEST(changes(r) == "huerden/recht:huerden/technik>huerden/it@20 "
                             "akteure/jobcenter:huerden/technik/medien>huerden/it/medien@27");
    BOOST_TEST(withins(p.store) == "huerden/recht>huerden/it akteure/jobcenter>huerden/it/medien folgen>akteure");
    check_in_step(p.store);
    // The code that has the key renamed along: its key is rewritten where it now stands
    // (lines are now those of the rewritten codebook).
    r = rename_code(p.store, "huerden", "h");
    BOOST_REQUIRE(r.within.size() == 2u);
    BOOST_TEST(r.within.at(0).code == "h/recht");
    BOOST_TEST(r.within.at(0).before == "huerden/it");
    BOOST_TEST(r.within.at(0).after == "h/it");
    BOOST_TEST(r.within.at(0).line > 0);
    BOOST_TEST(r.within.at(1).code == "akteure/jobcenter");
    BOOST_TEST(r.within.at(1).after == "h/it/medien");
    BOOST_TEST(withins(p.store) == "h/recht>h/it akteure/jobcenter>h/it/medien folgen>akteure");
    r = rename_code(p.store, "akteure", "beteiligte");
    BOOST_TEST(changes(r).starts_with("folgen:akteure>beteiligte@"));
    BOOST_TEST(withins(p.store) == "h/recht>h/it beteiligte/jobcenter>h/it/medien folgen>beteiligte");
    check_in_step(p.store);
    // A new label alone changes no within:.
    BOOST_TEST(rename_code(p.store, "h/it", "it", std::string("IT")).within.empty());
}

BOOST_AUTO_TEST_CASE(move_points_within_at_the_new_paths) {
    WithinProject p;
    auto r = move_code(p.store, "huerden/technik", "");
    BOOST_TEST(r.path == "technik");
    BOOST_TEST(changes(r) == "huerden/recht:huerden/technik>technik@20 "
                             "akteure/jobcenter:huerden/technik/medien>technik/medien@27");
    BOOST_TEST(withins(p.store) == "huerden/recht>technik akteure/jobcenter>technik/medien folgen>akteure");
    check_in_step(p.store);
    // Moving the code that has the key: the key stays as it is.
    r = move_code(p.store, "huerden/recht", "akteure");
    BOOST_TEST(r.within.empty());
    BOOST_TEST(withins(p.store) == "akteure/jobcenter>technik/medien akteure/recht>technik folgen>akteure");
    check_in_step(p.store);
}

BOOST_AUTO_TEST_CASE(move_refused_when_a_code_would_be_within_its_parent) {
    WithinProject p;
    const auto before = p.snapshot();
    // folgen is within akteure: under akteure it would be within its own parent.
    const auto msg = error_of([&] { move_code(p.store, "folgen", "akteure"); });
    BOOST_TEST(msg.find("cannot move 'folgen' under 'akteure': then code 'akteure/folgen' cannot be within 'akteure'") !=
                   std::string::npos,
               msg);
    BOOST_TEST(msg.find("(line 31 of the stored codebook)") != std::string::npos, msg);
    BOOST_TEST(msg.find("nothing was changed") != std::string::npos, msg);
    BOOST_TEST(p.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(merge_points_within_at_the_code_that_stays) {
    WithinProject p;
    add(p.store, sentence("huerden/technik", 2), "anna");
    // technik's child medien goes under jobcenter, so jobcenter is within its own child then.
    const auto r = merge_codes(p.store, "huerden/technik", "akteure/jobcenter");
    BOOST_TEST(changes(r) == "huerden/recht:huerden/technik>akteure/jobcenter@20 "
                             "akteure/jobcenter:huerden/technik/medien>akteure/jobcenter/medien@27");
    BOOST_TEST(withins(p.store) == "huerden/recht>akteure/jobcenter akteure/jobcenter>akteure/jobcenter/medien folgen>akteure");
    BOOST_TEST(p.codings().at(0) == "interview_a akteure/jobcenter anna manual [54,78)");
    check_in_step(p.store);
}

BOOST_AUTO_TEST_CASE(merge_refused_when_within_would_name_the_code_itself_or_go_round) {
    WithinProject p;
    const auto before = p.snapshot();
    // recht is within technik: merged into recht, it would be within itself.
    auto msg = error_of([&] { merge_codes(p.store, "huerden/technik", "huerden/recht"); });
    BOOST_TEST(msg.find("cannot merge 'huerden/technik' into 'huerden/recht': then code 'huerden/recht' cannot be "
                        "within 'huerden/recht'") != std::string::npos,
               msg);
    BOOST_TEST(msg.find("(line 20 of the stored codebook)") != std::string::npos, msg);
    BOOST_TEST(p.snapshot() == before);

    // c within a, b within c: merging a into b leaves b and c within each other.
    coding_test::Project q(false);
    codebook::install(q.store, codebook::parse_yaml("codebook: K\ncodes:\n"
                                                    "  - id: a\n    label: A\n"
                                                    "  - id: b\n    label: B\n    within: c\n"
                                                    "  - id: c\n    label: C\n    within: a\n",
                                                    "k.yaml"));
    const auto q_before = q.snapshot();
    msg = error_of([&] { merge_codes(q.store, "a", "b"); });
    BOOST_TEST(msg.find("cannot merge 'a' into 'b': then codes are within each other in a circle") != std::string::npos, msg);
    BOOST_TEST(q.snapshot() == q_before);
}

BOOST_AUTO_TEST_CASE(delete_refused_while_codes_are_within_it_unless_forced) {
    WithinProject p;
    const auto before = p.snapshot();
    auto msg = error_of([&] { delete_code(p.store, "huerden/technik", false); });
    BOOST_TEST(msg.find("code 'huerden/technik' (with 1 subcodes) has codes within it: 'huerden/recht' within "
                        "'huerden/technik' (line 20 of the stored codebook), 'akteure/jobcenter' within "
                        "'huerden/technik/medien' (line 27 of the stored codebook); ") != std::string::npos,
               msg);
    BOOST_TEST(msg.find("--force") != std::string::npos, msg);
    // Codes inside the deleted subtree go with it: only jobcenter holds huerden back.
    msg = error_of([&] { delete_code(p.store, "huerden", false); });
    BOOST_TEST(msg.find("has codes within it: 'akteure/jobcenter' within 'huerden/technik/medien' (line 27") !=
                   std::string::npos,
               msg);
    BOOST_TEST(msg.find("huerden/recht") == std::string::npos, msg);
    // Coded and with codes within it: both reasons.
    add(p.store, sentence("huerden/technik/medien", 3), "anna");
    const auto coded = p.snapshot();
    msg = error_of([&] { delete_code(p.store, "huerden/technik/medien", false); });
    BOOST_TEST(msg.find("code 'huerden/technik/medien' has 1 coding by anna, and codes within it: 'akteure/jobcenter' "
                        "within 'huerden/technik/medien' (line 27 of the stored codebook)") != std::string::npos,
               msg);
    BOOST_TEST(p.snapshot() == coded);
    BOOST_TEST(coded != before);

    const auto r = delete_code(p.store, "huerden/technik", true);
    BOOST_TEST(changes(r) == "huerden/recht:huerden/technik>@20 akteure/jobcenter:huerden/technik/medien>@27");
    BOOST_TEST(r.codings_deleted == 1);
    BOOST_TEST(withins(p.store) == "folgen>akteure");
    BOOST_TEST(paths(p.store) == "huerden huerden/recht akteure akteure/jobcenter folgen");
    check_in_step(p.store);
    // Deleting a code that is itself within another needs no --force.
    const auto gone = delete_code(p.store, "folgen", false);
    BOOST_TEST(gone.within.empty());
    BOOST_TEST(withins(p.store).empty());
    check_in_step(p.store);
}

BOOST_AUTO_TEST_SUITE_END()
