// Braun and Clarke's six phases of thematic analysis, as a log of where the
// project stands: each phase's status, when it was started and done, and notes.
// Nothing is enforced: a team may go back and forth between phases.
//
// Every change is one action (store::Action), undoable and redoable.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/project.h"

namespace tema::coding {

enum class PhaseStatus { not_started, started, done };

// "not started", "started", "done".
std::string_view phase_status_name(PhaseStatus status);
// Reads "not started" (or "not-started"), "started", "done"; throws
// tema::Error "status X: ..." for anything else.
PhaseStatus parse_phase_status(std::string_view name);

constexpr int kPhaseCount = 6;

// "Familiarisation", "Generating initial codes", ..., "Producing the report".
std::string_view phase_name(int phase);

struct Phase {
    int phase = 0;  // 1 to 6
    std::string name;
    PhaseStatus status = PhaseStatus::not_started;
    std::optional<std::string> started;  // ISO 8601 UTC
    std::optional<std::string> done;     // ISO 8601 UTC
    std::string notes;                   // one line per note: "DATE CODER: text"
};

std::vector<Phase> list_phases(store::Database& db);

// The phase the project is in: the last one started and not done, else the
// first one not done; nullopt when all six are done.
std::optional<int> current_phase(const std::vector<Phase>& phases);

// Sets a phase's status. Starting records the start time (kept when it already
// has one); done records the end time (and a start time, if it had none);
// going back to "started" or "not started" clears what no longer holds. A
// non-empty `note` is added as a line "YYYY-MM-DD CODER: note". Refuses phases
// outside 1-6.
void set_phase(store::Project& project, const store::Coder& coder, int phase, PhaseStatus status,
               std::string_view note = {});

// Adds a note to a phase without changing its status. Refuses empty notes.
void add_phase_note(store::Project& project, const store::Coder& coder, int phase,
                    std::string_view note);

}  // namespace tema::coding
