#include "store/history.h"

#include <iostream>

#include "commands/commands.h"

namespace tema::cli {

namespace {

nlohmann::json entry_json(const store::HistoryEntry& entry) {
    return {{"id", entry.id},
            {"time", entry.time},
            {"coder", entry.coder},
            {"action", entry.kind},
            {"summary", entry.summary},
            {"state", entry.state},
            {"target", entry.target ? nlohmann::json(*entry.target) : nlohmann::json()}};
}

// undo and redo share everything but the word and the call.
void add_step_command(CLI::App& app, Context& context, const std::string& name,
                      const std::string& help,
                      std::optional<store::HistoryEntry> (*step)(store::Project&,
                                                                 const store::Coder&)) {
    auto* command = app.add_subcommand(name, help);
    auto project_path = std::make_shared<std::string>();
    command->add_option("PROJECT", *project_path, "The project file")->required();
    command->callback([&context, project_path, name, step] {
        context.run = [&context, project_path, name, step] {
            auto project = context.open(*project_path, store::Project::Access::read_write);
            const store::Coder coder = context.acting_coder(*project);
            const auto entry = step(*project, coder);
            if (context.json) {
                Context::print_json(entry ? entry_json(*entry) : nlohmann::json());
            } else if (entry) {
                std::cout << (name == "undo" ? "Undid" : "Redid") << " #" << entry->id << ": "
                          << entry->summary << "\n";
            } else {
                std::cout << "Nothing to " << name << ".\n";
            }
            return 0;
        };
    });
}

}  // namespace

void add_history_commands(CLI::App& app, Context& context) {
    add_step_command(app, context, "undo", "Take back the latest change", &store::undo);
    add_step_command(app, context, "redo", "Do again the change undone last", &store::redo);

    auto* command = app.add_subcommand("log", "The audit trail: every change, who and when");
    auto project_path = std::make_shared<std::string>();
    auto limit = std::make_shared<std::size_t>(0);
    command->add_option("PROJECT", *project_path, "The project file")->required();
    command->add_option("--limit", *limit, "Only the newest N entries");
    command->callback([&context, project_path, limit] {
        context.run = [&context, project_path, limit] {
            auto project = context.open(*project_path, store::Project::Access::read_only);
            const auto entries = store::list_history(project->db(), *limit);
            if (context.json) {
                nlohmann::json json = nlohmann::json::array();
                for (const auto& entry : entries) {
                    json.push_back(entry_json(entry));
                }
                Context::print_json(json);
                return 0;
            }
            for (const auto& entry : entries) {
                std::cout << "#" << entry.id << "  " << entry.time << "  " << entry.coder << "  "
                          << entry.kind << "  " << entry.summary
                          << (entry.state == "done" ? "" : "  [" + entry.state + "]") << "\n";
            }
            return 0;
        };
    });
}

}  // namespace tema::cli
