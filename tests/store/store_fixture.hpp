#pragma once
// Shared by the store tests: a project file in a scratch directory and a
// small hand-built document whose offsets are worked out in the comments.
#include <ostream>
#include <string>

#include "core/model.hpp"
#include "store/store.hpp"
#include "support/temp_dir.hpp"

namespace qcode {
inline std::ostream& operator<<(std::ostream& os, const Span& s) { return os << '[' << s.start << ',' << s.end << ')'; }
}  // namespace qcode

namespace qcode::store_test {

// A new, empty project file in a scratch directory that goes with it.
struct Project {
    testing::TempDir dir;
    store::Store store = store::Store::create((dir.path() / "p.qcode").string());
};

// "Kopfzeile\nI: Wie geht es?\nB: Gut. Sehr gut."
//  0       9 10 13          25 26 29  33 34     43   (43 code points)
inline Document sample_document(const std::string& name = "doc1") {
    Document d;
    d.name = name;
    d.source_path = "/data/" + name + ".txt";
    d.format = "text";
    d.sha256 = std::string(64, 'a');
    d.text = "Kopfzeile\nI: Wie geht es?\nB: Gut. Sehr gut.";
    d.speakers = {Speaker{"I", Role::interviewer}, Speaker{"B", Role::respondent}};
    // Deliberately not in ordinal order within a kind, and kinds interleaved.
    d.units = {
        Unit{UnitKind::sentence, 4, Span{34, 43}, "B", std::nullopt, std::nullopt},
        Unit{UnitKind::turn, 3, Span{29, 43}, "B", 14000, 30000},
        Unit{UnitKind::turn, 1, Span{0, 9}, "", std::nullopt, std::nullopt},
        Unit{UnitKind::turn, 2, Span{13, 25}, "I", std::nullopt, 14000},
        Unit{UnitKind::paragraph, 1, Span{0, 9}, "", std::nullopt, std::nullopt},
        Unit{UnitKind::paragraph, 2, Span{13, 25}, "I", std::nullopt, std::nullopt},
        Unit{UnitKind::paragraph, 3, Span{29, 43}, "B", std::nullopt, std::nullopt},
        Unit{UnitKind::sentence, 1, Span{0, 9}, "", std::nullopt, std::nullopt},
        Unit{UnitKind::sentence, 2, Span{13, 25}, "I", std::nullopt, std::nullopt},
        Unit{UnitKind::sentence, 3, Span{29, 33}, "B", std::nullopt, std::nullopt},
    };
    return d;
}

inline store::CodeRow code(const std::string& path, int ordinal = 0) {
    store::CodeRow c;
    c.path = path;
    c.label = "Label " + path;
    c.ordinal = ordinal;
    return c;
}

inline Coding coding(Id document, Span span, Id code_id, const std::string& coder, Origin origin = Origin::manual) {
    Coding c;
    c.document = document;
    c.span = span;
    c.code = code_id;
    c.coder = coder;
    c.origin = origin;
    return c;
}

}  // namespace qcode::store_test
