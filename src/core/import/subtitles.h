// Reading subtitle files (.srt SubRip, .vtt WebVTT) as timed transcripts.
//
// What the source's text looks like: one line per cue, its start time first,
// then the speaker's label when the cue names one, then the cue's words on
// one line (a cue's line breaks are only where the subtitle wrapped):
//
//   [00:00:03] Kari Nordmann: Hei, alle sammen.
//   [00:00:07] og velkommen til fokusgruppa.        (same speaker, no label in the cue)
//   [00:01:12] Ola: Takk.
//
// Speakers come from WebVTT voice tags (<v Kari Nordmann>), from "Name:" at
// the start of a cue line (by the same rules as plain text: roles and numbered
// labels count at once, other names when they begin two cues and there are
// two speakers), and from "[SPEAKER_00]" or "[Moderator]:" when the bracketed
// label is a role or a numbered label ("[Music]" stays text). A cue line that
// names another speaker starts a line of its own, with the cue's time.
//
// Every cue with a speaker becomes a turn: time_ms is the cue's start, start
// is where its line begins, body_start where the words begin (after the label,
// or after the time for a cue that names nobody), end where the line ends.
// A cue that names nobody is said by the speaker of the cue before it (the
// convention of subtitles that name a speaker only when the speaker changes).
// Cues before the first named speaker, and every cue of a file that names no
// speakers (Whisper output), stay lines with their times and make no turns:
// a turn needs a speaker, and Tema does not invent one.
//
// Dropped: cue numbers and identifiers, end times, cue settings, WebVTT NOTE,
// STYLE and REGION blocks and the header, formatting tags (<i>, <b>, <u>,
// <font>, <c.x>, <ruby>, <lang>, in-cue time stamps, {\an8}), and cues with no
// words. HTML character references (&amp; &lt; &nbsp; &#233; ...) are decoded.
#pragma once

#include <string>
#include <string_view>

#include "import/document.h"

namespace tema::import {

struct SubtitleOptions {
    // Consecutive cues of one speaker become one turn on one line, with the
    // first cue's time: paragraphs rather than subtitle-sized pieces. The text
    // differs from the unmerged import, so the two are different sources.
    bool merge_cues = false;
};

// Reads the bytes of a SubRip file. `encoding` forces a charset; empty detects
// it (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252, ...). Accepts
// "hh:mm:ss,mmm" and "mm:ss.mmm" times, CRLF, and a missing final blank line.
// Throws tema::Error naming `name` and the line ("name, line 12: ...") for a
// malformed time line or a cue number without times, and naming `name` for a
// file with no cues or no words in them, or bytes that are not text.
Document read_srt(std::string_view bytes, std::string_view encoding, const std::string& name,
                  const SubtitleOptions& options = {});

// Reads the bytes of a WebVTT file, as read_srt does. The "WEBVTT" header line
// is expected but not required.
Document read_vtt(std::string_view bytes, std::string_view encoding, const std::string& name,
                  const SubtitleOptions& options = {});

}  // namespace tema::import
