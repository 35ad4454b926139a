#include "coding/retrieval.h"

#include <algorithm>
#include <limits>
#include <map>
#include <unordered_map>

#include "coding/codebook.h"
#include "store/participants.h"
#include "store/sources.h"
#include "text/collation.h"
#include "text/positions.h"
#include "util/error.h"

namespace tema::coding {

using store::Database;
using store::Statement;

namespace {

std::string id_list(const std::vector<std::int64_t>& ids) {
    std::string list;
    for (const std::int64_t id : ids) {
        if (!list.empty()) {
            list += ',';
        }
        list += std::to_string(id);
    }
    return list;
}

std::int64_t line_of(const std::vector<std::uint32_t>& starts, std::uint32_t cp) {
    const auto after = std::upper_bound(starts.begin(), starts.end(), cp);
    return std::max<std::int64_t>(1, after - starts.begin());
}

// The turn covering code point `cp`, if any; `turns` are in text order.
const store::TurnInfo* turn_at(const std::vector<store::TurnInfo>& turns, std::uint32_t cp) {
    const auto after = std::upper_bound(
        turns.begin(), turns.end(), cp,
        [](std::uint32_t value, const store::TurnInfo& turn) { return value < turn.turn.start; });
    if (after == turns.begin()) {
        return nullptr;
    }
    const store::TurnInfo& turn = *std::prev(after);
    return cp < turn.turn.end ? &turn : nullptr;
}

std::optional<std::string> attribute_of(const store::Participant& participant,
                                        std::string_view name) {
    for (const auto& [key, value] : participant.attributes) {
        if (text::same_name(key, name)) {
            return value;
        }
    }
    return std::nullopt;
}

// A segment as the matrices see it.
struct Bare {
    std::int64_t code_id;
    std::int64_t source_id;
    std::uint32_t start;
    std::uint32_t end;
};

std::vector<Bare> all_segments(Database& db) {
    std::vector<Bare> segments;
    Statement query(db,
                    "SELECT code_id, source_id, start, end FROM segments "
                    "ORDER BY source_id, start, end, id");
    while (query.step()) {
        segments.push_back({query.int64(0), query.int64(1),
                            static_cast<std::uint32_t>(query.int64(2)),
                            static_cast<std::uint32_t>(query.int64(3))});
    }
    return segments;
}

Matrix empty_matrix(const std::vector<Code>& codes, std::size_t columns) {
    Matrix matrix;
    for (const Code& code : codes) {
        matrix.row_ids.push_back(code.id);
        matrix.rows.push_back(code.path);
    }
    matrix.cells.assign(codes.size(), std::vector<std::int64_t>(columns, 0));
    return matrix;
}

}  // namespace

std::vector<Retrieved> retrieve(Database& db, std::int64_t code_id, const RetrievalFilter& filter) {
    const store::ReadTransaction snapshot(db);
    const std::vector<std::int64_t> ids =
        filter.with_children ? code_and_descendants(db, code_id) : std::vector{code_id};
    std::unordered_map<std::int64_t, std::string> paths;
    if (filter.with_children) {
        for (const Code& code : list_codes(db)) {
            paths.emplace(code.id, code.path);
        }
    } else {
        paths.emplace(code_id, get_code(db, code_id).path);
    }
    if (filter.participant) {
        Statement known(db, "SELECT 1 FROM participants WHERE pid = ?");
        known.bind(1, *filter.participant);
        if (!known.step()) {
            throw Error("participant " + *filter.participant, "no such participant");
        }
    }
    if (filter.attribute) {
        Statement known(db, "SELECT 1 FROM attributes WHERE name = ?");
        known.bind(1, filter.attribute->first);
        if (!known.step()) {
            throw Error("attribute " + filter.attribute->first,
                        "no participant has this attribute (see `tema participants PROJECT list`)");
        }
    }
    // Participants by pid, for the attribute filter.
    std::map<std::string, store::Participant> participants;
    if (filter.attribute) {
        for (auto& participant : store::list_participants(db)) {
            participants.emplace(participant.pid, std::move(participant));
        }
    }
    std::string sql =
        "SELECT s.id, s.code_id, s.source_id, s.start, s.end, k.name, s.memo, s.translation "
        "FROM segments s JOIN coders k ON k.id = s.coder_id WHERE s.code_id IN (" +
        id_list(ids) + ")";
    if (filter.source_id) {
        sql += " AND s.source_id = " + std::to_string(*filter.source_id);
    }
    if (filter.coder_id) {
        sql += " AND s.coder_id = " + std::to_string(*filter.coder_id);
    }
    sql += " ORDER BY s.source_id, s.start, s.end, s.id";
    std::vector<Retrieved> segments;
    {
        Statement query(db, sql);
        while (query.step()) {
            Retrieved row;
            row.segment = query.int64(0);
            row.code_id = query.int64(1);
            row.code = paths.at(row.code_id);
            row.source_id = query.int64(2);
            row.start = static_cast<std::uint32_t>(query.int64(3));
            row.end = static_cast<std::uint32_t>(query.int64(4));
            row.coder = query.text(5);
            row.memo = query.text(6);
            row.translation = query.text(7);
            segments.push_back(std::move(row));
        }
    }
    // One source at a time: its text, lines and turns are read once.
    std::vector<Retrieved> kept;
    kept.reserve(segments.size());
    Statement& source_query = db.cached("SELECT name, text, line_starts FROM sources WHERE id = ?");
    for (std::size_t first = 0; first < segments.size();) {
        const std::int64_t source_id = segments[first].source_id;
        std::size_t last = first;
        while (last < segments.size() && segments[last].source_id == source_id) {
            ++last;
        }
        const std::vector<store::TurnInfo> turns = store::load_turns(db, source_id);
        // Who speaks, and whether the filters keep the segment, before any text.
        const std::size_t kept_from = kept.size();
        for (std::size_t i = first; i < last; ++i) {
            Retrieved& row = segments[i];
            if (const store::TurnInfo* turn = turn_at(turns, row.start)) {
                row.speaker = turn->turn.speaker;
                row.participant = turn->participant;
            }
            if (filter.participant &&
                !(row.participant && text::same_name(*row.participant, *filter.participant))) {
                continue;
            }
            if (filter.attribute) {
                const auto found =
                    row.participant ? participants.find(*row.participant) : participants.end();
                const auto value = found == participants.end()
                                       ? std::nullopt
                                       : attribute_of(found->second, filter.attribute->first);
                if (!value || !text::same_name(*value, filter.attribute->second)) {
                    continue;
                }
            }
            kept.push_back(std::move(row));
        }
        if (kept.size() > kept_from) {
            source_query.reset();
            source_query.bind(1, source_id);
            if (!source_query.step()) {
                source_query.reset();
                throw Error("source " + std::to_string(source_id), "no such source");
            }
            const std::string name = source_query.text(0);
            const std::string_view text = source_query.text_view(1);
            const std::vector<std::uint32_t> starts = store::decode_uint32s(source_query.blob(2));
            // Segments come by start; each start and end in increasing order
            // is found walking the text once.
            std::vector<std::uint32_t> positions;
            for (std::size_t i = kept_from; i < kept.size(); ++i) {
                positions.push_back(kept[i].start);
                positions.push_back(kept[i].end);
            }
            std::sort(positions.begin(), positions.end());
            positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
            std::vector<std::size_t> bytes(positions.size());
            text::CodepointCursor cursor(text);
            for (std::size_t i = 0; i < positions.size(); ++i) {
                bytes[i] = cursor.byte_of(positions[i]);
            }
            const auto byte_of = [&](std::uint32_t cp) {
                return bytes[static_cast<std::size_t>(
                    std::lower_bound(positions.begin(), positions.end(), cp) - positions.begin())];
            };
            for (std::size_t i = kept_from; i < kept.size(); ++i) {
                Retrieved& row = kept[i];
                row.source = name;
                const std::size_t begin = byte_of(row.start);
                row.text = std::string(text.substr(begin, byte_of(row.end) - begin));
                row.start_line = line_of(starts, row.start);
                row.end_line = line_of(starts, row.end - 1);
            }
            source_query.reset();
        }
        first = last;
    }
    return kept;
}

Matrix code_case_matrix(Database& db, const CaseKind& by) {
    const store::ReadTransaction snapshot(db);
    const std::vector<Code> codes = list_codes(db);
    std::unordered_map<std::int64_t, std::size_t> row_of;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        row_of.emplace(codes[i].id, i);
    }
    std::vector<std::string> columns;
    std::map<std::string, store::Participant> participants;
    if (by.kind == CaseKind::attribute) {
        Statement exists(db, "SELECT name FROM attributes WHERE name = ?");
        exists.bind(1, by.attribute_name);
        if (!exists.step()) {
            throw Error("attribute " + by.attribute_name,
                        "no participant has this attribute (see `tema participants PROJECT list`)");
        }
    }
    if (by.kind != CaseKind::source) {
        for (auto& participant : store::list_participants(db)) {
            participants.emplace(participant.pid, std::move(participant));
        }
    }
    std::unordered_map<std::int64_t, std::string> source_names;
    if (by.kind == CaseKind::source) {
        Statement query(db, "SELECT id, name FROM sources ORDER BY id");
        while (query.step()) {
            source_names.emplace(query.int64(0), query.text(1));
            columns.push_back(query.text(1));
        }
    } else if (by.kind == CaseKind::participant) {
        for (const auto& [pid, participant] : participants) {
            columns.push_back(pid);
        }
    } else {
        for (const auto& [pid, participant] : participants) {
            if (const auto value = attribute_of(participant, by.attribute_name)) {
                if (std::find(columns.begin(), columns.end(), *value) == columns.end()) {
                    columns.push_back(*value);
                }
            }
        }
        std::sort(columns.begin(), columns.end(), [](const std::string& a, const std::string& b) {
            return text::compare_norwegian(a, b) < 0;
        });
    }
    std::unordered_map<std::string, std::size_t> column_of;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        column_of.emplace(columns[i], i);
    }
    // Counts by (row, column label); the "(none)" column comes last if needed.
    std::map<std::pair<std::size_t, std::string>, std::int64_t> counts;
    bool any_none = false;
    const std::vector<Bare> segments = all_segments(db);
    std::int64_t turns_of = -1;
    std::vector<store::TurnInfo> turns;
    for (const Bare& segment : segments) {
        std::string label = kNoCase;
        if (by.kind == CaseKind::source) {
            label = source_names.at(segment.source_id);
        } else {
            if (segment.source_id != turns_of) {
                turns = store::load_turns(db, segment.source_id);
                turns_of = segment.source_id;
            }
            const store::TurnInfo* turn = turn_at(turns, segment.start);
            if (turn != nullptr && turn->participant) {
                if (by.kind == CaseKind::participant) {
                    label = *turn->participant;
                } else if (const auto found = participants.find(*turn->participant);
                           found != participants.end()) {
                    label = attribute_of(found->second, by.attribute_name).value_or(kNoCase);
                }
            }
        }
        any_none = any_none || label == kNoCase;
        ++counts[{row_of.at(segment.code_id), label}];
    }
    if (any_none) {
        column_of.emplace(kNoCase, columns.size());
        columns.emplace_back(kNoCase);
    }
    Matrix matrix = empty_matrix(codes, columns.size());
    matrix.columns = columns;
    for (const auto& [key, count] : counts) {
        matrix.cells[key.first][column_of.at(key.second)] = count;
    }
    return matrix;
}

Matrix cooccurrence_matrix(Database& db) {
    const store::ReadTransaction snapshot(db);
    const std::vector<Code> codes = list_codes(db);
    std::unordered_map<std::int64_t, std::size_t> index;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        index.emplace(codes[i].id, i);
    }
    Matrix matrix = empty_matrix(codes, codes.size());
    matrix.columns = matrix.rows;
    const std::vector<Bare> segments = all_segments(db);
    // Segments come by source and start: each overlaps only later ones that
    // start before it ends, in the same source.
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const Bare& a = segments[i];
        for (std::size_t j = i + 1; j < segments.size(); ++j) {
            const Bare& b = segments[j];
            if (b.source_id != a.source_id || b.start >= a.end) {
                break;
            }
            if (a.code_id != b.code_id) {
                const std::size_t x = index.at(a.code_id);
                const std::size_t y = index.at(b.code_id);
                ++matrix.cells[x][y];
                ++matrix.cells[y][x];
            }
        }
    }
    return matrix;
}

std::vector<std::vector<LineCode>> codes_on_lines(Database& db, std::int64_t source_id,
                                                  std::int64_t first, std::int64_t last) {
    const store::ReadTransaction snapshot(db);
    const store::SourceText content = store::load_source_text(db, source_id);
    const auto count = static_cast<std::int64_t>(content.line_starts.size());
    first = std::max<std::int64_t>(first, 1);
    last = std::min(last, count);
    std::vector<std::vector<LineCode>> lines;
    if (first > last) {
        return lines;
    }
    lines.resize(static_cast<std::size_t>(last - first + 1));
    const auto start_of = [&](std::int64_t n) {
        return content.line_starts[static_cast<std::size_t>(n - 1)];
    };
    // Where line `n` stops for coverage: its LF counts, so a blank line is
    // covered by a segment running across it.
    const auto stop_of = [&](std::int64_t n) -> std::uint32_t {
        return n < count ? start_of(n + 1) : std::numeric_limits<std::uint32_t>::max();
    };
    const std::vector<Code> codes = list_codes(db);
    std::unordered_map<std::int64_t, std::size_t> order;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        order.emplace(codes[i].id, i);
    }
    struct Hit {
        std::int64_t segment, code_id;
        std::uint32_t start, end;
        std::string coder;
    };
    std::vector<Hit> hits;
    Statement query(db, R"sql(
        SELECT s.id, s.code_id, s.start, s.end, k.name FROM segments s
        JOIN coders k ON k.id = s.coder_id
        WHERE s.source_id = ? AND s.start < ? AND s.end > ?)sql");
    query.bind(1, source_id)
        .bind(2, std::int64_t{stop_of(last)})
        .bind(3, std::int64_t{start_of(first)});
    while (query.step()) {
        hits.push_back({query.int64(0), query.int64(1), static_cast<std::uint32_t>(query.int64(2)),
                        static_cast<std::uint32_t>(query.int64(3)), query.text(4)});
    }
    std::sort(hits.begin(), hits.end(), [&](const Hit& a, const Hit& b) {
        const std::size_t x = order.at(a.code_id);
        const std::size_t y = order.at(b.code_id);
        return x != y ? x < y : a.segment < b.segment;
    });
    for (const Hit& hit : hits) {
        const Code& code = codes[order.at(hit.code_id)];
        for (std::int64_t n = std::max(first, line_of(content.line_starts, hit.start));
             n <= last && start_of(n) < hit.end; ++n) {
            if (hit.start < stop_of(n)) {
                lines[static_cast<std::size_t>(n - first)].push_back(
                    {code.id, code.path, code.color, hit.segment, hit.coder});
            }
        }
    }
    return lines;
}

std::map<std::int64_t, std::int64_t> segments_per_source(Database& db) {
    std::map<std::int64_t, std::int64_t> counts;
    Statement query(db, "SELECT source_id, count(*) FROM segments GROUP BY source_id");
    while (query.step()) {
        counts.emplace(query.int64(0), query.int64(1));
    }
    return counts;
}

}  // namespace tema::coding
