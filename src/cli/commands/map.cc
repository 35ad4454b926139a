// tema map PROJECT snapshot NAME | list | show [NAME] [--dot | --svg FILE] | delete NAME
#include <iostream>

#include "coding/maps.h"
#include "commands/commands.h"

namespace tema::cli {

namespace {

constexpr const char* kUsage = R"(usage:
  tema map PROJECT snapshot NAME                 save the theme tree as it is now
  tema map PROJECT list
  tema map PROJECT show [NAME] [--dot | --svg FILE]
  tema map PROJECT delete NAME
show without NAME shows the theme tree as it is now; --dot prints Graphviz DOT,
--svg draws it with Graphviz's dot program into FILE.)";

struct Args {
    std::vector<std::string> words;  // PROJECT VERB ...
    bool dot = false;
    std::string svg;
};

nlohmann::json map_theme_json(const coding::MapTheme& theme) {
    nlohmann::json codes = nlohmann::json::array();
    for (const auto& code : theme.codes) {
        codes.push_back(code.path);
    }
    nlohmann::json subthemes = nlohmann::json::array();
    for (const auto& sub : theme.subthemes) {
        subthemes.push_back(map_theme_json(sub));
    }
    return {{"id", theme.id},
            {"guid", theme.guid},
            {"name", theme.name},
            {"path", theme.path},
            {"status", coding::status_name(theme.status)},
            {"definition", theme.definition},
            {"codes", codes},
            {"subthemes", subthemes}};
}

nlohmann::json map_json(const coding::ThematicMap& map, bool with_themes) {
    nlohmann::json json = {
        {"id", map.id}, {"name", map.name}, {"created", map.created}, {"coder", map.coder}};
    if (with_themes) {
        nlohmann::json themes = nlohmann::json::array();
        for (const auto& theme : map.themes) {
            themes.push_back(map_theme_json(theme));
        }
        json["themes"] = themes;
    }
    return json;
}

void print_outline(const std::vector<coding::MapTheme>& themes, int depth) {
    for (const auto& theme : themes) {
        const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
        std::cout << indent << theme.name << "  [" << coding::status_name(theme.status) << "]\n";
        for (const auto& code : theme.codes) {
            std::cout << indent << "    (" << code.path << ")\n";
        }
        print_outline(theme.subthemes, depth + 1);
    }
}

int run(Context& context, const Args& args) {
    const auto& w = args.words;
    if (w.size() < 2) {
        throw UsageError(kUsage);
    }
    const std::string& verb = w[1];
    const bool show = verb == "show" && (w.size() == 2 || w.size() == 3);
    if (!show && (args.dot || !args.svg.empty())) {
        throw UsageError("tema map: --dot and --svg are for show");
    }
    if (args.dot && !args.svg.empty()) {
        throw UsageError("tema map show: give --dot or --svg FILE, not both");
    }
    if (show) {
        auto project = context.open(w[0], store::Project::Access::read_only);
        const coding::ThematicMap map = w.size() == 3 ? coding::find_snapshot(project->db(), w[2])
                                                      : coding::current_map(project->db());
        if (args.dot && context.json) {
            Context::print_json({{"map", map.name}, {"dot", coding::map_to_dot(map)}});
        } else if (args.dot) {
            std::cout << coding::map_to_dot(map);
        } else if (!args.svg.empty()) {
            coding::write_svg(coding::map_to_dot(map), args.svg);
            if (context.json) {
                Context::print_json({{"map", map.name}, {"svg", args.svg}});
            } else {
                std::cerr << "tema: wrote " << args.svg << "\n";
            }
        } else if (context.json) {
            Context::print_json(map_json(map, true));
        } else {
            std::cout << (map.id == 0 ? std::string("The theme tree now")
                                      : map.name + " (" + map.created.substr(0, 10) + ", " +
                                            map.coder + ")")
                      << "\n";
            print_outline(map.themes, 1);
        }
        return 0;
    }
    if (verb == "list" && w.size() == 2) {
        auto project = context.open(w[0], store::Project::Access::read_only);
        const auto maps = coding::list_snapshots(project->db());
        if (context.json) {
            nlohmann::json json = nlohmann::json::array();
            for (const auto& map : maps) {
                json.push_back(map_json(map, false));
            }
            Context::print_json(json);
            return 0;
        }
        if (maps.empty()) {
            std::cout << "No saved maps. Save one with: tema map PROJECT snapshot NAME\n";
        }
        for (const auto& map : maps) {
            std::cout << map.name << "  " << map.created.substr(0, 10) << "  " << map.coder << "\n";
        }
        return 0;
    }
    if ((verb == "snapshot" || verb == "delete") && w.size() == 3) {
        auto project = context.open(w[0], store::Project::Access::read_write);
        const store::Coder coder = context.acting_coder(*project);
        if (verb == "snapshot") {
            const auto map = coding::save_snapshot(*project, coder, w[2]);
            if (context.json) {
                Context::print_json(map_json(map, true));
            } else {
                std::cout << "Saved the thematic map as '" << map.name << "'\n";
            }
            return 0;
        }
        const auto map = coding::find_snapshot(project->db(), w[2]);
        coding::delete_snapshot(*project, coder, map.id);
        if (context.json) {
            Context::print_json(map_json(map, false));
        } else {
            std::cout << "Deleted the thematic map '" << map.name
                      << "' (tema undo brings it back)\n";
        }
        return 0;
    }
    throw UsageError(kUsage);
}

}  // namespace

void add_map_command(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "map", "Thematic maps: PROJECT snapshot NAME | list | show [NAME] [--dot|--svg FILE]");
    command->footer(kUsage);
    auto args = std::make_shared<Args>();
    command->add_option("ARGS", args->words, "PROJECT VERB ARGUMENTS...")->required();
    command->add_flag("--dot", args->dot, "show: print Graphviz DOT on stdout");
    command->add_option("--svg", args->svg, "show: draw the map as SVG into this file");
    command->callback(
        [&context, args] { context.run = [&context, args] { return run(context, *args); }; });
}

}  // namespace tema::cli
