#include <iostream>

#include "coding/codebook.h"
#include "coding/retrieval.h"
#include "commands/commands.h"
#include "store/sources.h"

namespace tema::cli {

namespace {

nlohmann::json optional_json(const std::optional<std::string>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json();
}

}  // namespace

void add_retrieve_command(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("retrieve", "Every coded segment of a code, with its words");
    struct Args {
        std::string project, code, participant, attribute, source, coded_by;
        bool with_children = false;
    };
    auto args = std::make_shared<Args>();
    command->add_option("PROJECT", args->project, "The project file")->required();
    command->add_option("CODE", args->code, "A code's id, name or path")->required();
    command->add_flag("--with-children", args->with_children, "Include the code's subcodes");
    command->add_option("--participant", args->participant, "Only this participant's words (P07)");
    command->add_option("--attribute", args->attribute,
                        "Only participants with this attribute value (role=jobbspesialist)");
    command->add_option("--source", args->source, "Only this source");
    command->add_option("--coded-by", args->coded_by, "Only segments this coder made");
    command->callback([&context, args] {
        context.run = [&context, args] {
            coding::RetrievalFilter filter;
            filter.with_children = args->with_children;
            if (!args->participant.empty()) {
                filter.participant = args->participant;
            }
            if (!args->attribute.empty()) {
                const auto equals = args->attribute.find('=');
                if (equals == std::string::npos || equals == 0) {
                    throw UsageError("--attribute " + args->attribute +
                                     ": expected NAME=VALUE, such as role=jobbspesialist");
                }
                filter.attribute = {args->attribute.substr(0, equals),
                                    args->attribute.substr(equals + 1)};
            }
            auto project = context.open(args->project, store::Project::Access::read_only);
            store::Database& db = project->db();
            const coding::Code code = coding::find_code(db, args->code);
            if (!args->source.empty()) {
                filter.source_id = store::find_source(db, args->source).id;
            }
            if (!args->coded_by.empty()) {
                filter.coder_id = store::find_coder(db, args->coded_by).id;
            }
            const auto segments = coding::retrieve(db, code.id, filter);
            if (context.json) {
                nlohmann::json json = nlohmann::json::array();
                for (const auto& s : segments) {
                    json.push_back({{"segment", s.segment},
                                    {"code", s.code},
                                    {"code_id", s.code_id},
                                    {"source", s.source},
                                    {"source_id", s.source_id},
                                    {"start", s.start},
                                    {"end", s.end},
                                    {"start_line", s.start_line},
                                    {"end_line", s.end_line},
                                    {"speaker", optional_json(s.speaker)},
                                    {"participant", optional_json(s.participant)},
                                    {"coder", s.coder},
                                    {"text", s.text},
                                    {"memo", s.memo},
                                    {"translation", s.translation}});
                }
                Context::print_json(json);
                return 0;
            }
            std::cout << "'" << code.path << "': " << segments.size()
                      << (segments.size() == 1 ? " segment" : " segments") << "\n";
            for (const auto& s : segments) {
                std::cout << "\n#" << s.segment << "  " << s.source << ", l. " << s.start_line;
                if (s.end_line != s.start_line) {
                    std::cout << "-" << s.end_line;
                }
                if (s.speaker) {
                    std::cout << ", " << *s.speaker;
                    if (s.participant && *s.participant != *s.speaker) {
                        std::cout << " [" << *s.participant << "]";
                    }
                }
                std::cout << "  (" << s.coder;
                if (s.code != code.path) {
                    std::cout << "; " << s.code;
                }
                std::cout << ")\n  " << s.text << "\n";
                if (!s.translation.empty()) {
                    std::cout << "  = " << s.translation << "\n";
                }
                if (!s.memo.empty()) {
                    std::cout << "  memo: " << s.memo << "\n";
                }
            }
            return 0;
        };
    });
}

}  // namespace tema::cli
