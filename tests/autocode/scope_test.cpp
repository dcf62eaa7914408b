// Scopes per code (issue #4): speaker labels, document attributes,
// `within` another code's codings (manual, other coders', this run's own,
// but not the ones this run replaces), and `context: N` with merging —
// each with positive and negative cases, on imported transcripts.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "autocode/run.hpp"
#include "autocode_fixture.hpp"
#include "codebook/project.hpp"
#include "core/error.hpp"

using namespace qcode;
using qcode::autocode_test::CodeSpec;
using qcode::autocode_test::Project;
using qcode::autocode_test::Strings;

namespace {

autocode::Report run(Project& p, const codebook::Codebook& cb, const std::string& coder = "auto",
                     bool dry_run = false) {
    autocode::Options o;
    o.coder = coder;
    o.dry_run = dry_run;
    return autocode::run(p.store, cb, o);
}

codebook::Codebook install_yaml(Project& p, const std::string& yaml) {
    auto cb = codebook::parse_yaml(yaml, "test.yaml");
    codebook::install(p.store, cb);
    return cb;
}

// Names of the documents holding codings of `path`, in coding order.
Strings documents_of(Project& p, const std::string& path) {
    Strings out;
    for (const auto& c : p.codings_of(path))
        for (const auto& d : p.store.documents())
            if (d.id == c.document) out.push_back(d.name);
    return out;
}

// The span of the `n`th (1-based) unit of `kind` in the document.
Span unit_span(Project& p, const std::string& doc, UnitKind kind, std::size_t n) {
    return p.store.units(kind, p.document_id(doc)).at(n - 1).span;
}

// Six sentences of one respondent turn.
const std::string kSix = "B: Satz eins. Satz zwei. Satz drei. Satz vier. Satz fünf. Satz sechs.\n";

void add_coding(Project& p, const std::string& doc, Span span, const std::string& path, Origin origin,
                const std::string& coder = "anna") {
    Coding c;
    c.document = p.document_id(doc);
    c.span = span;
    c.code = p.code_id(path);
    c.coder = coder;
    c.origin = origin;
    p.store.add_codings({c});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(scope_speaker_labels)

const std::string kGroup =
    "Kopf Schnittstelle\n"
    "I: Schnittstelle?\n"
    "B1: Schnittstelle eins.\n"
    "B2: Schnittstelle zwei.\n"
    "IP 2: Schnittstelle drei.\n"
    "B: Schnittstelle vier.\n";

BOOST_AUTO_TEST_CASE(labels_pick_turns) {
    Project p;
    p.import("fg.txt", kGroup);
    const auto cb = p.install({
        {"l", {"schnittstelle"}, {}, "speaker_labels: [b1, IP2]"},  // case and space do not matter
        {"b", {"schnittstelle"}, {}, "speaker_labels: B"},           // B is not B1 or B2
        {"none", {"schnittstelle"}, {}, "speaker_labels: [B7]"},
        {"all", {"schnittstelle"}, {}, "speakers: all"},
    });
    run(p, cb);
    BOOST_TEST(p.coded("l") == (Strings{"Schnittstelle eins.", "Schnittstelle drei."}), boost::test_tools::per_element());
    BOOST_TEST(p.coded("b") == Strings{"Schnittstelle vier."}, boost::test_tools::per_element());
    BOOST_TEST(p.coded("none") == Strings{}, boost::test_tools::per_element());
    // The header has no label: speakers: all codes it, no label list does.
    BOOST_TEST(p.coded("all").size() == 6u);
    BOOST_TEST(p.coded("all").front() == "Kopf Schnittstelle");
}

BOOST_AUTO_TEST_CASE(labels_replace_the_default_role_scope) {
    Project p;
    p.import("fg.txt", kGroup);
    // The codebook looks at respondents; a code that lists the interviewer's label codes the question.
    const auto cb = p.install({{"i", {"schnittstelle"}, {}, "speaker_labels: [I]"}, {"r", {"schnittstelle"}}},
                              "speakers: respondents");
    run(p, cb);
    BOOST_TEST(p.coded("i") == Strings{"Schnittstelle?"}, boost::test_tools::per_element());
    BOOST_TEST(p.coded("r").size() == 4u);  // B1, B2, IP 2, B
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(scope_attributes)

struct Municipalities : Project {
    Municipalities() {
        for (const char* name : {"a", "b", "c", "d"}) import(std::string(name) + ".txt", "B: Die Schnittstelle fehlt.\n");
        store.set_attribute(document_id("a"), "kommune", "Köln");
        store.set_attribute(document_id("a"), "behoerde", "ABH");
        store.set_attribute(document_id("b"), "kommune", "Bonn");
        store.set_attribute(document_id("b"), "behoerde", "Jobcenter");
        store.set_attribute(document_id("c"), "kommune", "Berlin");
        store.set_attribute(document_id("c"), "behoerde", "ABH");
        // d has no attributes.
    }
};

BOOST_AUTO_TEST_CASE(every_listed_attribute_must_hold) {
    Municipalities p;
    const auto cb = p.install({
        {"one", {"schnittstelle"}, {}, "where: { behoerde: ABH }"},
        {"list", {"schnittstelle"}, {}, "where: { kommune: [Köln, Bonn] }"},
        {"both", {"schnittstelle"}, {}, "where: { kommune: [Köln, Bonn], behoerde: ABH }"},
        {"nfd", {"schnittstelle"}, {}, "where: { kommune: Ko\xCC\x88ln }"},  // o + combining diaeresis
        {"case", {"schnittstelle"}, {}, "where: { kommune: köln }"},       // values compare exactly, as --where
        {"free", {"schnittstelle"}},
    });
    run(p, cb);
    BOOST_TEST(documents_of(p, "one") == (Strings{"a", "c"}), boost::test_tools::per_element());
    BOOST_TEST(documents_of(p, "list") == (Strings{"a", "b"}), boost::test_tools::per_element());
    BOOST_TEST(documents_of(p, "both") == Strings{"a"}, boost::test_tools::per_element());
    BOOST_TEST(documents_of(p, "nfd") == Strings{"a"}, boost::test_tools::per_element());
    BOOST_TEST(documents_of(p, "case") == Strings{}, boost::test_tools::per_element());
    BOOST_TEST(documents_of(p, "free") == (Strings{"a", "b", "c", "d"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_attribute_no_document_has_is_an_error_with_the_line) {
    Municipalities p;
    // Lines: 1 codebook, 2 version, 3 language, 4 codes:, 5 first code, 9 second code.
    const auto cb = p.install({{"ok", {"x"}}, {"typo", {"schnittstelle"}, {}, "where: { kommun: Köln }"}});
    try {
        run(p, cb, "auto", true);
        BOOST_ERROR("a where: on an unknown attribute should fail");
    } catch (const Error& e) {
        BOOST_TEST(e.file() == "test.yaml");
        BOOST_TEST(e.line() == 9);
        const std::string what = e.what();
        BOOST_TEST(what.find("code 'typo' has where: 'kommun'") != std::string::npos, what);
        BOOST_TEST(what.find("they have: behoerde, kommune") != std::string::npos, what);
    }
    BOOST_TEST(p.store.codings().empty());

    Project bare;
    bare.import("a.txt", "B: Die Schnittstelle fehlt.\n");
    const auto cb2 = bare.install({{"w", {"schnittstelle"}, {}, "where: { kommune: Köln }"}});
    BOOST_CHECK_EXCEPTION(run(bare, cb2), Error, [](const Error& e) {
        return std::string(e.what()).find("none has any") != std::string::npos &&
               std::string(e.what()).find("qcode attributes") != std::string::npos;
    });
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(scope_within)

BOOST_AUTO_TEST_CASE(within_manual_codings) {
    Project p;
    p.import("a.txt", "B: Die Akte fehlt. Die Schnittstelle fehlt. Das Papier fehlt.\n");
    const auto cb = p.install({{"m", {}}, {"x", {"fehlt"}, {}, "within: m"}});
    run(p, cb);
    BOOST_TEST(p.coded("x") == Strings{}, boost::test_tools::per_element());  // nothing coded with m yet

    // A coding between two sentences (the space) overlaps neither.
    const auto s1 = unit_span(p, "a", UnitKind::sentence, 1), s2 = unit_span(p, "a", UnitKind::sentence, 2);
    BOOST_TEST_REQUIRE(s1.end < s2.start);
    add_coding(p, "a", Span{s1.end, s2.start}, "m", Origin::manual);
    run(p, cb);
    BOOST_TEST(p.coded("x") == Strings{}, boost::test_tools::per_element());

    // One word of the second sentence, coded by hand: x codes that sentence only.
    add_coding(p, "a", Span{s2.start + 4, s2.start + 17}, "m", Origin::manual);
    BOOST_TEST_REQUIRE(p.slice(p.document_id("a"), Span{s2.start + 4, s2.start + 17}) == "Schnittstelle");
    run(p, cb);
    BOOST_TEST(p.coded("x") == Strings{"Die Schnittstelle fehlt."}, boost::test_tools::per_element());

    // An imported coding counts too, even under the run's own coder name (only auto codings are replaced).
    add_coding(p, "a", unit_span(p, "a", UnitKind::sentence, 3), "m", Origin::imported, "auto");
    run(p, cb);
    BOOST_TEST(p.coded("x") == (Strings{"Die Schnittstelle fehlt.", "Das Papier fehlt."}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(within_a_code_coded_in_the_same_run_in_any_order) {
    Project p;
    p.import("a.txt",
             "B: Die Schnittstelle fehlt. Es geht nicht.\n"
             "I: Und sonst?\n"
             "B: Es geht nicht. Alles gut.\n");
    // y comes first in the codebook but depends on s.
    const auto cb = p.install({{"y", {"geht"}, {}, "within: s"}, {"s", {"schnittstelle"}, {}, "unit: turn"}});
    const auto report = run(p, cb);
    BOOST_TEST(p.coded("s") == Strings{"Die Schnittstelle fehlt. Es geht nicht."}, boost::test_tools::per_element());
    BOOST_TEST(p.coded("y") == Strings{"Es geht nicht."}, boost::test_tools::per_element());
    BOOST_TEST(p.codings_of("y").at(0).span == unit_span(p, "a", UnitKind::sentence, 2));
    // The report lists what was stored, in the order found.
    BOOST_TEST(report.found.size() == 2u);
}

BOOST_AUTO_TEST_CASE(within_a_subtree_and_chains) {
    Project p;
    p.import("a.txt", "B: Die Akte fehlt nicht. Das Papier fehlt nicht. Die Akte ist nicht da.\n");
    const auto cb = install_yaml(p,
                                 "codebook: T\n"
                                 "codes:\n"
                                 "  - id: p\n"
                                 "    label: P\n"
                                 "    children:\n"
                                 "      - id: c\n"
                                 "        label: C\n"
                                 "        patterns: [akte]\n"
                                 "  - id: y\n"
                                 "    label: Y\n"
                                 "    within: x\n"
                                 "    patterns: [nicht]\n"
                                 "  - id: x\n"
                                 "    label: X\n"
                                 "    within: p\n"
                                 "    patterns: [fehlt]\n");
    run(p, cb);
    // x: where a child of p is coded and "fehlt" occurs; y: where x is coded and "nicht" occurs.
    BOOST_TEST(p.coded("p/c") == (Strings{"Die Akte fehlt nicht.", "Die Akte ist nicht da."}),
               boost::test_tools::per_element());
    BOOST_TEST(p.coded("x") == Strings{"Die Akte fehlt nicht."}, boost::test_tools::per_element());
    BOOST_TEST(p.coded("y") == Strings{"Die Akte fehlt nicht."}, boost::test_tools::per_element());

    // A manual coding of the parent itself counts as well, and the chain follows it.
    add_coding(p, "a", unit_span(p, "a", UnitKind::sentence, 2), "p", Origin::manual);
    run(p, cb);
    BOOST_TEST(p.coded("x") == (Strings{"Die Akte fehlt nicht.", "Das Papier fehlt nicht."}),
               boost::test_tools::per_element());
    const auto y = p.coded("y");
    BOOST_TEST(std::count(y.begin(), y.end(), "Das Papier fehlt nicht.") == 1);
    BOOST_TEST(y.size() == 2u);
}

BOOST_AUTO_TEST_CASE(replaced_auto_codings_do_not_count_other_coders_do) {
    Project p;
    p.import("a.txt", "B: Die Schnittstelle fehlt.\n");
    const auto with_s = p.install({{"s", {"schnittstelle"}}, {"x", {"fehlt"}, {}, "within: s"}});
    const auto without_s = autocode_test::make_codebook({{"s", {"nirgends"}}, {"x", {"fehlt"}, {}, "within: s"}});

    run(p, with_s, "robot");
    BOOST_TEST(p.coded("x") == Strings{"Die Schnittstelle fehlt."}, boost::test_tools::per_element());

    // The robot's s coding is replaced by this run (which finds no s), so x has nothing to be within;
    // a dry run says the same without storing.
    const auto dry = run(p, without_s, "robot", true);
    BOOST_TEST(dry.found.empty());
    run(p, without_s, "robot");
    BOOST_TEST(p.coded("s") == Strings{}, boost::test_tools::per_element());
    BOOST_TEST(p.coded("x") == Strings{}, boost::test_tools::per_element());

    // Another coder's automatic s coding stays, so it counts.
    run(p, with_s, "other");
    run(p, without_s, "robot");
    const auto x = p.codings_of("x");
    const bool robot_has_x = std::any_of(x.begin(), x.end(), [](const store::CodingRow& c) { return c.coder == "robot"; });
    BOOST_TEST(robot_has_x);
}

BOOST_AUTO_TEST_CASE(within_counts_the_target_with_its_context) {
    Project p;
    p.import("a.txt", "B: Satz eins. Die Schnittstelle fehlt. Es geht nicht.\n");
    const auto narrow = p.install({{"s", {"schnittstelle"}}, {"x", {"geht"}, {}, "within: s"}});
    run(p, narrow);
    BOOST_TEST(p.coded("x") == Strings{}, boost::test_tools::per_element());
    // With context: 1 the s coding covers all three sentences: the project will hold that, so x is inside.
    const auto wide = autocode_test::make_codebook({{"s", {"schnittstelle"}, {}, "context: 1"}, {"x", {"geht"}, {}, "within: s"}});
    run(p, wide);
    BOOST_TEST(p.coded("s") == Strings{"Satz eins. Die Schnittstelle fehlt. Es geht nicht."},
               boost::test_tools::per_element());
    BOOST_TEST(p.coded("x") == Strings{"Es geht nicht."}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(scope_context)

BOOST_AUTO_TEST_CASE(context_around_a_match_and_at_document_edges) {
    Project p;
    p.import("a.txt", kSix);
    p.import("b.txt", "B: Satz drei.\n");  // another document: its own edges
    const auto cb = p.install({
        {"mid", {"drei"}, {}, "context: 1"},
        {"start", {"eins"}, {}, "context: 2"},
        {"end", {"sechs"}, {}, "context: 3"},
        {"zero", {"vier"}, {}, "context: 0"},
    });
    run(p, cb);
    BOOST_TEST(p.coded("mid") == (Strings{"Satz zwei. Satz drei. Satz vier.", "Satz drei."}),
               boost::test_tools::per_element());
    BOOST_TEST(p.coded("start") == Strings{"Satz eins. Satz zwei. Satz drei."}, boost::test_tools::per_element());
    BOOST_TEST(p.coded("end") == Strings{"Satz drei. Satz vier. Satz fünf. Satz sechs."},
               boost::test_tools::per_element());
    BOOST_TEST(p.coded("zero") == Strings{"Satz vier."}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(overlapping_and_touching_segments_merge) {
    Project p;
    p.import("a.txt", kSix);
    const auto cb = p.install({
        {"overlap", {"zwei", "vier"}, {}, "context: 1"},  // 1–3 and 3–5
        {"touch", {"fünf", "zwei"}, {}, "context: 1"},    // 1–3 and 4–6
        {"apart", {"eins", "sechs"}, {}, "context: 1"},   // 1–2 and 5–6
        {"adjacent", {"zwei", "drei"}},                   // no context: one coding per unit, as always
    });
    const auto report = run(p, cb);
    BOOST_TEST(p.coded("overlap") == Strings{"Satz eins. Satz zwei. Satz drei. Satz vier. Satz fünf."},
               boost::test_tools::per_element());
    BOOST_TEST(p.coded("touch") == Strings{"Satz eins. Satz zwei. Satz drei. Satz vier. Satz fünf. Satz sechs."},
               boost::test_tools::per_element());
    BOOST_TEST(p.coded("apart") == (Strings{"Satz eins. Satz zwei.", "Satz fünf. Satz sechs."}),
               boost::test_tools::per_element());
    BOOST_TEST(p.coded("adjacent") == (Strings{"Satz zwei.", "Satz drei."}), boost::test_tools::per_element());

    // A merged coding keeps the rule and match of its first unit.
    BOOST_TEST(p.codings_of("touch").at(0).rule == "zwei");
    const auto merged = std::find_if(report.found.begin(), report.found.end(),
                                     [](const autocode::Found& f) { return f.code_path == "overlap"; });
    BOOST_TEST_REQUIRE((merged != report.found.end()));
    BOOST_TEST(merged->ordinal == 2u);
    BOOST_TEST(p.slice(merged->document, merged->match) == "zwei");
    BOOST_TEST(report.found.size() == 1u + 1u + 2u + 2u);  // one entry per stored coding
    BOOST_TEST(p.store.codings().size() == report.found.size());
}

BOOST_AUTO_TEST_CASE(context_stays_with_the_speaker) {
    Project p;
    p.import("a.txt",
             "B: Satz eins. Satz zwei.\n"
             "I: Frage eins? Frage zwei?\n"
             "B: Satz drei. Satz vier.\n"
             "B: Satz fünf.\n");
    const auto cb = p.install({
        {"k", {"zwei"}, {}, "context: 2"},                  // stops before the interviewer
        {"m", {"vier"}, {}, "context: 1"},                  // the next turn is B's again: it joins
        {"q", {"zwei"}, {}, "speakers: all\n    context: 1"}, // B's and I's segments touch but do not merge
    });
    run(p, cb);
    BOOST_TEST(p.coded("k") == Strings{"Satz eins. Satz zwei."}, boost::test_tools::per_element());
    BOOST_TEST(p.coded("m") == Strings{"Satz drei. Satz vier.\nB: Satz fünf."}, boost::test_tools::per_element());
    BOOST_TEST(p.coded("q") == (Strings{"Satz eins. Satz zwei.", "Frage eins? Frage zwei?"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(context_counts_units_of_the_codes_kind) {
    Project p;
    p.import("a.txt",
             "B: Absatz eins.\n"
             "Absatz zwei mit Akte. Noch ein Satz.\n"
             "Absatz drei.\n"
             "Absatz vier.\n");
    const auto cb = p.install({{"a", {"akte"}, {}, "unit: paragraph\n    context: 1"}});
    run(p, cb);
    BOOST_TEST(p.coded("a") == Strings{"Absatz eins.\nAbsatz zwei mit Akte. Noch ein Satz.\nAbsatz drei."},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(default_context_and_a_codes_own) {
    Project p;
    p.import("a.txt", kSix);
    const auto cb = p.install({{"d", {"drei"}}, {"own", {"drei"}, {}, "context: 0"}}, "context: 1");
    run(p, cb);
    BOOST_TEST(p.coded("d") == Strings{"Satz zwei. Satz drei. Satz vier."}, boost::test_tools::per_element());
    BOOST_TEST(p.coded("own") == Strings{"Satz drei."}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(scope_runs)

BOOST_AUTO_TEST_CASE(dry_run_applies_the_same_scopes) {
    Project p;
    p.import("a.txt", kSix.substr(0, kSix.size() - 1) + "\nI: Satz sieben?\nB: Satz acht.\n");
    p.store.set_attribute(p.document_id("a"), "kommune", "Köln");
    const auto cb = p.install({
        {"s", {"zwei", "vier"}, {}, "context: 1"},
        {"x", {"fünf", "acht"}, {}, "within: s"},
        {"l", {"satz"}, {}, "speaker_labels: [I]"},
        {"w", {"acht"}, {}, "where: { kommune: Köln }"},
        {"n", {"acht"}, {}, "where: { kommune: Bonn }"},
    });
    const auto dry = run(p, cb, "auto", true);
    BOOST_TEST(p.store.codings().empty());
    const auto wet = run(p, cb);
    BOOST_TEST_REQUIRE(dry.found.size() == wet.found.size());
    for (std::size_t i = 0; i < dry.found.size(); ++i) {
        BOOST_TEST(dry.found[i].code_path == wet.found[i].code_path);
        BOOST_TEST(dry.found[i].span == wet.found[i].span);
    }
    BOOST_TEST(p.store.codings().size() == wet.found.size());
    BOOST_TEST(p.coded("x") == Strings{"Satz fünf."}, boost::test_tools::per_element());
    BOOST_TEST(p.coded("l") == Strings{"Satz sieben?"}, boost::test_tools::per_element());
    BOOST_TEST(p.coded("w") == Strings{"Satz acht."}, boost::test_tools::per_element());
    BOOST_TEST(p.coded("n") == Strings{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(run_options_mention_scopes) {
    Project p;
    p.import("a.txt", kSix);
    p.store.set_attribute(p.document_id("a"), "kommune", "Köln");
    const auto plain = p.install({{"s", {"zwei"}}});
    run(p, plain);
    BOOST_TEST(p.store.runs().back().options == "unit=sentence (codebook default); speakers=respondents");

    const auto scoped = p.install(
        {{"s", {"zwei"}}, {"x", {"drei"}, {}, "within: s"}, {"l", {"vier"}, {}, "speaker_labels: [B]\n    context: 2"},
         {"w", {"eins"}, {}, "where: { kommune: Köln }"}},
        "context: 1");
    run(p, scoped);
    const auto options = p.store.runs().back().options;
    BOOST_TEST(options == "unit=sentence (codebook default); speakers=respondents; context=1 (codebook default), "
                         "1 code by speaker label, 1 code by document attribute, 1 code within another code, "
                         "1 code with its own context");
}

BOOST_AUTO_TEST_CASE(run_options_name_folds_beyond_case) {
    Project p;
    p.import("a.txt", kSix);
    const std::string plain = "unit=sentence (codebook default); speakers=respondents";
    // Only case folding, even when written out: as before folds existed.
    run(p, p.install({{"s", {"zwei"}, {}, "fold: [case]"}, {"t", {"drei"}}}, "fold: case"));
    BOOST_TEST(p.store.runs().back().options == plain);
    // A default beyond case that only a code without patterns would use is no fold of the run.
    run(p, p.install({{"s", {"zwei"}, {}, "fold: [case]"}, {"g", {}}}, "fold: [umlauts]"));
    BOOST_TEST(p.store.runs().back().options == plain);

    run(p, p.install({{"s", {"zwei"}}, {"t", {"drei"}}}, "fold: [umlauts]"));
    BOOST_TEST(p.store.runs().back().options == plain + "; fold=case, umlauts (codebook default)");
    // Codes whose fold differs from the default are counted; one equal to it, or without patterns, is not.
    run(p, p.install({{"s", {"zwei"}, {}, "fold: [case, stem]"},
                      {"t", {"drei"}, {}, "fold: [case]"},
                      {"u", {"vier"}, {}, "fold: [umlauts]"},
                      {"v", {"fünf"}},
                      {"g", {}, {}, "fold: [diacritics]"}},
                     "fold: [umlauts]"));
    BOOST_TEST(p.store.runs().back().options ==
               plain + "; fold=case, umlauts (codebook default), 2 codes with their own fold");
    // After the scopes.
    run(p, p.install({{"s", {"zwei"}, {}, "fold: [umlauts, diacritics]"}, {"t", {"drei"}}}, "context: 1"));
    BOOST_TEST(p.store.runs().back().options ==
               plain + "; context=1 (codebook default); fold=case (codebook default), 1 code with its own fold");
}

BOOST_AUTO_TEST_SUITE_END()
