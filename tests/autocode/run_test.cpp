// autocode::run on imported transcripts: units, speaker scopes, folding of
// imported text, exclude per unit, and what a run stores, replaces and
// leaves alone (DESIGN §2, §4).
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "autocode/run.hpp"
#include "autocode_fixture.hpp"
#include "core/error.hpp"

using namespace qcode;
using qcode::autocode_test::CodeSpec;
using qcode::autocode_test::Project;
using qcode::autocode_test::Strings;

namespace {

autocode::Report run(Project& p, const codebook::Codebook& cb, std::optional<UnitKind> unit = std::nullopt,
                     const std::string& coder = "auto", bool dry_run = false) {
    autocode::Options o;
    o.unit = unit;
    o.coder = coder;
    o.dry_run = dry_run;
    return autocode::run(p.store, cb, o);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(autocode_units)

BOOST_AUTO_TEST_CASE(phrase_does_not_cross_sentences) {
    Project p;
    p.import("a.txt", "B: Das geht nur händisch. Übertragen wird nichts.\n");
    const auto cb = p.install({{"h", {"\"händisch übertragen\""}}});
    run(p, cb);
    BOOST_TEST(p.coded("h") == Strings{}, boost::test_tools::per_element());
    // The same words in one turn: with --unit turn the phrase is inside one unit.
    run(p, cb, UnitKind::turn);
    BOOST_TEST(p.coded("h") == Strings{"Das geht nur händisch. Übertragen wird nichts."},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(phrase_does_not_cross_paragraphs_or_turns) {
    Project p;
    p.import("a.txt",
             "B: Das geht nur händisch\n"
             "übertragen wird nichts\n"
             "B: Wieder nur händisch\n"
             "I: übertragen?\n");
    const auto cb = p.install({{"h", {"\"händisch übertragen\""}}});
    run(p, cb, UnitKind::paragraph);
    BOOST_TEST(p.coded("h") == Strings{}, boost::test_tools::per_element());
    run(p, cb, UnitKind::turn);
    // Only the first turn holds both words; the second B turn ends before the I turn.
    BOOST_TEST(p.coded("h") == Strings{"Das geht nur händisch\nübertragen wird nichts"},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(last_and_first_word_of_a_unit) {
    Project p;
    // No punctuation: the matched words touch the unit's ends.
    p.import("a.txt", "B: Schnittstelle gibt es nicht\nB: Es fehlt die Schnittstelle\nI: Schnittstelle\n");
    const auto cb = p.install({{"s", {"schnittstelle"}}, {"f", {"\"fehlt die schnittstelle\""}}});
    run(p, cb);
    BOOST_TEST(p.coded("s") == (Strings{"Schnittstelle gibt es nicht", "Es fehlt die Schnittstelle"}),
               boost::test_tools::per_element());
    BOOST_TEST(p.coded("f") == Strings{"Es fehlt die Schnittstelle"}, boost::test_tools::per_element());
    run(p, cb, UnitKind::paragraph);
    BOOST_TEST(p.coded("s").size() == 2u);
    BOOST_TEST(p.coded("f").size() == 1u);
}

BOOST_AUTO_TEST_CASE(default_unit_override_and_per_code_unit) {
    Project p;
    p.import("a.txt",
             "B: Erster Satz ohne. Zweiter Satz mit Schnittstelle.\n"
             "Weiterer Absatz ohne.\n"
             "I: Frage ohne?\n"
             "B: Dritter Absatz ohne.\n"
             "Schnittstelle hier.\n");
    const auto cb = p.install({
        {"s", {"schnittstelle"}},
        {"p", {"schnittstelle"}, {}, "unit: paragraph"},
        {"t", {"schnittstelle"}, {}, "unit: turn"},
    });
    const Strings sentences{"Zweiter Satz mit Schnittstelle.", "Schnittstelle hier."};
    const Strings paragraphs{"Erster Satz ohne. Zweiter Satz mit Schnittstelle.", "Schnittstelle hier."};
    const Strings turns{"Erster Satz ohne. Zweiter Satz mit Schnittstelle.\nWeiterer Absatz ohne.",
                        "Dritter Absatz ohne.\nSchnittstelle hier."};

    // 6 sentences, 5 paragraphs, 3 turns; a run walks each needed kind once.
    BOOST_TEST_REQUIRE(p.store.units(UnitKind::sentence).size() == 6u);
    BOOST_TEST_REQUIRE(p.store.units(UnitKind::paragraph).size() == 5u);
    BOOST_TEST_REQUIRE(p.store.units(UnitKind::turn).size() == 3u);

    const auto report = run(p, cb);  // codebook default: sentence
    BOOST_TEST(report.units == 14u);
    BOOST_TEST(p.coded("s") == sentences, boost::test_tools::per_element());
    BOOST_TEST(p.coded("p") == paragraphs, boost::test_tools::per_element());
    BOOST_TEST(p.coded("t") == turns, boost::test_tools::per_element());

    const auto by_turn = run(p, cb, UnitKind::turn);  // --unit turn replaces the default, not the per-code units
    BOOST_TEST(by_turn.units == 8u);  // turns and paragraphs only
    BOOST_TEST(p.coded("s") == turns, boost::test_tools::per_element());
    BOOST_TEST(p.coded("p") == paragraphs, boost::test_tools::per_element());
    BOOST_TEST(p.coded("t") == turns, boost::test_tools::per_element());

    run(p, cb, UnitKind::sentence);
    BOOST_TEST(p.coded("s") == sentences, boost::test_tools::per_element());
    BOOST_TEST(p.coded("t") == turns, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(codebook_default_unit) {
    Project p;
    p.import("a.txt", "B: Erster Satz ohne. Zweiter Satz mit Schnittstelle.\nWeiterer Absatz ohne.\n");
    const auto cb = p.install({{"s", {"schnittstelle"}}, {"z", {"schnittstelle"}, {}, "unit: sentence"}},
                              "unit: paragraph");
    run(p, cb);
    BOOST_TEST(p.coded("s") == Strings{"Erster Satz ohne. Zweiter Satz mit Schnittstelle."},
               boost::test_tools::per_element());
    BOOST_TEST(p.coded("z") == Strings{"Zweiter Satz mit Schnittstelle."}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(one_coding_per_unit_and_code) {
    Project p;
    p.import("a.txt", "B: Schnittstelle hier, Schnittstelle da, Schnittstellen überall.\n");
    const auto cb = p.install({{"s", {"schnittstelle", "schnittstelle*"}}});
    const auto report = run(p, cb);
    BOOST_TEST(report.found.size() == 1u);
    BOOST_TEST(p.store.codings().size() == 1u);
    BOOST_TEST(p.codings_of("s").at(0).rule == "schnittstelle");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(autocode_speakers)

// Header, interviewer, respondent, moderator, second respondent.
const std::string kTranscript =
    "Projekt Schnittstelle Kopfzeile\n"
    "I: Gibt es eine Schnittstelle?\n"
    "B: Die Schnittstelle fehlt.\n"
    "Moderation: Und die Schnittstelle?\n"
    "B2: Keine Schnittstelle.\n";

BOOST_AUTO_TEST_CASE(transcript_roles_are_as_assumed) {
    Project p;
    p.import("a.txt", kTranscript);
    const auto turns = p.store.units(UnitKind::turn);
    BOOST_TEST_REQUIRE(turns.size() == 5u);
    BOOST_TEST(!turns[0].role.has_value());
    BOOST_TEST((turns[1].role == Role::interviewer));
    BOOST_TEST((turns[2].role == Role::respondent));
    BOOST_TEST((turns[3].role == Role::moderator));
    BOOST_TEST((turns[4].role == Role::respondent));
}

BOOST_AUTO_TEST_CASE(respondents_interviewers_all) {
    Project p;
    p.import("a.txt", kTranscript);
    const auto cb = p.install({
        {"resp", {"schnittstelle"}},
        {"intv", {"schnittstelle"}, {}, "speakers: interviewers"},
        {"alle", {"schnittstelle"}, {}, "speakers: all"},
        {"expl", {"schnittstelle"}, {}, "speakers: respondents"},
    });
    run(p, cb);
    const Strings respondents{"Die Schnittstelle fehlt.", "Keine Schnittstelle."};
    BOOST_TEST(p.coded("resp") == respondents, boost::test_tools::per_element());
    BOOST_TEST(p.coded("expl") == respondents, boost::test_tools::per_element());
    BOOST_TEST(p.coded("intv") == (Strings{"Gibt es eine Schnittstelle?", "Und die Schnittstelle?"}),
               boost::test_tools::per_element());
    BOOST_TEST(p.coded("alle") == (Strings{"Projekt Schnittstelle Kopfzeile", "Gibt es eine Schnittstelle?",
                                           "Die Schnittstelle fehlt.", "Und die Schnittstelle?",
                                           "Keine Schnittstelle."}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(codebook_default_speakers_and_per_code_override) {
    Project p;
    p.import("a.txt", kTranscript);
    const auto cb = p.install({{"d", {"schnittstelle"}}, {"r", {"schnittstelle"}, {}, "speakers: respondents"}},
                              "speakers: interviewers");
    run(p, cb, UnitKind::turn);
    BOOST_TEST(p.coded("d") == (Strings{"Gibt es eine Schnittstelle?", "Und die Schnittstelle?"}),
               boost::test_tools::per_element());
    BOOST_TEST(p.coded("r") == (Strings{"Die Schnittstelle fehlt.", "Keine Schnittstelle."}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(autocode_text)

BOOST_AUTO_TEST_CASE(case_folding_on_imported_text) {
    Project p;
    p.import("a.txt",
             "B: DIE STRASSE IST ZU.\n"
             "B: Die Straße ist offen.\n"
             "B: Eine Strase nicht.\n");
    const auto cb = p.install({{"sz", {"straße"}}, {"ss", {"strasse"}}});
    run(p, cb);
    const Strings both{"DIE STRASSE IST ZU.", "Die Straße ist offen."};
    BOOST_TEST(p.coded("sz") == both, boost::test_tools::per_element());
    BOOST_TEST(p.coded("ss") == both, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(nfd_input_matches_an_umlaut_pattern) {
    Project p;
    // "Beho\u0308rde": o followed by a combining diaeresis (NFD), as macOS writes it.
    p.import("a.txt", "B: Die Beho\xCC\x88rde meldet sich.\nB: Die Ausla\xCC\x88nderbeho\xCC\x88rde auch.\n");
    const auto cb = p.install({{"b", {"behörde"}}, {"a", {"ausländer*"}}, {"s", {"*behörde"}}});
    run(p, cb);
    BOOST_TEST(p.coded("b") == Strings{"Die Behörde meldet sich."}, boost::test_tools::per_element());
    BOOST_TEST(p.coded("a") == Strings{"Die Ausländerbehörde auch."}, boost::test_tools::per_element());
    BOOST_TEST(p.coded("s") == (Strings{"Die Behörde meldet sich.", "Die Ausländerbehörde auch."}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(hyphenated_compound_is_two_words) {
    Project p;
    p.import("a.txt", "B: Die GROSSSTADT-Schnittstelle läuft.\nB: Die Grossstadtschnittstelle nicht.\n");
    const auto cb = p.install({
        {"word", {"schnittstelle"}},
        {"phrase", {"grossstadt-schnittstelle"}},
        {"glued", {"grossstadtschnittstelle"}},
    });
    run(p, cb);
    BOOST_TEST(p.coded("word") == Strings{"Die GROSSSTADT-Schnittstelle läuft."}, boost::test_tools::per_element());
    BOOST_TEST(p.coded("phrase") == Strings{"Die GROSSSTADT-Schnittstelle läuft."}, boost::test_tools::per_element());
    BOOST_TEST(p.coded("glued") == Strings{"Die Grossstadtschnittstelle nicht."}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(exclude_vetoes_only_its_unit_and_code) {
    Project p;
    p.import("a.txt", "B: Die Schnittstelle macht keine Probleme. Die Schnittstelle fehlt.\n");
    const auto cb = p.install({
        {"x", {"schnittstelle*"}, {"\"keine probleme\""}},
        {"y", {"schnittstelle*"}},
    });
    run(p, cb);
    BOOST_TEST(p.coded("x") == Strings{"Die Schnittstelle fehlt."}, boost::test_tools::per_element());
    BOOST_TEST(p.coded("y") == (Strings{"Die Schnittstelle macht keine Probleme.", "Die Schnittstelle fehlt."}),
               boost::test_tools::per_element());
    // With the turn as unit the exclude vetoes the whole turn.
    run(p, cb, UnitKind::turn);
    BOOST_TEST(p.coded("x") == Strings{}, boost::test_tools::per_element());
    BOOST_TEST(p.coded("y").size() == 1u);
}

BOOST_AUTO_TEST_CASE(rule_is_the_first_pattern_in_codebook_order) {
    Project p;
    p.import("a.txt", "B: Die Stelle sagt, die Schnittstelle fehlt.\nB: Nur die Poststelle.\n");
    const auto cb = p.install({{"r", {"schnitt*", "*stelle", "stelle"}}});
    run(p, cb);
    const auto codings = p.codings_of("r");
    BOOST_TEST_REQUIRE(codings.size() == 2u);
    BOOST_TEST(codings[0].rule == "schnitt*");  // "stelle" and "*stelle" matched as well, earlier in the text
    BOOST_TEST(codings[1].rule == "*stelle");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(autocode_runs)

namespace {

// Three respondent sentences hold "Schnittstelle", one "Akte".
struct Coded : Project {
    codebook::Codebook cb;
    Coded() {
        import("a.txt", "I: Schnittstelle?\nB: Die Schnittstelle fehlt. Die Akte auch.\nB: Schnittstelle!\n");
        import("b.txt", "B: Keine Schnittstelle.\n");
        cb = install({{"s", {"schnittstelle*"}}, {"k", {"akte*"}}, {"m", {"papier"}}});
    }
};

}  // namespace

BOOST_AUTO_TEST_CASE(codings_carry_coder_origin_rule_and_run) {
    Coded p;
    const auto report = run(p, p.cb, std::nullopt, "robot");
    BOOST_TEST_REQUIRE(report.run.has_value());
    BOOST_TEST(report.replaced == 0);
    BOOST_TEST(report.documents == 2u);
    BOOST_TEST(report.units == 5u);  // sentences: 4 in a, 1 in b
    BOOST_TEST(report.found.size() == 4u);
    const auto codings = p.store.codings();
    BOOST_TEST_REQUIRE(codings.size() == 4u);
    for (const auto& c : codings) {
        BOOST_TEST(c.coder == "robot");
        BOOST_TEST((c.origin == Origin::automatic));
        BOOST_TEST((c.run == report.run));
    }
    BOOST_TEST(p.coded("s") == (Strings{"Die Schnittstelle fehlt.", "Schnittstelle!", "Keine Schnittstelle."}),
               boost::test_tools::per_element());
    BOOST_TEST(p.coded("k") == Strings{"Die Akte auch."}, boost::test_tools::per_element());
    for (const auto& c : p.codings_of("s")) BOOST_TEST(c.rule == "schnittstelle*");
    BOOST_TEST(p.codings_of("k").at(0).rule == "akte*");

    const auto runs = p.store.runs();
    BOOST_TEST_REQUIRE(runs.size() == 1u);
    BOOST_TEST(runs[0].id == *report.run);
    BOOST_TEST(runs[0].coder == "robot");
    BOOST_TEST(runs[0].codings == 4);
    BOOST_TEST(runs[0].codebook_sha256 == p.cb.sha256);
}

BOOST_AUTO_TEST_CASE(report_found_names_unit_and_rule) {
    Coded p;
    const auto report = run(p, p.cb, std::nullopt, "robot", true);
    BOOST_TEST_REQUIRE(report.found.size() == 4u);
    const auto& f = report.found[0];  // a.txt: sentence 1 is the I turn, sentence 2 the first hit
    BOOST_TEST(report.document_name(f.document) == "a");
    BOOST_TEST(f.code_path == "s");
    BOOST_TEST(f.rule == "schnittstelle*");
    BOOST_TEST((f.kind == UnitKind::sentence));
    BOOST_TEST(f.ordinal == 2u);  // sentence 1 is the interviewer's
    BOOST_TEST(p.slice(f.document, f.span) == "Die Schnittstelle fehlt.");
    BOOST_TEST(report.document_name(report.found[3].document) == "b");
    BOOST_TEST(report.document_name(9999).empty());
}

BOOST_AUTO_TEST_CASE(second_run_of_the_same_coder_replaces) {
    Coded p;
    const auto first = run(p, p.cb, std::nullopt, "robot");
    const auto before = p.store.codings().size();
    BOOST_TEST_REQUIRE(before == 4u);
    const auto second = run(p, p.cb, std::nullopt, "robot");
    BOOST_TEST(second.replaced == static_cast<std::int64_t>(before));
    const auto after = p.store.codings();
    BOOST_TEST(after.size() == before);
    BOOST_TEST_REQUIRE(second.run.has_value());
    BOOST_TEST(*second.run != *first.run);
    for (const auto& c : after) BOOST_TEST((c.run == second.run));
    BOOST_TEST(p.store.runs().size() == 2u);
}

BOOST_AUTO_TEST_CASE(other_coders_and_manual_codings_survive) {
    Coded p;
    run(p, p.cb, std::nullopt, "robot");
    run(p, p.cb, std::nullopt, "robot2");
    // A manual coding by the same coder name, and one by a person.
    Coding manual;
    manual.document = p.document_id("b");
    manual.span = Span{3, 8};
    manual.code = p.code_id("m");
    manual.coder = "robot";
    manual.origin = Origin::manual;
    Coding person = manual;
    person.coder = "anna";
    p.store.add_codings({manual, person});
    BOOST_TEST_REQUIRE(p.store.codings().size() == 10u);

    const auto again = run(p, p.cb, std::nullopt, "robot");
    BOOST_TEST(again.replaced == 4);
    const auto all = p.store.codings();
    BOOST_TEST(all.size() == 10u);
    auto count = [&](const std::string& coder, Origin origin) {
        return std::count_if(all.begin(), all.end(), [&](const store::CodingRow& c) {
            return c.coder == coder && c.origin == origin;
        });
    };
    BOOST_TEST(count("robot", Origin::automatic) == 4);
    BOOST_TEST(count("robot2", Origin::automatic) == 4);
    BOOST_TEST(count("robot", Origin::manual) == 1);
    BOOST_TEST(count("anna", Origin::manual) == 1);
}

BOOST_AUTO_TEST_CASE(dry_run_stores_nothing) {
    Coded p;
    run(p, p.cb, std::nullopt, "robot");
    const auto before = p.store.codings();
    const auto runs_before = p.store.runs().size();

    const auto dry = run(p, p.cb, std::nullopt, "robot", true);
    BOOST_TEST(!dry.run.has_value());
    BOOST_TEST(dry.replaced == 0);
    BOOST_TEST(dry.found.size() == 4u);
    const auto after = p.store.codings();
    BOOST_TEST_REQUIRE(after.size() == before.size());
    for (std::size_t i = 0; i < after.size(); ++i) BOOST_TEST(after[i].id == before[i].id);
    BOOST_TEST(p.store.runs().size() == runs_before);

    // A dry run under --unit turn finds other units but still stores nothing.
    const auto dry_turn = run(p, p.cb, UnitKind::turn, "other", true);
    BOOST_TEST(dry_turn.found.size() == 4u);  // s in 3 respondent turns, k in one
    BOOST_TEST(p.store.codings().size() == before.size());
}

BOOST_AUTO_TEST_CASE(dry_run_on_an_empty_project_finds_nothing) {
    Project p;
    const auto cb = p.install({{"s", {"schnittstelle"}}});
    const auto report = run(p, cb, std::nullopt, "auto", true);
    BOOST_TEST(report.found.empty());
    BOOST_TEST(report.documents == 0u);
}

BOOST_AUTO_TEST_CASE(codebook_code_missing_from_the_project_is_an_error) {
    Coded p;
    run(p, p.cb, std::nullopt, "robot");
    const auto before = p.store.codings().size();
    const auto bigger = autocode_test::make_codebook(
        {{"s", {"schnittstelle*"}}, {"k", {"akte*"}}, {"m", {"papier"}}, {"neu", {"fehlt"}}});
    BOOST_CHECK_THROW(run(p, bigger, std::nullopt, "robot"), qcode::Error);
    try {
        run(p, bigger, std::nullopt, "robot");
    } catch (const qcode::Error& e) {
        BOOST_TEST(std::string(e.what()).find("neu") != std::string::npos);
    }
    // Nothing changed.
    BOOST_TEST(p.store.codings().size() == before);
    BOOST_TEST(p.store.runs().size() == 1u);
}

BOOST_AUTO_TEST_CASE(many_documents_keep_their_order_and_an_error_in_one_leaves_the_project_as_it_was) {
    // Documents are matched on a worker thread one ahead of the store's
    // reads and writes: the findings still come in document order, and an
    // error in any document (here a regular expression that backtracks
    // forever, in the 7th of 12) rolls the whole run back.
    Project p;
    for (int i = 1; i <= 12; ++i) {
        const std::string body = i == 7 ? std::string(34, 'a') + "b" : "Die Schnittstelle " + std::to_string(i) + " fehlt.";
        p.import((i < 10 ? "d0" : "d") + std::to_string(i) + ".txt", "B: " + body + "\n");
    }
    const auto ok = p.install({{"s", {"schnittstelle"}}});
    const auto report = run(p, ok, std::nullopt, "robot", true);
    BOOST_TEST_REQUIRE(report.found.size() == 11u);
    std::vector<std::string> names;
    for (const auto& f : report.found) names.emplace_back(report.document_name(f.document));
    BOOST_TEST(std::is_sorted(names.begin(), names.end()));
    BOOST_TEST(report.units >= 12u);

    run(p, ok, std::nullopt, "robot");  // stored: 11 codings
    const auto before = p.store.codings().size();
    BOOST_TEST(before == 11u);
    const auto slow = p.install({{"s", {"schnittstelle"}}, {"k", {"re:(a+)+$"}}});
    BOOST_CHECK_THROW(run(p, slow, std::nullopt, "robot"), Error);
    BOOST_TEST(p.store.codings().size() == before);
    BOOST_TEST(p.store.runs().size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
