#include "store/sources.h"

#include <algorithm>
#include <charconv>
#include <map>

#include "text/positions.h"
#include "util/clock.h"
#include "util/error.h"
#include "util/guid.h"

namespace tema::store {

namespace {

constexpr std::string_view kSourceColumns = R"sql(
    s.id, s.guid, s.name, s.kind, s.lang, length(s.line_starts) / 4,
    length(s.turns) / 28,
    (SELECT count(*) FROM speakers k WHERE k.source_id = s.id),
    s.chars, s.sha256, s.encoding, s.file_name, s.file_format, s.file_size, s.file_sha256,
    s.page_count, s.imported_at, c.name
    FROM sources s JOIN coders c ON c.id = s.imported_by)sql";

SourceInfo read_source(const Statement& row) {
    SourceInfo info;
    info.id = row.int64(0);
    info.guid = row.text(1);
    info.name = row.text(2);
    info.kind = parse_kind(row.text_view(3)).value_or(SourceKind::document);
    info.lang = text::parse_language(row.text_view(4)).value_or(text::Language::other);
    info.lines = row.int64(5);
    info.turns = row.int64(6);
    info.speakers = row.int64(7);
    info.chars = row.int64(8);
    info.sha256 = row.text(9);
    info.encoding = row.text(10);
    info.file_name = row.text(11);
    info.file_format = row.text(12);
    info.file_size = row.int64(13);
    info.file_sha256 = row.text(14);
    info.page_count = row.optional_int64(15);
    info.imported_at = row.text(16);
    info.imported_by = row.text(17);
    return info;
}

// Fields of one turn in the sources.turns blob; see schema.cc.
constexpr std::size_t kTurnFields = 7;

// 1-based line holding code point `cp`.
std::uint32_t line_of(const std::vector<std::uint32_t>& starts, std::uint32_t cp) {
    const auto after = std::upper_bound(starts.begin(), starts.end(), cp);
    return static_cast<std::uint32_t>(std::max<std::ptrdiff_t>(1, after - starts.begin()));
}

}  // namespace

std::string encode_uint32s(const std::vector<std::uint32_t>& values) {
    std::string blob(values.size() * 4, '\0');
    for (std::size_t i = 0; i < values.size(); ++i) {
        for (std::size_t b = 0; b < 4; ++b) {
            blob[i * 4 + b] = static_cast<char>((values[i] >> (8 * b)) & 0xff);
        }
    }
    return blob;
}

std::vector<std::uint32_t> decode_uint32s(std::string_view blob) {
    std::vector<std::uint32_t> values(blob.size() / 4);
    for (std::size_t i = 0; i < values.size(); ++i) {
        std::uint32_t value = 0;
        for (std::size_t b = 0; b < 4; ++b) {
            value |= std::uint32_t{static_cast<unsigned char>(blob[i * 4 + b])} << (8 * b);
        }
        values[i] = value;
    }
    return values;
}

std::int64_t insert_source(Database& db, const NewSource& source, const Coder& coder) {
    // Speakers in order of first appearance, with their turn counts.
    std::vector<std::string_view> labels;
    std::vector<std::int64_t> turn_counts;
    std::vector<std::uint32_t> packed_turns;
    packed_turns.reserve(source.turns.size() * kTurnFields);
    for (const Turn& turn : source.turns) {
        auto found = std::find(labels.begin(), labels.end(), turn.speaker);
        if (found == labels.end()) {
            labels.push_back(turn.speaker);
            turn_counts.push_back(0);
            found = labels.end() - 1;
        }
        const auto ordinal = static_cast<std::size_t>(found - labels.begin());
        ++turn_counts[ordinal];
        const std::uint32_t last = turn.end > turn.start ? turn.end - 1 : turn.start;
        packed_turns.insert(
            packed_turns.end(),
            {static_cast<std::uint32_t>(ordinal),
             turn.time_ms ? static_cast<std::uint32_t>(*turn.time_ms + 1) : 0U, turn.start,
             turn.body_start, turn.end, line_of(source.line_starts, turn.start),
             line_of(source.line_starts, last)});
    }
    const std::string line_blob = encode_uint32s(source.line_starts);
    const std::string turn_blob = encode_uint32s(packed_turns);
    const std::string page_blob = encode_uint32s(source.page_starts);
    Statement& insert = db.cached(R"sql(
        INSERT INTO sources(guid, name, kind, lang, text, sha256, chars, line_starts, turns,
                            file_name, file_format, file_size, file_sha256, encoding, page_count,
                            imported_at, imported_by, page_starts)
        VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?))sql");
    insert.bind(1, new_guid())
        .bind(2, source.name)
        .bind(3, kind_name(source.kind))
        .bind(4, text::language_code(source.lang))
        .bind(5, source.text)
        .bind(6, source.sha256)
        .bind(7, std::int64_t{source.chars})
        .bind_blob(8, line_blob.data(), line_blob.size())
        .bind_blob(9, turn_blob.data(), turn_blob.size())
        .bind(10, source.file_name)
        .bind(11, source.file_format)
        .bind(12, source.file_size)
        .bind(13, source.file_sha256)
        .bind(14, source.encoding)
        .bind(15, source.page_count)
        .bind(16, now_iso8601())
        .bind(17, coder.id);
    if (source.page_starts.empty()) {
        insert.bind(18, std::nullopt);
    } else {
        insert.bind_blob(18, page_blob.data(), page_blob.size());
    }
    insert.run();
    const std::int64_t source_id = db.last_insert_id();

    // A speaker label that is a participant's ID is mapped to that participant.
    Statement& add_speaker = db.cached(R"sql(
        INSERT INTO speakers(source_id, ordinal, label, turns, participant_id)
        VALUES (?, ?, ?, ?, (SELECT id FROM participants WHERE pid = ?)))sql");
    for (std::size_t i = 0; i < labels.size(); ++i) {
        add_speaker.bind(1, source_id)
            .bind(2, static_cast<std::int64_t>(i))
            .bind(3, labels[i])
            .bind(4, turn_counts[i])
            .bind(5, labels[i])
            .run();
        add_speaker.reset();
    }
    return source_id;
}

std::optional<SourceInfo> find_source_by_hash(Database& db, std::string_view sha256) {
    Statement& query = db.cached("SELECT " + std::string(kSourceColumns) + " WHERE s.sha256 = ?");
    query.bind(1, sha256);
    std::optional<SourceInfo> found;
    if (query.step()) {
        found = read_source(query);
    }
    query.reset();  // a cached statement must not hold its read open
    return found;
}

std::string unique_source_name(Database& db, std::string_view wanted) {
    Statement& exists = db.cached("SELECT 1 FROM sources WHERE name = ?");
    std::string name(wanted);
    for (int n = 2;; ++n) {
        exists.bind(1, name);
        const bool taken = exists.step();
        exists.reset();
        if (!taken) {
            return name;
        }
        name = std::string(wanted) + " (" + std::to_string(n) + ")";
    }
}

std::vector<SourceInfo> list_sources(Database& db) {
    Statement query(db, "SELECT " + std::string(kSourceColumns) + " ORDER BY s.id");
    std::vector<SourceInfo> sources;
    while (query.step()) {
        sources.push_back(read_source(query));
    }
    return sources;
}

SourceInfo find_source(Database& db, std::string_view id_or_name) {
    std::int64_t id = 0;
    const auto [end, ec] =
        std::from_chars(id_or_name.data(), id_or_name.data() + id_or_name.size(), id);
    const bool numeric = ec == std::errc() && end == id_or_name.data() + id_or_name.size();
    Statement query(db, "SELECT " + std::string(kSourceColumns) +
                            (numeric ? " WHERE s.id = ?" : " WHERE s.name = ?"));
    if (numeric) {
        query.bind(1, id);
    } else {
        query.bind(1, id_or_name);
    }
    if (!query.step()) {
        throw Error("source " + std::string(id_or_name), "no such source in the project");
    }
    return read_source(query);
}

SourceText load_source_text(Database& db, std::int64_t source_id) {
    Statement query(db, "SELECT text, line_starts FROM sources WHERE id = ?");
    query.bind(1, source_id);
    if (!query.step()) {
        throw Error("source " + std::to_string(source_id), "no such source in the project");
    }
    return {query.text(0), decode_uint32s(query.blob(1))};
}

std::vector<TurnInfo> load_turns(Database& db, std::int64_t source_id) {
    struct SpeakerRow {
        std::string label;
        std::optional<std::string> participant;
    };
    std::vector<SpeakerRow> speakers;
    // Cached: retrieval and matrices read the turns of every source in turn.
    Statement& speaker_query = db.cached(R"sql(
        SELECT k.label, p.pid FROM speakers k LEFT JOIN participants p ON p.id = k.participant_id
        WHERE k.source_id = ? ORDER BY k.ordinal)sql");
    speaker_query.bind(1, source_id);
    while (speaker_query.step()) {
        speakers.push_back({speaker_query.text(0), speaker_query.is_null(1)
                                                       ? std::nullopt
                                                       : std::optional(speaker_query.text(1))});
    }
    speaker_query.reset();  // a cached statement must not hold its read open
    Statement& turn_query = db.cached("SELECT turns FROM sources WHERE id = ?");
    turn_query.bind(1, source_id);
    if (!turn_query.step()) {
        turn_query.reset();
        throw Error("source " + std::to_string(source_id), "no such source in the project");
    }
    const std::vector<std::uint32_t> packed = decode_uint32s(turn_query.blob(0));
    turn_query.reset();
    std::vector<TurnInfo> turns;
    turns.reserve(packed.size() / kTurnFields);
    for (std::size_t at = 0; at + kTurnFields <= packed.size(); at += kTurnFields) {
        const std::uint32_t* field = packed.data() + at;
        const SpeakerRow& speaker = speakers.at(field[0]);
        TurnInfo info;
        info.n = static_cast<std::int64_t>(turns.size()) + 1;
        info.turn.speaker = speaker.label;
        if (field[1] != 0) {
            info.turn.time_ms = std::int64_t{field[1]} - 1;
        }
        info.turn.start = field[2];
        info.turn.body_start = field[3];
        info.turn.end = field[4];
        info.first_line = field[5];
        info.last_line = field[6];
        info.participant = speaker.participant;
        turns.push_back(std::move(info));
    }
    return turns;
}

}  // namespace tema::store

namespace tema::store {

std::vector<SourceLine> read_lines(Database& db, const SourceInfo& source, std::int64_t first,
                                   std::int64_t last) {
    const SourceText content = load_source_text(db, source.id);
    const auto count = static_cast<std::int64_t>(content.line_starts.size());
    if (first < 1 || first > last || first > count) {
        throw Error("source " + source.name, "has no lines " + std::to_string(first) + "-" +
                                                 std::to_string(last) + " (it has " +
                                                 std::to_string(count) + " lines)");
    }
    last = std::min(last, count);
    const text::PositionMap positions(content.text);
    const std::vector<TurnInfo> turns = load_turns(db, source.id);
    auto turn = turns.begin();
    std::vector<SourceLine> lines;
    for (std::int64_t n = first; n <= last; ++n) {
        SourceLine line;
        line.n = n;
        line.start = content.line_starts[static_cast<std::size_t>(n - 1)];
        if (n < count) {
            line.end = content.line_starts[static_cast<std::size_t>(n)] - 1;  // before the LF
        } else {
            const bool final_lf = !content.text.empty() && content.text.back() == '\n';
            line.end = static_cast<std::uint32_t>(positions.codepoints()) - (final_lf ? 1U : 0U);
        }
        const std::size_t begin_byte = positions.byte_of_codepoint(line.start);
        const std::size_t end_byte = positions.byte_of_codepoint(line.end);
        line.text = content.text.substr(begin_byte, end_byte - begin_byte);
        while (turn != turns.end() && turn->last_line < n) {
            ++turn;
        }
        if (turn != turns.end() && turn->first_line <= n) {
            line.speaker = turn->turn.speaker;
            line.participant = turn->participant;
            line.time_ms = turn->turn.time_ms;
            line.turn_start = turn->first_line == n;
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

}  // namespace tema::store
