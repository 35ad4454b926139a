// tema: the command line over Tema's core. The contract is ../shared/CLI.md.
#include <CLI/CLI.hpp>
#include <iostream>

#include "commands/commands.h"
#include "context.h"
#include "util/error.h"

int main(int argc, char** argv) {
    tema::cli::Context context;
    CLI::App app{"Tema: thematic analysis of qualitative data", "tema"};
    app.require_subcommand(1);
    app.fallthrough();
    app.add_flag("--json", context.json, "Print one JSON document on stdout");
    app.add_option("--coder", context.coder,
                   "Act as this coder (else $TEMA_CODER, else the default)");
    tema::cli::add_commands(app, context);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        return app.exit(error) == 0 ? 0 : 2;
    }
    try {
        return context.run ? context.run() : 0;
    } catch (const tema::cli::UsageError& error) {
        std::cerr << "tema: " << error.what() << "\n";
        return 2;
    } catch (const tema::Error& error) {
        std::cerr << "tema: " << error.what() << "\n";
        return 1;
    } catch (const std::exception& error) {
        std::cerr << "tema: " << error.what() << "\n";
        return 1;
    }
}
