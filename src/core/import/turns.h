// Recognising speaker turns and time stamps in transcript text.
#pragma once

#include <string_view>
#include <vector>

#include "import/document.h"

namespace tema::import {

// Finds the speaker turns of a transcript (NFC, LF line ends). A turn begins at
// a line that starts with a speaker label, optionally after a time stamp:
//
//   Deltaker 3: ...        Person 1: ...        P07: ...        INT: ...
//   Moderator: ...         M: ...               Intervjuer: ...
//   [00:12:31] Deltaker 3: ...   00:12:31 Deltaker 3: ...   (00:12) Kari: ...
//   **Moderator:** ...  (Markdown bold)
//
// or at a line holding only a label (and perhaps a time stamp), with the turn
// on the lines after it ("Interviewer  00:00:04" then the text). Labels of the
// known forms (roles, "Deltaker N", "Person N", "P07", ...) count at once; other
// name-like labels ("Kari", "Ola N.") count only when they begin two or more
// turns and the text has at least two speakers, so that "Merk:" in a note is not
// a speaker. A turn runs until the next one; text before the first is none.
std::vector<Turn> find_turns(std::string_view text);

}  // namespace tema::import
