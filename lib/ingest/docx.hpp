#pragma once
// Word (.docx) transcripts: the paragraphs of word/document.xml, read with
// the same speaker-label rules as plain text (DESIGN §3), or — when the
// transcript sits in a two-column table (speaker | text, optionally with a
// leading time column, as NVivo and f4 lay it out) — one turn per row.
//
// The file is untrusted: the zip is opened read-only with a cap on entries
// and on the unpacked size of word/document.xml (enforced while inflating),
// and the XML parser neither reads DTDs nor expands entities; a DOCTYPE is
// refused. Every error is a qcode::Error naming the file.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "core/model.hpp"
#include "ingest/transcript_options.hpp"

namespace qcode::ingest {

struct DocxLimits {
    std::size_t max_document_xml = std::size_t{64} << 20;  // unpacked word/document.xml, bytes
    std::size_t max_entries = 10'000;                      // entries in the zip archive
};

// True when the bytes start like a zip archive ("PK\x03\x04").
bool looks_like_zip(std::string_view bytes);

// Applied to the text of every paragraph (and table cell paragraph) before
// labels are read, e.g. pseudonymisation; gets and returns NFC UTF-8.
using TextTransform = std::function<std::string(std::string)>;

// Parses a .docx held in memory. `file` names it in error messages. Fills
// text, speakers and units; the caller sets name, path, format and hash.
Document parse_docx(std::string_view bytes, const TranscriptOptions& options, const std::string& file);
Document parse_docx(std::string_view bytes, const TranscriptOptions& options, const std::string& file,
                    const TextTransform& transform);
Document parse_docx(std::string_view bytes, const TranscriptOptions& options, const std::string& file,
                    const DocxLimits& limits, const TextTransform& transform = {});

}  // namespace qcode::ingest
