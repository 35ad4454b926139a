#include "app.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "commands/commands.h"
#include "context.h"
#include "util/error.h"

namespace tema::cli {

namespace {

// The words of one batch line: a JSON array of strings.
std::vector<std::string> batch_words(const std::string& line, std::size_t number) {
    const auto where = "batch: line " + std::to_string(number) + ": ";
    nlohmann::json words;
    try {
        words = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error&) {
        throw UsageError(where + "expected a JSON array of strings, one command per line");
    }
    if (!words.is_array() || words.empty()) {
        throw UsageError(where + "expected a JSON array of strings, one command per line");
    }
    std::vector<std::string> result;
    for (const auto& word : words) {
        if (!word.is_string()) {
            throw UsageError(where + "every word must be a string");
        }
        result.push_back(word.get<std::string>());
    }
    if (std::find(result.begin(), result.end(), "batch") != result.end()) {
        throw UsageError(where + "a batch cannot run another batch");
    }
    return result;
}

void add_batch_command(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "batch", "Run many commands in one process: FILE (or - for stdin), one per line");
    command->footer(
        "Each line is a JSON array of the words that would follow `tema`, for example\n"
        "  [\"--coder\", \"anna\", \"apply\", \"studie.tema\", \"Kontakt\", \"fg2\", \"--lines\", "
        "\"14-16\"]\n"
        "Blank lines and lines starting with # are skipped. The commands run in order, each as\n"
        "if run on its own (its own output, its own action); the batch stops at the first one\n"
        "that fails and exits with its status.");
    auto file = std::make_shared<std::string>("-");
    command->add_option("FILE", *file, "The commands, one per line (- : stdin)");
    command->callback([&context, file] {
        context.run = [file]() -> int {
            std::ifstream opened;
            if (*file != "-") {
                opened.open(*file);
                if (!opened) {
                    throw Error(*file, "cannot be read");
                }
            }
            std::istream& in = *file == "-" ? std::cin : opened;
            std::string line;
            std::size_t number = 0;
            while (std::getline(in, line)) {
                ++number;
                const auto first = line.find_first_not_of(" \t\r");
                if (first == std::string::npos || line[first] == '#') {
                    continue;
                }
                const int status = run_tema(batch_words(line, number));
                if (status != 0) {
                    std::cout.flush();
                    std::cerr << "tema: batch: line " << number << " failed; stopped there\n";
                    return status;
                }
            }
            return 0;
        };
    });
}

}  // namespace

int run_tema(const std::vector<std::string>& args) {
    Context context;
    CLI::App app{"Tema: thematic analysis of qualitative data", "tema"};
    app.require_subcommand(1);
    app.fallthrough();
    app.add_flag("--json", context.json, "Print one JSON document on stdout");
    app.add_option("--coder", context.coder,
                   "Act as this coder (else $TEMA_CODER, else the default)");
    add_commands(app, context);
    add_batch_command(app, context);
    try {
        std::vector<std::string> reversed(args.rbegin(), args.rend());  // as CLI11 wants them
        app.parse(reversed);
    } catch (const CLI::ParseError& error) {
        return app.exit(error) == 0 ? 0 : 2;
    }
    try {
        return context.run ? context.run() : 0;
    } catch (const UsageError& error) {
        std::cerr << "tema: " << error.what() << "\n";
        return 2;
    } catch (const Error& error) {
        std::cerr << "tema: " << error.what() << "\n";
        return 1;
    } catch (const std::exception& error) {
        std::cerr << "tema: " << error.what() << "\n";
        return 1;
    }
}

}  // namespace tema::cli
