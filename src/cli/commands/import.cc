#include <iostream>

#include "commands/commands.h"
#include "import/importer.h"
#include "progress_bar.h"

namespace tema::cli {

namespace {

nlohmann::json to_json(const import::ImportReport& report) {
    nlohmann::json json = {
        {"file", report.file}, {"ok", report.ok}, {"duplicate", report.duplicate}};
    json["error"] = report.ok ? nlohmann::json(nullptr) : nlohmann::json(report.error);
    json["source"] =
        report.source_id != 0 ? nlohmann::json(report.source) : nlohmann::json(nullptr);
    json["source_id"] =
        report.source_id != 0 ? nlohmann::json(report.source_id) : nlohmann::json(nullptr);
    if (report.ok) {
        json["kind"] = kind_name(report.kind);
        json["encoding"] = report.encoding;
        json["lang"] = text::language_code(report.lang);
        json["lines"] = report.lines;
        json["turns"] = report.turns;
        json["speakers"] = report.speakers;
    }
    return json;
}

void print_human(const import::ImportReport& report) {
    if (!report.ok) {
        return;  // already on stderr
    }
    if (report.duplicate) {
        std::cout << report.file << ": already in the project as '" << report.source
                  << "' (same text); not imported again\n";
        return;
    }
    std::cout << "Imported " << report.file << " as '" << report.source << "' ("
              << kind_name(report.kind) << ", " << text::language_code(report.lang) << ", "
              << report.encoding << "): " << report.lines << " lines, " << report.turns << " turns";
    if (!report.speakers.empty()) {
        std::cout << ", speakers:";
        for (std::size_t i = 0; i < report.speakers.size(); ++i) {
            std::cout << (i == 0 ? " " : ", ") << report.speakers[i];
        }
    }
    std::cout << "\n";
}

}  // namespace

void add_import_command(CLI::App& app, Context& context) {
    auto* command =
        app.add_subcommand("import", "Import files as sources; each file all or nothing");
    struct Args {
        std::string project;
        std::vector<std::string> files;
        std::string kind;
        std::string lang = "auto";
        std::string encoding;
        bool merge_cues = false;
    };
    auto args = std::make_shared<Args>();
    command->add_option("PROJECT", args->project, "The project file")->required();
    command->add_option("FILE", args->files, "Files to import (.txt, .md, .docx, .odt, .rtf, .pdf, .srt, .vtt)")->required();
    command->add_option("--kind", args->kind, "transcript, fieldnote or document")
        ->check(CLI::IsMember({"transcript", "fieldnote", "document"}));
    command->add_option("--lang", args->lang, "auto, nb, nn or en")
        ->check(CLI::IsMember({"auto", "nb", "nn", "en", "other"}));
    command->add_option("--encoding", args->encoding, "Read the files in this charset");
    command->add_flag("--merge-cues", args->merge_cues,
                      "Subtitles: consecutive cues of one speaker make one turn");
    command->callback([&context, args] {
        context.run = [&context, args] {
            auto project = context.open(args->project, store::Project::Access::read_write);
            const store::Coder coder = context.acting_coder(*project);
            import::ImportOptions options;
            options.kind = parse_kind(args->kind);
            if (args->lang != "auto") {
                options.lang = text::parse_language(args->lang);
            }
            options.encoding = args->encoding;
            options.merge_cues = args->merge_cues;
            const std::vector<std::filesystem::path> files(args->files.begin(), args->files.end());
            ProgressBar progress;
            const auto reports = import::import_files(*project, coder, files, options, progress);
            nlohmann::json json = nlohmann::json::array();
            int failed = 0;
            for (const auto& report : reports) {
                if (!report.ok) {
                    ++failed;
                    Context::warn(report.error);
                }
                if (context.json) {
                    json.push_back(to_json(report));
                } else {
                    print_human(report);
                }
            }
            if (context.json) {
                Context::print_json(json);
            }
            return failed == 0 ? 0 : 1;
        };
    });
}

}  // namespace tema::cli
