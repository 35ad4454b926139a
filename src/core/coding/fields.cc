#include "coding/fields.h"

#include <algorithm>

#include "coding/names.h"
#include "text/collation.h"
#include "util/error.h"

namespace tema::coding {

namespace {

// Writes positions 1..n in the order given, touching only rows that change.
void renumber(store::Database& db, const std::vector<Field>& ordered) {
    store::Statement update(db, "UPDATE fields SET position = ? WHERE id = ?");
    std::int64_t position = 1;
    for (const Field& field : ordered) {
        if (field.position != position) {
            update.bind(1, position).bind(2, field.id).run();
            update.reset();
        }
        ++position;
    }
}

void refuse_taken(store::Database& db, const std::string& name, std::int64_t except_id) {
    for (const Field& field : list_fields(db)) {
        if (field.id != except_id && text::same_name(field.name, name)) {
            throw Error("field " + name, "there is already a field '" + field.name + "'");
        }
    }
}

// `fields` with the field `id` taken out and put back right after `after`
// (first when nullopt).
std::vector<Field> placed(std::vector<Field> fields, const Field& moving,
                          std::optional<std::int64_t> after_id) {
    std::erase_if(fields, [&](const Field& f) { return f.id == moving.id; });
    auto at = fields.begin();
    if (after_id) {
        at = std::find_if(fields.begin(), fields.end(),
                          [&](const Field& f) { return f.id == *after_id; });
        if (at != fields.end()) {
            ++at;
        }
    }
    fields.insert(at, moving);
    return fields;
}

}  // namespace

std::vector<Field> list_fields(store::Database& db) {
    std::vector<Field> fields;
    store::Statement query(db, "SELECT id, name, position FROM fields ORDER BY position, id");
    while (query.step()) {
        fields.push_back({query.int64(0), query.text(1), query.int64(2)});
    }
    return fields;
}

Field field_by_id(store::Database& db, std::int64_t id) {
    for (const Field& field : list_fields(db)) {
        if (field.id == id) {
            return field;
        }
    }
    throw Error("field " + std::to_string(id), "no such field");
}

Field find_field(store::Database& db, std::string_view name_or_id) {
    const std::string_view wanted = trim(name_or_id);
    const auto fields = list_fields(db);
    for (const Field& field : fields) {
        if (text::same_name(field.name, wanted)) {
            return field;
        }
    }
    if (const auto id = parse_id(wanted)) {
        for (const Field& field : fields) {
            if (field.id == *id) {
                return field;
            }
        }
    }
    throw Error("field " + std::string(name_or_id),
                "no such field (define it with `tema field PROJECT define NAME`)");
}

Field define_field(store::Project& project, const store::Coder& coder, std::string_view name,
                   std::optional<std::string_view> after) {
    store::Database& db = project.db();
    const std::string cleaned = clean_name(name, "field");
    store::Action action(project, coder, "field-define", "defined field '" + cleaned + "'");
    refuse_taken(db, cleaned, 0);
    std::optional<std::int64_t> after_id;
    if (after) {
        after_id = find_field(db, *after).id;
    }
    store::Statement insert(db, "INSERT INTO fields(name, position) VALUES (?, ?)");
    const auto existing = list_fields(db);
    insert.bind(1, cleaned).bind(2, static_cast<std::int64_t>(existing.size()) + 1).run();
    Field field{db.last_insert_id(), cleaned, static_cast<std::int64_t>(existing.size()) + 1};
    if (after_id) {
        renumber(db, placed(list_fields(db), field, after_id));
    }
    action.commit();
    return field_by_id(db, field.id);
}

void rename_field(store::Project& project, const store::Coder& coder, std::int64_t field_id,
                  std::string_view new_name) {
    store::Database& db = project.db();
    const Field field = field_by_id(db, field_id);
    const std::string cleaned = clean_name(new_name, "field");
    store::Action action(project, coder, "field-rename",
                         "renamed field '" + field.name + "' to '" + cleaned + "'");
    refuse_taken(db, cleaned, field.id);
    store::Statement update(db, "UPDATE fields SET name = ? WHERE id = ?");
    update.bind(1, cleaned).bind(2, field.id).run();
    action.commit();
}

void move_field(store::Project& project, const store::Coder& coder, std::int64_t field_id,
                std::optional<std::string_view> after) {
    store::Database& db = project.db();
    const Field field = field_by_id(db, field_id);
    std::optional<std::int64_t> after_id;
    if (after) {
        after_id = find_field(db, *after).id;
        if (*after_id == field.id) {
            throw Error("field " + field.name, "cannot be placed after itself");
        }
    }
    store::Action action(project, coder, "field-move",
                         "moved field '" + field.name + "' " +
                             (after ? "after '" + find_field(db, *after).name + "'" : "first"));
    renumber(db, placed(list_fields(db), field, after_id));
    action.commit();
}

void delete_field(store::Project& project, const store::Coder& coder, std::int64_t field_id) {
    store::Database& db = project.db();
    const Field field = field_by_id(db, field_id);
    store::Action action(project, coder, "field-delete", "deleted field '" + field.name + "'");
    store::Statement remove(db, "DELETE FROM fields WHERE id = ?");
    remove.bind(1, field.id).run();
    renumber(db, list_fields(db));
    action.commit();
}

}  // namespace tema::coding
