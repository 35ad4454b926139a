// Participants and their attributes from a CSV file, as researchers keep them
// in a spreadsheet: one row per participant, an ID column and any attributes.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "store/participants.h"
#include "store/project.h"

namespace tema::import {

struct ParticipantTable {
    std::string id_column;                     // the header of the ID column
    std::vector<std::string> attribute_names;  // the other columns, in order
    std::vector<store::ParticipantRow> rows;   // empty cells are left out
};

// Parses CSV text (RFC 4180 quoting; comma, semicolon or tab separated, as
// spreadsheets write it). The ID column is the one headed id, participant,
// deltaker, pid or case (any case), else the first. Throws tema::Error naming
// `file_name` and the line for: no header, no rows, unnamed or repeated
// columns, rows of the wrong width, empty or repeated IDs, an open quote.
ParticipantTable parse_participants_csv(std::string_view utf8, const std::string& file_name);

// Reads the CSV file (any supported encoding) and adds or updates its
// participants in one action. Nothing changes if the file has any problem.
store::ParticipantUpsert import_participants(store::Project& project, const store::Coder& coder,
                                             const std::filesystem::path& csv);

}  // namespace tema::import
