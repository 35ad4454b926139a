// Memos: text on the project (no target), or on one source, passage of a
// source (a range, coded or not), code, theme, coded segment or participant. Kinds: note,
// familiarisation, analytic, and journal (the reflexive journal: dated entries by their coder).
//
// Every change is one action (store::Action), undoable and redoable. A memo
// goes along when what it is on is deleted (and comes back with it on undo).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/project.h"

namespace tema::coding {

enum class MemoKind { note, familiarisation, journal, analytic };

// "note", "familiarisation", "journal", "analytic".
std::string_view memo_kind_name(MemoKind kind);
// Throws tema::Error "kind X: ..." for anything else.
MemoKind parse_memo_kind(std::string_view name);

// What a memo is on.
struct MemoTarget {
    enum class Kind { project, source, passage, code, theme, segment, participant };
    Kind kind = Kind::project;
    std::int64_t id = 0;  // the row in sources (also for a passage), codes, ...; 0 for the project
    // A passage: code points [start, end) of the source's text.
    std::uint32_t start = 0;
    std::uint32_t end = 0;
};

// A passage of a source as a memo target.
MemoTarget passage(std::int64_t source_id, std::uint32_t start, std::uint32_t end);

// An OBJECT as written on the command line: "project", "source:NAME" (or id),
// "source:NAME@START-END" (a passage: code points, end exclusive), "code:PATH"
// (or name, or id), "theme:PATH" (or name, or id), "segment:ID",
// "participant:P07". Throws tema::Error naming the object when the form is
// unknown, there is no such object, or the passage is empty or outside the text.
MemoTarget parse_target(store::Database& db, std::string_view object);

// The target in the form parse_target reads: "source:fokusgruppe-1",
// "source:fokusgruppe-1@120-185", "code:Arbeidsgiver/Kontakt",
// "theme:Tema/Undertema", "segment:12", "participant:P07", or "project".
std::string describe_target(store::Database& db, const MemoTarget& target);

// Where a memo is, for a reader: a passage as "fokusgruppe-2, l. 46-47", a
// coded segment as "Arbeidsgiver/Kontakt in fokusgruppe-2, l. 30-31"; any
// other target as describe_target writes it.
std::string place_of(store::Database& db, const MemoTarget& target);

struct Memo {
    std::int64_t id = 0;
    std::string guid;
    MemoKind kind = MemoKind::note;
    MemoTarget target;
    std::string on;     // describe_target(target)
    std::string place;  // place_of(target)
    std::string author;
    std::string created;   // ISO 8601 UTC
    std::string modified;  // ISO 8601 UTC
    std::string text;
};

// Adds a memo by `coder`. Refuses empty text, and a passage that is empty or
// outside its source's text.
Memo add_memo(store::Project& project, const store::Coder& coder, MemoKind kind,
              const MemoTarget& target, std::string_view text);

// Replaces a memo's text (its author and creation time stay). Refuses empty text.
void edit_memo(store::Project& project, const store::Coder& coder, std::int64_t memo_id,
               std::string_view text);

void delete_memo(store::Project& project, const store::Coder& coder, std::int64_t memo_id);

// Throws tema::Error "memo N: no such memo" when there is none.
Memo find_memo(store::Database& db, std::int64_t memo_id);

struct MemoFilter {
    std::optional<MemoKind> kind;
    // Kind::project: memos on the project itself; Kind::source: on the source
    // as a whole; Kind::passage: on the passages of the source `id` that
    // overlap [start, end).
    std::optional<MemoTarget> target;
};

// The memos that pass the filter, oldest first.
std::vector<Memo> list_memos(store::Database& db, const MemoFilter& filter = {});

// A memo on a stretch of a source's text: on a passage, or on a coded segment.
struct PlacedMemo {
    Memo memo;
    std::uint32_t start = 0;  // code points of the source's text, end exclusive
    std::uint32_t end = 0;
};

// The memos on passages and on coded segments of a source, by where they start.
std::vector<PlacedMemo> memos_in_source(store::Database& db, std::int64_t source_id);

}  // namespace tema::coding
