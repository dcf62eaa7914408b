// read_transcript and import_files: one transaction per call; the same
// bytes again are a no-op; a changed file under the same name is refused
// unless replace (DESIGN §2, §3, §5).
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/sha256.hpp"
#include "ingest/import.hpp"
#include "store/store.hpp"
#include "support/temp_dir.hpp"

using namespace qcode;
using qcode::ingest::ImportedDocument;
using qcode::ingest::ImportOptions;
using qcode::ingest::import_files;
using qcode::ingest::read_transcript;
using qcode::store::Store;
using qcode::testing::read_file;
using qcode::testing::TempDir;

namespace {

const std::string kA = "Interview A\n\nI: Wie geht es? #00:00:04-0#\n\nB: Gut. Sehr gut. #00:00:09-5#\n";
const std::string kA2 = "Interview A\n\nI: Wie geht es? #00:00:04-0#\n\nB: Schlecht. #00:00:09-5#\n";
const std::string kB = "I: Frage?\nB: Antwort eins.\nB: Antwort zwei.\n";

struct Project {
    TempDir dir;
    std::string path = (dir.path() / "p.qcode").string();
    Store store = Store::create(path);
};

// Expects `f` to throw qcode::Error naming `file`; returns the message.
template <typename F>
std::string error_naming(const std::string& file, F&& f) {
    try {
        f();
    } catch (const Error& e) {
        BOOST_TEST(e.file() == file);
        return e.what();
    }
    BOOST_FAIL("expected a qcode::Error naming " + file);
    return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(read_transcripts)

BOOST_AUTO_TEST_CASE(document_fields) {
    TempDir dir;
    const std::string bytes = "\xEF\xBB\xBF" "I: Wie geht's?\r\nB: Gut.\r\n";
    const auto path = dir.write("interview_01.txt", bytes);
    const auto doc = read_transcript(path, {}).document;
    BOOST_TEST(doc.name == "interview_01");
    BOOST_TEST(doc.source_path == path);
    BOOST_TEST(doc.format == "text");
    BOOST_TEST(doc.sha256 == sha256_hex(bytes));  // of the source bytes, BOM and CRLF included
    BOOST_TEST(doc.text == "I: Wie geht's?\nB: Gut.");
    BOOST_TEST(doc.speakers.size() == 2u);
}

BOOST_AUTO_TEST_CASE(asking_labels_option) {
    TempDir dir;
    const auto path = dir.write("x.txt", "F: Frage?\nI: Antwort.\n");
    ImportOptions options;
    options.asking = std::vector<std::string>{"F"};
    const auto doc = read_transcript(path, options).document;
    BOOST_TEST_REQUIRE(doc.speakers.size() == 2u);
    BOOST_TEST(to_string(doc.speakers[0].role) == "interviewer");
    BOOST_TEST(to_string(doc.speakers[1].role) == "respondent");  // "I" is not in the custom list
}

BOOST_AUTO_TEST_CASE(empty_file_is_an_error_naming_it) {
    TempDir dir;
    const auto path = dir.write("leer.txt", "");
    const auto what = error_naming(path, [&] { read_transcript(path, {}); });
    BOOST_TEST(what.find("empty") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(blank_file_is_an_error_naming_it) {
    TempDir dir;
    const auto path = dir.write("blank.txt", "\n  \n\t\n");
    error_naming(path, [&] { read_transcript(path, {}); });
}

BOOST_AUTO_TEST_CASE(missing_file_is_an_error_naming_it) {
    TempDir dir;
    const auto path = (dir.path() / "fehlt.txt").string();
    error_naming(path, [&] { read_transcript(path, {}); });
}

BOOST_AUTO_TEST_CASE(unknown_extension_unless_format_given) {
    TempDir dir;
    const auto path = dir.write("x.pdf", kB);
    error_naming(path, [&] { read_transcript(path, {}); });
    ImportOptions options;
    options.format = "text";
    BOOST_TEST(read_transcript(path, options).document.name == "x");
    options.format = "docx";
    error_naming(path, [&] { read_transcript(path, options); });
}

BOOST_AUTO_TEST_CASE(upper_case_txt_extension) {
    // Windows tools write "INTERVIEW.TXT"; the extension is the same format.
    TempDir dir;
    const auto path = dir.write("INTERVIEW_02.TXT", kB);
    const auto doc = read_transcript(path, {}).document;
    BOOST_TEST(doc.name == "INTERVIEW_02");
    BOOST_TEST(doc.format == "text");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_names_file_and_line) {
    TempDir dir;
    // Damaged UTF-8 (well-formed "ü" and "ö", then a cut sequence): an error
    // with the line, not a legacy file (decode.hpp).
    const auto path = dir.write("bad.txt", "I: Frage f\xC3\xBCr Sie?\nB: Die Beh\xC3\xB6rde \xC3( sagt nein.\n");
    try {
        read_transcript(path, {});
        BOOST_FAIL("invalid UTF-8 must throw");
    } catch (const Error& e) {
        BOOST_TEST(e.file() == path);
        BOOST_TEST(e.line() == 2);
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(import_transcripts)

BOOST_AUTO_TEST_CASE(import_reports_counts) {
    Project p;
    const auto a = p.dir.write("a.txt", kA);
    const auto report = import_files(p.store, {a}, {}).documents;
    BOOST_TEST_REQUIRE(report.size() == 1u);
    BOOST_TEST(report[0].name == "a");
    BOOST_TEST(report[0].path == a);
    BOOST_TEST(static_cast<int>(report[0].status) == static_cast<int>(ImportedDocument::Status::imported));
    BOOST_TEST(report[0].speakers == 2u);
    BOOST_TEST(report[0].turns == 3u);       // header, I, B
    BOOST_TEST(report[0].paragraphs == 3u);
    BOOST_TEST(report[0].sentences == 4u);   // header, question, "Gut.", "Sehr gut."
    BOOST_TEST(report[0].dropped_codings == 0);

    const auto docs = p.store.documents();
    BOOST_TEST_REQUIRE(docs.size() == 1u);
    BOOST_TEST(docs[0].sha256 == sha256_hex(kA));
    BOOST_TEST(p.store.document_text(docs[0].id) == "Interview A\n\nI: Wie geht es?\n\nB: Gut. Sehr gut.");
    const auto turns = p.store.units(UnitKind::turn, docs[0].id);
    BOOST_TEST_REQUIRE(turns.size() == 3u);
    BOOST_TEST(turns[2].t_start_ms.value_or(-1) == 4000);
    BOOST_TEST(turns[2].t_end_ms.value_or(-1) == 9500);
    BOOST_TEST(to_string(turns[2].role.value_or(Role::interviewer)) == "respondent");
}

BOOST_AUTO_TEST_CASE(importing_twice_is_unchanged) {
    Project p;
    const auto a = p.dir.write("a.txt", kA);
    import_files(p.store, {a}, {});
    const auto before = p.store.counts();
    const auto report = import_files(p.store, {a}, {}).documents;
    BOOST_TEST_REQUIRE(report.size() == 1u);
    BOOST_TEST(static_cast<int>(report[0].status) == static_cast<int>(ImportedDocument::Status::unchanged));
    const auto after = p.store.counts();
    BOOST_TEST(after.documents == 1);
    BOOST_TEST(after.turns == before.turns);
    BOOST_TEST(after.sentences == before.sentences);
}

BOOST_AUTO_TEST_CASE(changed_file_under_the_same_name_is_refused) {
    Project p;
    const auto a = p.dir.write("a.txt", kA);
    import_files(p.store, {a}, {});
    p.dir.write("a.txt", kA2);
    const auto what = error_naming(a, [&] { import_files(p.store, {a}, {}); });
    BOOST_TEST(what.find("replace") != std::string::npos);
    const auto doc = p.store.find_document("a");
    BOOST_TEST_REQUIRE(doc.has_value());
    BOOST_TEST(doc->sha256 == sha256_hex(kA));  // the old version stays
}

BOOST_AUTO_TEST_CASE(replace_drops_codings_and_reports_them) {
    Project p;
    const auto a = p.dir.write("a.txt", kA);
    const auto b = p.dir.write("b.txt", kB);
    import_files(p.store, {a, b}, {});
    const Id id_a = p.store.find_document("a")->id;
    const Id id_b = p.store.find_document("b")->id;
    store::CodeRow c;
    c.path = "x";
    c.label = "X";
    const Id code = p.store.upsert_code(c);
    auto coding = [&](Id doc, Span span) {
        Coding g;
        g.document = doc;
        g.span = span;
        g.code = code;
        g.coder = "anna";
        return g;
    };
    p.store.add_codings({coding(id_a, {0, 9}), coding(id_a, {16, 20}), coding(id_b, {3, 9})});

    p.dir.write("a.txt", kA2);
    ImportOptions options;
    options.replace = true;
    const auto report = import_files(p.store, {a}, options).documents;
    BOOST_TEST_REQUIRE(report.size() == 1u);
    BOOST_TEST(static_cast<int>(report[0].status) == static_cast<int>(ImportedDocument::Status::replaced));
    BOOST_TEST(report[0].dropped_codings == 2);

    const auto docs = p.store.documents();
    BOOST_TEST(docs.size() == 2u);
    const auto new_a = p.store.find_document("a");
    BOOST_TEST_REQUIRE(new_a.has_value());
    BOOST_TEST(new_a->sha256 == sha256_hex(kA2));
    BOOST_TEST(p.store.document_text(new_a->id) == "Interview A\n\nI: Wie geht es?\n\nB: Schlecht.");
    const auto left = p.store.codings();
    BOOST_TEST_REQUIRE(left.size() == 1u);
    BOOST_TEST(left[0].document == id_b);
    BOOST_TEST(p.store.units(UnitKind::turn, id_a).empty());
    BOOST_TEST(p.store.units(UnitKind::turn, new_a->id).size() == 3u);
}

BOOST_AUTO_TEST_CASE(replace_of_an_unchanged_file_is_unchanged) {
    Project p;
    const auto a = p.dir.write("a.txt", kA);
    import_files(p.store, {a}, {});
    ImportOptions options;
    options.replace = true;
    const auto report = import_files(p.store, {a}, options).documents;
    BOOST_TEST(static_cast<int>(report.at(0).status) == static_cast<int>(ImportedDocument::Status::unchanged));
}

BOOST_AUTO_TEST_CASE(two_files_with_the_same_stem_in_one_batch) {
    Project p;
    std::filesystem::create_directory(p.dir.path() / "x");
    std::filesystem::create_directory(p.dir.path() / "y");
    const auto first = p.dir.write("x/a.txt", kA);
    const auto second = p.dir.write("y/a.txt", kB);
    const auto what = error_naming(second, [&] { import_files(p.store, {first, second}, {}); });
    BOOST_TEST(what.find("'a'") != std::string::npos);
    BOOST_TEST(p.store.documents().empty());
}

BOOST_AUTO_TEST_CASE(one_bad_file_imports_nothing) {
    Project p;
    const auto good = p.dir.write("good.txt", kA);
    const auto bad = p.dir.write("bad.txt", "I: Frage zur Beh\xC3\xB6rde?\nB: Antwort f\xC3\xBCr Sie.\nI: kaputt \xC3(\n");
    const auto also_good = p.dir.write("c.txt", kB);
    try {
        import_files(p.store, {good, bad, also_good}, {});
        BOOST_FAIL("the bad file must make the import fail");
    } catch (const Error& e) {
        BOOST_TEST(e.file() == bad);
        BOOST_TEST(e.line() == 3);
    }
    BOOST_TEST(p.store.documents().empty());
    const auto c = p.store.counts();
    BOOST_TEST(c.speakers == 0);
    BOOST_TEST(c.turns == 0);
}

BOOST_AUTO_TEST_CASE(failed_import_leaves_the_project_file_unchanged) {
    TempDir dir;
    const auto path = (dir.path() / "p.qcode").string();
    const auto a = dir.write("a.txt", kA);
    {
        auto s = Store::create(path);
        import_files(s, {a}, {});
    }
    const auto before = read_file(path);
    const auto b = dir.write("b.txt", kB);
    const auto empty = dir.write("empty.txt", "");
    {
        auto s = Store::open(path);
        error_naming(empty, [&] { import_files(s, {b, empty}, {}); });
    }
    BOOST_TEST(read_file(path) == before);
}

BOOST_AUTO_TEST_CASE(empty_and_missing_files_in_a_batch) {
    Project p;
    const auto good = p.dir.write("good.txt", kA);
    const auto empty = p.dir.write("leer.txt", "");
    const auto missing = (p.dir.path() / "fehlt.txt").string();
    error_naming(empty, [&] { import_files(p.store, {good, empty}, {}); });
    error_naming(missing, [&] { import_files(p.store, {good, missing}, {}); });
    BOOST_TEST(p.store.documents().empty());
}

BOOST_AUTO_TEST_CASE(import_inside_a_callers_transaction_rolls_back_with_it) {
    Project p;
    const auto a = p.dir.write("a.txt", kA);
    {
        auto tx = p.store.transaction();
        import_files(p.store, {a}, {});
        BOOST_TEST(p.store.documents().size() == 1u);
        // the caller fails later and does not commit
    }
    BOOST_TEST(p.store.documents().empty());
}

BOOST_AUTO_TEST_CASE(all_samples_import) {
    Project p;
    std::vector<std::string> paths;
    for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(QCODE_SOURCE_DIR) / "samples"))
        if (e.path().extension() == ".txt") paths.push_back(e.path().string());
    BOOST_TEST_REQUIRE(paths.size() >= 7u);
    const auto report = import_files(p.store, paths, {}).documents;
    BOOST_TEST(report.size() == paths.size());
    BOOST_TEST(p.store.documents().size() == paths.size());
    const auto again = import_files(p.store, paths, {}).documents;
    for (const auto& r : again)
        BOOST_TEST(static_cast<int>(r.status) == static_cast<int>(ImportedDocument::Status::unchanged));
}

// Files are read ahead on a second thread while the previous one is stored;
// what ends up in the project is as if they were read one after the other.
BOOST_AUTO_TEST_CASE(many_files_are_stored_in_the_order_given) {
    Project p;
    std::vector<std::string> paths;
    for (int i = 0; i < 12; ++i) {
        const std::string name = "z" + std::to_string(11 - i) + ".txt";  // not in name order
        paths.push_back(p.dir.write(name, i % 2 ? kA : kB));
    }
    std::vector<std::size_t> progress;
    ImportOptions options;
    options.progress = [&](std::size_t done, std::size_t, const std::string&) { progress.push_back(done); };
    const auto report = import_files(p.store, paths, options).documents;
    BOOST_TEST_REQUIRE(report.size() == paths.size());
    std::vector<store::DocumentInfo> by_id = p.store.documents();
    std::sort(by_id.begin(), by_id.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    BOOST_TEST_REQUIRE(by_id.size() == paths.size());
    for (std::size_t i = 0; i < paths.size(); ++i) {
        BOOST_TEST(report[i].path == paths[i]);
        BOOST_TEST(by_id[i].source_path == paths[i]);
    }
    const std::vector<std::size_t> expected = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    BOOST_TEST(progress == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_first_bad_file_is_the_one_named) {
    Project p;
    const auto good = p.dir.write("good.txt", kA);
    const auto empty = p.dir.write("leer.txt", "");
    const auto also_bad = p.dir.write("bad.txt", "I: kaputt \xC3(\n");
    error_naming(empty, [&] { import_files(p.store, {good, empty, also_bad}, {}); });
    BOOST_TEST(p.store.documents().empty());
}

BOOST_AUTO_TEST_CASE(keep_going_rolls_back_only_the_bad_files) {
    Project p;
    const auto a = p.dir.write("a.txt", kA);
    import_files(p.store, {a}, {});
    std::filesystem::create_directory(p.dir.path() / "sub");
    const auto changed_a = p.dir.write("sub/a.txt", kA2);  // refused when stored: a changed document
    const auto empty = p.dir.write("leer.txt", "");        // refused when read
    const auto b = p.dir.write("b.txt", kB);
    ImportOptions options;
    options.keep_going = true;
    const auto report = import_files(p.store, {changed_a, empty, b}, options);
    BOOST_TEST_REQUIRE(report.failed.size() == 2u);
    BOOST_TEST(report.failed[0].path == changed_a);
    BOOST_TEST(report.failed[1].path == empty);
    BOOST_TEST_REQUIRE(report.documents.size() == 1u);
    BOOST_TEST(report.documents[0].name == "b");
    const auto docs = p.store.documents();
    BOOST_TEST_REQUIRE(docs.size() == 2u);
    BOOST_TEST(docs[0].sha256 == sha256_hex(kA));  // a kept as it was
    const auto c = p.store.counts();
    BOOST_TEST(c.turns == 3 + 3);  // a: header, I, B; b: I, B, B
}

BOOST_AUTO_TEST_SUITE_END()
