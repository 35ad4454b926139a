#include "coding/phases.h"

#include <array>

#include "coding/names.h"
#include "util/clock.h"
#include "util/error.h"

namespace tema::coding {

namespace {

constexpr std::array<std::string_view, kPhaseCount> kPhaseNames = {
    "Familiarisation",  "Generating initial codes",   "Searching for themes",
    "Reviewing themes", "Defining and naming themes", "Producing the report"};

void check_phase(int phase) {
    if (phase < 1 || phase > kPhaseCount) {
        throw Error("phase " + std::to_string(phase), "there are six phases, numbered 1 to 6");
    }
}

// `notes` with one more line for `note`, dated and signed.
std::string with_note(const std::string& notes, const store::Coder& coder, std::string_view note,
                      const std::string& now) {
    const std::string line =
        now.substr(0, 10) + " " + coder.name + ": " + std::string(trim(clean_text(note)));
    return notes.empty() ? line : notes + "\n" + line;
}

Phase read_phase(store::Database& db, int phase) {
    for (Phase& each : list_phases(db)) {
        if (each.phase == phase) {
            return each;
        }
    }
    throw Error("phase " + std::to_string(phase), "missing from the project");
}

void write_phase(store::Database& db, const Phase& phase) {
    store::Statement update(
        db, "UPDATE phases SET status = ?, started = ?, done = ?, notes = ? WHERE phase = ?");
    auto optional_text = [&](int index, const std::optional<std::string>& value) {
        if (value) {
            update.bind(index, *value);
        } else {
            update.bind(index, std::nullopt);
        }
    };
    update.bind(1, phase_status_name(phase.status));
    optional_text(2, phase.started);
    optional_text(3, phase.done);
    update.bind(4, phase.notes).bind(5, std::int64_t{phase.phase}).run();
}

}  // namespace

std::string_view phase_status_name(PhaseStatus status) {
    switch (status) {
        case PhaseStatus::not_started:
            return "not started";
        case PhaseStatus::started:
            return "started";
        case PhaseStatus::done:
            return "done";
    }
    return "not started";
}

PhaseStatus parse_phase_status(std::string_view name) {
    if (name == "not started" || name == "not-started") {
        return PhaseStatus::not_started;
    }
    if (name == "started") {
        return PhaseStatus::started;
    }
    if (name == "done") {
        return PhaseStatus::done;
    }
    throw Error("status " + std::string(name), "not a phase status (not-started, started or done)");
}

std::string_view phase_name(int phase) {
    check_phase(phase);
    return kPhaseNames.at(static_cast<std::size_t>(phase - 1));
}

std::vector<Phase> list_phases(store::Database& db) {
    std::vector<Phase> phases;
    store::Statement query(db,
                           "SELECT phase, status, started, done, notes FROM phases ORDER BY phase");
    while (query.step()) {
        Phase phase;
        phase.phase = static_cast<int>(query.int64(0));
        phase.name = std::string(phase_name(phase.phase));
        phase.status = parse_phase_status(query.text(1));
        if (!query.is_null(2)) {
            phase.started = query.text(2);
        }
        if (!query.is_null(3)) {
            phase.done = query.text(3);
        }
        phase.notes = query.text(4);
        phases.push_back(std::move(phase));
    }
    return phases;
}

std::optional<int> current_phase(const std::vector<Phase>& phases) {
    // The latest phase started. (Not std::views::reverse: clang 14, which
    // builds the fuzz targets, cannot compile it with libstdc++ 12.)
    for (auto phase = phases.rbegin(); phase != phases.rend(); ++phase) {
        if (phase->status == PhaseStatus::started) {
            return phase->phase;
        }
    }
    for (const Phase& phase : phases) {
        if (phase.status != PhaseStatus::done) {
            return phase.phase;
        }
    }
    return std::nullopt;
}

void set_phase(store::Project& project, const store::Coder& coder, int phase, PhaseStatus status,
               std::string_view note) {
    check_phase(phase);
    store::Database& db = project.db();
    const std::string now = now_iso8601();
    store::Action action(project, coder, "phase",
                         "phase " + std::to_string(phase) + " (" + std::string(phase_name(phase)) +
                             "): " + std::string(phase_status_name(status)));
    Phase updated = read_phase(db, phase);
    updated.status = status;
    switch (status) {
        case PhaseStatus::not_started:
            updated.started.reset();
            updated.done.reset();
            break;
        case PhaseStatus::started:
            if (!updated.started) {
                updated.started = now;
            }
            updated.done.reset();
            break;
        case PhaseStatus::done:
            if (!updated.started) {
                updated.started = now;
            }
            updated.done = now;
            break;
    }
    if (!trim(note).empty()) {
        updated.notes = with_note(updated.notes, coder, note, now);
    }
    write_phase(db, updated);
    action.commit();
}

void add_phase_note(store::Project& project, const store::Coder& coder, int phase,
                    std::string_view note) {
    check_phase(phase);
    if (trim(note).empty()) {
        throw Error("phase " + std::to_string(phase), "a note needs some text");
    }
    store::Database& db = project.db();
    store::Action action(
        project, coder, "phase-note",
        "note on phase " + std::to_string(phase) + " (" + std::string(phase_name(phase)) + ")");
    Phase updated = read_phase(db, phase);
    updated.notes = with_note(updated.notes, coder, note, now_iso8601());
    write_phase(db, updated);
    action.commit();
}

}  // namespace tema::coding
