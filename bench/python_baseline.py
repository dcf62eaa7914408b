#!/usr/bin/env python3
"""Python baseline of the qcode benchmark (issue #4).

The fastest thing a researcher would script: every pattern of the codebook
compiled into ONE regular expression, shaped as a trie of alternations
(shared prefixes factored out), between \\b word boundaries, with
re.IGNORECASE, counted over every file of the corpus.

    python3 bench/python_baseline.py patterns.txt CORPUS_DIR

patterns.txt holds one pattern per line as written in the codebook
(qcode_bench_codebook writes it). Globs are expressed exactly:
  wort      \\bwort\\b
  wort*     \\bwort\\w*\\b          (prefix)
  *wort     \\b\\w*wort\\b          (suffix)
  *wort*    \\b\\w*wort\\w*\\b      (infix)
  ?         \\w                     (one character)
  "a b"     \\ba\\W+b\\b            (phrase: words separated by non-word characters,
                                    as qcode's tokens skip spaces and punctuation;
                                    a lone * is exactly one word, \\w+)

Prints key=value lines: compile_s (building and compiling the regex),
match_s (reading the files and counting matches, timed inside Python, so
interpreter start-up and compilation are excluded), bytes, matches, mb_s.
"""
import os
import re
import sys
import time

STAR, ONE, SEP, WORD = object(), object(), object(), object()
RENDER = {STAR: r"\w*", ONE: r"\w", SEP: r"\W+", WORD: r"\w+"}
END = ""  # trie key marking the end of a pattern


def atoms(pattern):
    """The pattern as a sequence of trie keys: characters and glob atoms."""
    pattern = pattern.strip()
    if len(pattern) >= 2 and pattern[0] == '"' and pattern[-1] == '"':
        words = pattern[1:-1].split()
    else:
        words = [pattern]
    seq = []
    for i, word in enumerate(words):
        if i:
            seq.append(SEP)
        if word == "*":
            seq.append(WORD)
            continue
        for ch in word.lower():
            seq.append(STAR if ch == "*" else ONE if ch == "?" else ch)
    return seq


def key_order(k):
    return (1, "") if not isinstance(k, str) else (0, k)


def render(node):
    """Regex source for a trie node: alternation of its children, optional if a pattern ends here."""
    ends = END in node
    alts = []
    for k in sorted((k for k in node if k is not END), key=key_order):
        head = RENDER[k] if not isinstance(k, str) else re.escape(k)
        alts.append(head + render(node[k]))
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if ends:
        return "(?:" + body + ")?" if len(alts) > 1 or len(alts[0]) > 1 else body + "?"
    return body


def build(patterns):
    root = {}
    for p in patterns:
        node = root
        for a in atoms(p):
            node = node.setdefault(a, {})
        node[END] = {}
    return r"\b(?:" + render(root) + r")\b"


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: python_baseline.py patterns.txt CORPUS_DIR")
    with open(sys.argv[1], encoding="utf-8") as f:
        patterns = [line.rstrip("\n") for line in f if line.strip()]
    files = sorted(os.path.join(sys.argv[2], n) for n in os.listdir(sys.argv[2]) if n.endswith(".txt"))

    t0 = time.perf_counter()
    rx = re.compile(build(patterns), re.IGNORECASE)
    t1 = time.perf_counter()
    total_bytes = matches = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        total_bytes += os.path.getsize(path)
        matches += len(rx.findall(text))  # the pattern has no groups: a list of matched strings
    t2 = time.perf_counter()
    print(f"patterns={len(patterns)}")
    print(f"regex_chars={len(rx.pattern)}")
    print(f"compile_s={t1 - t0:.3f}")
    print(f"match_s={t2 - t1:.3f}")
    print(f"bytes={total_bytes}")
    print(f"matches={matches}")
    print(f"mb_s={total_bytes / 1e6 / (t2 - t1):.3f}")


if __name__ == "__main__":
    main()
