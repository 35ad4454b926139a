// What every document a reader returns must be, whatever the bytes: checked
// by the fuzz targets, which abort (a finding) when it is not so.
#pragma once

#include <cstdio>
#include <cstdlib>

#include "import/document.h"
#include "text/encoding.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace tema::fuzz {

inline void require(bool condition, const char* what) {
    if (!condition) {
        std::fprintf(stderr, "broken promise: %s\n", what);
        std::abort();
    }
}

// Valid NFC UTF-8 with text in it and no control characters but LF and tab;
// turns in order, each with a speaker and positions inside the text (code
// points, end exclusive).
inline void check_document(const import::Document& document) {
    require(!document.text.empty(), "the text is not empty");
    require(text::is_valid_utf8(document.text), "the text is valid UTF-8");
    require(text::is_nfc(document.text), "the text is NFC");
    for (const char c : document.text) {
        const auto byte = static_cast<unsigned char>(c);
        require(byte >= 0x20 || c == '\n' || c == '\t', "no control characters but LF and tab");
    }
    const std::size_t length = text::count_codepoints(document.text);
    std::uint32_t previous_end = 0;
    for (const Turn& turn : document.turns) {
        require(!turn.speaker.empty(), "a turn has a speaker");
        require(turn.start >= previous_end, "turns are in order and apart");
        require(turn.start <= turn.body_start, "a turn's words begin after its start");
        require(turn.body_start <= turn.end, "a turn ends after its words begin");
        require(turn.end <= length, "a turn ends inside the text");
        previous_end = turn.end;
    }
}

}  // namespace tema::fuzz
