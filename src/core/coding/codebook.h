// The codebook: a tree of codes. Every operation here is one user action
// (store::Action) with a readable summary; the history triggers make each one
// undoable. Sibling names are unique as people read them: case is ignored,
// letters and accents are not (text::same_name, Norwegian collation).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/project.h"

namespace tema::coding {

// Where a code came from.
enum class Origin { inductive, deductive, invivo, imported };

std::string_view origin_name(Origin origin);  // "inductive", "deductive", "invivo", "imported"
std::optional<Origin> parse_origin(std::string_view name);

struct Code {
    std::int64_t id = 0;
    std::string guid;
    std::optional<std::int64_t> parent_id;  // none: a top-level code
    std::int64_t position = 0;              // order among its siblings
    int depth = 0;                          // 0 for a top-level code
    std::string name;
    std::string path;  // the names from the top, joined by '/': "Arbeidsgiver/Kontakt"
    // Definition, when to use, when not to, an example: one text.
    std::string description;
    std::optional<std::string> color;  // "#RRGGBB"
    Origin origin = Origin::inductive;
    bool codable = true;  // false: a folder that only holds other codes
    std::string created;
    std::string created_by;     // the coder's name; empty when unknown
    std::int64_t segments = 0;  // coded segments of this code (not of its children)
    std::int64_t sources = 0;   // sources where those segments are
};

struct NewCode {
    std::string name;
    std::optional<std::int64_t> parent_id;  // none: at the top
    std::string description;
    std::optional<std::string> color;  // "#RRGGBB" (any case); none: no colour
    Origin origin = Origin::inductive;
    bool codable = true;
};

// The name as it is stored: NFC, trimmed, every run of white space one space.
// Throws tema::Error when nothing is left or the name holds a '/' (which
// separates the levels of a path).
std::string clean_code_name(std::string_view name);

// "#RRGGBB" in upper case. Throws tema::Error for anything else.
std::string check_color(std::string_view color);

// Adds a code as the last child of its parent (or the last top-level code).
// Refuses an empty name, a name a sibling already has, a bad colour or an
// unknown parent. Returns the new code's id.
std::int64_t add_code(store::Project& project, const store::Coder& coder, const NewCode& code);

// As add_code, inside the caller's action (for operations that add a code as
// part of a larger action, such as in-vivo coding).
std::int64_t insert_code(store::Database& db, const store::Coder& coder, const NewCode& code);

void rename_code(store::Project& project, const store::Coder& coder, std::int64_t code_id,
                 std::string_view new_name);
void describe_code(store::Project& project, const store::Coder& coder, std::int64_t code_id,
                   std::string_view description);
// No colour when `color` is empty.
void recolor_code(store::Project& project, const store::Coder& coder, std::int64_t code_id,
                  std::optional<std::string> color);
// Marks a code as a folder (not codable) or as codable again. A code with
// segments cannot become a folder.
void set_codable(store::Project& project, const store::Coder& coder, std::int64_t code_id,
                 bool codable);

// Moves a code (with its children) to the end of `new_parent`'s children, or
// to the top. Refuses a move under itself or one of its own descendants, and
// a move next to a sibling of the same name.
void move_code(store::Project& project, const store::Coder& coder, std::int64_t code_id,
               std::optional<std::int64_t> new_parent);

struct MergeResult {
    std::int64_t segments_moved = 0;   // FROM's segments now under INTO
    std::int64_t segments_joined = 0;  // of those, joined with one INTO already had
    std::int64_t children_moved = 0;   // FROM's children now under INTO
    std::int64_t children_merged = 0;  // FROM's children merged into INTO's same-named child
};

// Merges FROM into INTO, as one action: FROM's segments become INTO's (a
// segment that overlaps or touches one of INTO's by the same coder in the same
// source is joined with it, so duplicates collapse); FROM's children move under
// INTO (a child named like one of INTO's children is merged into it, the same
// way); FROM's memos and theme links pass to INTO; FROM is deleted. Refuses
// merging a code into itself or into its own descendant, and moving segments
// onto a folder.
MergeResult merge_codes(store::Project& project, const store::Coder& coder, std::int64_t from,
                        std::int64_t into);

struct DeleteResult {
    std::int64_t codes = 0;     // the code and its descendants
    std::int64_t segments = 0;  // their coded segments, gone with them
};

// Deletes a code with its children and all their segments (undoable).
DeleteResult delete_code(store::Project& project, const store::Coder& coder, std::int64_t code_id);

// The whole codebook in tree order (each code followed by its children, in
// their order), with paths and counts.
std::vector<Code> list_codes(store::Database& db);

// One code, with its path and counts. Throws tema::Error "code N: no such code".
Code get_code(store::Database& db, std::int64_t code_id);

// A code's path ("Arbeidsgiver/Kontakt"), cheaply: no counts, no whole tree.
// Throws tema::Error "code N: no such code".
std::string code_path(store::Database& db, std::int64_t code_id);

// A code by its id, its name, or its path ("Arbeidsgiver/Kontakt"; a path may
// also start below the top, "Kontakt/Telefon", when that is unambiguous).
// Names compare as sibling names do. Throws tema::Error "code X: no such code",
// or, for a name several codes have, an error listing their paths.
Code find_code(store::Database& db, std::string_view spec);

// The code with this GUID, if the codebook holds it (a code dragged from
// another window, perhaps of another project).
std::optional<std::int64_t> code_with_guid(store::Database& db, std::string_view guid);

// `code_id` and the ids of all its descendants, the code first.
std::vector<std::int64_t> code_and_descendants(store::Database& db, std::int64_t code_id);

}  // namespace tema::coding
