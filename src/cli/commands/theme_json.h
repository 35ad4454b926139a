// How `tema themes` and `tema theme` print a theme (CLI.md: id, path, name,
// status, definition, fields, codes; and more).
#pragma once

#include <nlohmann/json.hpp>

#include "coding/themes.h"

namespace tema::cli {

inline nlohmann::json theme_json(const coding::ThemeEntry& entry) {
    nlohmann::json fields = nlohmann::json::array();
    for (const auto& field : entry.fields) {
        fields.push_back(
            {{"field", field.field},
             {"value", field.value ? nlohmann::json(*field.value) : nlohmann::json()}});
    }
    nlohmann::json codes = nlohmann::json::array();
    nlohmann::json code_ids = nlohmann::json::array();
    for (const auto& code : entry.codes) {
        codes.push_back(code.path);
        code_ids.push_back(code.id);
    }
    const coding::Theme& theme = entry.theme;
    return {{"id", theme.id},
            {"guid", theme.guid},
            {"path", theme.path},
            {"name", theme.name},
            {"parent", theme.parent_id ? nlohmann::json(*theme.parent_id) : nlohmann::json()},
            {"depth", theme.depth},
            {"position", theme.position},
            {"status", coding::status_name(theme.status)},
            {"definition", theme.definition},
            {"fields", fields},
            {"codes", codes},
            {"code_ids", code_ids},
            {"subthemes", entry.subthemes},
            {"segments", entry.segments},
            {"participants", entry.participants}};
}

// The entry of the theme with this id, as list_themes gives it.
inline coding::ThemeEntry theme_entry(store::Database& db, std::int64_t id) {
    for (auto& entry : coding::list_themes(db)) {
        if (entry.theme.id == id) {
            return entry;
        }
    }
    return {coding::theme_by_id(db, id), {}, {}, 0, 0, 0};
}

}  // namespace tema::cli
