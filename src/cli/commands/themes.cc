// tema themes PROJECT: the theme tree.
#include <iostream>

#include "commands/commands.h"
#include "commands/theme_json.h"

namespace tema::cli {

void add_themes_command(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "themes", "The theme tree: status, definition, field values, codes and counts");
    auto project_path = std::make_shared<std::string>();
    command->add_option("PROJECT", *project_path, "The project file")->required();
    command->callback([&context, project_path] {
        context.run = [&context, project_path] {
            auto project = context.open(*project_path, store::Project::Access::read_only);
            const auto entries = coding::list_themes(project->db());
            if (context.json) {
                nlohmann::json json = nlohmann::json::array();
                for (const auto& entry : entries) {
                    json.push_back(theme_json(entry));
                }
                Context::print_json(json);
                return 0;
            }
            if (entries.empty()) {
                std::cout << "No themes yet. Add one with: tema theme " << *project_path
                          << " add NAME\n";
            }
            for (const auto& entry : entries) {
                const std::string indent(static_cast<std::size_t>(entry.theme.depth) * 2, ' ');
                std::cout << indent << entry.theme.name << "  ["
                          << coding::status_name(entry.theme.status) << "]  " << entry.segments
                          << (entry.segments == 1 ? " segment, " : " segments, ")
                          << entry.participants
                          << (entry.participants == 1 ? " participant" : " participants")
                          << "  (id " << entry.theme.id << ")\n";
                if (!entry.theme.definition.empty()) {
                    std::cout << indent << "    Definition: " << entry.theme.definition << "\n";
                }
                for (const auto& field : entry.fields) {
                    if (field.value) {
                        std::cout << indent << "    " << field.field << ": " << *field.value
                                  << "\n";
                    }
                }
                if (!entry.codes.empty()) {
                    std::cout << indent << "    Codes:";
                    for (std::size_t i = 0; i < entry.codes.size(); ++i) {
                        std::cout << (i == 0 ? " " : "; ") << entry.codes[i].path;
                    }
                    std::cout << "\n";
                }
            }
            return 0;
        };
    });
}

}  // namespace tema::cli
