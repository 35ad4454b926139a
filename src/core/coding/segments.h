// Coded segments: a code applied to [start, end) code points of a source's
// NFC text by a coder, with an optional memo and translation. Each operation
// is one user action, undoable through the history.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coding/codebook.h"
#include "store/project.h"

namespace tema::coding {

// Code points of a source's text, end exclusive.
struct Range {
    std::uint32_t start = 0;
    std::uint32_t end = 0;
};

// Lines `first` to `last` (1-based, inclusive): from the start of line
// `first` to the end of line `last`, its LF excluded. Throws tema::Error when
// the source has no such lines, or when they hold nothing to code.
Range line_range(store::Database& db, std::int64_t source_id, std::int64_t first,
                 std::int64_t last);

struct SegmentNotes {
    std::string memo;
    std::string translation;  // of the quote, for a paper in another language
};

struct Applied {
    std::int64_t segment = 0;  // the segment that now holds the range
    std::int64_t code_id = 0;
    std::int64_t source_id = 0;
    std::uint32_t start = 0;  // the segment's range (the union, when it was extended)
    std::uint32_t end = 0;
    std::int64_t start_line = 0;  // lines of its first and last code point
    std::int64_t end_line = 0;
    bool created = false;     // a new segment; else an existing one was extended
    std::int64_t joined = 0;  // existing segments joined into it
    bool changed = false;     // false: the range was already coded; nothing recorded
};

// Codes `range` of a source with a code, as one action. The same coder's
// segment of the same code that overlaps or touches the range is extended to
// the union (joining all such segments into one) instead of adding another.
// Refuses an empty range, a range outside the text, an unknown code or source,
// and a code that is a folder (not codable).
Applied apply_code(store::Project& project, const store::Coder& coder, std::int64_t code_id,
                   std::int64_t source_id, Range range, const SegmentNotes& notes = {});

// Makes a code and codes `range` with it, as one action (the quick-code box's
// "new code" on a selection): one undo takes back both.
Applied apply_new_code(store::Project& project, const store::Coder& coder, const NewCode& code,
                       std::int64_t source_id, Range range, const SegmentNotes& notes = {});

struct InVivo {
    Applied applied;
    std::int64_t code_id = 0;
    std::string code_name;
    bool code_created = false;  // false: a code of that name was already there and was used
};

// The longest in-vivo code name, in code points.
constexpr std::size_t kMaxInVivoName = 80;

// In-vivo coding, as one action: finds the `occurrence`-th (from 1) place where
// `words` stand in the source (NFC, case-sensitive; the words are trimmed),
// makes a code named by them (origin invivo) under `parent` or at the top, and
// codes that place. A codable code of that name already under `parent` is used
// instead of a new one. Refuses words not found, an occurrence past the last,
// and words longer than kMaxInVivoName.
InVivo invivo(store::Project& project, const store::Coder& coder, std::int64_t source_id,
              std::string_view words, std::int64_t occurrence = 1,
              std::optional<std::int64_t> parent = std::nullopt);

// In-vivo coding of a selection, as one action: the words in `range` of the
// source name the code, as for invivo(). White space at either end is left out
// of the name and of the coded range. Refuses a range outside the text, one
// that holds no words, and words longer than kMaxInVivoName.
InVivo invivo_range(store::Project& project, const store::Coder& coder, std::int64_t source_id,
                    Range range, std::optional<std::int64_t> parent = std::nullopt);

// A range of one source, for coding many places at once.
struct SourceRange {
    std::int64_t source_id = 0;
    Range range;
};

struct AppliedMany {
    std::int64_t created = 0;   // new segments
    std::int64_t extended = 0;  // existing segments that grew or were joined
    std::int64_t unchanged = 0;  // ranges that were coded already
};

// Codes every range with one code, as one action (auto-coding the hits of a
// search): each range as apply_code would, so overlapping and touching ranges
// become one segment. All or nothing: a range outside its source's text, an
// unknown source or code, or a folder refuses the whole action. Nothing is
// recorded when every range was coded already.
AppliedMany apply_code_to_ranges(store::Project& project, const store::Coder& coder,
                                 std::int64_t code_id, const std::vector<SourceRange>& ranges,
                                 const std::string& summary);

// Removes a coded segment, as one action.
void unapply(store::Project& project, const store::Coder& coder, std::int64_t segment_id);

// Sets a segment's memo and/or translation (those given), as one action.
void annotate_segment(store::Project& project, const store::Coder& coder, std::int64_t segment_id,
                      const std::optional<std::string>& memo,
                      const std::optional<std::string>& translation);

struct Segment {
    std::int64_t id = 0;
    std::string guid;
    std::int64_t code_id = 0;
    std::int64_t source_id = 0;
    std::uint32_t start = 0;
    std::uint32_t end = 0;
    std::int64_t coder_id = 0;
    std::string created;
    std::string memo;
    std::string translation;
};

// Throws tema::Error "segment N: no such segment".
Segment get_segment(store::Database& db, std::int64_t segment_id);

// ---- For other coding operations, inside the caller's action.

struct SegmentDraft {
    std::int64_t code_id = 0;
    std::int64_t source_id = 0;
    std::int64_t coder_id = 0;
    std::uint32_t start = 0;
    std::uint32_t end = 0;
    std::string memo;
    std::string translation;
    // An existing segment being given to `code_id` (merging codes): it is
    // updated, or deleted when it joins another.
    std::optional<std::int64_t> moving;
};

struct Placement {
    std::int64_t segment = 0;
    std::uint32_t start = 0;
    std::uint32_t end = 0;
    bool created = false;
    std::int64_t joined = 0;
    bool changed = false;
};

// Stores `draft`, joined with every segment of the same code, source and coder
// that overlaps or touches it (the oldest keeps its id and takes the union of
// the ranges; distinct memos and translations are kept, one per line). No
// checks of the code or the range: the caller has made them.
Placement place_segment(store::Database& db, const SegmentDraft& draft);

}  // namespace tema::coding
