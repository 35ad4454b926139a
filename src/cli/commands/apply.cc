#include <iostream>

#include "args.h"
#include "coding/codebook.h"
#include "coding/segments.h"
#include "commands/commands.h"
#include "store/sources.h"

namespace tema::cli {

namespace {

nlohmann::json applied_json(const coding::Applied& applied, const std::string& code,
                            const std::string& source) {
    return {{"segment", applied.segment},
            {"code", code},
            {"code_id", applied.code_id},
            {"source", source},
            {"source_id", applied.source_id},
            {"start", applied.start},
            {"end", applied.end},
            {"start_line", applied.start_line},
            {"end_line", applied.end_line},
            {"created", applied.created},
            {"joined", applied.joined},
            {"changed", applied.changed}};
}

std::string lines_label(const coding::Applied& applied) {
    return applied.start_line == applied.end_line ? "l. " + std::to_string(applied.start_line)
                                                  : "l. " + std::to_string(applied.start_line) +
                                                        "-" + std::to_string(applied.end_line);
}

void say_applied(const coding::Applied& applied, const std::string& code,
                 const std::string& source) {
    const std::string where = source + " " + lines_label(applied) + " [" +
                              std::to_string(applied.start) + ":" + std::to_string(applied.end) +
                              ")";
    if (!applied.changed) {
        std::cout << "Already coded: " << where << " has '" << code << "' (segment "
                  << applied.segment << "); nothing changed\n";
    } else if (applied.created) {
        std::cout << "Coded " << where << " with '" << code << "' (segment " << applied.segment
                  << ")\n";
    } else {
        std::cout << "Extended segment " << applied.segment << " of '" << code << "' to " << where
                  << "\n";
    }
}

coding::Range to_range(std::pair<std::uint32_t, std::uint32_t> span) {
    return {span.first, span.second};
}

void add_apply(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "apply", "Code a segment: PROJECT CODE SOURCE (--lines A-B | --range START:END)");
    struct Args {
        std::string project, code, source, lines, range;
        std::optional<std::string> memo, translation;
    };
    auto args = std::make_shared<Args>();
    command->add_option("PROJECT", args->project, "The project file")->required();
    command->add_option("CODE", args->code, "A code's id, name or path")->required();
    command->add_option("SOURCE", args->source, "A source's id or name")->required();
    auto* lines = command->add_option("--lines", args->lines, "Lines A-B (or A), whole lines");
    auto* range = command->add_option("--range", args->range,
                                      "START:END in characters (code points), end exclusive");
    lines->excludes(range);
    command->add_option("--memo", args->memo, "A memo on the segment");
    command->add_option("--translation", args->translation, "A translation of the quote");
    command->callback([&context, args] {
        context.run = [&context, args] {
            if (args->lines.empty() == args->range.empty()) {
                throw UsageError("tema apply: give either --lines A-B or --range START:END");
            }
            std::pair<std::int64_t, std::int64_t> line_span;
            std::pair<std::uint32_t, std::uint32_t> cp_span;
            if (!args->lines.empty()) {
                line_span = parse_line_range(args->lines);
            } else {
                cp_span = parse_codepoint_range(args->range);
            }
            auto project = context.open(args->project, store::Project::Access::read_write);
            store::Database& db = project->db();
            const coding::Code code = coding::find_code(db, args->code);
            const SourceInfo source = store::find_source(db, args->source);
            const coding::Range where =
                args->lines.empty()
                    ? coding::Range{cp_span.first, cp_span.second}
                    : coding::line_range(db, source.id, line_span.first, line_span.second);
            const store::Coder coder = context.acting_coder(*project);
            const auto applied =
                coding::apply_code(*project, coder, code.id, source.id, where,
                                   {args->memo.value_or(""), args->translation.value_or("")});
            if (context.json) {
                Context::print_json(applied_json(applied, code.path, source.name));
            } else {
                say_applied(applied, code.path, source.name);
            }
            return 0;
        };
    });
}

void add_invivo(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "invivo", "In-vivo coding: the participant's words become a code and are coded");
    struct Args {
        std::string project, source, words, parent, range;
        std::int64_t occurrence = 1;
    };
    auto args = std::make_shared<Args>();
    command->add_option("PROJECT", args->project, "The project file")->required();
    command->add_option("SOURCE", args->source, "A source's id or name")->required();
    auto* words = command->add_option("TEXT", args->words, "The words, exactly as in the source");
    auto* range = command->add_option(
        "--range", args->range,
        "START:END in characters (code points): the words there, instead of TEXT");
    range->excludes(words);
    auto* occurrence =
        command->add_option("--occurrence", args->occurrence, "Which occurrence (from 1)");
    range->excludes(occurrence);
    command->add_option("--parent", args->parent, "Make the code under this code");
    command->callback([&context, args] {
        context.run = [&context, args] {
            if (args->words.empty() == args->range.empty()) {
                throw UsageError("tema invivo: give either TEXT or --range START:END");
            }
            if (args->occurrence < 1) {
                throw UsageError("--occurrence counts from 1");
            }
            auto project = context.open(args->project, store::Project::Access::read_write);
            store::Database& db = project->db();
            const SourceInfo source = store::find_source(db, args->source);
            std::optional<std::int64_t> parent;
            if (!args->parent.empty()) {
                parent = coding::find_code(db, args->parent).id;
            }
            const store::Coder coder = context.acting_coder(*project);
            const auto result =
                args->range.empty()
                    ? coding::invivo(*project, coder, source.id, args->words, args->occurrence,
                                     parent)
                    : coding::invivo_range(*project, coder, source.id,
                                           to_range(parse_codepoint_range(args->range)), parent);
            const std::string path = coding::get_code(db, result.code_id).path;
            if (context.json) {
                auto json = applied_json(result.applied, path, source.name);
                json["code_created"] = result.code_created;
                Context::print_json(json);
            } else {
                if (result.code_created) {
                    std::cout << "New in-vivo code '" << path << "' (#" << result.code_id << ")\n";
                }
                say_applied(result.applied, path, source.name);
            }
            return 0;
        };
    });
}

void add_unapply(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("unapply", "Remove a coded segment");
    struct Args {
        std::string project, segment;
    };
    auto args = std::make_shared<Args>();
    command->add_option("PROJECT", args->project, "The project file")->required();
    command->add_option("SEGMENT", args->segment, "The segment's id")->required();
    command->callback([&context, args] {
        context.run = [&context, args] {
            const std::int64_t id = parse_id(args->segment, "segment");
            auto project = context.open(args->project, store::Project::Access::read_write);
            const store::Coder coder = context.acting_coder(*project);
            coding::unapply(*project, coder, id);
            if (context.json) {
                Context::print_json({{"segment", id}, {"removed", true}});
            } else {
                std::cout << "Removed segment " << id << "\n";
            }
            return 0;
        };
    });
}

void add_segment(CLI::App& app, Context& context) {
    auto* command =
        app.add_subcommand("segment",
                           "A coded segment's memo and translation: PROJECT SEGMENT [--memo T] "
                           "[--translation T]");
    struct Args {
        std::string project, segment;
        std::optional<std::string> memo, translation;
    };
    auto args = std::make_shared<Args>();
    command->add_option("PROJECT", args->project, "The project file")->required();
    command->add_option("SEGMENT", args->segment, "The segment's id")->required();
    command->add_option("--memo", args->memo, "Set the memo");
    command->add_option("--translation", args->translation, "Set the translation");
    command->callback([&context, args] {
        context.run = [&context, args] {
            const std::int64_t id = parse_id(args->segment, "segment");
            const bool editing = args->memo || args->translation;
            auto project = context.open(args->project, editing ? store::Project::Access::read_write
                                                               : store::Project::Access::read_only);
            if (editing) {
                const store::Coder coder = context.acting_coder(*project);
                coding::annotate_segment(*project, coder, id, args->memo, args->translation);
            }
            const auto segment = coding::get_segment(project->db(), id);
            const auto code = coding::get_code(project->db(), segment.code_id);
            if (context.json) {
                Context::print_json({{"segment", segment.id},
                                     {"guid", segment.guid},
                                     {"code", code.path},
                                     {"code_id", code.id},
                                     {"source_id", segment.source_id},
                                     {"start", segment.start},
                                     {"end", segment.end},
                                     {"memo", segment.memo},
                                     {"translation", segment.translation}});
            } else {
                std::cout << "Segment " << segment.id << " of '" << code.path << "' ["
                          << segment.start << ":" << segment.end << ")\n";
                if (!segment.memo.empty()) {
                    std::cout << "memo: " << segment.memo << "\n";
                }
                if (!segment.translation.empty()) {
                    std::cout << "translation: " << segment.translation << "\n";
                }
            }
            return 0;
        };
    });
}

}  // namespace

void add_apply_commands(CLI::App& app, Context& context) {
    add_apply(app, context);
    add_invivo(app, context);
    add_unapply(app, context);
    add_segment(app, context);
}

}  // namespace tema::cli
