#include "coding/themes.h"

#include <algorithm>
#include <map>
#include <set>

#include "coding/codebook.h"
#include "coding/fields.h"
#include "coding/names.h"
#include "store/sources.h"
#include "text/collation.h"
#include "util/clock.h"
#include "util/error.h"
#include "util/guid.h"

namespace tema::coding {

namespace {

constexpr const char* kThemeColumns =
    "SELECT id, guid, parent_id, position, name, definition, status FROM themes ";

Theme read_theme(const store::Statement& row) {
    Theme theme;
    theme.id = row.int64(0);
    theme.guid = row.text(1);
    theme.parent_id = row.optional_int64(2);
    theme.position = row.int64(3);
    theme.name = row.text(4);
    theme.definition = row.text(5);
    theme.status = parse_status(row.text(6));
    return theme;
}

// Every theme, in tree order, with path and depth.
std::vector<Theme> load_tree(store::Database& db) {
    std::map<std::optional<std::int64_t>, std::vector<Theme>> children;
    store::Statement query(db, std::string(kThemeColumns) + "ORDER BY position, id");
    while (query.step()) {
        Theme theme = read_theme(query);
        children[theme.parent_id].push_back(std::move(theme));
    }
    std::vector<Theme> ordered;
    auto visit = [&](auto& self, const std::optional<std::int64_t>& parent,
                     const std::string& prefix, int depth) -> void {
        const auto found = children.find(parent);
        if (found == children.end()) {
            return;
        }
        for (Theme theme : found->second) {
            theme.path = prefix.empty() ? theme.name : prefix + "/" + theme.name;
            theme.depth = depth;
            const std::int64_t id = theme.id;
            const std::string path = theme.path;
            ordered.push_back(std::move(theme));
            self(self, id, path, depth + 1);
        }
    };
    visit(visit, std::nullopt, "", 0);
    return ordered;
}

// The themes directly under `parent` (nullopt: the top level), by position.
std::vector<Theme> siblings_of(store::Database& db, std::optional<std::int64_t> parent) {
    store::Statement query(db, std::string(kThemeColumns) +
                                   (parent ? "WHERE parent_id = ?" : "WHERE parent_id IS NULL") +
                                   " ORDER BY position, id");
    if (parent) {
        query.bind(1, *parent);
    }
    std::vector<Theme> themes;
    while (query.step()) {
        themes.push_back(read_theme(query));
    }
    return themes;
}

// Writes positions 1..n in the order given, touching only rows that change.
void renumber(store::Database& db, const std::vector<Theme>& ordered) {
    store::Statement update(db, "UPDATE themes SET position = ? WHERE id = ?");
    std::int64_t position = 1;
    for (const Theme& theme : ordered) {
        if (theme.position != position) {
            update.bind(1, position).bind(2, theme.id).run();
            update.reset();
        }
        ++position;
    }
}

std::string where_name(store::Database& db, std::optional<std::int64_t> parent) {
    return parent ? "under '" + theme_by_id(db, *parent).path + "'" : "at the top level";
}

void refuse_taken(store::Database& db, std::optional<std::int64_t> parent, const std::string& name,
                  std::int64_t except_id) {
    for (const Theme& sibling : siblings_of(db, parent)) {
        if (sibling.id != except_id && text::same_name(sibling.name, name)) {
            throw Error("theme " + name, "there is already a theme '" + sibling.name + "' " +
                                             where_name(db, parent));
        }
    }
}

Error no_such_theme(std::string_view spec) {
    return {"theme " + std::string(spec), "no such theme in the project"};
}

// Participants who speak in [start, end) of a source: the speakers of the
// turns the range overlaps, where they are mapped to a participant.
void add_participants(const std::vector<store::TurnInfo>& turns, std::int64_t start,
                      std::int64_t end, std::set<std::string>& pids) {
    for (const store::TurnInfo& turn : turns) {
        if (turn.participant && static_cast<std::int64_t>(turn.turn.start) < end &&
            start < static_cast<std::int64_t>(turn.turn.end)) {
            pids.insert(*turn.participant);
        }
    }
}

}  // namespace

std::string_view status_name(ThemeStatus status) {
    switch (status) {
        case ThemeStatus::candidate:
            return "candidate";
        case ThemeStatus::reviewed:
            return "reviewed";
        case ThemeStatus::final:
            return "final";
        case ThemeStatus::discarded:
            return "discarded";
    }
    return "candidate";
}

ThemeStatus parse_status(std::string_view name) {
    for (const ThemeStatus status : {ThemeStatus::candidate, ThemeStatus::reviewed,
                                     ThemeStatus::final, ThemeStatus::discarded}) {
        if (name == status_name(status)) {
            return status;
        }
    }
    throw Error("status " + std::string(name),
                "not a theme status (candidate, reviewed, final or discarded)");
}

Theme theme_by_id(store::Database& db, std::int64_t id) {
    store::Statement query(db, std::string(kThemeColumns) + "WHERE id = ?");
    query.bind(1, id);
    if (!query.step()) {
        throw no_such_theme(std::to_string(id));
    }
    Theme theme = read_theme(query);
    theme.path = theme.name;
    store::Statement parent(db, "SELECT name, parent_id FROM themes WHERE id = ?");
    for (auto up = theme.parent_id; up && theme.depth < 1000;) {
        parent.bind(1, *up);
        if (!parent.step()) {
            break;
        }
        theme.path = parent.text(0) + "/" + theme.path;
        ++theme.depth;
        up = parent.optional_int64(1);
        parent.reset();
    }
    return theme;
}

Theme find_theme(store::Database& db, std::string_view spec) {
    const std::string_view wanted = trim(spec);
    if (const auto id = parse_id(wanted)) {
        store::Statement exists(db, "SELECT 1 FROM themes WHERE id = ?");
        exists.bind(1, *id);
        if (exists.step()) {
            return theme_by_id(db, *id);
        }
    }
    if (wanted.find('/') != std::string_view::npos) {
        std::optional<std::int64_t> at;
        std::string_view rest = wanted;
        while (!rest.empty()) {
            const auto slash = rest.find('/');
            const std::string_view part = trim(rest.substr(0, slash));
            rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
            if (part.empty()) {
                continue;
            }
            std::optional<std::int64_t> found;
            for (const Theme& child : siblings_of(db, at)) {
                if (text::same_name(child.name, part)) {
                    found = child.id;
                    break;
                }
            }
            if (!found) {
                throw no_such_theme(spec);
            }
            at = found;
        }
        if (!at) {
            throw no_such_theme(spec);
        }
        return theme_by_id(db, *at);
    }
    std::vector<Theme> matches;
    for (Theme& theme : load_tree(db)) {
        if (text::same_name(theme.name, wanted)) {
            matches.push_back(std::move(theme));
        }
    }
    if (matches.empty()) {
        throw no_such_theme(spec);
    }
    if (matches.size() > 1) {
        std::string paths;
        for (const Theme& theme : matches) {
            paths += (paths.empty() ? "" : ", ") + theme.path;
        }
        throw Error("theme " + std::string(spec),
                    "several themes have this name (" + paths + "); give its path");
    }
    return matches.front();
}

std::vector<ThemeEntry> list_themes(store::Database& db) {
    const std::vector<Theme> tree = load_tree(db);
    const std::vector<Field> fields = list_fields(db);
    std::map<std::pair<std::int64_t, std::int64_t>, std::string> values;
    {
        store::Statement query(db, "SELECT theme_id, field_id, value FROM theme_values");
        while (query.step()) {
            values[{query.int64(0), query.int64(1)}] = query.text(2);
        }
    }
    std::map<std::int64_t, std::vector<LinkedCode>> codes;
    {
        std::map<std::int64_t, std::string> paths;
        store::Statement query(db,
                               "SELECT theme_id, code_id FROM theme_codes ORDER BY position, id");
        while (query.step()) {
            const std::int64_t code = query.int64(1);
            auto path = paths.find(code);
            if (path == paths.end()) {
                path = paths.emplace(code, code_path(db, code)).first;
            }
            codes[query.int64(0)].push_back({code, path->second});
        }
    }
    std::map<std::int64_t, std::vector<store::TurnInfo>> turns_by_source;
    store::Statement segments(db, R"sql(
        WITH RECURSIVE sub(id) AS (
            SELECT ? UNION ALL SELECT t.id FROM themes t JOIN sub ON t.parent_id = sub.id)
        SELECT s.source_id, s.start, s.end FROM segments s
        WHERE s.code_id IN (SELECT code_id FROM theme_codes WHERE theme_id IN sub))sql");
    std::vector<ThemeEntry> entries;
    for (const Theme& theme : tree) {
        ThemeEntry entry;
        entry.theme = theme;
        for (const Field& field : fields) {
            const auto value = values.find({theme.id, field.id});
            entry.fields.push_back({field.name, value == values.end()
                                                    ? std::nullopt
                                                    : std::optional<std::string>(value->second)});
        }
        if (const auto linked = codes.find(theme.id); linked != codes.end()) {
            entry.codes = linked->second;
        }
        entry.subthemes = std::count_if(tree.begin(), tree.end(),
                                        [&](const Theme& t) { return t.parent_id == theme.id; });
        std::set<std::string> pids;
        segments.bind(1, theme.id);
        while (segments.step()) {
            ++entry.segments;
            const std::int64_t source = segments.int64(0);
            auto turns = turns_by_source.find(source);
            if (turns == turns_by_source.end()) {
                turns = turns_by_source.emplace(source, store::load_turns(db, source)).first;
            }
            add_participants(turns->second, segments.int64(1), segments.int64(2), pids);
        }
        segments.reset();
        entry.participants = static_cast<std::int64_t>(pids.size());
        entries.push_back(std::move(entry));
    }
    return entries;
}

Theme add_theme(store::Project& project, const store::Coder& coder, std::string_view name,
                std::optional<std::int64_t> parent_id) {
    store::Database& db = project.db();
    const std::string cleaned = clean_name(name, "theme", true);
    std::string summary = "added theme '" + cleaned + "'";
    if (parent_id) {
        summary += " under '" + theme_by_id(db, *parent_id).path + "'";
    }
    store::Action action(project, coder, "theme-add", summary);
    refuse_taken(db, parent_id, cleaned, 0);
    const auto position = static_cast<std::int64_t>(siblings_of(db, parent_id).size()) + 1;
    store::Statement insert(db,
                            "INSERT INTO themes(guid, parent_id, position, name, created, "
                            "created_by) VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind(1, new_guid())
        .bind(2, parent_id)
        .bind(3, position)
        .bind(4, cleaned)
        .bind(5, now_iso8601())
        .bind(6, coder.id)
        .run();
    const std::int64_t id = db.last_insert_id();
    action.commit();
    return theme_by_id(db, id);
}

void rename_theme(store::Project& project, const store::Coder& coder, std::int64_t theme_id,
                  std::string_view new_name) {
    store::Database& db = project.db();
    const Theme theme = theme_by_id(db, theme_id);
    const std::string cleaned = clean_name(new_name, "theme", true);
    store::Action action(project, coder, "theme-rename",
                         "renamed theme '" + theme.path + "' to '" + cleaned + "'");
    refuse_taken(db, theme.parent_id, cleaned, theme.id);
    store::Statement update(db, "UPDATE themes SET name = ? WHERE id = ?");
    update.bind(1, cleaned).bind(2, theme.id).run();
    action.commit();
}

void move_theme(store::Project& project, const store::Coder& coder, std::int64_t theme_id,
                std::optional<std::int64_t> new_parent, std::optional<std::int64_t> position) {
    store::Database& db = project.db();
    const Theme theme = theme_by_id(db, theme_id);
    for (auto up = new_parent; up;) {
        if (*up == theme.id) {
            throw Error("theme " + theme.path,
                        "cannot move a theme under itself or one of its own subthemes");
        }
        up = theme_by_id(db, *up).parent_id;
    }
    store::Action action(project, coder, "theme-move",
                         "moved theme '" + theme.path + "' " +
                             (new_parent ? "under '" + theme_by_id(db, *new_parent).path + "'"
                                         : std::string("to the top level")));
    refuse_taken(db, new_parent, theme.name, theme.id);
    std::vector<Theme> siblings = siblings_of(db, new_parent);
    std::erase_if(siblings, [&](const Theme& t) { return t.id == theme.id; });
    if (position && (*position < 1 || *position > static_cast<std::int64_t>(siblings.size()) + 1)) {
        throw Error("position " + std::to_string(*position),
                    "out of range: from 1 to " + std::to_string(siblings.size() + 1) + " " +
                        where_name(db, new_parent));
    }
    if (theme.parent_id != new_parent) {
        store::Statement update(db, "UPDATE themes SET parent_id = ?, position = ? WHERE id = ?");
        update.bind(1, new_parent)
            .bind(2, static_cast<std::int64_t>(siblings.size()) + 1)
            .bind(3, theme.id)
            .run();
        renumber(db, siblings_of(db, theme.parent_id));
    }
    Theme moved = theme;
    moved.position = -1;  // always written
    const auto at = position ? static_cast<std::size_t>(*position - 1) : siblings.size();
    siblings.insert(siblings.begin() + static_cast<std::ptrdiff_t>(at), moved);
    renumber(db, siblings);
    action.commit();
}

void reorder_theme(store::Project& project, const store::Coder& coder, std::int64_t theme_id,
                   std::int64_t position) {
    store::Database& db = project.db();
    const Theme theme = theme_by_id(db, theme_id);
    std::vector<Theme> siblings = siblings_of(db, theme.parent_id);
    if (position < 1 || position > static_cast<std::int64_t>(siblings.size())) {
        throw Error("position " + std::to_string(position),
                    "out of range: there are " + std::to_string(siblings.size()) + " themes " +
                        where_name(db, theme.parent_id));
    }
    store::Action action(project, coder, "theme-reorder",
                         "put theme '" + theme.path + "' at place " + std::to_string(position));
    std::erase_if(siblings, [&](const Theme& t) { return t.id == theme.id; });
    siblings.insert(siblings.begin() + static_cast<std::ptrdiff_t>(position - 1), theme);
    renumber(db, siblings);
    action.commit();
}

void define_theme(store::Project& project, const store::Coder& coder, std::int64_t theme_id,
                  std::string_view definition) {
    store::Database& db = project.db();
    const Theme theme = theme_by_id(db, theme_id);
    store::Action action(project, coder, "theme-define", "defined theme '" + theme.path + "'");
    store::Statement update(db, "UPDATE themes SET definition = ? WHERE id = ?");
    update.bind(1, std::string(trim(clean_text(definition)))).bind(2, theme.id).run();
    action.commit();
}

void set_theme_status(store::Project& project, const store::Coder& coder, std::int64_t theme_id,
                      ThemeStatus status) {
    store::Database& db = project.db();
    const Theme theme = theme_by_id(db, theme_id);
    store::Action action(project, coder, "theme-status",
                         "marked theme '" + theme.path + "' " + std::string(status_name(status)));
    store::Statement update(db, "UPDATE themes SET status = ? WHERE id = ?");
    update.bind(1, status_name(status)).bind(2, theme.id).run();
    action.commit();
}

void link_code(store::Project& project, const store::Coder& coder, std::int64_t theme_id,
               std::int64_t code_id) {
    store::Database& db = project.db();
    const Theme theme = theme_by_id(db, theme_id);
    const Code code = find_code(db, std::to_string(code_id));
    store::Statement linked(db, "SELECT 1 FROM theme_codes WHERE theme_id = ? AND code_id = ?");
    linked.bind(1, theme.id).bind(2, code.id);
    if (linked.step()) {
        throw Error("code " + code.path, "is already in theme '" + theme.path + "'");
    }
    store::Action action(project, coder, "theme-link",
                         "linked code '" + code.path + "' to theme '" + theme.path + "'");
    store::Statement insert(db, R"sql(
        INSERT INTO theme_codes(theme_id, code_id, position)
        VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM theme_codes WHERE theme_id = ?1)))sql");
    insert.bind(1, theme.id).bind(2, code.id).run();
    action.commit();
}

void unlink_code(store::Project& project, const store::Coder& coder, std::int64_t theme_id,
                 std::int64_t code_id) {
    store::Database& db = project.db();
    const Theme theme = theme_by_id(db, theme_id);
    const Code code = find_code(db, std::to_string(code_id));
    store::Action action(project, coder, "theme-unlink",
                         "unlinked code '" + code.path + "' from theme '" + theme.path + "'");
    store::Statement remove(db, "DELETE FROM theme_codes WHERE theme_id = ? AND code_id = ?");
    remove.bind(1, theme.id).bind(2, code.id).run();
    if (db.changes() == 0) {
        throw Error("code " + code.path, "is not in theme '" + theme.path + "'");
    }
    action.commit();
}

void set_theme_value(store::Project& project, const store::Coder& coder, std::int64_t theme_id,
                     std::int64_t field_id, std::string_view value) {
    store::Database& db = project.db();
    const Theme theme = theme_by_id(db, theme_id);
    const Field field = field_by_id(db, field_id);
    const std::string cleaned(trim(clean_text(value)));
    store::Action action(
        project, coder, "theme-set",
        (cleaned.empty() ? "cleared '" : "set '") + field.name + "' of theme '" + theme.path + "'");
    if (cleaned.empty()) {
        store::Statement remove(db, "DELETE FROM theme_values WHERE theme_id = ? AND field_id = ?");
        remove.bind(1, theme.id).bind(2, field.id).run();
    } else {
        store::Statement upsert(db, R"sql(
            INSERT INTO theme_values(theme_id, field_id, value) VALUES (?, ?, ?)
            ON CONFLICT(theme_id, field_id) DO UPDATE SET value = excluded.value)sql");
        upsert.bind(1, theme.id).bind(2, field.id).bind(3, cleaned).run();
    }
    action.commit();
}

std::int64_t delete_theme(store::Project& project, const store::Coder& coder,
                          std::int64_t theme_id) {
    store::Database& db = project.db();
    const Theme theme = theme_by_id(db, theme_id);
    store::Statement count(db, R"sql(
        WITH RECURSIVE sub(id) AS (
            SELECT ? UNION ALL SELECT t.id FROM themes t JOIN sub ON t.parent_id = sub.id)
        SELECT count(*) - 1 FROM sub)sql");
    count.bind(1, theme.id);
    count.step();
    const std::int64_t descendants = count.int64(0);
    count.reset();
    store::Action action(project, coder, "theme-delete",
                         "deleted theme '" + theme.path + "'" +
                             (descendants > 0 ? " with " + std::to_string(descendants) +
                                                    (descendants == 1 ? " subtheme" : " subthemes")
                                              : std::string()));
    store::Statement remove(db, "DELETE FROM themes WHERE id = ?");
    remove.bind(1, theme.id).run();
    renumber(db, siblings_of(db, theme.parent_id));
    action.commit();
    return descendants;
}

}  // namespace tema::coding
