// Participants (cases) with their attributes, and the speakers mapped to them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/project.h"

namespace tema::store {

using Attributes = std::vector<std::pair<std::string, std::string>>;  // name, value; in order

struct Participant {
    std::int64_t id = 0;
    std::string guid;
    std::string pid;  // pseudonymous ID such as P07
    Attributes attributes;
    std::vector<std::string> sources;  // names of the sources where a speaker maps to them
};

struct ParticipantRow {
    std::string pid;
    Attributes attributes;
};

struct ParticipantUpsert {
    int added = 0;
    int updated = 0;
    int speakers_mapped = 0;  // unmapped speaker labels equal to an ID, now mapped
};

// Adds or updates participants and their attributes (attribute names keep the
// order given), then maps every unmapped speaker whose label is a participant's
// ID. Runs inside the caller's action.
ParticipantUpsert upsert_participants(Database& db, const std::vector<ParticipantRow>& rows);

std::vector<Participant> list_participants(Database& db);

struct Speaker {
    std::int64_t id = 0;
    std::string label;
    std::int64_t turns = 0;
    std::optional<std::string> participant;  // pid
};

// The speakers of a source, in order of first appearance.
std::vector<Speaker> list_speakers(Database& db, std::int64_t source_id);
// Every speaker label of the project, each once, in collation order.
std::vector<std::string> speaker_labels(Database& db);

// Maps `label` in one source to a participant (by pid), as one action. Throws
// tema::Error, changing nothing, when the source has no such speaker or there
// is no such participant.
void map_speaker(Project& project, const Coder& coder, std::int64_t source_id,
                 std::string_view label, std::string_view pid);

}  // namespace tema::store
