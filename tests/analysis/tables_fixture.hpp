#pragma once
// The hand-worked project behind the table tests (freq --by/--words,
// matrix, crosstab, presence, listings, the workbook): the three documents
// and the code tree of analysis_fixture.hpp, two attributes — one with an
// empty value — and codings chosen so that every expected number below can
// be checked with pencil and paper.
#include "analysis_fixture.hpp"

namespace qcode::analysis_test {

// Units (code points; see analysis_fixture.hpp):
//   d1 "B: Aaaa aaaa. Bbbb bbbb.\nCccc cccc.\nI: Dddd.\n"
//      s1 [3,13) s2 [14,24) s3 [25,35) in turn t1 of B (respondent),
//      s4 [39,44) in turn t2 of I (interviewer)
//      words in turns: Aaaa [3,7) aaaa [8,12) Bbbb [14,18) bbbb [19,23)
//                      Cccc [25,29) cccc [30,34) Dddd [39,43)  → 7
//      ("B" and "I" are speaker labels, outside every turn)
//   d2 "B: Eeee eeee.\n"  s1 [3,13), 2 words
//   d3 "B: Ffff ffff.\n"  s1 [3,13), 2 words           all documents: 11 words
//
// Attributes:   kommune   typ
//   d1          Nord      abh
//   d2          Süd       ""   (an empty value)
//   d3          Nord      jc
//
// Codings (anna, manual, unless noted):
//   a/a1    d1 [3,13)   s1
//   a/a2    d1 [3,13)   s1 — the same place with two sibling codes
//   a/a1    d1 [3,13)   by ben — the same place again, a second coder
//   a/a1    d1 [14,24)  s2
//   a/a2    d1 [10,16)  overlaps a1's [3,13) and [14,24) partially
//   b/b1/x  d1 [8,20)   overlaps s1 and s2 partially
//   c       d1 [25,35)  s3, origin auto, coder auto
//   c       d1 [39,44)  s4 — the interviewer's turn
//   c       d2 [3,13)
//   a/a2    d3 [3,13)
//   b/b1/x  d3 [5,10)   inside a2's segment
//
// Distinct segments (rolled up):
//   a/a1    d1[3,13) d1[14,24)                         2 in 1 document
//   a/a2    d1[3,13) d1[10,16) d3[3,13)                3 in 2
//   a       d1[3,13) d1[10,16) d1[14,24) d3[3,13)      4 in 2
//   b/b1/x, b/b1, b   d1[8,20) d3[5,10)                2 in 2
//   c       d1[25,35) d1[39,44) d2[3,13)               3 in 2
struct TablesProject : Project {
    TablesProject() {
        store.set_attribute(d1, "kommune", "Nord");
        store.set_attribute(d2, "kommune", "Süd");
        store.set_attribute(d3, "kommune", "Nord");
        store.set_attribute(d1, "typ", "abh");
        store.set_attribute(d2, "typ", "");
        store.set_attribute(d3, "typ", "jc");
        code("a/a1", d1, 3, 13);
        code("a/a2", d1, 3, 13);
        code("a/a1", d1, 3, 13, "ben");
        code("a/a1", d1, 14, 24);
        code("a/a2", d1, 10, 16);
        code("b/b1/x", d1, 8, 20);
        code("c", d1, 25, 35, "auto", Origin::automatic);
        code("c", d1, 39, 44);
        code("c", d2, 3, 13);
        code("a/a2", d3, 3, 13);
        code("b/b1/x", d3, 5, 10);
    }
};

}  // namespace qcode::analysis_test
