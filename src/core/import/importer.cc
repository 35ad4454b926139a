#include "import/importer.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "import/reader.h"
#include "import/turns.h"
#include "store/sources.h"
#include "text/language.h"
#include "text/lines.h"
#include "text/utf8.h"
#include "util/error.h"
#include "util/sha256.h"

namespace tema::import {

namespace {

namespace fs = std::filesystem;

// A file read and parsed, ready to be stored; or the reason it cannot be.
struct Prepared {
    ImportReport report;
    store::NewSource source;
};

bool names_a_field_note(const fs::path& path) {
    std::string name = path.filename().string();
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    for (const char* hint : {"feltnotat", "fieldnote", "field-note", "field_note", "field note"}) {
        if (name.find(hint) != std::string::npos) {
            return true;
        }
    }
    return false;
}

Prepared prepare(const fs::path& path, const ImportOptions& options) {
    Prepared prepared;
    prepared.report.file = path.string();
    try {
        Document document = read_document(path, ReadOptions{options.encoding, options.merge_cues});
        store::NewSource& source = prepared.source;
        // Subtitle and word-processor readers may find turns themselves (cues,
        // bold speaker names); plain text gets them from its lines.
        const bool wants_turns = !options.kind || *options.kind == SourceKind::transcript;
        if (!wants_turns) {
            document.turns.clear();
        } else if (document.turns.empty()) {
            document.turns = find_turns(document.text);
        }
        if (options.kind) {
            source.kind = *options.kind;
        } else if (!document.turns.empty()) {
            source.kind = SourceKind::transcript;
        } else {
            source.kind = names_a_field_note(path) ? SourceKind::fieldnote : SourceKind::document;
        }
        source.lang = options.lang ? *options.lang : text::detect_language(document.text);
        source.name = path.stem().string();
        source.line_starts = text::line_starts(document.text);
        source.chars = static_cast<std::uint32_t>(text::count_codepoints(document.text));
        source.sha256 = sha256_hex(document.text);
        source.turns = std::move(document.turns);
        source.file_name = path.filename().string();
        source.file_format = document.format;
        source.file_size = document.file_size;
        source.file_sha256 = std::move(document.file_sha256);
        source.encoding = document.encoding;
        source.page_count = document.page_count;
        source.page_starts = std::move(document.page_starts);
        source.text = std::move(document.text);
        prepared.report.ok = true;
    } catch (const Error& error) {
        prepared.report.error = error.what();
    } catch (const std::exception& error) {
        prepared.report.error = prepared.report.file + ": " + error.what();
    }
    return prepared;
}

void store_prepared(store::Project& project, const store::Coder& coder, Prepared& prepared) {
    ImportReport& report = prepared.report;
    store::NewSource& source = prepared.source;
    report.kind = source.kind;
    report.lang = source.lang;
    report.encoding = source.encoding;
    report.lines = static_cast<std::int64_t>(source.line_starts.size());
    report.turns = static_cast<std::int64_t>(source.turns.size());
    for (const Turn& turn : source.turns) {
        if (std::find(report.speakers.begin(), report.speakers.end(), turn.speaker) ==
            report.speakers.end()) {
            report.speakers.push_back(turn.speaker);
        }
    }
    try {
        store::Database& db = project.db();
        if (auto existing = store::find_source_by_hash(db, source.sha256)) {
            report.duplicate = true;
            report.source_id = existing->id;
            report.source = existing->name;
            return;
        }
        store::Action action(project, coder, "import");
        source.name = store::unique_source_name(db, source.name);
        report.source_id = store::insert_source(db, source, coder);
        report.source = source.name;
        action.set_summary("imported " + source.file_name + " as source '" + source.name + "' (" +
                           std::to_string(report.lines) + " lines, " +
                           std::to_string(report.turns) + " turns)");
        action.commit();
    } catch (const Error& error) {
        if (error.subject() == project.path().string()) {
            throw;  // the project itself (locked, read-only, disk full): stop
        }
        report.ok = false;
        report.error = error.what();
    }
}

}  // namespace

std::vector<ImportReport> import_files(store::Project& project, const store::Coder& coder,
                                       const std::vector<fs::path>& files,
                                       const ImportOptions& options, Progress& progress) {
    // Workers read and parse ahead of the writer, at most `window` files ahead,
    // so memory stays bounded however many files there are.
    const std::size_t workers =
        std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
    const std::size_t window = workers * 2;
    std::vector<std::optional<Prepared>> slots(files.size());
    std::mutex mutex;
    std::condition_variable ready;  // a slot was filled
    std::condition_variable room;   // the writer moved on
    std::size_t next_to_prepare = 0;
    std::size_t next_to_store = 0;
    bool stop = false;

    auto work = [&] {
        for (;;) {
            std::size_t index = 0;
            {
                std::unique_lock lock(mutex);
                room.wait(lock, [&] {
                    return stop || next_to_prepare >= files.size() ||
                           next_to_prepare < next_to_store + window;
                });
                if (stop || next_to_prepare >= files.size()) {
                    return;
                }
                index = next_to_prepare++;
            }
            Prepared prepared = prepare(files[index], options);
            {
                std::lock_guard lock(mutex);
                slots[index] = std::move(prepared);
            }
            ready.notify_all();
        }
    };
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < std::min(workers, files.size()); ++i) {
        threads.emplace_back(work);
    }

    std::vector<ImportReport> reports;
    reports.reserve(files.size());
    std::string project_error;  // set when the project itself refuses a change
    progress.start("Importing", files.size());
    try {
        for (std::size_t i = 0; i < files.size(); ++i) {
            if (progress.cancelled()) {
                break;
            }
            Prepared prepared;
            {
                std::unique_lock lock(mutex);
                ready.wait(lock, [&] { return slots[i].has_value(); });
                prepared = std::move(*slots[i]);
                slots[i].reset();
                next_to_store = i + 1;
            }
            room.notify_all();
            if (prepared.report.ok && project_error.empty()) {
                try {
                    store_prepared(project, coder, prepared);
                } catch (const Error& error) {
                    project_error = error.what();
                }
            }
            if (!project_error.empty() && prepared.report.ok) {
                // What stops one file stops the rest: report each, try none.
                prepared.report.ok = false;
                prepared.report.error = prepared.report.file + ": not imported: " + project_error;
            }
            progress.advance(prepared.report.file);
            reports.push_back(std::move(prepared.report));
        }
    } catch (...) {
        {
            std::lock_guard lock(mutex);
            stop = true;
        }
        room.notify_all();
        for (auto& thread : threads) {
            thread.join();
        }
        throw;
    }
    {
        std::lock_guard lock(mutex);
        stop = true;
    }
    room.notify_all();
    for (auto& thread : threads) {
        thread.join();
    }
    progress.finish();
    return reports;
}

}  // namespace tema::import
