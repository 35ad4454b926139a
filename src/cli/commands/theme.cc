// tema theme PROJECT add|rename|move|reorder|define|status|link|unlink|set|delete ...
#include <charconv>
#include <iostream>

#include "coding/codebook.h"
#include "coding/fields.h"
#include "commands/commands.h"
#include "commands/theme_json.h"

namespace tema::cli {

namespace {

constexpr const char* kUsage = R"(usage:
  tema theme PROJECT add NAME [--parent THEME]
  tema theme PROJECT rename THEME NEWNAME
  tema theme PROJECT move THEME (--parent THEME | --top) [--position N]
  tema theme PROJECT reorder THEME N
  tema theme PROJECT define THEME TEXT
  tema theme PROJECT status THEME candidate|reviewed|final|discarded
  tema theme PROJECT link|unlink THEME CODE
  tema theme PROJECT set THEME FIELD VALUE
  tema theme PROJECT delete THEME
THEME and CODE are an id, a name, or a path with '/' (Arbeidsgiver/Kontakt).)";

struct Args {
    std::vector<std::string> words;  // PROJECT VERB ...
    std::string parent;
    bool top = false;
    std::int64_t position = 0;
    CLI::Option* position_option = nullptr;  // to tell --position 0 from no --position
};

std::int64_t parse_position(const std::string& text) {
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < 1) {
        throw UsageError("position " + text + ": expected a number from 1");
    }
    return value;
}

int run(Context& context, const Args& args) {
    const auto& w = args.words;
    if (w.size() < 3) {
        throw UsageError(kUsage);
    }
    const std::string& verb = w[1];
    auto expect = [&](std::size_t count) {
        if (w.size() != count) {
            throw UsageError(kUsage);
        }
    };
    if (verb == "add") {
        expect(3);
    } else if (verb == "rename" || verb == "define" || verb == "status" || verb == "link" ||
               verb == "unlink" || verb == "reorder") {
        expect(4);
    } else if (verb == "set") {
        expect(5);
    } else if (verb == "move" || verb == "delete") {
        expect(3);
    } else {
        throw UsageError(kUsage);
    }
    const bool positioned = args.position_option != nullptr && args.position_option->count() > 0;
    if (positioned && args.position < 1) {
        throw UsageError("--position " + std::to_string(args.position) +
                         ": expected a place from 1");
    }
    if ((!args.parent.empty() && verb != "add" && verb != "move") ||
        ((args.top || positioned) && verb != "move")) {
        throw UsageError("tema theme " + verb + ": --parent is for add and move, --top and " +
                         "--position for move");
    }
    if (verb == "move" && args.parent.empty() == !args.top && !positioned) {
        throw UsageError("tema theme move: give --parent THEME, --top or --position N");
    }
    if (verb == "move" && !args.parent.empty() && args.top) {
        throw UsageError("tema theme move: give --parent THEME or --top, not both");
    }
    auto project = context.open(w[0], store::Project::Access::read_write);
    store::Database& db = project->db();
    const store::Coder coder = context.acting_coder(*project);
    std::int64_t shown = 0;
    std::string message;
    if (verb == "add") {
        std::optional<std::int64_t> parent;
        if (!args.parent.empty()) {
            parent = coding::find_theme(db, args.parent).id;
        }
        const auto theme = coding::add_theme(*project, coder, w[2], parent);
        shown = theme.id;
        message = "Added theme " + theme.path;
    } else {
        const coding::Theme theme = coding::find_theme(db, w[2]);
        shown = theme.id;
        if (verb == "rename") {
            coding::rename_theme(*project, coder, theme.id, w[3]);
            message = "Renamed " + theme.path + " to " + coding::theme_by_id(db, theme.id).path;
        } else if (verb == "move") {
            if (args.parent.empty() && !args.top) {
                coding::reorder_theme(*project, coder, theme.id, args.position);
                message = "Put " + theme.path + " at place " + std::to_string(args.position);
            } else {
                std::optional<std::int64_t> parent;
                if (!args.parent.empty()) {
                    parent = coding::find_theme(db, args.parent).id;
                }
                coding::move_theme(*project, coder, theme.id, parent,
                                   args.position > 0 ? std::optional(args.position) : std::nullopt);
            }
            if (message.empty()) {
                message = "Moved " + theme.path + " to " + coding::theme_by_id(db, theme.id).path;
            }
        } else if (verb == "reorder") {
            coding::reorder_theme(*project, coder, theme.id, parse_position(w[3]));
            message = "Put " + theme.path + " at place " + w[3];
        } else if (verb == "define") {
            coding::define_theme(*project, coder, theme.id, w[3]);
            message = "Defined " + theme.path;
        } else if (verb == "status") {
            coding::set_theme_status(*project, coder, theme.id, coding::parse_status(w[3]));
            message = theme.path + " is now " + w[3];
        } else if (verb == "link" || verb == "unlink") {
            // TEMPORARY resolver (coding/code_ref.h): coding::find_code at the merge.
            const coding::Code code = coding::find_code(db, w[3]);
            if (verb == "link") {
                coding::link_code(*project, coder, theme.id, code.id);
                message = "Linked code " + code.path + " to " + theme.path;
            } else {
                coding::unlink_code(*project, coder, theme.id, code.id);
                message = "Unlinked code " + code.path + " from " + theme.path;
            }
        } else if (verb == "set") {
            const coding::Field field = coding::find_field(db, w[3]);
            coding::set_theme_value(*project, coder, theme.id, field.id, w[4]);
            message = "Set " + field.name + " of " + theme.path;
        } else if (verb == "delete") {
            const auto subthemes = coding::delete_theme(*project, coder, theme.id);
            if (context.json) {
                Context::print_json(
                    {{"deleted", theme.path}, {"id", theme.id}, {"subthemes", subthemes}});
            } else {
                std::cout << "Deleted theme " << theme.path;
                if (subthemes > 0) {
                    std::cout << " with " << subthemes
                              << (subthemes == 1 ? " subtheme" : " subthemes");
                }
                std::cout << " (tema undo brings it back)\n";
            }
            return 0;
        }
    }
    if (context.json) {
        Context::print_json(theme_json(theme_entry(db, shown)));
    } else {
        std::cout << message << "\n";
    }
    return 0;
}

}  // namespace

void add_theme_command(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "theme",
        "Edit the theme tree: PROJECT add|rename|move|reorder|define|status|link|unlink|set|"
        "delete ...");
    command->footer(kUsage);
    auto args = std::make_shared<Args>();
    command->add_option("ARGS", args->words, "PROJECT VERB ARGUMENTS...")->required();
    command->add_option("--parent", args->parent, "add, move: under this theme");
    command->add_flag("--top", args->top, "move: to the top level");
    args->position_option = command->add_option(
        "--position", args->position, "move: place among the siblings, from 1 (default: last)");
    command->callback(
        [&context, args] { context.run = [&context, args] { return run(context, *args); }; });
}

}  // namespace tema::cli
