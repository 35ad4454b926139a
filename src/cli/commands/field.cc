// tema field PROJECT define|rename|move|delete|list ...: the theme table's own columns.
#include <iostream>

#include "coding/fields.h"
#include "commands/commands.h"

namespace tema::cli {

namespace {

constexpr const char* kUsage = R"(usage:
  tema field PROJECT define NAME [--after NAME]
  tema field PROJECT rename NAME NEWNAME
  tema field PROJECT move NAME (--after NAME | --first)
  tema field PROJECT delete NAME
  tema field PROJECT list)";

struct Args {
    std::vector<std::string> words;  // PROJECT VERB ...
    std::string after;
    bool first = false;
};

int print_fields(const Context& context, store::Database& db) {
    const auto fields = coding::list_fields(db);
    if (context.json) {
        nlohmann::json json = nlohmann::json::array();
        for (const auto& field : fields) {
            json.push_back({{"id", field.id}, {"name", field.name}, {"position", field.position}});
        }
        Context::print_json(json);
        return 0;
    }
    if (fields.empty()) {
        std::cout << "No fields yet. Add one with: tema field PROJECT define NAME\n";
    }
    for (const auto& field : fields) {
        std::cout << field.position << ". " << field.name << "\n";
    }
    return 0;
}

int run(Context& context, const Args& args) {
    const auto& w = args.words;
    if (w.size() < 2) {
        throw UsageError(kUsage);
    }
    const std::string& verb = w[1];
    const std::size_t wanted = verb == "list"                                           ? 2
                               : verb == "rename"                                       ? 4
                               : verb == "define" || verb == "move" || verb == "delete" ? 3
                                                                                        : 0;
    if (wanted == 0 || w.size() != wanted) {
        throw UsageError(kUsage);
    }
    if (verb == "move" && args.after.empty() == !args.first) {
        throw UsageError("tema field move: give --after NAME or --first");
    }
    if (verb == "list") {
        auto project = context.open(w[0], store::Project::Access::read_only);
        return print_fields(context, project->db());
    }
    auto project = context.open(w[0], store::Project::Access::read_write);
    store::Database& db = project->db();
    const store::Coder coder = context.acting_coder(*project);
    std::optional<std::string_view> after;
    if (!args.after.empty()) {
        after = args.after;
    }
    std::string message;
    if (verb == "define") {
        const auto field = coding::define_field(*project, coder, w[2], after);
        message =
            "Defined field " + field.name + " (column " + std::to_string(field.position) + ")";
    } else {
        const coding::Field field = coding::find_field(db, w[2]);
        if (verb == "rename") {
            coding::rename_field(*project, coder, field.id, w[3]);
            message =
                "Renamed field " + field.name + " to " + coding::field_by_id(db, field.id).name;
        } else if (verb == "move") {
            coding::move_field(*project, coder, field.id, after);
            message = "Moved field " + field.name + " to column " +
                      std::to_string(coding::field_by_id(db, field.id).position);
        } else {
            coding::delete_field(*project, coder, field.id);
            message =
                "Deleted field " + field.name + " and its values (tema undo brings them back)";
        }
    }
    if (context.json) {
        return print_fields(context, db);
    }
    std::cout << message << "\n";
    return 0;
}

}  // namespace

void add_field_command(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "field", "Custom columns of the theme table: PROJECT define|rename|move|delete|list ...");
    command->footer(kUsage);
    auto args = std::make_shared<Args>();
    command->add_option("ARGS", args->words, "PROJECT VERB ARGUMENTS...")->required();
    command->add_option("--after", args->after, "define, move: right after this field");
    command->add_flag("--first", args->first, "move: to the first column");
    command->callback(
        [&context, args] { context.run = [&context, args] { return run(context, *args); }; });
}

}  // namespace tema::cli
