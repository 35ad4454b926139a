// Reading coded work back: the segments of a code with their words, lines and
// speakers; code x case matrices; code co-occurrence; the codes on each line.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/database.h"

namespace tema::coding {

struct RetrievalFilter {
    bool with_children = false;              // the segments of the code's descendants too
    std::optional<std::string> participant;  // pid, such as P07
    std::optional<std::pair<std::string, std::string>> attribute;  // role = jobbspesialist
    std::optional<std::int64_t> source_id;
    std::optional<std::int64_t> coder_id;
};

struct Retrieved {
    std::int64_t segment = 0;
    std::int64_t code_id = 0;
    std::string code;  // the code's path
    std::int64_t source_id = 0;
    std::string source;  // the source's name
    std::uint32_t start = 0;
    std::uint32_t end = 0;
    std::int64_t start_line = 0;
    std::int64_t end_line = 0;
    // The speaker turn covering the segment's start, and its participant.
    std::optional<std::string> speaker;
    std::optional<std::string> participant;
    std::string coder;
    std::string text;  // exactly the coded code points of the NFC text
    std::string memo;
    std::string translation;
};

// Every segment of the code (and of its descendants with `with_children`)
// that passes the filter, by source and position. Participant and attribute
// filters keep the segments whose covering turn's speaker is such a
// participant. Throws tema::Error for an unknown code, participant or
// attribute name.
std::vector<Retrieved> retrieve(store::Database& db, std::int64_t code_id,
                                const RetrievalFilter& filter = {});

// Rows are codes (all of them, in tree order), columns the cases; cells[r][c]
// counts.
struct Matrix {
    std::vector<std::int64_t> row_ids;
    std::vector<std::string> rows;  // code paths
    std::vector<std::string> columns;
    std::vector<std::vector<std::int64_t>> cells;
};

// What a case is in a code x case matrix.
struct CaseKind {
    enum Kind { participant, source, attribute } kind = participant;
    std::string attribute_name;  // for `attribute`
};

// The label of the column for segments that have no case of the kind asked
// (not in a participant's turn, or the participant lacks the attribute). The
// column is there only when some segment falls in it.
inline constexpr const char* kNoCase = "(none)";

// Segments of each code by case: by participant (columns are pids in order),
// by source (source names in import order) or by the values of one
// participant attribute (in Norwegian order). Throws tema::Error for an
// attribute the project does not have.
Matrix code_case_matrix(store::Database& db, const CaseKind& by);

// Code co-occurrence: cells[a][b] counts the pairs of a segment of code a and
// a segment of code b, in the same source, that share at least one code point
// (a != b; the diagonal is 0). Rows and columns are the same codes.
Matrix cooccurrence_matrix(store::Database& db);

// A code on a line, for the margin of a source's text.
struct LineCode {
    std::int64_t code_id = 0;
    std::string path;
    std::optional<std::string> color;
    std::int64_t segment = 0;
    std::string coder;
};

// For lines `first` to `last` of a source (1-based, clamped to the source),
// the codes whose segments cover some of each line, in tree order; one entry
// per segment. Element 0 is line `first`.
std::vector<std::vector<LineCode>> codes_on_lines(store::Database& db, std::int64_t source_id,
                                                  std::int64_t first, std::int64_t last);

// Coded segments per source (all codes, all coders): source id -> count. A
// source without segments is not in the map.
std::map<std::int64_t, std::int64_t> segments_per_source(store::Database& db);

}  // namespace tema::coding
