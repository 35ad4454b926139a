// Sources in the project file: adding, listing, finding and reading them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/source.h"
#include "store/project.h"

namespace tema::store {

// Everything a new source is stored with. The text is final: NFC, LF.
struct NewSource {
    std::string name;
    SourceKind kind = SourceKind::document;
    text::Language lang = text::Language::other;
    std::string text;
    std::vector<std::uint32_t> line_starts;  // code points, see text::line_starts
    std::uint32_t chars = 0;
    std::string sha256;  // of `text`
    std::vector<Turn> turns;
    std::string file_name;
    std::string file_format;
    std::int64_t file_size = 0;
    std::string file_sha256;
    std::string encoding;
    std::optional<std::int64_t> page_count;
    std::vector<std::uint32_t> page_starts;  // code points where each page begins; empty: no pages
};

// Stores the source, its speakers and turns, inside the caller's action. A
// speaker label equal to a participant's ID ("P07") is mapped to it at once.
// Returns the new source's id.
std::int64_t insert_source(Database& db, const NewSource& source, const Coder& coder);

// The source with this text hash, if the project has one.
std::optional<SourceInfo> find_source_by_hash(Database& db, std::string_view sha256);

// `wanted` if no source has that name, else "wanted (2)", "wanted (3)", ...
std::string unique_source_name(Database& db, std::string_view wanted);

std::vector<SourceInfo> list_sources(Database& db);

// A source by its id or its name. Throws tema::Error "source X: no such source".
SourceInfo find_source(Database& db, std::string_view id_or_name);

// A source's text and where its lines start.
struct SourceText {
    std::string text;
    std::vector<std::uint32_t> line_starts;
};
SourceText load_source_text(Database& db, std::int64_t source_id);

// A stored turn, with the participant its speaker is mapped to, if any.
struct TurnInfo {
    std::int64_t n = 0;
    Turn turn;
    std::int64_t first_line = 0;
    std::int64_t last_line = 0;
    std::optional<std::string> participant;  // pid such as "P07"
};
std::vector<TurnInfo> load_turns(Database& db, std::int64_t source_id);

// One line of a source as a reader sees it: its words, and the speaker turn it
// belongs to.
struct SourceLine {
    std::int64_t n = 0;  // from 1
    std::string text;    // without the LF
    std::uint32_t start = 0;
    std::uint32_t end = 0;
    std::optional<std::string> speaker;      // the turn's label
    std::optional<std::string> participant;  // the speaker's participant (pid)
    std::optional<std::int64_t> time_ms;     // the turn's time stamp
    bool turn_start = false;                 // the turn begins on this line
};

// Lines `first` to `last` (1-based, inclusive; clamped to the source). Throws
// tema::Error when `first` is past the last line or `first` > `last`.
std::vector<SourceLine> read_lines(Database& db, const SourceInfo& source, std::int64_t first,
                                   std::int64_t last);

// Arrays of numbers as stored in blobs (line starts, turns): little-endian uint32.
std::string encode_uint32s(const std::vector<std::uint32_t>& values);
std::vector<std::uint32_t> decode_uint32s(std::string_view blob);

}  // namespace tema::store
