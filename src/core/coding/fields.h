// Custom fields: the researcher's own ordered columns of the theme table
// ("Timeline", "Initiatives", "Driving forces", "How IPS is viewed"). Each theme
// may hold a value for each field (themes.h: set_theme_value).
//
// Every change is one action (store::Action), so it is undoable. Field names
// are unique as people read them (case ignored, text::same_name).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/project.h"

namespace tema::coding {

struct Field {
    std::int64_t id = 0;
    std::string name;
    std::int64_t position = 0;  // 1, 2, ... in column order
};

// The fields in column order.
std::vector<Field> list_fields(store::Database& db);

// A field by its name (case ignored) or id. Throws tema::Error "field X: no
// such field ..." when there is none.
Field find_field(store::Database& db, std::string_view name_or_id);
Field field_by_id(store::Database& db, std::int64_t id);

// Adds a column at the end, or right after the field named `after`. Refuses an
// empty name, a name another field has, and an unknown `after`.
Field define_field(store::Project& project, const store::Coder& coder, std::string_view name,
                   std::optional<std::string_view> after = std::nullopt);

// Renames a field; its values stay. Refuses empty and taken names.
void rename_field(store::Project& project, const store::Coder& coder, std::int64_t field_id,
                  std::string_view new_name);

// Moves a column right after the field named `after`, or first when nullopt.
void move_field(store::Project& project, const store::Coder& coder, std::int64_t field_id,
                std::optional<std::string_view> after);

// Deletes a column and every theme's value in it.
void delete_field(store::Project& project, const store::Coder& coder, std::int64_t field_id);

}  // namespace tema::coding
