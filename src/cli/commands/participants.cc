#include "store/participants.h"

#include <iostream>

#include "commands/commands.h"
#include "import/participants_csv.h"
#include "store/sources.h"

namespace tema::cli {

namespace {

nlohmann::json participant_json(const store::Participant& participant) {
    nlohmann::json attributes = nlohmann::json::object();
    for (const auto& [name, value] : participant.attributes) {
        attributes[name] = value;
    }
    return {{"id", participant.pid},
            {"guid", participant.guid},
            {"attributes", attributes},
            {"sources", participant.sources}};
}

int list(Context& context, store::Project& project) {
    const auto participants = store::list_participants(project.db());
    if (context.json) {
        nlohmann::json json = nlohmann::json::array();
        for (const auto& participant : participants) {
            json.push_back(participant_json(participant));
        }
        Context::print_json(json);
        return 0;
    }
    if (participants.empty()) {
        std::cout << "No participants yet. Add them with: tema participants "
                  << project.path().string() << " import CSV\n";
    }
    for (const auto& participant : participants) {
        std::cout << participant.pid;
        for (const auto& [name, value] : participant.attributes) {
            std::cout << "  " << name << "=" << value;
        }
        if (!participant.sources.empty()) {
            std::cout << "  (in:";
            for (const auto& source : participant.sources) {
                std::cout << " " << source;
            }
            std::cout << ")";
        }
        std::cout << "\n";
    }
    return 0;
}

}  // namespace

void add_participants_command(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "participants", "Participants and their attributes: PROJECT import CSV | PROJECT list");
    auto args = std::make_shared<std::vector<std::string>>();
    command->add_option("ARGS", *args, "PROJECT import CSV, or PROJECT list")->required();
    command->callback([&context, args] {
        context.run = [&context, args]() -> int {
            const auto& a = *args;
            if (a.size() == 2 && a[1] == "list") {
                auto project = context.open(a[0], store::Project::Access::read_only);
                return list(context, *project);
            }
            if (a.size() == 3 && a[1] == "import") {
                auto project = context.open(a[0], store::Project::Access::read_write);
                const store::Coder coder = context.acting_coder(*project);
                const auto result = import::import_participants(*project, coder, a[2]);
                if (context.json) {
                    Context::print_json({{"added", result.added},
                                         {"updated", result.updated},
                                         {"speakers_mapped", result.speakers_mapped}});
                } else {
                    std::cout << "Participants from " << a[2] << ": " << result.added << " added, "
                              << result.updated << " updated";
                    if (result.speakers_mapped > 0) {
                        std::cout << "; " << result.speakers_mapped
                                  << " speakers whose label is a participant ID were mapped";
                    }
                    std::cout << "\n";
                }
                return 0;
            }
            throw UsageError(
                "usage: tema participants PROJECT import CSV | tema participants PROJECT list");
        };
    });
}

void add_speakers_command(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "speakers", "The speakers of a source: PROJECT SOURCE [map LABEL PARTICIPANT]");
    auto args = std::make_shared<std::vector<std::string>>();
    command->add_option("ARGS", *args, "PROJECT SOURCE [map LABEL PARTICIPANT]")->required();
    command->callback([&context, args] {
        context.run = [&context, args]() -> int {
            const auto& a = *args;
            const bool mapping = a.size() == 5 && a[2] == "map";
            if (a.size() != 2 && !mapping) {
                throw UsageError("usage: tema speakers PROJECT SOURCE [map LABEL PARTICIPANT]");
            }
            auto project = context.open(a[0], mapping ? store::Project::Access::read_write
                                                      : store::Project::Access::read_only);
            const SourceInfo source = store::find_source(project->db(), a[1]);
            if (mapping) {
                const store::Coder coder = context.acting_coder(*project);
                store::map_speaker(*project, coder, source.id, a[3], a[4]);
            }
            const auto speakers = store::list_speakers(project->db(), source.id);
            if (context.json) {
                nlohmann::json json = nlohmann::json::array();
                for (const auto& speaker : speakers) {
                    json.push_back(
                        {{"label", speaker.label},
                         {"turns", speaker.turns},
                         {"participant", speaker.participant ? nlohmann::json(*speaker.participant)
                                                             : nlohmann::json()}});
                }
                Context::print_json(json);
                return 0;
            }
            if (mapping) {
                std::cout << "In '" << source.name << "', " << a[3] << " is now " << a[4] << "\n";
                return 0;
            }
            for (const auto& speaker : speakers) {
                std::cout << speaker.label << "  " << speaker.turns << " turns  "
                          << (speaker.participant ? "= " + *speaker.participant : "(not mapped)")
                          << "\n";
            }
            return 0;
        };
    });
}

}  // namespace tema::cli
