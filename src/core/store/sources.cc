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
    (SELECT count(*) FROM turns t WHERE t.source_id = s.id),
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

// 1-based line holding code point `cp`.
std::int64_t line_of(const std::vector<std::uint32_t>& starts, std::uint32_t cp) {
    const auto after = std::upper_bound(starts.begin(), starts.end(), cp);
    return std::max<std::int64_t>(1, after - starts.begin());
}

}  // namespace

std::string encode_line_starts(const std::vector<std::uint32_t>& starts) {
    std::string blob(starts.size() * 4, '\0');
    for (std::size_t i = 0; i < starts.size(); ++i) {
        for (std::size_t b = 0; b < 4; ++b) {
            blob[i * 4 + b] = static_cast<char>((starts[i] >> (8 * b)) & 0xff);
        }
    }
    return blob;
}

std::vector<std::uint32_t> decode_line_starts(std::string_view blob) {
    std::vector<std::uint32_t> starts(blob.size() / 4);
    for (std::size_t i = 0; i < starts.size(); ++i) {
        std::uint32_t value = 0;
        for (std::size_t b = 0; b < 4; ++b) {
            value |= std::uint32_t{static_cast<unsigned char>(blob[i * 4 + b])} << (8 * b);
        }
        starts[i] = value;
    }
    return starts;
}

std::int64_t insert_source(Database& db, const NewSource& source, const Coder& coder) {
    const std::string blob = encode_line_starts(source.line_starts);
    Statement insert(db, R"sql(
        INSERT INTO sources(guid, name, kind, lang, text, sha256, chars, line_starts, file_name,
                            file_format, file_size, file_sha256, encoding, page_count,
                            imported_at, imported_by)
        VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?))sql");
    insert.bind(1, new_guid())
        .bind(2, source.name)
        .bind(3, kind_name(source.kind))
        .bind(4, text::language_code(source.lang))
        .bind(5, source.text)
        .bind(6, source.sha256)
        .bind(7, std::int64_t{source.chars})
        .bind_blob(8, blob.data(), blob.size())
        .bind(9, source.file_name)
        .bind(10, source.file_format)
        .bind(11, source.file_size)
        .bind(12, source.file_sha256)
        .bind(13, source.encoding)
        .bind(14, source.page_count)
        .bind(15, now_iso8601())
        .bind(16, coder.id)
        .run();
    const std::int64_t source_id = db.last_insert_id();

    // Speakers in order of first appearance; a label that is a participant's
    // ID is mapped to that participant.
    std::map<std::string, std::int64_t, std::less<>> speaker_ids;
    Statement add_speaker(db, R"sql(
        INSERT INTO speakers(source_id, label, participant_id)
        VALUES (?, ?, (SELECT id FROM participants WHERE pid = ?)))sql");
    Statement add_turn(db, R"sql(
        INSERT INTO turns(source_id, n, speaker_id, time_ms, start, body_start, end, first_line,
                          last_line) VALUES (?,?,?,?,?,?,?,?,?))sql");
    std::int64_t n = 0;
    for (const Turn& turn : source.turns) {
        auto found = speaker_ids.find(turn.speaker);
        if (found == speaker_ids.end()) {
            add_speaker.bind(1, source_id).bind(2, turn.speaker).bind(3, turn.speaker).run();
            add_speaker.reset();
            found = speaker_ids.emplace(turn.speaker, db.last_insert_id()).first;
        }
        const std::uint32_t last = turn.end > turn.start ? turn.end - 1 : turn.start;
        add_turn.bind(1, source_id)
            .bind(2, ++n)
            .bind(3, found->second)
            .bind(4, turn.time_ms)
            .bind(5, std::int64_t{turn.start})
            .bind(6, std::int64_t{turn.body_start})
            .bind(7, std::int64_t{turn.end})
            .bind(8, line_of(source.line_starts, turn.start))
            .bind(9, line_of(source.line_starts, last))
            .run();
        add_turn.reset();
    }
    return source_id;
}

std::optional<SourceInfo> find_source_by_hash(Database& db, std::string_view sha256) {
    Statement query(db, "SELECT " + std::string(kSourceColumns) + " WHERE s.sha256 = ?");
    query.bind(1, sha256);
    if (!query.step()) {
        return std::nullopt;
    }
    return read_source(query);
}

std::string unique_source_name(Database& db, std::string_view wanted) {
    Statement exists(db, "SELECT 1 FROM sources WHERE name = ?");
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
    return {query.text(0), decode_line_starts(query.blob(1))};
}

std::vector<TurnInfo> load_turns(Database& db, std::int64_t source_id) {
    Statement query(db, R"sql(
        SELECT t.n, k.label, t.time_ms, t.start, t.body_start, t.end, t.first_line, t.last_line,
               p.pid
        FROM turns t JOIN speakers k ON k.id = t.speaker_id
        LEFT JOIN participants p ON p.id = k.participant_id
        WHERE t.source_id = ? ORDER BY t.n)sql");
    query.bind(1, source_id);
    std::vector<TurnInfo> turns;
    while (query.step()) {
        TurnInfo info;
        info.n = query.int64(0);
        info.turn.speaker = query.text(1);
        info.turn.time_ms = query.optional_int64(2);
        info.turn.start = static_cast<std::uint32_t>(query.int64(3));
        info.turn.body_start = static_cast<std::uint32_t>(query.int64(4));
        info.turn.end = static_cast<std::uint32_t>(query.int64(5));
        info.first_line = query.int64(6);
        info.last_line = query.int64(7);
        if (!query.is_null(8)) {
            info.participant = query.text(8);
        }
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
        throw Error("source " + source.name,
                    "has no lines " + std::to_string(first) + "-" + std::to_string(last) +
                        " (it has " + std::to_string(count) + " lines)");
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
