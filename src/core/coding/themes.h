// The theme tree: themes and subthemes through Braun and Clarke's phases 3-5.
// A theme has a name, a definition, a status, values for the project's custom
// fields (fields.h), and the codes it gathers (a code may sit in several
// candidate themes).
//
// Every change is one action (store::Action): one transaction, recorded with
// its coder, undoable and redoable (store::undo, store::redo). Sibling names
// are unique as people read them (case ignored, Norwegian collation:
// text::same_name); names are never blank and never hold '/', which separates
// the parts of a path ("Arbeidsgiver/Kontakt"). Refusals throw tema::Error and
// change nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/project.h"

namespace tema::coding {

enum class ThemeStatus { candidate, reviewed, final, discarded };

// "candidate", "reviewed", "final", "discarded".
std::string_view status_name(ThemeStatus status);
// Throws tema::Error "status X: ..." for anything else.
ThemeStatus parse_status(std::string_view name);

struct Theme {
    std::int64_t id = 0;
    std::string guid;
    std::optional<std::int64_t> parent_id;  // nullopt: a top-level theme
    std::int64_t position = 0;              // 1, 2, ... among its siblings
    std::string name;
    std::string path;  // names from the top, joined by '/'
    int depth = 0;     // 0 for a top-level theme
    std::string definition;
    ThemeStatus status = ThemeStatus::candidate;
};

struct FieldValue {
    std::string field;
    std::optional<std::string> value;  // nullopt: not set for this theme
};

struct LinkedCode {
    std::int64_t id = 0;
    std::string path;
};

// A theme as the theme table shows it.
struct ThemeEntry {
    Theme theme;
    std::vector<FieldValue> fields;  // every field, in column order
    std::vector<LinkedCode> codes;   // in the order they were linked
    std::int64_t subthemes = 0;      // direct children
    // Coded segments of the codes linked to the theme or any of its subthemes
    // (each segment once), and the participants who speak in them (through the
    // speaker turns the segments overlap).
    std::int64_t segments = 0;
    std::int64_t participants = 0;
};

// Every theme in tree order (a theme, then its subthemes, siblings by
// position), with paths, field values, linked codes and counts.
std::vector<ThemeEntry> list_themes(store::Database& db);

// A theme by id, by name (refused when several themes have it: give the path),
// or by path "Tema/Undertema". Names compare as people read them. Throws
// tema::Error "theme X: ..." when there is no such theme.
Theme find_theme(store::Database& db, std::string_view spec);
Theme theme_by_id(store::Database& db, std::int64_t id);

// Adds a theme at the end of the top level, or of `parent_id`'s subthemes.
Theme add_theme(store::Project& project, const store::Coder& coder, std::string_view name,
                std::optional<std::int64_t> parent_id = std::nullopt);

void rename_theme(store::Project& project, const store::Coder& coder, std::int64_t theme_id,
                  std::string_view new_name);

// Moves a theme (with its subthemes) under `new_parent` (nullopt: the top
// level), last among its new siblings or at `position` (from 1). Refuses a move
// under itself or one of its own subthemes, and a name taken there.
void move_theme(store::Project& project, const store::Coder& coder, std::int64_t theme_id,
                std::optional<std::int64_t> new_parent,
                std::optional<std::int64_t> position = std::nullopt);

// Puts a theme at `position` (from 1) among its siblings. Refuses positions
// past the last sibling.
void reorder_theme(store::Project& project, const store::Coder& coder, std::int64_t theme_id,
                   std::int64_t position);

// Sets the definition (empty clears it).
void define_theme(store::Project& project, const store::Coder& coder, std::int64_t theme_id,
                  std::string_view definition);

void set_theme_status(store::Project& project, const store::Coder& coder, std::int64_t theme_id,
                      ThemeStatus status);

// Links a code to a theme; refuses a code already linked to it.
void link_code(store::Project& project, const store::Coder& coder, std::int64_t theme_id,
               std::int64_t code_id);
// Refuses a code that is not linked to the theme.
void unlink_code(store::Project& project, const store::Coder& coder, std::int64_t theme_id,
                 std::int64_t code_id);

// Sets the theme's value in a custom field; an empty value clears it.
void set_theme_value(store::Project& project, const store::Coder& coder, std::int64_t theme_id,
                     std::int64_t field_id, std::string_view value);

// Deletes a theme; its subthemes, links, values and memos go along (one
// action: undo brings them all back). Returns how many subthemes went along.
std::int64_t delete_theme(store::Project& project, const store::Coder& coder,
                          std::int64_t theme_id);

}  // namespace tema::coding
