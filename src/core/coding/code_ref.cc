// TEMPORARY: see code_ref.h. To be replaced by coding::find_code at the merge
// with the codebook branch.
#include "coding/code_ref.h"

#include <optional>
#include <vector>

#include "coding/names.h"
#include "text/collation.h"
#include "util/error.h"

namespace tema::coding {

namespace {

Error no_such_code(std::string_view spec) {
    return {"code " + std::string(spec), "no such code in the codebook"};
}

}  // namespace

std::string code_path(store::Database& db, std::int64_t code_id) {
    std::string path;
    std::optional<std::int64_t> id = code_id;
    store::Statement query(db, "SELECT name, parent_id FROM codes WHERE id = ?");
    for (int depth = 0; id && depth < 1000; ++depth) {
        query.bind(1, *id);
        if (!query.step()) {
            break;
        }
        path = path.empty() ? query.text(0) : query.text(0) + "/" + path;
        id = query.optional_int64(1);
        query.reset();
    }
    return path;
}

CodeRef resolve_code(store::Database& db, std::string_view spec) {
    const std::string_view wanted = trim(spec);
    if (const auto id = parse_id(wanted)) {
        store::Statement query(db, "SELECT id FROM codes WHERE id = ?");
        query.bind(1, *id);
        if (query.step()) {
            return {*id, code_path(db, *id)};
        }
    }
    if (wanted.find('/') != std::string_view::npos) {
        std::optional<std::int64_t> parent;
        std::string_view rest = wanted;
        while (!rest.empty()) {
            const auto slash = rest.find('/');
            const std::string_view part = trim(rest.substr(0, slash));
            rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
            if (part.empty()) {
                continue;
            }
            store::Statement children(
                db, parent ? "SELECT id, name FROM codes WHERE parent_id = ?"
                           : "SELECT id, name FROM codes WHERE parent_id IS NULL");
            if (parent) {
                children.bind(1, *parent);
            }
            std::optional<std::int64_t> found;
            while (children.step()) {
                if (text::same_name(children.text(1), part)) {
                    found = children.int64(0);
                    break;
                }
            }
            if (!found) {
                throw no_such_code(spec);
            }
            parent = found;
        }
        if (!parent) {
            throw no_such_code(spec);
        }
        return {*parent, code_path(db, *parent)};
    }
    std::vector<std::int64_t> matches;
    store::Statement all(db, "SELECT id, name FROM codes ORDER BY id");
    while (all.step()) {
        if (text::same_name(all.text(1), wanted)) {
            matches.push_back(all.int64(0));
        }
    }
    if (matches.empty()) {
        throw no_such_code(spec);
    }
    if (matches.size() > 1) {
        std::string paths;
        for (const auto id : matches) {
            paths += (paths.empty() ? "" : ", ") + code_path(db, id);
        }
        throw Error("code " + std::string(spec),
                    "several codes have this name (" + paths + "); give its path");
    }
    return {matches.front(), code_path(db, matches.front())};
}

}  // namespace tema::coding
