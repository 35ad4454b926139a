#include "coding/names.h"

#include <charconv>

#include "text/normalize.h"
#include "util/error.h"

namespace tema::coding {

std::string_view trim(std::string_view text) {
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!text.empty() && blank(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && blank(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

std::string clean_name(std::string_view name, std::string_view what, bool no_slash) {
    std::string cleaned(trim(text::to_nfc(name)));
    if (cleaned.empty()) {
        throw Error(std::string(what), "a name cannot be empty");
    }
    if (no_slash && cleaned.find('/') != std::string::npos) {
        throw Error(std::string(what) + " " + cleaned,
                    "a name cannot contain '/' (it separates the parts of a path)");
    }
    return cleaned;
}

std::string clean_text(std::string_view text) {
    return text::normalize_line_endings(text::to_nfc(text));
}

std::optional<std::int64_t> parse_id(std::string_view text) {
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || id < 0) {
        return std::nullopt;
    }
    return id;
}

}  // namespace tema::coding
