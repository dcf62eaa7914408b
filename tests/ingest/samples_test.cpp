// Properties of every shipped sample transcript (samples/*.txt, .vtt, .srt,
// .docx, each read as `qcode import` reads it): every
// unit is a non-empty, trimmed slice without timestamps; sentences lie in
// their paragraph, paragraphs in their turn (DESIGN §2, §3).
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/utf8.hpp"
#include "ingest/decode.hpp"
#include "ingest/import.hpp"
#include "ingest/ingest_fixture.hpp"
#include "ingest/plain_text.hpp"
#include "ingest/roles.hpp"
#include "support/temp_dir.hpp"

using namespace qcode;
using namespace qcode::ingest_test;

namespace {

struct Sample {
    std::string name;
    Document doc;
};

std::vector<Sample> load_samples() {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(QCODE_SOURCE_DIR) / "samples")) {
        const auto ext = e.path().extension();
        if (ext == ".txt" || ext == ".vtt" || ext == ".srt" || ext == ".docx") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<Sample> out;
    for (const auto& f : files)
        out.push_back({f.stem().string(), ingest::read_transcript(f.string(), ingest::ImportOptions{}).document});
    return out;
}

const std::vector<Sample>& all_samples() {
    static const std::vector<Sample> all = load_samples();
    return all;
}

bool is_space_at_front(std::string_view s) {
    if (s.empty()) return false;
    const unsigned char c = static_cast<unsigned char>(s.front());
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return true;
    return s.substr(0, 2) == "\xC2\xA0" || s.substr(0, 3) == "\xE2\x80\xAF" || s.substr(0, 3) == "\xE3\x80\x80";
}

bool is_space_at_back(std::string_view s) {
    if (s.empty()) return false;
    const unsigned char c = static_cast<unsigned char>(s.back());
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return true;
    return (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") ||
           (s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\xAF" || s.substr(s.size() - 3) == "\xE3\x80\x80"));
}

// The unit of `kind` among `candidates` that contains `u`, or nullptr.
const Unit* container(const std::vector<Unit>& candidates, const Unit& u) {
    for (const auto& c : candidates)
        if (c.span.contains(u.span)) return &c;
    return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sample_transcripts)

BOOST_AUTO_TEST_CASE(the_documented_samples_exist) {
    std::set<std::string> names;
    for (const auto& s : all_samples()) names.insert(s.name);
    for (const char* name : {"01_abh_nordheim", "02_jobcenter_suedtal", "03_sozialamt_nordheim",
                             "04_meldebehoerde_weststadt", "05_abh_suedtal", "06_fokusgruppe_weststadt",
                             "07_standesamt_nordheim"})
        BOOST_TEST(names.contains(name), name);
    BOOST_TEST(all_samples().size() >= 11u);  // every format: txt, cp1252 txt, vtt, srt, docx
}

BOOST_AUTO_TEST_CASE(every_unit_is_a_trimmed_nonempty_slice_without_timestamps) {
    for (const auto& [name, doc] : all_samples()) {
        BOOST_TEST_CONTEXT(name) {
            const utf8::Index index(doc.text);
            BOOST_TEST(doc.text.find("#00:") == std::string::npos);
            BOOST_TEST(!doc.units.empty());
            for (const auto& u : doc.units) {
                BOOST_TEST_CONTEXT(to_string(u.kind) << " " << u.ordinal << " " << u.span) {
                    BOOST_TEST_REQUIRE(u.span.end <= index.length());
                    BOOST_TEST(u.span.start < u.span.end);
                    const auto s = utf8::slice(doc.text, index, u.span.start, u.span.end);
                    BOOST_TEST(!is_space_at_front(s));
                    BOOST_TEST(!is_space_at_back(s));
                    BOOST_TEST(s.find("#00:") == std::string_view::npos);
                    if (u.kind != UnitKind::turn) BOOST_TEST(s.find('\n') == std::string_view::npos);
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(units_nest_and_agree_on_the_speaker) {
    for (const auto& [name, doc] : all_samples()) {
        BOOST_TEST_CONTEXT(name) {
            const auto turns = units_of(doc, UnitKind::turn);
            const auto paragraphs = units_of(doc, UnitKind::paragraph);
            const auto sentences = units_of(doc, UnitKind::sentence);
            for (const auto& p : paragraphs) {
                const Unit* t = container(turns, p);
                BOOST_TEST_REQUIRE(t != nullptr, "paragraph " << p.ordinal << " outside every turn");
                BOOST_TEST(t->speaker == p.speaker);
            }
            for (const auto& s : sentences) {
                const Unit* p = container(paragraphs, s);
                BOOST_TEST_REQUIRE(p != nullptr, "sentence " << s.ordinal << " outside every paragraph");
                BOOST_TEST(p->speaker == s.speaker);
            }
            // Every paragraph is covered by sentences: no text is lost.
            for (const auto& p : paragraphs) {
                bool has_sentence = false;
                for (const auto& s : sentences) has_sentence = has_sentence || p.span.contains(s.span);
                BOOST_TEST(has_sentence, "paragraph " << p.ordinal << " has no sentence");
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(units_are_ordered_and_disjoint_with_ordinals_1_to_n) {
    for (const auto& [name, doc] : all_samples()) {
        BOOST_TEST_CONTEXT(name) {
            for (auto kind : {UnitKind::turn, UnitKind::paragraph, UnitKind::sentence}) {
                const auto units = units_of(doc, kind);
                for (std::size_t i = 0; i < units.size(); ++i) {
                    BOOST_TEST(units[i].ordinal == i + 1);
                    if (i > 0) BOOST_TEST(units[i - 1].span.end <= units[i].span.start);
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(speakers_and_turn_counts) {
    // From the files: 01 has 14 I: and 14 B: lines, 06 has Moderation:, B1:…B4:,
    // 11 (windows-1252, QualCoder times) has 11 "[…] I:" and 11 "[…] B:" lines.
    const std::map<std::string, std::size_t> speaker_turns = {
        {"01_abh_nordheim", 28}, {"02_jobcenter_suedtal", 24}, {"03_sozialamt_nordheim", 22},
        {"04_meldebehoerde_weststadt", 22}, {"05_abh_suedtal", 20}, {"06_fokusgruppe_weststadt", 44},
        {"07_standesamt_nordheim", 24}, {"11_meldebehoerde_nordheim_cp1252", 22}};
    for (const auto& [name, doc] : all_samples()) {
        if (!speaker_turns.contains(name)) continue;  // a sample this test does not know yet
        BOOST_TEST_CONTEXT(name) {
            const auto turns = units_of(doc, UnitKind::turn);
            BOOST_TEST_REQUIRE(!turns.empty());
            // The header ("Interview 01 – …", "Datum: …", "Befragte Person: …") is one speakerless turn.
            BOOST_TEST(turns.front().speaker == "");
            std::size_t with_speaker = 0;
            for (const auto& t : turns) with_speaker += !t.speaker.empty();
            BOOST_TEST(with_speaker == turns.size() - 1);
            BOOST_TEST(with_speaker == speaker_turns.at(name));

            std::map<std::string, std::string> roles;
            for (const auto& s : doc.speakers) roles[s.label] = std::string(to_string(s.role));
            if (name == "06_fokusgruppe_weststadt") {
                BOOST_TEST((roles == std::map<std::string, std::string>{{"Moderation", "moderator"},
                                                                         {"B1", "respondent"},
                                                                         {"B2", "respondent"},
                                                                         {"B3", "respondent"},
                                                                         {"B4", "respondent"}}));
            } else {
                BOOST_TEST((roles == std::map<std::string, std::string>{{"I", "interviewer"}, {"B", "respondent"}}));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(timestamps_where_the_files_have_them) {
    // samples/README.md: 01, 03 and 06 have f4 marks at the end of every
    // turn; 02, 04, 05 and 07 have none. 11 has QualCoder times at the start
    // of every turn: a turn then ends when the next one starts (plain_text.hpp).
    const std::set<std::string> end_timed = {"01_abh_nordheim", "03_sozialamt_nordheim", "06_fokusgruppe_weststadt"};
    const std::set<std::string> start_timed = {"11_meldebehoerde_nordheim_cp1252"};
    const std::set<std::string> untimed = {"02_jobcenter_suedtal", "04_meldebehoerde_weststadt", "05_abh_suedtal",
                                           "07_standesamt_nordheim"};
    for (const auto& [name, doc] : all_samples()) {
        BOOST_TEST_CONTEXT(name) {
            std::vector<Unit> turns;
            for (const auto& t : units_of(doc, UnitKind::turn)) {
                if (t.speaker.empty()) {
                    BOOST_TEST(!t.t_start_ms.has_value());
                    BOOST_TEST(!t.t_end_ms.has_value());
                } else {
                    turns.push_back(t);
                }
            }
            if (untimed.contains(name)) {
                for (const auto& t : turns) {
                    BOOST_TEST(!t.t_start_ms.has_value());
                    BOOST_TEST(!t.t_end_ms.has_value());
                }
            } else if (end_timed.contains(name)) {
                std::int64_t previous = -1;
                for (const auto& t : turns) {
                    BOOST_TEST_REQUIRE(t.t_end_ms.has_value(), "turn " << t.ordinal << " has no end time");
                    BOOST_TEST(*t.t_end_ms > previous);  // the marks increase through the file
                    if (previous >= 0) BOOST_TEST(t.t_start_ms.value_or(-1) == previous);
                    previous = *t.t_end_ms;
                }
            } else if (start_timed.contains(name)) {
                for (std::size_t i = 0; i < turns.size(); ++i) {
                    BOOST_TEST_REQUIRE(turns[i].t_start_ms.has_value(), "turn " << turns[i].ordinal << " has no start");
                    if (i > 0) BOOST_TEST(*turns[i].t_start_ms > *turns[i - 1].t_start_ms);
                    if (i + 1 < turns.size()) BOOST_TEST((turns[i].t_end_ms == turns[i + 1].t_start_ms));
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(no_sentence_ends_in_a_listed_abbreviation) {
    // samples/README.md: the text uses "z. B., d. h., bzw., ca., Dr., Nr., Abs."
    // — none of them may end a sentence.
    const std::vector<std::string> endings = {" z.", " d.", " u.", " bzw.", " ca.", " Dr.", " Nr.", " Abs.", " ggf."};
    for (const auto& [name, doc] : all_samples()) {
        BOOST_TEST_CONTEXT(name) {
            const auto sentences = units_of(doc, UnitKind::sentence);
            const auto texts = slices_of(doc, sentences);
            for (const auto& s : texts)
                for (const auto& e : endings)
                    BOOST_TEST(!(s.size() >= e.size() && s.compare(s.size() - e.size(), e.size(), e) == 0),
                               "sentence ends in '" << e << "': " << s);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
