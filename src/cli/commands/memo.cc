// tema memo PROJECT add|edit|delete|list ...: memos and the reflexive journal.
#include <iostream>

#include "args.h"
#include "coding/memos.h"
#include "coding/names.h"
#include "coding/segments.h"
#include "commands/commands.h"

namespace tema::cli {

namespace {

constexpr const char* kUsage = R"(usage:
  tema memo PROJECT add [--on OBJECT [--lines A-B]] [--kind note|familiarisation|journal|analytic] TEXT
  tema memo PROJECT edit ID TEXT
  tema memo PROJECT delete ID
  tema memo PROJECT list [--on OBJECT] [--kind KIND]
OBJECT is what the memo is on: project (the default), source:NAME, a passage
source:NAME@START-END (characters, end exclusive; or source:NAME with --lines A-B),
code:PATH, theme:PATH, segment:ID or participant:ID (source:fokusgruppe-2,
source:fokusgruppe-2@120-185, code:Arbeidsgiver/Kontakt, theme:Samarbeid, segment:12,
participant:P07). Names and paths may be ids.)";

struct Args {
    std::vector<std::string> words;  // PROJECT VERB ...
    std::string on;
    std::string kind;
    std::string lines;  // with --on source:NAME: the passage of these lines
};

nlohmann::json memo_json(const coding::Memo& memo) {
    nlohmann::json json = {{"id", memo.id},
                           {"guid", memo.guid},
                           {"kind", coding::memo_kind_name(memo.kind)},
                           {"on", memo.on},
                           {"place", memo.place},
                           {"author", memo.author},
                           {"created", memo.created},
                           {"modified", memo.modified},
                           {"text", memo.text}};
    if (memo.target.kind == coding::MemoTarget::Kind::passage) {
        json["start"] = memo.target.start;
        json["end"] = memo.target.end;
    }
    return json;
}

// The target of `--on` (and `--lines`).
coding::MemoTarget target_of(store::Database& db, const Args& args) {
    const auto target = coding::parse_target(db, args.on.empty() ? "project" : args.on);
    if (args.lines.empty()) {
        return target;
    }
    if (target.kind != coding::MemoTarget::Kind::source) {
        throw UsageError("tema memo add: --lines A-B goes with --on source:NAME");
    }
    const auto [first, last] = parse_line_range(args.lines);
    const coding::Range range = coding::line_range(db, target.id, first, last);
    return coding::passage(target.id, range.start, range.end);
}

std::int64_t memo_id(const std::string& text) {
    const auto id = coding::parse_id(text);
    if (!id) {
        throw UsageError("memo " + text + ": a memo is given by its id (a number)");
    }
    return *id;
}

int list(const Context& context, store::Database& db, const Args& args) {
    coding::MemoFilter filter;
    if (!args.kind.empty()) {
        filter.kind = coding::parse_memo_kind(args.kind);
    }
    if (!args.on.empty()) {
        filter.target = coding::parse_target(db, args.on);
    }
    const auto memos = coding::list_memos(db, filter);
    if (context.json) {
        nlohmann::json json = nlohmann::json::array();
        for (const auto& memo : memos) {
            json.push_back(memo_json(memo));
        }
        Context::print_json(json);
        return 0;
    }
    if (memos.empty()) {
        std::cout << "No memos.\n";
    }
    for (const auto& memo : memos) {
        std::cout << "#" << memo.id << "  " << memo.created.substr(0, 10) << "  " << memo.author
                  << "  " << coding::memo_kind_name(memo.kind) << "  on " << memo.on;
        if (memo.place != memo.on) {
            std::cout << "  (" << memo.place << ")";
        }
        std::cout << "\n";
        std::string text = memo.text;
        for (std::size_t at = 0; (at = text.find('\n', at)) != std::string::npos; at += 5) {
            text.replace(at, 1, "\n    ");
        }
        std::cout << "    " << text << "\n";
    }
    return 0;
}

int run(Context& context, const Args& args) {
    const auto& w = args.words;
    if (w.size() < 2) {
        throw UsageError(kUsage);
    }
    const std::string& verb = w[1];
    const std::size_t wanted = verb == "list"                      ? 2
                               : verb == "add" || verb == "delete" ? 3
                               : verb == "edit"                    ? 4
                                                                   : 0;
    if (wanted == 0 || w.size() != wanted) {
        throw UsageError(kUsage);
    }
    if (verb != "add" && !args.lines.empty()) {
        throw UsageError("tema memo " + verb + ": --lines is for add");
    }
    if (verb == "list") {
        auto project = context.open(w[0], store::Project::Access::read_only);
        return list(context, project->db(), args);
    }
    if (verb != "add" && (!args.on.empty() || !args.kind.empty())) {
        throw UsageError("tema memo " + verb + ": --on and --kind are for add and list");
    }
    auto project = context.open(w[0], store::Project::Access::read_write);
    store::Database& db = project->db();
    const store::Coder coder = context.acting_coder(*project);
    if (verb == "add") {
        const auto kind = coding::parse_memo_kind(args.kind.empty() ? "note" : args.kind);
        const auto target = target_of(db, args);
        const auto memo = coding::add_memo(*project, coder, kind, target, w[2]);
        if (context.json) {
            Context::print_json(memo_json(memo));
        } else {
            std::cout << "Added " << coding::memo_kind_name(kind) << " memo #" << memo.id << " on "
                      << memo.on << "\n";
        }
        return 0;
    }
    const std::int64_t id = memo_id(w[2]);
    if (verb == "edit") {
        coding::edit_memo(*project, coder, id, w[3]);
        if (context.json) {
            Context::print_json(memo_json(coding::find_memo(db, id)));
        } else {
            std::cout << "Edited memo #" << id << "\n";
        }
        return 0;
    }
    const auto memo = coding::find_memo(db, id);
    coding::delete_memo(*project, coder, id);
    if (context.json) {
        Context::print_json(memo_json(memo));
    } else {
        std::cout << "Deleted memo #" << id << " (tema undo brings it back)\n";
    }
    return 0;
}

}  // namespace

void add_memo_command(CLI::App& app, Context& context) {
    auto* command =
        app.add_subcommand("memo", "Memos and the reflexive journal: PROJECT add|edit|delete|list");
    command->footer(kUsage);
    auto args = std::make_shared<Args>();
    command->add_option("ARGS", args->words, "PROJECT VERB ARGUMENTS...")->required();
    command->add_option("--on", args->on,
                        "OBJECT: project, source:NAME, code:PATH, theme:PATH, segment:ID or "
                        "participant:ID");
    command->add_option("--kind", args->kind, "note (default), familiarisation, journal, analytic");
    command->add_option("--lines", args->lines,
                        "A-B: with --on source:NAME, the memo is on the passage of these lines");
    command->callback(
        [&context, args] { context.run = [&context, args] { return run(context, *args); }; });
}

}  // namespace tema::cli
