// tema search, tema autocode, tema index: full-text search over the project.
#include <iostream>

#include "coding/codebook.h"
#include "model/source.h"
#include "commands/commands.h"
#include "progress_bar.h"
#include "search/autocode.h"
#include "search/index.h"

namespace tema::cli {

namespace {

struct SearchArgs {
    std::string project, query;
    bool exact = false, fold = false;
    std::string source, speaker, participant, code;
};

void add_search_options(CLI::App* command, const std::shared_ptr<SearchArgs>& args) {
    command->add_flag("--exact", args->exact, "Words as written: no stemming");
    command->add_flag("--fold", args->fold,
                      "Accent- and OCR-tolerant: æ→ae, ø→o, å→a, and ø read as g");
    command->add_option("--source", args->source, "Only this source");
    command->add_option("--speaker", args->speaker, "Only this speaker's turns");
    command->add_option("--participant", args->participant, "Only this participant's turns (P07)");
    command->add_option("--code", args->code, "Only passages coded with this code or its subcodes");
}

search::SearchRequest request_of(const SearchArgs& args) {
    search::SearchRequest request;
    request.query = args.query;
    request.exact = args.exact;
    request.fold = args.fold;
    const auto set = [](std::optional<std::string>& field, const std::string& value) {
        if (!value.empty()) {
            field = value;
        }
    };
    set(request.source, args.source);
    set(request.speaker, args.speaker);
    set(request.participant, args.participant);
    set(request.code, args.code);
    return request;
}

// Brings the index up to date, saying on stderr what that took.
void sync_index(search::SearchIndex& index) {
    ProgressBar progress;
    const search::SyncReport report = index.sync(progress);
    if (report.busy) {
        Context::warn(index.path().string() +
                      ": another Tema is updating the index; results may miss recent changes");
    } else if (report.rebuilt) {
        Context::warn(index.path().string() + ": search index built (" + report.reason + "): " +
                      std::to_string(report.indexed) + " sources, " +
                      std::to_string(report.passages) + " passages");
    } else if (report.indexed + report.removed > 0) {
        Context::warn(index.path().string() + ": search index updated: " +
                      std::to_string(report.indexed) + " sources indexed, " +
                      std::to_string(report.removed) + " removed");
    }
}

nlohmann::json optional_json(const std::optional<std::string>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json();
}

nlohmann::json hit_json(const search::Hit& hit) {
    nlohmann::json marks = nlohmann::json::array();
    for (const search::Mark& mark : hit.marks) {
        marks.push_back({mark.start, mark.end});
    }
    return {{"source", hit.source},
            {"source_id", hit.source_id},
            {"line", hit.line},
            {"lines", hit.lines},
            {"first_line", hit.first_line},
            {"last_line", hit.last_line},
            {"start", hit.start},
            {"end", hit.end},
            {"speaker", optional_json(hit.speaker)},
            {"participant", optional_json(hit.participant)},
            {"time", hit.time_ms ? nlohmann::json(format_time(*hit.time_ms)) : nlohmann::json()},
            {"snippet", hit.snippet},
            {"marks", marks},
            {"weight", hit.weight}};
}

void print_hit(const search::Hit& hit) {
    std::cout << "\n" << hit.source << ", l. " << hit.line;
    if (hit.speaker) {
        std::cout << "  " << *hit.speaker;
        if (hit.participant && *hit.participant != *hit.speaker) {
            std::cout << " [" << *hit.participant << "]";
        }
    }
    if (hit.time_ms) {
        std::cout << "  " << format_time(*hit.time_ms);
    }
    std::cout << "\n  " << hit.snippet << "\n";
}

}  // namespace

void add_search_commands(CLI::App& app, Context& context) {
    auto* search = app.add_subcommand("search", "Full-text search of every source");
    {
        struct Args : SearchArgs {
            std::size_t limit = 20, offset = 0;
            std::string order = "relevance";
        };
        auto args = std::make_shared<Args>();
        search->add_option("PROJECT", args->project, "The project file")->required();
        search->add_option("QUERY", args->query,
                           "Words, \"phrases\", AND OR NOT ( ), støtt*, a NEAR b, "
                           "and filters such as speaker:P03 role:jobbspesialist")
            ->required();
        add_search_options(search, args);
        search->add_option("--limit", args->limit, "Hits to show (0: all)")->capture_default_str();
        search->add_option("--offset", args->offset, "Hits to skip first (paging)")->capture_default_str();
        search->add_option("--order", args->order, "relevance or document")->capture_default_str()
            ->check(CLI::IsMember({"relevance", "document"}));
        search->callback([&context, args] {
            context.run = [&context, args] {
                auto project = context.open(args->project, store::Project::Access::read_only);
                search::SearchIndex index(*project);
                sync_index(index);
                search::SearchRequest request = request_of(*args);
                request.limit = args->limit;
                request.offset = args->offset;
                request.order = args->order == "document" ? search::SearchRequest::Order::document
                                                          : search::SearchRequest::Order::relevance;
                const search::SearchResult result = index.search(request);
                if (result.partial) {
                    Context::warn(index.path().string() +
                                  ": the index does not hold every source yet; results are partial");
                }
                if (context.json) {
                    nlohmann::json hits = nlohmann::json::array();
                    for (const search::Hit& hit : result.hits) {
                        hits.push_back(hit_json(hit));
                    }
                    Context::print_json({{"query", result.query},
                                         {"total", result.total},
                                         {"total_exact", result.total_exact},
                                         {"offset", args->offset},
                                         {"hits", hits},
                                         {"suggestion", optional_json(result.suggestion)},
                                         {"partial", result.partial}});
                    return 0;
                }
                std::cout << (result.total_exact ? "" : "about ") << result.total
                          << (result.total == 1 ? " hit" : " hits");
                if (result.hits.size() < result.total) {
                    std::cout << " (showing " << args->offset + 1 << "-"
                              << args->offset + result.hits.size() << ")";
                }
                std::cout << "\n";
                if (result.suggestion) {
                    std::cout << "Did you mean: " << *result.suggestion << "\n";
                }
                for (const search::Hit& hit : result.hits) {
                    print_hit(hit);
                }
                return 0;
            };
        });
    }

    auto* autocode = app.add_subcommand("autocode", "Code every hit of a search, as one action");
    {
        struct Args : SearchArgs {
            std::string code_name, unit = "line";
        };
        auto args = std::make_shared<Args>();
        autocode->add_option("PROJECT", args->project, "The project file")->required();
        autocode->add_option("QUERY", args->query, "A search query, as for tema search")
            ->required();
        autocode->add_option("CODE", args->code_name, "The code to apply")->required();
        add_search_options(autocode, args);
        autocode->add_option("--unit", args->unit, "Code the hit's line or its whole turn")->capture_default_str()
            ->check(CLI::IsMember({"line", "turn"}));
        autocode->callback([&context, args] {
            context.run = [&context, args] {
                auto project = context.open(args->project, store::Project::Access::read_write);
                const store::Coder coder = context.acting_coder(*project);
                const coding::Code code = coding::find_code(project->db(), args->code_name);
                search::SearchIndex index(*project);
                sync_index(index);
                const search::AutocodeResult result = search::autocode(
                    *project, coder, index, request_of(*args), code.id,
                    args->unit == "turn" ? search::AutocodeUnit::turn : search::AutocodeUnit::line);
                const auto segments = result.applied.created + result.applied.extended;
                if (context.json) {
                    Context::print_json({{"hits", result.hits},
                                         {"segments", segments},
                                         {"created", result.applied.created},
                                         {"extended", result.applied.extended},
                                         {"unchanged", result.applied.unchanged}});
                    return 0;
                }
                std::cout << result.hits << (result.hits == 1 ? " hit" : " hits") << " coded with '"
                          << code.path << "': " << result.applied.created << " new segments, "
                          << result.applied.extended << " extended, " << result.applied.unchanged
                          << " already coded\n";
                return 0;
            };
        });
    }

    auto* index_command = app.add_subcommand("index", "The search index: rebuild or check it");
    {
        struct Args {
            std::string project, what;
        };
        auto args = std::make_shared<Args>();
        index_command->add_option("PROJECT", args->project, "The project file")->required();
        index_command->add_option("ACTION", args->what, "rebuild or check")
            ->required()
            ->check(CLI::IsMember({"rebuild", "check"}));
        index_command->callback([&context, args] {
            context.run = [&context, args] {
                auto project = context.open(args->project, store::Project::Access::read_only);
                search::SearchIndex index(*project);
                if (args->what == "rebuild") {
                    ProgressBar progress;
                    const search::SyncReport report = index.rebuild(progress);
                    if (context.json) {
                        Context::print_json(
                            {{"sources", report.indexed}, {"passages", report.passages}});
                    } else {
                        std::cout << index.path().string() << ": " << report.indexed
                                  << " sources, " << report.passages << " passages\n";
                    }
                    return 0;
                }
                const search::IndexCheck check = index.check();
                if (context.json) {
                    Context::print_json({{"path", index.path().string()},
                                         {"exists", check.exists},
                                         {"problem", check.problem},
                                         {"sources", check.sources},
                                         {"passages", check.passages},
                                         {"stale", check.stale},
                                         {"removed", check.removed},
                                         {"bytes", check.bytes}});
                } else if (check.problem.empty()) {
                    std::cout << index.path().string() << ": sound; " << check.sources
                              << " sources, " << check.passages << " passages, " << check.bytes
                              << " bytes; " << check.stale << " sources to index, "
                              << check.removed << " to drop\n";
                }
                if (!check.problem.empty()) {
                    Context::warn(index.path().string() + ": the search index is " +
                                  check.problem + "; run: tema index PROJECT rebuild");
                    return 1;
                }
                return 0;
            };
        });
    }
}

}  // namespace tema::cli
