#include "text/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <cstring>

#include "text/ascii.h"
#include "text/icu_util.h"

namespace tema::text {

namespace {

const icu::Normalizer2& nfc() {
    // ICU's NFC instance is a process-wide singleton; its const methods are
    // safe to call from several threads at once.
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* instance = icu::Normalizer2::getNFCInstance(status);
    icu_util::check(status, "Loading the NFC normaliser");
    return *instance;
}

}  // namespace

bool is_nfc(std::string_view utf8) {
    // Every code point below U+0300 (lead byte below 0xCC) is NFC on its own,
    // has combining class 0 and starts a new normalisation segment: nothing
    // before it ever changes across it. (Checked against ICU 72 for each of
    // them.) So the text can be cut before each such code point, and only the
    // pieces that hold something from U+0300 up, together with the code point
    // just before them, need ICU's check. Most text is a few such pieces.
    const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
    const std::size_t n = utf8.size();
    std::size_t segment = 0;  // start of the last code point below U+0300
    std::size_t i = 0;
    while (i < n) {
        const std::size_t ascii = detail::ascii_prefix(utf8.substr(i));
        if (ascii > 0) {
            i += ascii;
            segment = i - 1;
            continue;
        }
        if (p[i] < 0xCCU) {
            if (p[i] >= 0xC0U) {
                segment = i;  // lead byte of U+0080..U+02FF
            }
            ++i;
            continue;
        }
        // From here to the next code point below U+0300.
        std::size_t end = i + 1;
        while (end < n && (p[end] >= 0xCCU || (p[end] & 0xC0U) == 0x80U)) {
            ++end;
        }
        UErrorCode status = U_ZERO_ERROR;
        const bool normalized =
            nfc().isNormalizedUTF8(icu_util::piece(utf8.substr(segment, end - segment)), status) !=
            0;
        icu_util::check(status, "Checking NFC");
        if (!normalized) {
            return false;
        }
        i = end;
        segment = end;
    }
    return true;
}

std::string to_nfc(std::string_view utf8) {
    // The usual case: the text is NFC already and is returned as it is.
    if (is_nfc(utf8)) {
        return std::string(utf8);
    }
    std::string out;
    out.reserve(utf8.size());
    icu::StringByteSink<std::string> sink(&out);
    UErrorCode status = U_ZERO_ERROR;
    nfc().normalizeUTF8(0, icu_util::piece(utf8), sink, nullptr, status);
    icu_util::check(status, "Normalising to NFC");
    return out;
}

std::string normalize_line_endings(std::string_view utf8) {
    if (utf8.empty()) {
        return {};
    }
    const char* cr = static_cast<const char*>(std::memchr(utf8.data(), '\r', utf8.size()));
    if (cr == nullptr) {
        return std::string(utf8);
    }
    // One pass: copy the runs between CRs; a CR becomes LF, and an LF right
    // after it is skipped.
    std::string out;
    out.reserve(utf8.size());
    std::size_t pos = 0;
    while (cr != nullptr) {
        const auto at = static_cast<std::size_t>(cr - utf8.data());
        out.append(utf8.data() + pos, at - pos);
        out += '\n';
        pos = at + 1;
        if (pos < utf8.size() && utf8[pos] == '\n') {
            ++pos;
        }
        cr = static_cast<const char*>(std::memchr(utf8.data() + pos, '\r', utf8.size() - pos));
    }
    out.append(utf8.data() + pos, utf8.size() - pos);
    return out;
}

}  // namespace tema::text
