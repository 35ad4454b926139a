// Sources: imported documents, their speaker turns and speakers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "text/language.h"

namespace tema {

enum class SourceKind { transcript, fieldnote, document };

// "transcript", "fieldnote", "document".
std::string_view kind_name(SourceKind kind);
std::optional<SourceKind> parse_kind(std::string_view name);

// A speaker turn. Positions are code points of the source text; end is exclusive.
struct Turn {
    std::string speaker;                  // the label as written: "Deltaker 3", "P07", "M"
    std::optional<std::int64_t> time_ms;  // the time stamp, when the transcript has one
    std::uint32_t start = 0;              // where the turn's line begins (label included)
    std::uint32_t body_start = 0;         // where the spoken words begin
    std::uint32_t end = 0;                // after the turn's last character
};

// What `tema sources` shows of a source.
struct SourceInfo {
    std::int64_t id = 0;
    std::string guid;
    std::string name;
    SourceKind kind = SourceKind::document;
    text::Language lang = text::Language::other;
    std::int64_t lines = 0;
    std::int64_t turns = 0;
    std::int64_t speakers = 0;
    std::int64_t chars = 0;
    std::string sha256;  // of the text
    std::string encoding;
    std::string file_name;
    std::string file_format;
    std::int64_t file_size = 0;
    std::string file_sha256;
    std::optional<std::int64_t> page_count;
    std::string imported_at;
    std::string imported_by;
};

// A time stamp as hh:mm:ss.
std::string format_time(std::int64_t time_ms);

}  // namespace tema
