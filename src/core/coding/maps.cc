#include "coding/maps.h"

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "coding/names.h"
#include "text/collation.h"
#include "util/clock.h"
#include "util/error.h"
#include "util/process.h"

namespace tema::coding {

namespace {

using nlohmann::json;

constexpr int kFormat = 1;  // the layout of map_snapshots.content

json theme_json(const MapTheme& theme) {
    json codes = json::array();
    for (const LinkedCode& code : theme.codes) {
        codes.push_back({{"id", code.id}, {"path", code.path}});
    }
    json subthemes = json::array();
    for (const MapTheme& sub : theme.subthemes) {
        subthemes.push_back(theme_json(sub));
    }
    return {{"id", theme.id},
            {"guid", theme.guid},
            {"name", theme.name},
            {"path", theme.path},
            {"status", status_name(theme.status)},
            {"definition", theme.definition},
            {"codes", codes},
            {"subthemes", subthemes}};
}

MapTheme theme_from_json(const json& j) {
    MapTheme theme;
    theme.id = j.at("id").get<std::int64_t>();
    theme.guid = j.at("guid").get<std::string>();
    theme.name = j.at("name").get<std::string>();
    theme.path = j.at("path").get<std::string>();
    theme.status = parse_status(j.at("status").get<std::string>());
    theme.definition = j.at("definition").get<std::string>();
    for (const json& code : j.at("codes")) {
        theme.codes.push_back(
            {code.at("id").get<std::int64_t>(), code.at("path").get<std::string>()});
    }
    for (const json& sub : j.at("subthemes")) {
        theme.subthemes.push_back(theme_from_json(sub));
    }
    return theme;
}

std::string content_of(const ThematicMap& map) {
    json themes = json::array();
    for (const MapTheme& theme : map.themes) {
        themes.push_back(theme_json(theme));
    }
    return json{{"format", kFormat}, {"themes", themes}}.dump();
}

ThematicMap read_snapshot(const store::Statement& row, bool with_themes) {
    ThematicMap map;
    map.id = row.int64(0);
    map.name = row.text(1);
    map.created = row.text(2);
    map.coder = row.text(3);
    if (with_themes) {
        try {
            const json content = json::parse(row.text(4));
            for (const json& theme : content.at("themes")) {
                map.themes.push_back(theme_from_json(theme));
            }
        } catch (const json::exception& error) {
            throw Error("map " + map.name,
                        std::string("the saved snapshot is damaged: ") + error.what());
        }
    }
    return map;
}

constexpr const char* kSnapshotColumns =
    "SELECT m.id, m.name, m.created, c.name, m.content FROM map_snapshots m "
    "JOIN coders c ON c.id = m.coder_id ";

// DOT attributes for a theme's status.
std::string status_style(ThemeStatus status) {
    switch (status) {
        case ThemeStatus::candidate:
            return "style=\"rounded,dashed\"";
        case ThemeStatus::reviewed:
            return "style=\"rounded\"";
        case ThemeStatus::final:
            return R"(style="rounded,bold,filled", fillcolor="#dbe8f6")";
        case ThemeStatus::discarded:
            return R"(style="rounded,dotted", color="gray55", fontcolor="gray45")";
    }
    return "style=\"rounded\"";
}

void theme_to_dot(const MapTheme& theme, std::string& nodes, std::string& edges,
                  std::map<std::int64_t, std::string>& codes) {
    std::string id = "t";
    id += std::to_string(theme.id);
    nodes += "  " + id + " [shape=box, label=" + dot_quote(theme.name) +
             ", tooltip=" + dot_quote(std::string(status_name(theme.status))) + ", " +
             status_style(theme.status) + "];\n";
    for (const LinkedCode& code : theme.codes) {
        codes.emplace(code.id, code.path);
        edges += "  " + id + " -> c" + std::to_string(code.id) + " [arrowhead=none];\n";
    }
    for (const MapTheme& sub : theme.subthemes) {
        edges += "  " + id + " -> t" + std::to_string(sub.id) + " [penwidth=1.5];\n";
        theme_to_dot(sub, nodes, edges, codes);
    }
}

}  // namespace

ThematicMap current_map(store::Database& db) {
    ThematicMap map;
    std::map<std::int64_t, MapTheme*> by_id;
    // list_themes is in tree order: a parent always comes before its children,
    // and vectors of subthemes only grow below the theme being filled.
    std::vector<ThemeEntry> entries = list_themes(db);
    std::map<std::optional<std::int64_t>, std::vector<const ThemeEntry*>> children;
    for (const ThemeEntry& entry : entries) {
        children[entry.theme.parent_id].push_back(&entry);
    }
    auto build = [&](auto& self, const ThemeEntry& entry) -> MapTheme {
        MapTheme theme;
        theme.id = entry.theme.id;
        theme.guid = entry.theme.guid;
        theme.name = entry.theme.name;
        theme.path = entry.theme.path;
        theme.status = entry.theme.status;
        theme.definition = entry.theme.definition;
        theme.codes = entry.codes;
        for (const ThemeEntry* child : children[entry.theme.id]) {
            theme.subthemes.push_back(self(self, *child));
        }
        return theme;
    };
    for (const ThemeEntry* top : children[std::nullopt]) {
        map.themes.push_back(build(build, *top));
    }
    return map;
}

ThematicMap save_snapshot(store::Project& project, const store::Coder& coder,
                          std::string_view name) {
    store::Database& db = project.db();
    const std::string cleaned = clean_name(name, "map");
    for (const ThematicMap& other : list_snapshots(db)) {
        if (text::same_name(other.name, cleaned)) {
            throw Error("map " + cleaned, "there is already a snapshot '" + other.name + "'");
        }
    }
    store::Action action(project, coder, "map-snapshot", "saved thematic map '" + cleaned + "'");
    ThematicMap map = current_map(db);
    store::Statement insert(
        db, "INSERT INTO map_snapshots(name, created, coder_id, content) VALUES (?, ?, ?, ?)");
    insert.bind(1, cleaned).bind(2, now_iso8601()).bind(3, coder.id).bind(4, content_of(map)).run();
    const std::int64_t id = db.last_insert_id();
    action.commit();
    return find_snapshot(db, std::to_string(id));
}

std::vector<ThematicMap> list_snapshots(store::Database& db) {
    store::Statement query(db, std::string(kSnapshotColumns) + "ORDER BY m.created, m.id");
    std::vector<ThematicMap> maps;
    while (query.step()) {
        maps.push_back(read_snapshot(query, false));
    }
    return maps;
}

ThematicMap find_snapshot(store::Database& db, std::string_view name_or_id) {
    const std::string_view wanted = trim(name_or_id);
    {
        store::Statement query(db, std::string(kSnapshotColumns) + "ORDER BY m.id");
        while (query.step()) {
            if (text::same_name(query.text(1), wanted)) {
                return read_snapshot(query, true);
            }
        }
    }
    if (const auto id = parse_id(wanted)) {
        store::Statement query(db, std::string(kSnapshotColumns) + "WHERE m.id = ?");
        query.bind(1, *id);
        if (query.step()) {
            return read_snapshot(query, true);
        }
    }
    throw Error("map " + std::string(name_or_id),
                "no such snapshot (save one with `tema map PROJECT snapshot NAME`)");
}

void delete_snapshot(store::Project& project, const store::Coder& coder, std::int64_t snapshot_id) {
    store::Database& db = project.db();
    const ThematicMap map = find_snapshot(db, std::to_string(snapshot_id));
    store::Action action(project, coder, "map-delete", "deleted thematic map '" + map.name + "'");
    store::Statement remove(db, "DELETE FROM map_snapshots WHERE id = ?");
    remove.bind(1, map.id).run();
    action.commit();
}

std::string dot_quote(std::string_view text) {
    std::string quoted = "\"";
    for (const char c : text) {
        switch (c) {
            case '"':
                quoted += "\\\"";
                break;
            case '\\':
                quoted += "\\\\";
                break;
            case '\n':
                quoted += "\\n";
                break;
            case '\r':
            case '\t':
                quoted += ' ';
                break;
            default:
                quoted += c;
        }
    }
    return quoted + "\"";
}

std::string map_to_dot(const ThematicMap& map) {
    std::string nodes;
    std::string edges;
    std::map<std::int64_t, std::string> codes;
    for (const MapTheme& theme : map.themes) {
        theme_to_dot(theme, nodes, edges, codes);
    }
    std::string title = map.name.empty() ? "Thematic map" : map.name;
    if (!map.created.empty()) {
        title += " (" + map.created.substr(0, 10) + ")";
    }
    std::string dot = "digraph " + dot_quote(map.name.empty() ? "thematic map" : map.name) +
                      " {\n"
                      "  graph [rankdir=LR, charset=\"UTF-8\", fontname=\"Helvetica\", "
                      "labelloc=t, label=" +
                      dot_quote(title) +
                      "];\n"
                      "  node [fontname=\"Helvetica\"];\n";
    dot += nodes;
    for (const auto& [id, path] : codes) {
        dot += "  c" + std::to_string(id) +
               " [shape=ellipse, fontsize=10, label=" + dot_quote(path) + "];\n";
    }
    dot += edges;
    dot += "}\n";
    return dot;
}

void write_svg(std::string_view dot, const std::filesystem::path& out, const std::string& program) {
    ProcessResult result;
    try {
        result = run_program({program, "-Tsvg"}, dot);
    } catch (const Error& error) {
        if (error.problem().rfind("not installed", 0) == 0) {
            throw Error("dot",
                        "Graphviz's dot program is not installed (not found on PATH), so no SVG "
                        "can be drawn; install graphviz (scripts/install-deps.sh does), or print "
                        "the map with --dot and draw it elsewhere");
        }
        throw Error("dot", "cannot run Graphviz's dot program: " + error.problem());
    }
    if (result.exit_status != 0) {
        std::string why = result.err.substr(0, result.err.find('\n'));
        throw Error("dot", "Graphviz failed to draw the map" + (why.empty() ? "" : ": " + why));
    }
    std::ofstream file(out, std::ios::binary | std::ios::trunc);
    file << result.out;
    file.close();
    if (!file) {
        throw Error(out.string(), "cannot write the SVG file");
    }
}

}  // namespace tema::coding
