// Memos: text on the project (no target), or on one source, code, theme, coded
// segment or participant. Kinds: note, familiarisation, analytic, and journal
// (the reflexive journal: dated entries by their coder).
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
    enum class Kind { project, source, code, theme, segment, participant };
    Kind kind = Kind::project;
    std::int64_t id = 0;  // the row in sources, codes, ...; 0 for the project
};

// An OBJECT as written on the command line: "project", "source:NAME" (or id),
// "code:PATH" (or name, or id), "theme:PATH" (or name, or id), "segment:ID",
// "participant:P07". Throws tema::Error naming the object when the form is
// unknown or there is no such object.
MemoTarget parse_target(store::Database& db, std::string_view object);

// The target in the form parse_target reads: "source:fokusgruppe-1",
// "code:Arbeidsgiver/Kontakt", "theme:Tema/Undertema", "segment:12",
// "participant:P07", or "project".
std::string describe_target(store::Database& db, const MemoTarget& target);

struct Memo {
    std::int64_t id = 0;
    std::string guid;
    MemoKind kind = MemoKind::note;
    MemoTarget target;
    std::string on;  // describe_target(target)
    std::string author;
    std::string created;   // ISO 8601 UTC
    std::string modified;  // ISO 8601 UTC
    std::string text;
};

// Adds a memo by `coder`. Refuses empty text.
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
    std::optional<MemoTarget> target;  // Kind::project: memos on the project itself
};

// The memos that pass the filter, oldest first.
std::vector<Memo> list_memos(store::Database& db, const MemoFilter& filter = {});

}  // namespace tema::coding
