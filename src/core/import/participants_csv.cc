#include "import/participants_csv.h"

#include <algorithm>
#include <map>

#include "text/encoding.h"
#include "text/normalize.h"
#include "util/error.h"
#include "util/file.h"

namespace tema::import {

namespace {

struct Record {
    std::size_t line = 0;  // where the record starts, 1-based
    std::vector<std::string> fields;
};

char guess_delimiter(std::string_view text) {
    const std::string_view header = text.substr(0, text.find('\n'));
    std::size_t best_count = 0;
    char best = ',';
    for (const char candidate : {',', ';', '\t'}) {
        const auto count =
            static_cast<std::size_t>(std::count(header.begin(), header.end(), candidate));
        if (count > best_count) {
            best_count = count;
            best = candidate;
        }
    }
    return best;
}

std::vector<Record> parse_records(std::string_view text, char delimiter,
                                  const std::string& file_name) {
    std::vector<Record> records;
    Record record;
    std::string field;
    std::size_t line = 1;
    bool quoted = false;
    bool record_started = false;
    std::size_t quote_line = 0;
    auto end_field = [&] {
        record.fields.push_back(std::move(field));
        field.clear();
    };
    auto end_record = [&] {
        end_field();
        const bool empty_line = record.fields.size() == 1 && record.fields[0].empty();
        if (!empty_line) {
            records.push_back(std::move(record));
        }
        record = Record{};
        record_started = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (!record_started) {
            record.line = line;
            record_started = true;
        }
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') {
                    ++line;
                }
                field += c;
            }
        } else if (c == '"' && field.empty()) {
            quoted = true;
            quote_line = line;
        } else if (c == delimiter) {
            end_field();
        } else if (c == '\n') {
            end_record();
            ++line;
        } else {
            field += c;
        }
    }
    if (quoted) {
        throw Error(file_name + ", line " + std::to_string(quote_line),
                    "a quoted field is never closed (a \" is missing)");
    }
    if (record_started) {
        end_record();
    }
    return records;
}

std::string trimmed(std::string_view s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = s.find_last_not_of(" \t");
    return std::string(s.substr(first, last - first + 1));
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    return s;
}

}  // namespace

ParticipantTable parse_participants_csv(std::string_view utf8, const std::string& file_name) {
    const std::vector<Record> records = parse_records(utf8, guess_delimiter(utf8), file_name);
    if (records.empty()) {
        throw Error(file_name, "is empty: a header row and one row per participant are needed");
    }
    const Record& header = records.front();
    std::vector<std::string> names;
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        std::string name = trimmed(header.fields[i]);
        if (name.empty()) {
            throw Error(file_name + ", line 1",
                        "column " + std::to_string(i + 1) + " has no name in the header");
        }
        for (const auto& seen : names) {
            if (lower(seen) == lower(name)) {
                throw Error(file_name + ", line 1", "the column '" + name + "' appears twice");
            }
        }
        names.push_back(std::move(name));
    }
    std::size_t id_column = 0;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string name = lower(names[i]);
        if (name == "id" || name == "participant" || name == "participant_id" ||
            name == "deltaker" || name == "deltaker_id" || name == "pid" || name == "case") {
            id_column = i;
            break;
        }
    }
    ParticipantTable table;
    table.id_column = names[id_column];
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i != id_column) {
            table.attribute_names.push_back(names[i]);
        }
    }
    std::map<std::string, std::size_t> first_line;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const Record& record = records[r];
        const std::string where = file_name + ", line " + std::to_string(record.line);
        if (record.fields.size() != names.size()) {
            throw Error(where, "has " + std::to_string(record.fields.size()) +
                                   " fields, but the header has " + std::to_string(names.size()));
        }
        store::ParticipantRow row;
        row.pid = trimmed(record.fields[id_column]);
        if (row.pid.empty()) {
            throw Error(where, "has no participant ID in the column '" + table.id_column + "'");
        }
        const auto [seen, inserted] = first_line.emplace(lower(row.pid), record.line);
        if (!inserted) {
            throw Error(where, "the participant " + row.pid + " appears twice (first on line " +
                                   std::to_string(seen->second) + ")");
        }
        for (std::size_t i = 0; i < names.size(); ++i) {
            std::string value = trimmed(record.fields[i]);
            if (i != id_column && !value.empty()) {
                row.attributes.emplace_back(names[i], std::move(value));
            }
        }
        table.rows.push_back(std::move(row));
    }
    if (table.rows.empty()) {
        throw Error(file_name, "has a header but no participants");
    }
    return table;
}

store::ParticipantUpsert import_participants(store::Project& project, const store::Coder& coder,
                                             const std::filesystem::path& csv) {
    const std::string name = csv.string();
    const std::string bytes = read_file(csv, std::uintmax_t{64} << 20);
    if (bytes.empty()) {
        throw Error(name, "is empty: a header row and one row per participant are needed");
    }
    const std::string utf8 =
        text::to_nfc(text::normalize_line_endings(text::decode_text(bytes, {}, name).utf8));
    const ParticipantTable table = parse_participants_csv(utf8, name);
    store::Action action(project, coder, "participants");
    const store::ParticipantUpsert result = store::upsert_participants(project.db(), table.rows);
    action.set_summary("imported participants from " + csv.filename().string() + " (" +
                       std::to_string(result.added) + " added, " + std::to_string(result.updated) +
                       " updated)");
    action.commit();
    return result;
}

}  // namespace tema::import
