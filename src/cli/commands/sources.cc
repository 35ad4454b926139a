#include "store/sources.h"

#include <iomanip>
#include <iostream>

#include "commands/commands.h"

namespace tema::cli {

nlohmann::json source_json(const SourceInfo& source) {
    return {{"id", source.id},
            {"guid", source.guid},
            {"name", source.name},
            {"kind", kind_name(source.kind)},
            {"lang", text::language_code(source.lang)},
            {"lines", source.lines},
            {"turns", source.turns},
            {"speakers", source.speakers},
            {"chars", source.chars},
            {"encoding", source.encoding},
            {"sha256", source.sha256},
            {"file_name", source.file_name},
            {"format", source.file_format},
            {"size", source.file_size},
            {"file_sha256", source.file_sha256},
            {"pages", source.page_count ? nlohmann::json(*source.page_count) : nlohmann::json()},
            {"imported_at", source.imported_at},
            {"imported_by", source.imported_by}};
}

void add_sources_command(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("sources", "List the project's sources");
    auto project_path = std::make_shared<std::string>();
    command->add_option("PROJECT", *project_path, "The project file")->required();
    command->callback([&context, project_path] {
        context.run = [&context, project_path] {
            auto project = context.open(*project_path, store::Project::Access::read_only);
            const auto sources = store::list_sources(project->db());
            if (context.json) {
                nlohmann::json json = nlohmann::json::array();
                for (const auto& source : sources) {
                    json.push_back(source_json(source));
                }
                Context::print_json(json);
                return 0;
            }
            if (sources.empty()) {
                std::cout << "No sources yet. Add some with: tema import " << *project_path
                          << " FILE...\n";
                return 0;
            }
            std::cout << std::left << std::setw(4) << "id" << std::setw(48) << "name"
                      << std::setw(11) << "kind" << std::setw(6) << "lang" << std::right
                      << std::setw(7) << "lines" << std::setw(7) << "turns" << std::setw(9)
                      << "speakers"
                      << "  encoding\n";
            for (const auto& source : sources) {
                std::cout << std::left << std::setw(4) << source.id << std::setw(48) << source.name
                          << std::setw(11) << kind_name(source.kind) << std::setw(6)
                          << text::language_code(source.lang) << std::right << std::setw(7)
                          << source.lines << std::setw(7) << source.turns << std::setw(9)
                          << source.speakers << "  " << source.encoding << "\n";
            }
            return 0;
        };
    });
}

}  // namespace tema::cli
