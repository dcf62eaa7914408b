#pragma once
// Dictionaries that quanteda (and LIWC, Lexicoder) users already have, read
// as codebooks: each category becomes a code, each entry a pattern.
//
// Entries follow quanteda's "glob" value type, which is qcode's: `tax*`
// prefix, `*tax` suffix, `?` one character, case-insensitive; an entry of
// several words ("a lot of") becomes the phrase pattern "\"a lot of\"".
// Entries that are not patterns qcode can match (emoticons such as ":)",
// entries made of punctuation) are left out and listed in `warnings` as
// "path:line: …".
#include <string>
#include <string_view>
#include <vector>

#include "codebook/codebook.hpp"

namespace qcode::codebook {

// LIWC .dic: a header between two lines "%" maps numbers to category names
// ("1<TAB>funct", optionally a description after the name), then one entry
// per line: the word (several words for a phrase), TAB, its category
// numbers. LIWC2007's conditional fields such as "(02 134)125/464" are left
// out with a warning. Categories become top-level codes in header order
// (label = the name, id from it); the codebook is named after the file.
Codebook read_liwc_dic(std::string_view text, const std::string& path, std::vector<std::string>& warnings);

// quanteda/Lexicoder YAML dictionary: a map of categories; a category's
// value is a list of entries, a map of sub-categories, or a list mixing
// both (quanteda's nested lists). Sub-categories become child codes.
Codebook read_yaml_dictionary(std::string_view text, const std::string& path, std::vector<std::string>& warnings);

// True when `text` is YAML whose top level is a map without the key
// `codebook` (a dictionary, not a qcode codebook). False for anything else,
// including YAML that does not parse.
bool is_yaml_dictionary(std::string_view text);

// One dictionary entry as a qcode pattern source: several words → a quoted
// phrase, otherwise the entry itself (trimmed).
std::string pattern_from_entry(std::string_view entry);

}  // namespace qcode::codebook
