// Importing files into a project: each file one action, all or nothing.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/source.h"
#include "store/project.h"
#include "util/progress.h"

namespace tema::import {

struct ImportOptions {
    // Unset: a transcript when speaker turns are found; otherwise a field note
    // when the file name says so ("feltnotat", "fieldnote"), else a document.
    std::optional<SourceKind> kind;
    std::optional<text::Language> lang;  // unset: detected from the text
    std::string encoding;                // empty: detected from the bytes
    bool merge_cues = false;             // subtitles: a speaker's cues in a row, one turn
};

// What happened to one file.
struct ImportReport {
    std::string file;
    bool ok = false;
    std::string error;       // why not, when !ok: "FILE: problem"
    bool duplicate = false;  // its text was already in the project; nothing was added
    std::int64_t source_id = 0;
    std::string source;      // the source's name (the existing one for a duplicate)
    SourceKind kind = SourceKind::document;
    text::Language lang = text::Language::other;
    std::string encoding;
    std::int64_t lines = 0;
    std::int64_t turns = 0;
    std::vector<std::string> speakers;  // labels in order of first appearance
};

// Imports `files` in order. Reading and parsing run on worker threads; each
// file is then stored in its own action, so one bad file changes nothing and
// stops nothing else. Cancelling through `progress` stops before the next file.
std::vector<ImportReport> import_files(store::Project& project, const store::Coder& coder,
                                       const std::vector<std::filesystem::path>& files,
                                       const ImportOptions& options, Progress& progress);

}  // namespace tema::import
