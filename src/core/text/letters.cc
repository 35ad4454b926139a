#include "text/letters.h"

#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "text/icu_util.h"

namespace tema::text {

namespace {

LetterCase case_of(UChar32 c) {
    if (c < 0) {
        return LetterCase::none;
    }
    if (u_islower(c) != 0) {
        return LetterCase::lower;
    }
    if (u_isupper(c) != 0 || u_istitle(c) != 0) {
        return LetterCase::upper;
    }
    return LetterCase::none;
}

}  // namespace

LetterCase case_of_first(std::string_view utf8) {
    if (utf8.empty()) {
        return LetterCase::none;
    }
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(utf8.data());
    const std::int32_t length = icu_util::length32(utf8.size());
    std::int32_t i = 0;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    return case_of(c);
}

LetterCase case_of_last(std::string_view utf8) {
    // Back over continuation bytes (10xxxxxx) to where the last code point begins.
    std::size_t start = utf8.size();
    while (start > 0 && utf8.size() - start < 4) {
        --start;
        if ((static_cast<unsigned char>(utf8[start]) & 0xC0U) != 0x80U) {
            break;
        }
    }
    return case_of_first(utf8.substr(start));
}

std::string utf16_to_utf8(std::u16string_view utf16) {
    if (utf16.empty()) {
        return {};
    }
    const std::int32_t length = icu_util::length32(utf16.size());
    // Each UTF-16 unit becomes at most three UTF-8 bytes (a pair, four).
    std::string out(utf16.size() * 3, '\0');
    std::int32_t written = 0;
    UErrorCode status = U_ZERO_ERROR;
    u_strToUTF8WithSub(out.data(), icu_util::length32(out.size()), &written, utf16.data(), length,
                       0xFFFD, nullptr, &status);
    icu_util::check(status, "u_strToUTF8WithSub");
    out.resize(static_cast<std::size_t>(written));
    return out;
}

}  // namespace tema::text
