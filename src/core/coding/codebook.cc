#include "coding/codebook.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>

#include "coding/segments.h"
#include "store/database.h"
#include "text/collation.h"
#include "text/normalize.h"
#include "text/utf8.h"
#include "util/clock.h"
#include "util/error.h"
#include "util/guid.h"

namespace tema::coding {

using store::Database;
using store::Statement;

namespace {

constexpr std::array<std::string_view, 4> kOrigins = {"inductive", "deductive", "invivo",
                                                      "imported"};

// One row of the codes table, enough to place it in the tree.
struct Node {
    std::int64_t id = 0;
    std::optional<std::int64_t> parent;
    std::int64_t position = 0;
    std::string name;
    bool codable = true;
};

// Every code, by id, and each parent's children in order.
struct Tree {
    std::map<std::int64_t, Node> nodes;
    std::map<std::optional<std::int64_t>, std::vector<std::int64_t>> children;

    const Node& at(std::int64_t id) const {
        const auto found = nodes.find(id);
        if (found == nodes.end()) {
            throw Error("code " + std::to_string(id), "no such code");
        }
        return found->second;
    }
    std::string path_of(std::int64_t id) const {
        const Node& node = at(id);
        return node.parent ? path_of(*node.parent) + "/" + node.name : node.name;
    }
    int depth_of(std::int64_t id) const {
        const Node& node = at(id);
        return node.parent ? depth_of(*node.parent) + 1 : 0;
    }
    bool is_within(std::int64_t id, std::int64_t ancestor) const {
        for (std::optional<std::int64_t> at_id = id; at_id; at_id = at(*at_id).parent) {
            if (*at_id == ancestor) {
                return true;
            }
        }
        return false;
    }
    void collect(std::int64_t id, std::vector<std::int64_t>& out) const {
        out.push_back(id);
        const auto found = children.find(id);
        if (found != children.end()) {
            for (const std::int64_t child : found->second) {
                collect(child, out);
            }
        }
    }
    const std::vector<std::int64_t>& children_of(std::optional<std::int64_t> parent) const {
        static const std::vector<std::int64_t> none;
        const auto found = children.find(parent);
        return found == children.end() ? none : found->second;
    }
};

Tree load_tree(Database& db) {
    Tree tree;
    Statement query(db, "SELECT id, parent_id, position, name, codable FROM codes");
    while (query.step()) {
        Node node{query.int64(0), query.optional_int64(1), query.int64(2), query.text(3),
                  query.int64(4) != 0};
        tree.nodes.emplace(node.id, std::move(node));
    }
    for (const auto& [id, node] : tree.nodes) {
        tree.children[node.parent].push_back(id);
    }
    for (auto& [parent, ids] : tree.children) {
        std::sort(ids.begin(), ids.end(), [&](std::int64_t a, std::int64_t b) {
            const Node& x = tree.nodes.at(a);
            const Node& y = tree.nodes.at(b);
            return x.position != y.position ? x.position < y.position : x.id < y.id;
        });
    }
    return tree;
}

bool is_space_at(std::string_view text, std::size_t at, std::size_t* length) {
    const auto c = static_cast<unsigned char>(text[at]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
        *length = 1;
        return true;
    }
    // U+00A0 NO-BREAK SPACE and U+202F NARROW NO-BREAK SPACE, common in pasted text.
    if (text.substr(at, 2) == "\xC2\xA0") {
        *length = 2;
        return true;
    }
    if (text.substr(at, 3) == "\xE2\x80\xAF") {
        *length = 3;
        return true;
    }
    return false;
}

std::string in_quotes(std::string_view name) {
    return "'" + std::string(name) + "'";
}

// Refuses `name` when a child of `parent` other than `except` has it.
void check_sibling_name(const Tree& tree, std::optional<std::int64_t> parent, std::string_view name,
                        std::optional<std::int64_t> except = std::nullopt) {
    for (const std::int64_t sibling : tree.children_of(parent)) {
        if (sibling != except && text::same_name(tree.at(sibling).name, name)) {
            throw Error("code " + std::string(name),
                        parent ? "'" + tree.path_of(*parent) + "' already has a code named " +
                                     in_quotes(tree.at(sibling).name)
                               : "there is already a top-level code named " +
                                     in_quotes(tree.at(sibling).name));
        }
    }
}

std::int64_t next_position(Database& db, std::optional<std::int64_t> parent) {
    Statement& query =
        db.cached("SELECT coalesce(max(position), 0) + 1 FROM codes WHERE parent_id IS ?");
    query.bind(1, parent);
    query.step();
    const std::int64_t position = query.int64(0);
    query.reset();
    return position;
}

std::int64_t count_where(Database& db, const std::string& sql, std::int64_t id) {
    Statement query(db, sql);
    query.bind(1, id);
    return query.step() ? query.int64(0) : 0;
}

std::string id_list(const std::vector<std::int64_t>& ids) {
    std::string list;
    for (const std::int64_t id : ids) {
        if (!list.empty()) {
            list += ',';
        }
        list += std::to_string(id);
    }
    return list;
}

// Moves FROM's segments, children, memos and theme links to INTO and deletes
// FROM; inside the caller's action.
void merge_into(Database& db, const Tree& tree, std::int64_t from, std::int64_t into,
                MergeResult& result) {
    // Children first: a child named like one of INTO's children merges into it.
    for (const std::int64_t child : tree.children_of(from)) {
        std::optional<std::int64_t> twin;
        for (const std::int64_t other : tree.children_of(into)) {
            if (text::same_name(tree.at(other).name, tree.at(child).name)) {
                twin = other;
            }
        }
        if (twin) {
            merge_into(db, tree, child, *twin, result);
            ++result.children_merged;
        } else {
            Statement move(db, "UPDATE codes SET parent_id = ?, position = ? WHERE id = ?");
            move.bind(1, into).bind(2, next_position(db, into)).bind(3, child).run();
            ++result.children_moved;
        }
    }
    struct Row {
        std::int64_t id, source, coder, start, end;
        std::string memo, translation;
    };
    std::vector<Row> rows;
    {
        Statement query(db,
                        "SELECT id, source_id, coder_id, start, end, memo, translation "
                        "FROM segments WHERE code_id = ? ORDER BY source_id, start, id");
        query.bind(1, from);
        while (query.step()) {
            rows.push_back({query.int64(0), query.int64(1), query.int64(2), query.int64(3),
                            query.int64(4), query.text(5), query.text(6)});
        }
    }
    if (!rows.empty() && !tree.at(into).codable) {
        throw Error("code " + tree.path_of(into), "is a folder (not codable); it cannot take the " +
                                                      std::to_string(rows.size()) +
                                                      " segments of '" + tree.path_of(from) + "'");
    }
    for (const Row& row : rows) {
        SegmentDraft draft;
        draft.code_id = into;
        draft.source_id = row.source;
        draft.coder_id = row.coder;
        draft.start = static_cast<std::uint32_t>(row.start);
        draft.end = static_cast<std::uint32_t>(row.end);
        draft.memo = row.memo;
        draft.translation = row.translation;
        draft.moving = row.id;
        const Placement placed = place_segment(db, draft);
        ++result.segments_moved;
        if (placed.joined > 0) {
            ++result.segments_joined;
        }
    }
    Statement memos(db, "UPDATE memos SET code_id = ? WHERE code_id = ?");
    memos.bind(1, into).bind(2, from).run();
    // A theme that gathered FROM now gathers INTO (unless it already did).
    Statement themes(db, "UPDATE OR IGNORE theme_codes SET code_id = ? WHERE code_id = ?");
    themes.bind(1, into).bind(2, from).run();
    Statement remove(db, "DELETE FROM codes WHERE id = ?");
    remove.bind(1, from).run();
}

}  // namespace

std::string_view origin_name(Origin origin) {
    return kOrigins[static_cast<std::size_t>(origin)];
}

std::optional<Origin> parse_origin(std::string_view name) {
    for (std::size_t i = 0; i < kOrigins.size(); ++i) {
        if (kOrigins[i] == name) {
            return static_cast<Origin>(i);
        }
    }
    return std::nullopt;
}

std::string clean_code_name(std::string_view name) {
    const std::string nfc = text::to_nfc(name);
    std::string clean;
    bool pending_space = false;
    for (std::size_t at = 0; at < nfc.size();) {
        std::size_t length = 0;
        if (is_space_at(nfc, at, &length)) {
            pending_space = !clean.empty();
            at += length;
            continue;
        }
        if (pending_space) {
            clean += ' ';
            pending_space = false;
        }
        clean += nfc[at];
        ++at;
    }
    if (clean.empty()) {
        throw Error("code", "a code needs a name (it was empty or blank)");
    }
    if (clean.find('/') != std::string::npos) {
        throw Error("code " + clean,
                    "a code name cannot contain '/' (it separates the levels of a path)");
    }
    return clean;
}

std::string check_color(std::string_view color) {
    const bool hex =
        color.size() == 7 && color[0] == '#' &&
        std::all_of(color.begin() + 1, color.end(), [](char c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        });
    if (!hex) {
        throw Error("colour " + std::string(color),
                    "not a colour; give it as #RRGGBB, for example #1F77B4");
    }
    std::string upper(color);
    std::transform(upper.begin(), upper.end(), upper.begin(), [](char c) {
        return (c >= 'a' && c <= 'f') ? static_cast<char>(c - 'a' + 'A') : c;
    });
    return upper;
}

std::int64_t insert_code(Database& db, const store::Coder& coder, const NewCode& code) {
    const std::string name = clean_code_name(code.name);
    const std::optional<std::string> color =
        code.color ? std::optional(check_color(*code.color)) : std::nullopt;
    const Tree tree = load_tree(db);
    if (code.parent_id) {
        tree.at(*code.parent_id);
    }
    check_sibling_name(tree, code.parent_id, name);
    Statement insert(db, R"sql(
        INSERT INTO codes(guid, parent_id, position, name, description, color, origin, codable,
                          created, created_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?))sql");
    insert.bind(1, new_guid())
        .bind(2, code.parent_id)
        .bind(3, next_position(db, code.parent_id))
        .bind(4, name)
        .bind(5, text::to_nfc(code.description))
        .bind(7, origin_name(code.origin))
        .bind(8, std::int64_t{code.codable ? 1 : 0})
        .bind(9, now_iso8601())
        .bind(10, coder.id);
    if (color) {
        insert.bind(6, *color);
    } else {
        insert.bind(6, std::nullopt);
    }
    insert.run();
    return db.last_insert_id();
}

std::int64_t add_code(store::Project& project, const store::Coder& coder, const NewCode& code) {
    store::Action action(project, coder, "code-add");
    const std::int64_t id = insert_code(project.db(), coder, code);
    action.set_summary("added code '" + load_tree(project.db()).path_of(id) + "'");
    action.commit();
    return id;
}

void rename_code(store::Project& project, const store::Coder& coder, std::int64_t code_id,
                 std::string_view new_name) {
    Database& db = project.db();
    const std::string name = clean_code_name(new_name);
    store::Action action(project, coder, "code-rename");
    const Tree tree = load_tree(db);
    const Node& node = tree.at(code_id);
    check_sibling_name(tree, node.parent, name, code_id);
    action.set_summary("renamed code '" + tree.path_of(code_id) + "' to '" + name + "'");
    Statement update(db, "UPDATE codes SET name = ? WHERE id = ?");
    update.bind(1, name).bind(2, code_id).run();
    action.commit();
}

void describe_code(store::Project& project, const store::Coder& coder, std::int64_t code_id,
                   std::string_view description) {
    Database& db = project.db();
    store::Action action(project, coder, "code-describe");
    const Tree tree = load_tree(db);
    action.set_summary("described code '" + tree.path_of(code_id) + "'");
    Statement update(db, "UPDATE codes SET description = ? WHERE id = ?");
    update.bind(1, text::to_nfc(description)).bind(2, code_id).run();
    action.commit();
}

void recolor_code(store::Project& project, const store::Coder& coder, std::int64_t code_id,
                  std::optional<std::string> color) {
    Database& db = project.db();
    if (color && color->empty()) {
        color.reset();
    }
    if (color) {
        color = check_color(*color);
    }
    store::Action action(project, coder, "code-color");
    const Tree tree = load_tree(db);
    action.set_summary("coloured code '" + tree.path_of(code_id) + "' " +
                       (color ? *color : std::string("(no colour)")));
    Statement update(db, "UPDATE codes SET color = ? WHERE id = ?");
    if (color) {
        update.bind(1, *color);
    } else {
        update.bind(1, std::nullopt);
    }
    update.bind(2, code_id).run();
    action.commit();
}

void set_codable(store::Project& project, const store::Coder& coder, std::int64_t code_id,
                 bool codable) {
    Database& db = project.db();
    store::Action action(project, coder, "code-codable");
    const Tree tree = load_tree(db);
    const std::string path = tree.path_of(code_id);
    if (!codable) {
        const std::int64_t segments =
            count_where(db, "SELECT count(*) FROM segments WHERE code_id = ?", code_id);
        if (segments > 0) {
            throw Error("code " + path, "has " + std::to_string(segments) +
                                            " coded segments; it cannot become a folder");
        }
    }
    action.set_summary("made code '" + path + (codable ? "' codable" : "' a folder"));
    Statement update(db, "UPDATE codes SET codable = ? WHERE id = ?");
    update.bind(1, std::int64_t{codable ? 1 : 0}).bind(2, code_id).run();
    action.commit();
}

void move_code(store::Project& project, const store::Coder& coder, std::int64_t code_id,
               std::optional<std::int64_t> new_parent) {
    Database& db = project.db();
    store::Action action(project, coder, "code-move");
    const Tree tree = load_tree(db);
    const Node& node = tree.at(code_id);
    const std::string path = tree.path_of(code_id);
    if (new_parent) {
        tree.at(*new_parent);
        if (*new_parent == code_id) {
            throw Error("code " + path, "cannot be moved under itself");
        }
        if (tree.is_within(*new_parent, code_id)) {
            throw Error("code " + path, "cannot be moved under its own descendant '" +
                                            tree.path_of(*new_parent) + "'");
        }
    }
    if (node.parent == new_parent) {
        return;  // already there: nothing to do, nothing recorded
    }
    check_sibling_name(tree, new_parent, node.name, code_id);
    Statement update(db, "UPDATE codes SET parent_id = ?, position = ? WHERE id = ?");
    update.bind(1, new_parent).bind(2, next_position(db, new_parent)).bind(3, code_id).run();
    action.set_summary("moved code '" + path + "' to " +
                       (new_parent ? "'" + tree.path_of(*new_parent) + "'" : "the top"));
    action.commit();
}

MergeResult merge_codes(store::Project& project, const store::Coder& coder, std::int64_t from,
                        std::int64_t into) {
    Database& db = project.db();
    store::Action action(project, coder, "code-merge");
    const Tree tree = load_tree(db);
    const std::string from_path = tree.path_of(from);
    const std::string into_path = tree.path_of(into);
    if (from == into) {
        throw Error("code " + from_path, "cannot be merged into itself");
    }
    if (tree.is_within(into, from)) {
        throw Error("code " + from_path,
                    "cannot be merged into its own descendant '" + into_path + "'");
    }
    MergeResult result;
    merge_into(db, tree, from, into, result);
    std::string summary = "merged code '" + from_path + "' into '" + into_path + "'";
    summary += " (" + std::to_string(result.segments_moved) + " segments";
    if (result.segments_joined > 0) {
        summary += ", " + std::to_string(result.segments_joined) + " joined";
    }
    const std::int64_t children = result.children_moved + result.children_merged;
    if (children > 0) {
        summary += ", " + std::to_string(children) + " subcodes";
    }
    action.set_summary(summary + ")");
    action.commit();
    return result;
}

DeleteResult delete_code(store::Project& project, const store::Coder& coder, std::int64_t code_id) {
    Database& db = project.db();
    store::Action action(project, coder, "code-delete");
    const Tree tree = load_tree(db);
    const std::string path = tree.path_of(code_id);
    std::vector<std::int64_t> ids;
    tree.collect(code_id, ids);
    DeleteResult result;
    result.codes = static_cast<std::int64_t>(ids.size());
    result.segments =
        db.query_int("SELECT count(*) FROM segments WHERE code_id IN (" + id_list(ids) + ")");
    // The children and segments go with it (ON DELETE CASCADE), and come back
    // on undo through the history.
    Statement remove(db, "DELETE FROM codes WHERE id = ?");
    remove.bind(1, code_id).run();
    std::string summary = "deleted code '" + path + "'";
    if (result.codes > 1 || result.segments > 0) {
        summary += " (" + std::to_string(result.codes - 1) + " subcodes, " +
                   std::to_string(result.segments) + " segments)";
    }
    action.set_summary(summary);
    action.commit();
    return result;
}

std::vector<Code> list_codes(Database& db) {
    const Tree tree = load_tree(db);
    std::map<std::int64_t, Code> details;
    Statement query(db, R"sql(
        SELECT c.id, c.guid, c.description, c.color, c.origin, c.created, coalesce(k.name, ''),
               (SELECT count(*) FROM segments s WHERE s.code_id = c.id),
               (SELECT count(DISTINCT s.source_id) FROM segments s WHERE s.code_id = c.id)
        FROM codes c LEFT JOIN coders k ON k.id = c.created_by)sql");
    while (query.step()) {
        Code code;
        code.id = query.int64(0);
        code.guid = query.text(1);
        code.description = query.text(2);
        if (!query.is_null(3)) {
            code.color = query.text(3);
        }
        code.origin = parse_origin(query.text_view(4)).value_or(Origin::imported);
        code.created = query.text(5);
        code.created_by = query.text(6);
        code.segments = query.int64(7);
        code.sources = query.int64(8);
        details.emplace(code.id, std::move(code));
    }
    std::vector<Code> codes;
    codes.reserve(tree.nodes.size());
    // Depth first, each code before its children, paths built on the way down.
    struct Frame {
        std::int64_t id;
        std::string path;
        int depth;
    };
    std::vector<Frame> stack;
    const auto push_children = [&](std::optional<std::int64_t> parent, const std::string& path,
                                   int depth) {
        const auto& ids = tree.children_of(parent);
        for (auto it = ids.rbegin(); it != ids.rend(); ++it) {
            const std::string& name = tree.at(*it).name;
            stack.push_back({*it, path.empty() ? name : path + "/" + name, depth});
        }
    };
    push_children(std::nullopt, "", 0);
    while (!stack.empty()) {
        Frame frame = std::move(stack.back());
        stack.pop_back();
        const Node& node = tree.at(frame.id);
        Code code = std::move(details.at(frame.id));
        code.parent_id = node.parent;
        code.position = node.position;
        code.name = node.name;
        code.codable = node.codable;
        code.depth = frame.depth;
        code.path = frame.path;
        push_children(frame.id, frame.path, frame.depth + 1);
        codes.push_back(std::move(code));
    }
    return codes;
}

Code get_code(Database& db, std::int64_t code_id) {
    const Tree tree = load_tree(db);
    const Node& node = tree.at(code_id);
    Statement query(db, R"sql(
        SELECT c.guid, c.description, c.color, c.origin, c.created, coalesce(k.name, ''),
               (SELECT count(*) FROM segments s WHERE s.code_id = c.id),
               (SELECT count(DISTINCT s.source_id) FROM segments s WHERE s.code_id = c.id)
        FROM codes c LEFT JOIN coders k ON k.id = c.created_by WHERE c.id = ?)sql");
    query.bind(1, code_id);
    query.step();
    Code code;
    code.id = code_id;
    code.guid = query.text(0);
    code.description = query.text(1);
    if (!query.is_null(2)) {
        code.color = query.text(2);
    }
    code.origin = parse_origin(query.text_view(3)).value_or(Origin::imported);
    code.created = query.text(4);
    code.created_by = query.text(5);
    code.segments = query.int64(6);
    code.sources = query.int64(7);
    code.parent_id = node.parent;
    code.position = node.position;
    code.name = node.name;
    code.codable = node.codable;
    code.depth = tree.depth_of(code_id);
    code.path = tree.path_of(code_id);
    return code;
}

std::string code_path(Database& db, std::int64_t code_id) {
    std::string path;
    Statement& query = db.cached("SELECT parent_id, name FROM codes WHERE id = ?");
    for (std::optional<std::int64_t> at = code_id; at;) {
        query.reset();
        query.bind(1, *at);
        if (!query.step()) {
            query.reset();
            throw Error("code " + std::to_string(code_id), "no such code");
        }
        path = path.empty() ? query.text(1) : query.text(1) + "/" + path;
        at = query.optional_int64(0);
    }
    query.reset();
    return path;
}

std::optional<std::int64_t> code_with_guid(Database& db, std::string_view guid) {
    Statement query(db, "SELECT id FROM codes WHERE guid = ?");
    query.bind(1, guid);
    if (!query.step()) {
        return std::nullopt;
    }
    return query.int64(0);
}

Code find_code(Database& db, std::string_view spec) {
    const Tree tree = load_tree(db);
    const std::string subject = "code " + std::string(spec);
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(spec.data(), spec.data() + spec.size(), id);
    if (ec == std::errc() && end == spec.data() + spec.size() && tree.nodes.contains(id)) {
        return get_code(db, id);
    }
    const std::string wanted = text::to_nfc(spec);
    // Split at '/', trimming each level the way names are trimmed.
    std::vector<std::string> levels;
    for (std::size_t at = 0;;) {
        const std::size_t slash = wanted.find('/', at);
        const std::string_view level =
            std::string_view(wanted).substr(at, slash == std::string::npos ? slash : slash - at);
        try {
            levels.push_back(clean_code_name(level));
        } catch (const Error&) {
            throw Error(subject, "no such code");
        }
        if (slash == std::string::npos) {
            break;
        }
        at = slash + 1;
    }
    // Every code whose path ends with these levels.
    std::vector<std::int64_t> matches;
    for (const auto& [candidate, node] : tree.nodes) {
        std::optional<std::int64_t> at_id = candidate;
        bool match = true;
        for (auto level = levels.rbegin(); level != levels.rend(); ++level) {
            if (!at_id || !text::same_name(tree.at(*at_id).name, *level)) {
                match = false;
                break;
            }
            at_id = tree.at(*at_id).parent;
        }
        if (match) {
            matches.push_back(candidate);
        }
    }
    // A full path from the top wins over paths that start lower down.
    if (matches.size() > 1) {
        std::vector<std::int64_t> from_top;
        for (const std::int64_t match : matches) {
            if (tree.depth_of(match) + 1 == static_cast<int>(levels.size())) {
                from_top.push_back(match);
            }
        }
        if (from_top.size() == 1) {
            matches = from_top;
        }
    }
    if (matches.empty()) {
        throw Error(subject, "no such code");
    }
    if (matches.size() > 1) {
        std::vector<std::string> paths;
        paths.reserve(matches.size());
        for (const std::int64_t match : matches) {
            paths.push_back(tree.path_of(match));
        }
        std::sort(paths.begin(), paths.end(), [](const std::string& a, const std::string& b) {
            return text::compare_norwegian(a, b) < 0;
        });
        std::string list;
        for (const auto& path : paths) {
            list += (list.empty() ? "" : ", ") + path;
        }
        throw Error(subject, "several codes have this name (" + list + "); give the path");
    }
    return get_code(db, matches.front());
}

std::vector<std::int64_t> code_and_descendants(Database& db, std::int64_t code_id) {
    const Tree tree = load_tree(db);
    std::vector<std::int64_t> ids;
    tree.at(code_id);
    tree.collect(code_id, ids);
    return ids;
}

}  // namespace tema::coding
