#include <iostream>

#include "coding/codebook.h"
#include "commands/commands.h"

namespace tema::cli {

namespace {

constexpr const char* kUsage =
    "usage: tema code PROJECT add NAME [--parent CODE] [--description T] [--color #RRGGBB] "
    "[--origin O] [--folder]\n"
    "       tema code PROJECT rename CODE NEWNAME\n"
    "       tema code PROJECT move CODE --parent CODE|--top\n"
    "       tema code PROJECT merge FROM INTO\n"
    "       tema code PROJECT delete CODE\n"
    "       tema code PROJECT describe CODE TEXT\n"
    "       tema code PROJECT color CODE #RRGGBB|none";

struct Args {
    std::vector<std::string> words;  // PROJECT VERB ...
    std::string parent;
    bool top = false;
    std::string description;
    std::string color;
    std::string origin;
    bool folder = false;
};

void expect(bool ok) {
    if (!ok) {
        throw UsageError(kUsage);
    }
}

// Runs the verb; returns what to say and the code it concerns (0: none left).
std::pair<std::string, std::int64_t> run_verb(const Args& a, store::Project& project,
                                              const store::Coder& coder) {
    store::Database& db = project.db();
    const std::string& verb = a.words[1];
    const std::size_t n = a.words.size();
    auto code = [&](std::size_t i) { return coding::find_code(db, a.words[i]); };
    if (verb == "add") {
        expect(n == 3 && !a.top);
        coding::NewCode added;
        added.name = a.words[2];
        if (!a.parent.empty()) {
            added.parent_id = coding::find_code(db, a.parent).id;
        }
        added.description = a.description;
        if (!a.color.empty()) {
            added.color = a.color;
        }
        if (!a.origin.empty()) {
            const auto origin = coding::parse_origin(a.origin);
            if (!origin) {
                throw UsageError("--origin " + a.origin +
                                 ": expected inductive, deductive, invivo or imported");
            }
            added.origin = *origin;
        }
        added.codable = !a.folder;
        const std::int64_t id = coding::add_code(project, coder, added);
        return {"Added code '" + coding::get_code(db, id).path + "' (#" + std::to_string(id) + ")",
                id};
    }
    expect(a.parent.empty() || verb == "move");
    expect(a.description.empty() && a.color.empty() && a.origin.empty() && !a.folder);
    if (verb == "rename") {
        expect(n == 4);
        const auto target = code(2);
        coding::rename_code(project, coder, target.id, a.words[3]);
        return {"Renamed '" + target.path + "' to '" + coding::get_code(db, target.id).path + "'",
                target.id};
    }
    if (verb == "move") {
        expect(n == 3 && (a.top != !a.parent.empty()));
        const auto target = code(2);
        std::optional<std::int64_t> parent;
        if (!a.top) {
            parent = coding::find_code(db, a.parent).id;
        }
        coding::move_code(project, coder, target.id, parent);
        return {"Moved '" + target.path + "' to '" + coding::get_code(db, target.id).path + "'",
                target.id};
    }
    expect(!a.top);
    if (verb == "merge") {
        expect(n == 4);
        const auto from = code(2);
        const auto into = code(3);
        const auto result = coding::merge_codes(project, coder, from.id, into.id);
        std::string said = "Merged '" + from.path + "' into '" + into.path +
                           "': " + std::to_string(result.segments_moved) + " segments moved";
        if (result.segments_joined > 0) {
            said += " (" + std::to_string(result.segments_joined) + " joined with its own)";
        }
        const auto children = result.children_moved + result.children_merged;
        if (children > 0) {
            said += ", " + std::to_string(children) + " subcodes moved or merged";
        }
        return {said, into.id};
    }
    if (verb == "delete") {
        expect(n == 3);
        const auto target = code(2);
        const auto result = coding::delete_code(project, coder, target.id);
        return {"Deleted '" + target.path + "' with " + std::to_string(result.codes - 1) +
                    " subcodes and " + std::to_string(result.segments) +
                    " segments (tema undo brings them back)",
                0};
    }
    if (verb == "describe") {
        expect(n == 4);
        const auto target = code(2);
        coding::describe_code(project, coder, target.id, a.words[3]);
        return {"Described '" + target.path + "'", target.id};
    }
    if (verb == "color" || verb == "colour") {
        expect(n == 4);
        const auto target = code(2);
        const std::string& color = a.words[3];
        coding::recolor_code(project, coder, target.id,
                             color == "none" ? std::nullopt : std::optional(color));
        return {"Coloured '" + target.path + "' " + color, target.id};
    }
    throw UsageError(kUsage);
}

}  // namespace

void add_code_command(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "code", "Edit the codebook: PROJECT add|rename|move|merge|delete|describe|color ...");
    auto args = std::make_shared<Args>();
    command->add_option("ARGS", args->words, "PROJECT VERB ...")->required();
    command->add_option("--parent", args->parent, "add, move: under this code");
    command->add_flag("--top", args->top, "move: to the top level");
    command->add_option("--description", args->description, "add: the code's description");
    command->add_option("--color", args->color, "add: a colour, #RRGGBB");
    command->add_option("--origin", args->origin, "add: inductive (default), deductive, ...");
    command->add_flag("--folder", args->folder, "add: a folder for codes, not codable itself");
    command->callback([&context, args] {
        context.run = [&context, args]() -> int {
            expect(args->words.size() >= 3);
            auto project = context.open(args->words[0], store::Project::Access::read_write);
            const store::Coder coder = context.acting_coder(*project);
            const auto [said, code_id] = run_verb(*args, *project, coder);
            if (context.json) {
                Context::print_json(code_id != 0
                                        ? code_json(coding::get_code(project->db(), code_id))
                                        : nlohmann::json());
            } else {
                std::cout << said << "\n";
            }
            return 0;
        };
    });
}

}  // namespace tema::cli
