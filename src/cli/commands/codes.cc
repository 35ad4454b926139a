#include <iostream>

#include "coding/codebook.h"
#include "commands/commands.h"

namespace tema::cli {

nlohmann::json code_json(const coding::Code& code) {
    return {{"id", code.id},
            {"guid", code.guid},
            {"path", code.path},
            {"name", code.name},
            {"parent", code.parent_id ? nlohmann::json(*code.parent_id) : nlohmann::json()},
            {"depth", code.depth},
            {"description", code.description},
            {"color", code.color ? nlohmann::json(*code.color) : nlohmann::json()},
            {"origin", coding::origin_name(code.origin)},
            {"codable", code.codable},
            {"created", code.created},
            {"created_by", code.created_by},
            {"segments", code.segments},
            {"sources", code.sources}};
}

void add_codes_command(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("codes", "The codebook as a tree, with counts");
    auto project_path = std::make_shared<std::string>();
    command->add_option("PROJECT", *project_path, "The project file")->required();
    command->callback([&context, project_path] {
        context.run = [&context, project_path] {
            auto project = context.open(*project_path, store::Project::Access::read_only);
            const auto codes = coding::list_codes(project->db());
            if (context.json) {
                nlohmann::json json = nlohmann::json::array();
                for (const auto& code : codes) {
                    json.push_back(code_json(code));
                }
                Context::print_json(json);
                return 0;
            }
            if (codes.empty()) {
                std::cout << "No codes yet. Add one with: tema code " << *project_path
                          << " add NAME\n";
            }
            for (const auto& code : codes) {
                std::cout << std::string(static_cast<std::size_t>(code.depth) * 2, ' ')
                          << code.name;
                if (!code.codable) {
                    std::cout << "/";
                }
                std::cout << "  #" << code.id << "  " << code.segments
                          << (code.segments == 1 ? " segment" : " segments") << " in "
                          << code.sources << (code.sources == 1 ? " source" : " sources");
                if (code.color) {
                    std::cout << "  " << *code.color;
                }
                if (code.origin != coding::Origin::inductive) {
                    std::cout << "  (" << coding::origin_name(code.origin) << ")";
                }
                std::cout << "\n";
            }
            return 0;
        };
    });
}

}  // namespace tema::cli
