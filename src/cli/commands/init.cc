#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "commands/commands.h"

namespace tema::cli {

namespace {

// The coder a new project starts with: --coder, $TEMA_CODER, the login name.
std::string first_coder(const Context& context) {
    if (!context.coder.empty()) {
        return context.coder;
    }
    if (const char* env = std::getenv("TEMA_CODER"); env != nullptr && *env != '\0') {
        return env;
    }
    if (const passwd* user = ::getpwuid(::getuid()); user != nullptr && user->pw_name != nullptr) {
        return user->pw_name;
    }
    return "researcher";
}

}  // namespace

void add_init_command(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("init", "Create a new project (refuses to overwrite)");
    auto project = std::make_shared<std::string>();
    auto title = std::make_shared<std::string>();
    command->add_option("PROJECT", *project, "The new project file, NAME.tema")->required();
    command->add_option("--title", *title, "The project's title");
    command->callback([&context, project, title] {
        context.run = [&context, project, title] {
            store::Project::create(*project, {*title, first_coder(context)});
            store::Project opened(*project);
            if (context.json) {
                Context::print_json({{"project", *project},
                                     {"title", opened.title()},
                                     {"coder", opened.default_coder().name},
                                     {"schema_version", opened.schema_version()}});
            } else {
                std::cout << "Created " << *project << " (\"" << opened.title()
                          << "\"), default coder " << opened.default_coder().name << "\n";
            }
            return 0;
        };
    });
}

}  // namespace tema::cli
