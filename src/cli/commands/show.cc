#include <algorithm>
#include <iomanip>
#include <iostream>
#include <limits>

#include "args.h"
#include "coding/retrieval.h"
#include "commands/commands.h"
#include "store/sources.h"
#include "text/utf8.h"

namespace tema::cli {

namespace {
constexpr std::size_t kMargin = 72;  // where the codes' margin begins
}  // namespace

void add_show_command(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("show", "Show a source with line numbers and speakers");
    struct Args {
        std::string project;
        std::string source;
        std::string lines;
    };
    auto args = std::make_shared<Args>();
    command->add_option("PROJECT", args->project, "The project file")->required();
    command->add_option("SOURCE", args->source, "A source's id or name")->required();
    command->add_option("--lines", args->lines, "Only lines A-B");
    command->callback([&context, args] {
        context.run = [&context, args] {
            const auto [first, last] = parse_line_range(args->lines);
            auto project = context.open(args->project, store::Project::Access::read_only);
            const SourceInfo source = store::find_source(project->db(), args->source);
            const auto lines = store::read_lines(project->db(), source, first, last);
            const auto codes =
                coding::codes_on_lines(project->db(), source.id, lines.front().n, lines.back().n);
            if (context.json) {
                nlohmann::json json_lines = nlohmann::json::array();
                for (std::size_t i = 0; i < lines.size(); ++i) {
                    const auto& line = lines[i];
                    nlohmann::json line_codes = nlohmann::json::array();
                    for (const auto& code : codes[i]) {
                        line_codes.push_back(
                            {{"id", code.code_id},
                             {"path", code.path},
                             {"color", code.color ? nlohmann::json(*code.color) : nlohmann::json()},
                             {"segment", code.segment},
                             {"coder", code.coder}});
                    }
                    json_lines.push_back(
                        {{"n", line.n},
                         {"text", line.text},
                         {"speaker",
                          line.speaker ? nlohmann::json(*line.speaker) : nlohmann::json()},
                         {"participant",
                          line.participant ? nlohmann::json(*line.participant) : nlohmann::json()},
                         {"time", line.time_ms ? nlohmann::json(format_time(*line.time_ms))
                                               : nlohmann::json()},
                         {"time_ms",
                          line.time_ms ? nlohmann::json(*line.time_ms) : nlohmann::json()},
                         {"start", line.start},
                         {"end", line.end},
                         {"codes", std::move(line_codes)}});
                }
                Context::print_json({{"source", source.name},
                                     {"source_id", source.id},
                                     {"lines", std::move(json_lines)}});
                return 0;
            }
            const int width = static_cast<int>(std::to_string(lines.back().n).size());
            for (std::size_t i = 0; i < lines.size(); ++i) {
                const auto& line = lines[i];
                std::string shown;
                // The line shows its own label and time; the margin adds who it is.
                if (line.turn_start && line.participant && *line.participant != *line.speaker) {
                    shown = "[" + *line.participant + "] ";
                }
                shown += line.text;
                std::cout << std::setw(width) << line.n << "  " << shown;
                // Codes in the right margin: after the text, lined up past short lines.
                if (!codes[i].empty()) {
                    const std::size_t used = text::count_codepoints(shown);
                    std::cout << std::string(used < kMargin ? kMargin - used : 0, ' ') << "  |";
                    std::vector<std::string> seen;
                    for (const auto& code : codes[i]) {
                        if (std::find(seen.begin(), seen.end(), code.path) == seen.end()) {
                            std::cout << (seen.empty() ? " " : "; ") << code.path;
                            seen.push_back(code.path);
                        }
                    }
                }
                std::cout << "\n";
            }
            return 0;
        };
    });
}

}  // namespace tema::cli
