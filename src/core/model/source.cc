#include "model/source.h"

#include <cstdio>

namespace tema {

std::string_view kind_name(SourceKind kind) {
    switch (kind) {
        case SourceKind::transcript:
            return "transcript";
        case SourceKind::fieldnote:
            return "fieldnote";
        case SourceKind::document:
            return "document";
    }
    return "document";
}

std::optional<SourceKind> parse_kind(std::string_view name) {
    for (const SourceKind kind :
         {SourceKind::transcript, SourceKind::fieldnote, SourceKind::document}) {
        if (kind_name(kind) == name) {
            return kind;
        }
    }
    return std::nullopt;
}

std::string format_time(std::int64_t time_ms) {
    const std::int64_t seconds = time_ms / 1000;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%02lld:%02lld:%02lld",
                  static_cast<long long>(seconds / 3600), static_cast<long long>(seconds / 60 % 60),
                  static_cast<long long>(seconds % 60));
    return buffer;
}

}  // namespace tema
