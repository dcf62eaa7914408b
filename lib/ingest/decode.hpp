#pragma once
// Source bytes → the text qcode stores: UTF-8, NFC, LF line ends, no
// invisible characters, plain spaces.
#include <string>
#include <string_view>

namespace qcode::ingest {

struct DecodedText {
    std::string text;      // UTF-8, NFC, LF line ends (see decode())
    std::string encoding;  // what the bytes were read as: "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE",
                           // "windows-1252", "ISO-8859-15", or the name of a forced ICU converter
};

// Decodes a transcript's bytes. Errors are qcode::Error naming `file` (and
// the line where that helps).
//
// Which encoding:
//   - `forced_encoding` (--encoding) non-empty: that ICU converter
//     ("windows-1252", "ISO-8859-15", "UTF-16LE", "IBM850", "macintosh" …);
//     an unknown name is an error listing valid ones. "ISO-8859-1"/"latin1"
//     is read as windows-1252 (a superset: 0x80–0x9F are „ “ – € there,
//     never the C1 control characters ISO-8859-1 would give);
//   - a UTF-8 BOM: UTF-8 ("UTF-8 (BOM)"); bytes that are not UTF-8 after it
//     are an error with their line;
//   - a UTF-16 (or UTF-32) BOM: that encoding;
//   - valid UTF-8: UTF-8;
//   - otherwise a legacy 8-bit file, checked three ways before it is read
//     as windows-1252: (1) a file that is mostly well-formed UTF-8 with some
//     bad bytes, or that ICU's charset detector takes for UTF-8, is damaged
//     UTF-8 → error with the line of the first bad byte; (2) when the
//     detector is confident (≥ 30 %, more than for any Latin-1-family
//     answer) of another charset (windows-1251, Shift_JIS …) → error
//     suggesting --encoding with that name; (3) the
//     windows-1252 reading must look like German text: no C1 control
//     characters and at least one of ä ö ü Ä Ö Ü ß € „ “ ” ‚ ‘ ’ – — … « »
//     § ° — else error with the line of the first non-UTF-8 byte. ICU's
//     ISO-8859-1/-2/-9 answers count as windows-1252 (same places for
//     ä ö ü ß); a file with byte 0xA4 and no 0x80–0x9F byte is read as
//     ISO-8859-15 (0xA4 is € there, ¤ in windows-1252).
// NUL bytes in a file that is not UTF-16/32 → "looks like a binary file,
// not a transcript" (or a hint to pass --encoding UTF-16LE/BE when the NULs
// look like UTF-16 without a BOM).
//
// Then, whatever the encoding: CRLF and lone CR → LF; the invisible
// characters U+200B, U+200C, U+200D, U+2060, U+FEFF (also inside the text)
// and the soft hyphen U+00AD are removed, so "Aus\u200Bländer" is one word;
// the no-break spaces U+00A0, U+2007 and U+202F become a plain space — the
// stored text has only plain spaces, so words and phrases still match;
// NFC. A file that is empty or only white space → "the file is empty".
DecodedText decode(std::string_view bytes, const std::string& file, const std::string& forced_encoding = {});

// decode(bytes, file).text.
std::string decode_text(std::string_view bytes, const std::string& file);

// Reads a whole file; qcode::Error naming the file when it cannot.
std::string read_file_bytes(const std::string& path);

}  // namespace qcode::ingest
