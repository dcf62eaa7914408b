#pragma once
// Memos on documents, codes and codings: what a researcher notes while
// coding. Each has an author and a time; a target may hold several.
#include <optional>
#include <string>
#include <vector>

#include "coding/manual.hpp"
#include "store/store.hpp"
#include "table/table.hpp"

namespace qcode::coding {

// A memo with its target spelt out for people.
struct MemoView {
    store::MemoRow memo;
    std::string document;     // document memos and coding memos
    std::string code;         // code memos and coding memos (path)
    std::string coder;        // coding memos: whose coding
    std::optional<Span> span; // coding memos
    std::string target() const;  // "document interview_a", "code huerden", "coding huerden in interview_a 12:40 by anna"
};

Id add_document_memo(store::Store& store, const std::string& document, const std::string& author,
                     const std::string& text);
Id add_code_memo(store::Store& store, const std::string& code, const std::string& author, const std::string& text);
// On the coding find_coding() picks (by `coder` when given).
Id add_coding_memo(store::Store& store, const Target& target, const std::optional<std::string>& coder,
                   const std::string& author, const std::string& text);

// The memos of one target, oldest first.
std::vector<MemoView> document_memos(store::Store& store, const std::string& document);
std::vector<MemoView> code_memos(store::Store& store, const std::string& code);
std::vector<MemoView> coding_memos(store::Store& store, const Target& target, const std::optional<std::string>& coder);

struct MemoFilter {
    std::optional<store::MemoTarget> kind;
    std::string document;  // its memos and those of codings in it
    std::string code;      // its memos and those of its codings
    std::string author;
};

// Every memo passing the filter, oldest first.
std::vector<MemoView> list_memos(store::Store& store, const MemoFilter& filter = {});

// Columns: id, on, document, code, coder, start, end, author, created_at, text.
Table memo_table(const std::vector<MemoView>& memos);

// Deletes one memo by id; an error when there is none.
void remove_memo(store::Store& store, Id memo);

}  // namespace qcode::coding
