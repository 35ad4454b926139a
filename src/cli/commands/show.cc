#include <charconv>
#include <iomanip>
#include <iostream>
#include <limits>

#include "commands/commands.h"
#include "store/sources.h"

namespace tema::cli {

namespace {

// "A-B" or "A" into a line range; the whole source when empty.
std::pair<std::int64_t, std::int64_t> parse_line_range(const std::string& range) {
    if (range.empty()) {
        return {1, std::numeric_limits<std::int64_t>::max()};
    }
    auto number = [&](std::string_view digits) {
        std::int64_t value = 0;
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
        if (ec != std::errc() || end != digits.data() + digits.size() || value < 1) {
            throw UsageError("--lines " + range + ": expected A-B, with line numbers from 1");
        }
        return value;
    };
    const auto dash = range.find('-');
    if (dash == std::string::npos) {
        const auto line = number(range);
        return {line, line};
    }
    return {number(std::string_view(range).substr(0, dash)),
            number(std::string_view(range).substr(dash + 1))};
}

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
            if (context.json) {
                nlohmann::json json_lines = nlohmann::json::array();
                for (const auto& line : lines) {
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
                         {"codes", nlohmann::json::array()}});
                }
                Context::print_json({{"source", source.name},
                                     {"source_id", source.id},
                                     {"lines", std::move(json_lines)}});
                return 0;
            }
            const int width = static_cast<int>(std::to_string(lines.back().n).size());
            for (const auto& line : lines) {
                std::cout << std::setw(width) << line.n << "  ";
                // The line shows its own label and time; the margin adds who it is.
                if (line.turn_start && line.participant && *line.participant != *line.speaker) {
                    std::cout << "[" << *line.participant << "] ";
                }
                std::cout << line.text << "\n";
            }
            return 0;
        };
    });
}

}  // namespace tema::cli
