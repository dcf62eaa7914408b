#pragma once
// The plain data that flows between modules: what ingest produces, what the
// store keeps, what autocode and analysis read. No behaviour lives here.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qcode {

using Id = std::int64_t;

// Half-open [start, end) in code points of a document's NFC text.
struct Span {
    std::uint32_t start = 0;
    std::uint32_t end = 0;
    std::uint32_t length() const { return end - start; }
    bool intersects(const Span& o) const { return start < o.end && o.start < end; }
    bool contains(const Span& o) const { return start <= o.start && o.end <= end; }
    friend bool operator==(const Span&, const Span&) = default;
    friend auto operator<=>(const Span&, const Span&) = default;
};

enum class UnitKind { turn, paragraph, sentence };
std::string_view to_string(UnitKind kind);
std::optional<UnitKind> parse_unit_kind(std::string_view s);

// Interviewers and moderators ask; respondents answer. Autocoding looks at
// respondents by default, so this distinction decides what gets counted.
enum class Role { interviewer, moderator, respondent };
std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view s);
inline bool asks_questions(Role r) { return r != Role::respondent; }

enum class Origin { manual, automatic, imported };
std::string_view to_string(Origin origin);  // "manual", "auto", "import"
std::optional<Origin> parse_origin(std::string_view s);

struct Speaker {
    std::string label;
    Role role = Role::respondent;
};

struct Unit {
    UnitKind kind = UnitKind::turn;
    std::uint32_t ordinal = 0;  // 1-based within the document and kind
    Span span;
    std::string speaker;        // label; empty for the header before the first label
    std::optional<std::int64_t> t_start_ms;
    std::optional<std::int64_t> t_end_ms;
};

// A transcript as ingest hands it to the store.
struct Document {
    std::string name;
    std::string source_path;
    std::string format;  // "text", "vtt", "srt", "docx"
    std::string sha256;  // of the source bytes
    std::string text;    // NFC, LF line ends
    std::vector<Speaker> speakers;
    std::vector<Unit> units;  // every kind, in document order within a kind
};

struct Coding {
    Id document = 0;
    Span span;
    Id code = 0;
    std::string coder;
    Origin origin = Origin::manual;
    std::string rule;  // the pattern that fired, for auto codings
    std::optional<Id> run;
    std::string memo;
};

}  // namespace qcode
