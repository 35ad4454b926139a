#include "store/participants.h"

#include <algorithm>
#include <map>

#include "text/collation.h"
#include "util/clock.h"
#include "util/error.h"
#include "util/guid.h"

namespace tema::store {

ParticipantUpsert upsert_participants(Database& db, const std::vector<ParticipantRow>& rows) {
    ParticipantUpsert result;
    Statement find(db, "SELECT id FROM participants WHERE pid = ?");
    Statement add(db, "INSERT INTO participants(guid, pid, created) VALUES (?, ?, ?)");
    Statement add_attribute(db, R"sql(
        INSERT INTO attributes(name, position)
        VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM attributes))
        ON CONFLICT(name) DO NOTHING)sql");
    Statement set_value(db, R"sql(
        INSERT INTO participant_attributes(participant_id, name, value)
        VALUES (?, (SELECT name FROM attributes WHERE name = ?), ?)
        ON CONFLICT(participant_id, name) DO UPDATE SET value = excluded.value)sql");
    const std::string now = now_iso8601();
    for (const ParticipantRow& row : rows) {
        std::int64_t id = 0;
        find.bind(1, row.pid);
        if (find.step()) {
            id = find.int64(0);
            ++result.updated;
        } else {
            add.bind(1, new_guid()).bind(2, row.pid).bind(3, now).run();
            add.reset();
            id = db.last_insert_id();
            ++result.added;
        }
        find.reset();
        for (const auto& [name, value] : row.attributes) {
            add_attribute.bind(1, name).run();
            add_attribute.reset();
            set_value.bind(1, id).bind(2, name).bind(3, value).run();
            set_value.reset();
        }
    }
    db.exec(R"sql(
        UPDATE speakers SET participant_id = (SELECT p.id FROM participants p WHERE p.pid = label)
        WHERE participant_id IS NULL AND label IN (SELECT pid FROM participants))sql");
    result.speakers_mapped = db.changes();
    return result;
}

std::vector<Participant> list_participants(Database& db) {
    std::vector<Participant> participants;
    std::map<std::int64_t, std::size_t> index;
    Statement people(db, "SELECT id, guid, pid FROM participants ORDER BY pid");
    while (people.step()) {
        index[people.int64(0)] = participants.size();
        participants.push_back({people.int64(0), people.text(1), people.text(2), {}, {}});
    }
    Statement values(db, R"sql(
        SELECT v.participant_id, a.name, v.value FROM participant_attributes v
        JOIN attributes a ON a.name = v.name ORDER BY a.position)sql");
    while (values.step()) {
        participants[index.at(values.int64(0))].attributes.emplace_back(values.text(1),
                                                                        values.text(2));
    }
    Statement sources(db, R"sql(
        SELECT DISTINCT k.participant_id, s.name FROM speakers k JOIN sources s ON s.id = k.source_id
        WHERE k.participant_id IS NOT NULL ORDER BY s.id)sql");
    while (sources.step()) {
        participants[index.at(sources.int64(0))].sources.push_back(sources.text(1));
    }
    return participants;
}

std::vector<Speaker> list_speakers(Database& db, std::int64_t source_id) {
    Statement query(db, R"sql(
        SELECT k.id, k.label, k.turns, p.pid
        FROM speakers k LEFT JOIN participants p ON p.id = k.participant_id
        WHERE k.source_id = ? ORDER BY k.ordinal)sql");
    query.bind(1, source_id);
    std::vector<Speaker> speakers;
    while (query.step()) {
        Speaker speaker{query.int64(0), query.text(1), query.int64(2), std::nullopt};
        if (!query.is_null(3)) {
            speaker.participant = query.text(3);
        }
        speakers.push_back(std::move(speaker));
    }
    return speakers;
}

std::vector<std::string> speaker_labels(Database& db) {
    Statement query(db, "SELECT DISTINCT label FROM speakers");
    std::vector<std::string> labels;
    while (query.step()) {
        labels.push_back(query.text(0));
    }
    std::sort(labels.begin(), labels.end(), [](const std::string& a, const std::string& b) {
        return text::compare_norwegian(a, b) < 0;
    });
    return labels;
}

void map_speaker(Project& project, const Coder& coder, std::int64_t source_id,
                 std::string_view label, std::string_view pid) {
    Database& db = project.db();
    Action action(project, coder, "speaker-map",
                  "mapped speaker '" + std::string(label) + "' to participant " + std::string(pid));
    Statement participant(db, "SELECT id FROM participants WHERE pid = ?");
    participant.bind(1, pid);
    if (!participant.step()) {
        throw Error(
            "participant " + std::string(pid),
            "no such participant (import them with `tema participants PROJECT import CSV`)");
    }
    Statement update(db,
                     "UPDATE speakers SET participant_id = ? WHERE source_id = ? AND label = ?");
    update.bind(1, participant.int64(0)).bind(2, source_id).bind(3, label).run();
    if (db.changes() == 0) {
        throw Error("speaker " + std::string(label), "no such speaker in this source");
    }
    action.commit();
}

}  // namespace tema::store
