// Thematic maps: the theme tree with its codes, saved as a named, dated
// snapshot (JSON in map_snapshots.content) so the map of phase 3 can be set
// beside the map of phase 5; drawn as Graphviz DOT, and as SVG through the
// `dot` program when it is installed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "coding/themes.h"
#include "store/project.h"

namespace tema::coding {

// A theme as a map shows it.
struct MapTheme {
    std::int64_t id = 0;
    std::string guid;
    std::string name;
    std::string path;
    ThemeStatus status = ThemeStatus::candidate;
    std::string definition;
    std::vector<LinkedCode> codes;
    std::vector<MapTheme> subthemes;
};

struct ThematicMap {
    std::int64_t id = 0;  // 0: the live tree, not a saved snapshot
    std::string name;
    std::string created;  // ISO 8601 UTC
    std::string coder;
    std::vector<MapTheme> themes;  // the top level
};

// The theme tree as it is now.
ThematicMap current_map(store::Database& db);

// Saves the theme tree as it is now under `name`, as one action. Refuses an
// empty name and a name another snapshot has (case ignored).
ThematicMap save_snapshot(store::Project& project, const store::Coder& coder,
                          std::string_view name);

// The saved snapshots, oldest first (themes left empty: see find_snapshot).
std::vector<ThematicMap> list_snapshots(store::Database& db);

// A snapshot by name (case ignored) or id. Throws tema::Error "map X: no such
// snapshot ..." when there is none, or when its content is damaged.
ThematicMap find_snapshot(store::Database& db, std::string_view name_or_id);

// Deletes a snapshot, as one action.
void delete_snapshot(store::Project& project, const store::Coder& coder, std::int64_t snapshot_id);

// The map as a Graphviz digraph: themes as boxes (subthemes linked from their
// theme), codes as ellipses linked from each theme that gathers them; the
// status shows as the box's style (candidate dashed, reviewed solid, final
// bold and filled, discarded dotted and grey).
std::string map_to_dot(const ThematicMap& map);

// A DOT quoted string for `text`: quotes and backslashes escaped, line breaks
// as \n.
std::string dot_quote(std::string_view text);

// Draws `dot` with Graphviz's `dot` program (run directly, no shell) and
// writes the SVG to `out`. Throws tema::Error with a clear message when `dot`
// is not installed or fails; `out` is then not written. `program` is the
// Graphviz program to run (looked up on PATH).
void write_svg(std::string_view dot, const std::filesystem::path& out,
               const std::string& program = "dot");

}  // namespace tema::coding
