#include "ingest/docx_tables.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <set>
#include <string>

#include "ingest/docx_text.hpp"
#include "ingest/speaker_label.hpp"
#include "text/normalize.hpp"

namespace qcode::ingest::docx_detail {

std::optional<std::int64_t> parse_time(std::string_view s) {
    s = trim(s);
    if (s.size() >= 2 && ((s.front() == '[' && s.back() == ']') || (s.front() == '(' && s.back() == ')') ||
                          (s.front() == '#' && s.back() == '#') || (s.front() == '{' && s.back() == '}'))) {
        s = trim(s.substr(1, s.size() - 2));
    }
    std::array<int, 3> fields{};
    int n = 0;
    std::size_t i = 0;
    for (;;) {
        std::size_t digits = 0;
        int value = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9' && digits < 3) {
            value = value * 10 + (s[i] - '0');
            ++i;
            ++digits;
        }
        if (digits == 0 || (n > 0 && digits != 2) || n == 3) return std::nullopt;
        fields[static_cast<std::size_t>(n++)] = value;
        if (i < s.size() && s[i] == ':') {
            ++i;
            continue;
        }
        break;
    }
    if (n < 2) return std::nullopt;
    std::int64_t fraction = 0;
    if (i < s.size() && (s[i] == '.' || s[i] == ',' || s[i] == '-')) {
        ++i;
        std::size_t digits = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9' && digits < 3) {
            fraction = fraction * 10 + (s[i] - '0');
            ++i;
            ++digits;
        }
        if (digits == 0) return std::nullopt;
        for (; digits < 3; ++digits) fraction *= 10;
    }
    if (i != s.size()) return std::nullopt;
    const int hours = n == 3 ? fields[0] : 0;
    const int minutes = n == 3 ? fields[1] : fields[0];
    const int seconds = n == 3 ? fields[2] : fields[1];
    if (seconds > 59 || (n == 3 && minutes > 59)) return std::nullopt;
    return (std::int64_t{hours} * 3600 + minutes * 60 + seconds) * 1000 + fraction;
}

namespace {

std::string header_word(const Cell& cell) {
    const std::string joined = cell.joined();
    std::string_view s = trim(joined);
    while (!s.empty() && (s.back() == ':' || s.back() == ' ')) s.remove_suffix(1);
    return text::fold_case(s);
}

bool is_one_of(const std::string& word, std::initializer_list<std::string_view> words) {
    return std::find(words.begin(), words.end(), word) != words.end();
}

// Column names that say "speaker" on their own …
bool speaker_heading(const Cell& cell) {
    return is_one_of(header_word(cell), {"sprecher", "sprecherin", "sprecher:in", "sprecher*in", "sprecher/in",
                                         "sprecher_in", "sprechende", "speaker", "teilnehmer", "teilnehmende"});
}

// … and ones that also start key/value tables ("Name | Frau M.").
bool weak_speaker_heading(const Cell& cell) {
    return is_one_of(header_word(cell), {"name", "person", "rolle", "role", "wer"});
}

bool time_heading(const Cell& cell) {
    return is_one_of(header_word(cell), {"zeit", "time", "zeitmarke", "zeitstempel", "zeitpunkt", "timestamp",
                                         "timecode", "start", "beginn", "uhrzeit"});
}

bool text_heading(const Cell& cell) {
    return is_one_of(header_word(cell), {"text", "inhalt", "aussage", "äußerung", "transkript", "transcript",
                                         "beitrag", "wortbeitrag"});
}

// "B:" → "B"; white space collapsed.
std::string clean_label(const Cell& cell) {
    std::string label = collapse_spaces(cell.joined());
    while (!label.empty() && (label.back() == ':' || label.back() == ' ')) label.pop_back();
    return label;
}

bool plausible_label(const std::string& label) {
    if (label.size() > 60) return false;
    return std::count(label.begin(), label.end(), ' ') < 6;
}

bool row_has_shape(const Row& row, std::size_t columns) {
    if (row.cells.size() != columns) return false;
    if (columns == 2) return true;
    return row.cells[0].joined().empty() || parse_time(row.cells[0].joined()).has_value();
}

}  // namespace

std::optional<Layout> speaker_layout(const Table& table) {
    const auto& rows = table.rows;
    Layout layout;
    // Header rows: Word's "repeat as header row" rows, or a first row of
    // column names. "Name" or "Person" alone also heads key/value tables, so
    // it is skipped as a header but is no evidence of a speaker table.
    bool header_evidence = false;
    while (layout.header_rows < rows.size() && rows[layout.header_rows].header) ++layout.header_rows;
    if (layout.header_rows > 0) {
        header_evidence = true;
    } else if (!rows.empty()) {
        const auto& first = rows.front().cells;
        const std::size_t n = first.size();
        if (n == 2 || n == 3) {
            const Cell& speaker = first[n - 2];
            const Cell& said = first[n - 1];
            const bool strong = speaker_heading(speaker) || text_heading(said) || (n == 3 && time_heading(first[0]));
            if (strong || weak_speaker_heading(speaker)) layout.header_rows = 1;
            header_evidence = strong;
        }
    }
    const std::size_t body = rows.size() - layout.header_rows;
    if (body == 0) return std::nullopt;

    std::size_t two = 0, three = 0, timed = 0;
    for (std::size_t i = layout.header_rows; i < rows.size(); ++i) {
        two += row_has_shape(rows[i], 2);
        if (row_has_shape(rows[i], 3)) {
            ++three;
            timed += !rows[i].cells[0].joined().empty();
        }
    }
    layout.columns = (timed > 0 && three >= two) ? 3 : 2;
    const std::size_t fitting = layout.columns == 3 ? three : two;
    const std::size_t allowed_misfits = body >= 5 ? std::max<std::size_t>(1, body / 10) : 0;
    if (body - fitting > allowed_misfits) return std::nullopt;

    layout.conforming.assign(rows.size(), false);
    layout.labels.assign(rows.size(), {});
    std::set<std::string> seen;
    bool repeated = false, all_certain = true, any_label = false;
    for (std::size_t i = layout.header_rows; i < rows.size(); ++i) {
        if (!row_has_shape(rows[i], layout.columns)) continue;
        layout.conforming[i] = true;
        auto label = clean_label(rows[i].cells[layout.columns - 2]);
        if (label.empty()) continue;
        if (!plausible_label(label)) return std::nullopt;
        any_label = true;
        const auto match = match_label(label + ": x");
        if (match && match->prefix_bytes == label.size() + 2) {
            all_certain = all_certain && match->certain;
            label = match->label;  // the same spelling the plain-text rules would store
        } else {
            all_certain = false;
        }
        repeated = repeated || !seen.insert(label).second;
        layout.labels[i] = std::move(label);
    }
    if (!any_label) return std::nullopt;
    if (layout.columns == 3 || header_evidence || repeated || all_certain) return layout;
    return std::nullopt;
}

}  // namespace qcode::ingest::docx_detail
