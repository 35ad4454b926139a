// tema phase PROJECT [set N started|done [--note T] | note N TEXT]: the phase log.
#include <charconv>
#include <iostream>

#include "coding/phases.h"
#include "commands/commands.h"

namespace tema::cli {

namespace {

constexpr const char* kUsage = R"(usage:
  tema phase PROJECT
  tema phase PROJECT set N started|done|not-started [--note TEXT]
  tema phase PROJECT note N TEXT
N is the phase: 1 Familiarisation, 2 Generating initial codes, 3 Searching for themes,
4 Reviewing themes, 5 Defining and naming themes, 6 Producing the report.)";

struct Args {
    std::vector<std::string> words;  // PROJECT [VERB ...]
    std::string note;
};

int parse_phase(const std::string& text) {
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) {
        throw UsageError("phase " + text + ": expected a phase number, 1 to 6");
    }
    return value;
}

nlohmann::json optional_json(const std::optional<std::string>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json();
}

int print_phases(const Context& context, store::Database& db) {
    const auto phases = coding::list_phases(db);
    if (context.json) {
        nlohmann::json json = nlohmann::json::array();
        for (const auto& phase : phases) {
            json.push_back({{"phase", phase.phase},
                            {"name", phase.name},
                            {"status", coding::phase_status_name(phase.status)},
                            {"started", optional_json(phase.started)},
                            {"done", optional_json(phase.done)},
                            {"notes", phase.notes}});
        }
        Context::print_json(json);
        return 0;
    }
    for (const auto& phase : phases) {
        std::string line = std::to_string(phase.phase) + ". " + phase.name;
        line.resize(std::max<std::size_t>(line.size() + 2, 32), ' ');
        line += std::string(coding::phase_status_name(phase.status));
        if (phase.status == coding::PhaseStatus::started && phase.started) {
            line += " " + phase.started->substr(0, 10);
        } else if (phase.status == coding::PhaseStatus::done && phase.started && phase.done) {
            line += " " + phase.started->substr(0, 10) + " to " + phase.done->substr(0, 10);
        }
        std::cout << line << "\n";
        std::string notes = phase.notes;
        for (std::size_t start = 0; start < notes.size();) {
            const auto end = std::min(notes.find('\n', start), notes.size());
            std::cout << "     " << notes.substr(start, end - start) << "\n";
            start = end + 1;
        }
    }
    if (const auto now = coding::current_phase(phases)) {
        std::cout << "Now: phase " << *now << ", "
                  << phases.at(static_cast<std::size_t>(*now - 1)).name << "\n";
    } else {
        std::cout << "All six phases are done.\n";
    }
    return 0;
}

int run(Context& context, const Args& args) {
    const auto& w = args.words;
    if (w.size() == 1) {
        if (!args.note.empty()) {
            throw UsageError(kUsage);
        }
        auto project = context.open(w[0], store::Project::Access::read_only);
        return print_phases(context, project->db());
    }
    const bool set = w.size() == 4 && w[1] == "set";
    const bool note = w.size() == 4 && w[1] == "note" && args.note.empty();
    if (!set && !note) {
        throw UsageError(kUsage);
    }
    const int phase = parse_phase(w[2]);
    auto project = context.open(w[0], store::Project::Access::read_write);
    const store::Coder coder = context.acting_coder(*project);
    if (set) {
        coding::set_phase(*project, coder, phase, coding::parse_phase_status(w[3]), args.note);
    } else {
        coding::add_phase_note(*project, coder, phase, w[3]);
    }
    if (context.json) {
        return print_phases(context, project->db());
    }
    std::cout << "Phase " << phase << " (" << coding::phase_name(phase)
              << "): " << (set ? w[3] : "note added") << "\n";
    return 0;
}

}  // namespace

void add_phase_command(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "phase", "Braun and Clarke's phase log: PROJECT [set N started|done [--note T]]");
    command->footer(kUsage);
    auto args = std::make_shared<Args>();
    command->add_option("ARGS", args->words, "PROJECT [set N STATUS | note N TEXT]")->required();
    command->add_option("--note", args->note, "set: a note for the phase log");
    command->callback(
        [&context, args] { context.run = [&context, args] { return run(context, *args); }; });
}

}  // namespace tema::cli
