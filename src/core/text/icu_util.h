// Internal to src/core/text: the one place where our UTF-8 strings meet ICU's
// types. Nothing outside src/core/text includes this header (or any ICU header).
#pragma once

#include <unicode/stringpiece.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "util/error.h"

namespace tema::text::icu_util {

// Throws tema::Error when `status` is a failure of the ICU call `what`.
// These are failures of ICU itself (missing data, out of memory), not of the
// user's text, so the subject is "ICU".
inline void check(UErrorCode status, const char* what) {
    if (U_FAILURE(status)) {
        throw Error("ICU", std::string(what) + " failed (" + u_errorName(status) + ")");
    }
}

// ICU counts lengths in int32_t; texts longer than that are refused.
inline std::int32_t length32(std::size_t length) {
    if (length > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max())) {
        throw Error("text", "is too long for Unicode processing (more than 2 GiB)");
    }
    return static_cast<std::int32_t>(length);
}

inline icu::StringPiece piece(std::string_view utf8) {
    return {utf8.data(), length32(utf8.size())};
}

inline icu::UnicodeString from_utf8(std::string_view utf8) {
    return icu::UnicodeString::fromUTF8(piece(utf8));
}

inline std::string to_utf8(const icu::UnicodeString& text) {
    std::string out;
    text.toUTF8String(out);
    return out;
}

}  // namespace tema::text::icu_util
