#include "text/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "text/ascii.h"
#include "text/icu_util.h"

// How decode_text tells encodings apart (without a forced encoding):
//
// 1. A byte-order mark decides: EF BB BF is UTF-8 ("UTF-8-BOM"), FF FE is
//    UTF-16LE, FE FF is UTF-16BE. The rest must then be valid in that encoding.
//    (The UTF-32 marks are refused: Tema does not read UTF-32 unless forced.)
// 2. NUL bytes: text in UTF-16 without a byte-order mark shows a NUL in every
//    other byte (the high byte of Latin letters). When at least 70% of the even
//    or the odd bytes of the first 4 KiB are NUL and at most 10% of the others
//    are, the file is read as UTF-16LE or UTF-16BE; any other NUL means binary
//    data.
// 3. Valid UTF-8 is UTF-8 (the common case, checked first and fast).
// 4. Bytes that are mostly well-formed UTF-8 sequences with a few stray bytes
//    among them are broken UTF-8 (two files pasted together, a bad editor),
//    and are refused with the offset of the first bad byte rather than read as
//    a single-byte encoding, which would silently garble every æ ø å.
// 5. Otherwise a single-byte Western encoding:
//    - any byte 80-9F: windows-1252 (curly quotes, dashes, € and so on live
//      there; in the ISO encodings they are control characters). If one of the
//      bytes 1252 leaves undefined (81 8D 8F 90 9D) is present, the text is in
//      none of the encodings we know (DOS code page 865, say) and is refused.
//    - else the bytes on which ISO-8859-15 and ISO-8859-1 differ vote:
//      A4 is € in 8859-15 and ¤ in Latin-1; nobody writes ¤, so A4 next to a
//      number or standing alone votes for 8859-15. A6 B4 BC BE are Š Ž Œ Ÿ in
//      8859-15 and ¦ ´ ¼ ¾ in Latin-1: they vote for 8859-15 when they begin a
//      word or stand in a word of capitals (a letter follows, no lower-case
//      letter precedes); ´ between letters is an apostrophe ("don´t") and ¼ ¾
//      after a digit are fractions: votes for Latin-1. A8 B8 BD are š ž œ in
//      8859-15 and ¨ ¸ ½: next to a letter they vote for 8859-15, ½ after a
//      digit for Latin-1. More votes for 8859-15 than for Latin-1 give
//      "ISO-8859-15".
//    - otherwise "ISO-8859-1". Without bytes 80-9F, Latin-1 and windows-1252
//      decode identically, and ISO-8859-1 is the plainer name for it.
// In every case the decoded text is refused as binary data when it holds NUL
// characters or when more than 2% of it is C0 control characters other than
// tab, LF, CR and FF.
//
// A forced encoding is decoded by ICU with a callback that stops at the first
// illegal or unmappable byte sequence, which is reported with its offset.
// Decoded C1 control characters (U+0080-U+009F) are refused the same way:
// they are what windows-1252 text turns into when read as "latin1".

namespace tema::text {

namespace {

constexpr const char* kBinary = "is not a text file (it holds binary data)";
constexpr const char* kUnsupported = "is not text in any supported encoding";

std::string invalid_at(std::string_view encoding, std::size_t offset) {
    return "is not valid " + std::string(encoding) + " (at byte " + std::to_string(offset) + ")";
}

// ---------------------------------------------------------------------------
// UTF-8 validation

// Length of the well-formed UTF-8 sequence that starts at `p[0]` (Unicode
// table 3-7: no overlongs, no surrogates, nothing above U+10FFFF), or 0 when
// none does. `remaining` (at least 1) bytes may be read.
std::size_t sequence_length(const unsigned char* p, std::size_t remaining) {
    const unsigned char lead = p[0];
    if (lead < 0x80U) {
        return 1;
    }
    if (lead >= 0xC2U && lead <= 0xDFU) {
        return remaining >= 2 && (p[1] & 0xC0U) == 0x80U ? 2 : 0;
    }
    if (lead >= 0xE0U && lead <= 0xEFU) {
        const unsigned char low = lead == 0xE0U ? 0xA0U : 0x80U;   // no overlongs
        const unsigned char high = lead == 0xEDU ? 0x9FU : 0xBFU;  // no surrogates
        return remaining >= 3 && p[1] >= low && p[1] <= high && (p[2] & 0xC0U) == 0x80U ? 3 : 0;
    }
    if (lead >= 0xF0U && lead <= 0xF4U) {
        const unsigned char low = lead == 0xF0U ? 0x90U : 0x80U;   // no overlongs
        const unsigned char high = lead == 0xF4U ? 0x8FU : 0xBFU;  // up to U+10FFFF
        return remaining >= 4 && p[1] >= low && p[1] <= high && (p[2] & 0xC0U) == 0x80U &&
                       (p[3] & 0xC0U) == 0x80U
                   ? 4
                   : 0;
    }
    return 0;
}

// Offset of the first byte that does not begin a well-formed UTF-8 sequence,
// or the size when all of `bytes` is well-formed. ASCII runs go eight bytes
// at a time.
std::size_t first_invalid_utf8(std::string_view bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t n = bytes.size();
    std::size_t i = 0;
    while (i < n) {
        if (p[i] < 0x80U) {
            i += detail::ascii_prefix(bytes.substr(i));
            continue;
        }
        const std::size_t length = sequence_length(p + i, n - i);
        if (length == 0) {
            return i;
        }
        i += length;
    }
    return n;
}

// True when `bytes`, which is not valid UTF-8, is still mostly UTF-8: it has
// more well-formed multi-byte sequences than stray bytes. Real single-byte
// text almost never forms a UTF-8 sequence (that takes a capital letter such
// as Æ followed by a symbol such as «), while each of its æ ø å is a stray byte.
bool looks_like_broken_utf8(std::string_view bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t n = bytes.size();
    std::size_t sequences = 0;
    std::size_t strays = 0;
    std::size_t i = 0;
    while (i < n) {
        if (p[i] < 0x80U) {
            i += detail::ascii_prefix(bytes.substr(i));
            continue;
        }
        const std::size_t length = sequence_length(p + i, n - i);
        if (length == 0) {
            ++strays;
            ++i;
        } else {
            ++sequences;
            i += length;
        }
    }
    return sequences >= 2 && sequences > strays;
}

// ---------------------------------------------------------------------------
// Binary data

// C0 control characters other than tab, LF, FF and CR.
constexpr bool is_bad_control(std::uint32_t c) {
    return c < 0x20U && c != 0x09U && c != 0x0AU && c != 0x0CU && c != 0x0DU;
}

// "Many" control characters: more than 2% of the characters.
constexpr bool too_many_controls(std::size_t controls, std::size_t characters) {
    return controls * 50 > characters;
}

// True when `bytes` holds a NUL byte or too many other control bytes. Eight
// bytes at a time: only words that hold a byte below 0x20 are looked into.
bool holds_binary_bytes(std::string_view bytes) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
    std::size_t controls = 0;
    // Counts a bad control byte; true for NUL.
    const auto is_nul = [&controls](char c) {
        const auto byte = static_cast<unsigned char>(c);
        if (is_bad_control(byte)) {
            ++controls;
        }
        return byte == 0;
    };
    std::size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, bytes.data() + i, sizeof word);
        if (((word - kOnes * 0x20U) & ~word & kHighBits) == 0) {
            continue;  // no byte below 0x20 among these eight
        }
        for (std::size_t k = i; k < i + 8; ++k) {
            if (is_nul(bytes[k])) {
                return true;
            }
        }
    }
    for (; i < bytes.size(); ++i) {
        if (is_nul(bytes[i])) {
            return true;
        }
    }
    return too_many_controls(controls, bytes.size());
}

// ---------------------------------------------------------------------------
// Decoding with ICU converters

struct ConverterCloser {
    void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

// Opens `name` with a callback that stops at illegal or unmappable input.
// Returns null when ICU does not know the name.
Converter open_converter(const std::string& name) {
    UErrorCode status = U_ZERO_ERROR;
    Converter converter(ucnv_open(name.c_str(), &status));
    if (U_FAILURE(status) || !converter) {
        return nullptr;
    }
    ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                        &status);
    icu_util::check(status, "Setting up a converter");
    return converter;
}

struct Utf16Result {
    std::u16string text;
    std::vector<std::int32_t> offsets;  // source byte of each unit, when asked for
    std::optional<std::size_t> error;   // byte offset of illegal or unmappable input
};

// Converts all of `bytes` to UTF-16, stopping at the first bad input.
Utf16Result to_utf16(UConverter* converter, std::string_view bytes, bool with_offsets) {
    ucnv_resetToUnicode(converter);
    Utf16Result result;
    result.text.resize(bytes.size() + 16);
    if (with_offsets) {
        result.offsets.resize(result.text.size());
    }
    const char* const begin = bytes.data();
    const char* source = begin;
    const char* const source_end = begin + bytes.size();
    std::size_t written = 0;
    for (;;) {
        UChar* target = result.text.data() + written;
        UChar* const target_start = target;
        std::int32_t* offsets = with_offsets ? result.offsets.data() + written : nullptr;
        const auto call_start = static_cast<std::size_t>(source - begin);
        UErrorCode status = U_ZERO_ERROR;
        ucnv_toUnicode(converter, &target, result.text.data() + result.text.size(), &source,
                       source_end, offsets, /*flush=*/1, &status);
        const auto produced = static_cast<std::size_t>(target - target_start);
        if (with_offsets) {
            // ICU's offsets count from where this call began.
            for (std::size_t k = written; k < written + produced; ++k) {
                if (result.offsets[k] >= 0) {
                    result.offsets[k] += static_cast<std::int32_t>(call_start);
                }
            }
        }
        written += produced;
        if (status == U_BUFFER_OVERFLOW_ERROR) {
            result.text.resize(result.text.size() * 2);
            if (with_offsets) {
                result.offsets.resize(result.text.size());
            }
            continue;
        }
        if (status == U_ILLEGAL_CHAR_FOUND || status == U_INVALID_CHAR_FOUND ||
            status == U_TRUNCATED_CHAR_FOUND) {
            // The source has moved past the bad sequence; ICU keeps its bytes.
            std::array<char, 32> bad{};
            auto bad_length = static_cast<std::int8_t>(bad.size());
            UErrorCode ignored = U_ZERO_ERROR;
            ucnv_getInvalidChars(converter, bad.data(), &bad_length, &ignored);
            const auto consumed = static_cast<std::size_t>(source - begin);
            const auto bad_bytes = static_cast<std::size_t>(bad_length > 0 ? bad_length : 0);
            result.error = consumed >= bad_bytes ? consumed - bad_bytes : 0;
        } else {
            icu_util::check(status, "Converting text");
        }
        break;
    }
    result.text.resize(written);
    if (with_offsets) {
        result.offsets.resize(written);
    }
    return result;
}

std::string utf16_to_utf8(std::u16string_view text) {
    // Measure first, so the result holds no more memory than it needs.
    const std::int32_t units = icu_util::length32(text.size());
    std::int32_t length = 0;
    UErrorCode status = U_ZERO_ERROR;
    u_strToUTF8(nullptr, 0, &length, text.data(), units, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR) {
        icu_util::check(status, "Measuring text in UTF-8");
    }
    std::string out(static_cast<std::size_t>(length), '\0');
    status = U_ZERO_ERROR;
    u_strToUTF8(out.data(), length, &length, text.data(), units, &status);
    icu_util::check(status, "Converting text to UTF-8");
    return out;
}

// Decodes `bytes` with the ICU converter `icu_name`, naming it `shown_name` in
// messages. A leading U+FEFF (a byte-order mark) is dropped. With `refuse_c1`,
// C1 control characters are refused as invalid input.
std::string decode_with_icu(std::string_view bytes, const std::string& icu_name,
                            std::string_view shown_name, const std::string& file_name,
                            bool refuse_c1) {
    const Converter converter = open_converter(icu_name);
    if (!converter) {
        throw Error(file_name, "unknown encoding '" + std::string(shown_name) + "'");
    }
    Utf16Result decoded = to_utf16(converter.get(), bytes, false);
    if (decoded.error) {
        throw Error(file_name, invalid_at(shown_name, *decoded.error));
    }

    std::size_t controls = 0;
    std::optional<std::size_t> c1_at;  // unit index of the first C1 control
    for (std::size_t k = 0; k < decoded.text.size(); ++k) {
        const char16_t unit = decoded.text[k];
        if (unit == 0) {
            throw Error(file_name, kBinary);
        }
        if (is_bad_control(unit)) {
            ++controls;
        } else if (refuse_c1 && unit >= 0x80 && unit <= 0x9F && !c1_at) {
            c1_at = k;
        }
    }
    if (too_many_controls(controls, decoded.text.size())) {
        throw Error(file_name, kBinary);
    }
    if (c1_at) {
        // Rare: convert again, with offsets, to say where it is.
        const Utf16Result mapped = to_utf16(converter.get(), bytes, true);
        const std::int32_t at = mapped.offsets.at(*c1_at);
        throw Error(file_name, invalid_at(shown_name, static_cast<std::size_t>(at < 0 ? 0 : at)));
    }

    std::u16string_view text = decoded.text;
    if (!text.empty() && text.front() == u'\uFEFF') {
        text.remove_prefix(1);
    }
    return utf16_to_utf8(text);
}

// ---------------------------------------------------------------------------
// UTF-16 without a byte-order mark

enum class Utf16Guess { none, le, be };

Utf16Guess guess_utf16(std::string_view bytes) {
    if (bytes.size() < 4 || bytes.size() % 2 != 0) {
        return Utf16Guess::none;
    }
    const std::size_t sample = std::min<std::size_t>(bytes.size(), 4096);
    std::size_t even_nuls = 0;
    std::size_t odd_nuls = 0;
    for (std::size_t i = 0; i < sample; i += 2) {
        if (bytes[i] == '\0') {
            ++even_nuls;
        }
        if (bytes[i + 1] == '\0') {
            ++odd_nuls;
        }
    }
    const std::size_t pairs = sample / 2;
    if (odd_nuls * 10 >= pairs * 7 && even_nuls * 10 <= pairs) {
        return Utf16Guess::le;  // "T\0e\0k\0s\0t\0"
    }
    if (even_nuls * 10 >= pairs * 7 && odd_nuls * 10 <= pairs) {
        return Utf16Guess::be;  // "\0T\0e\0k\0s\0t"
    }
    return Utf16Guess::none;
}

// ---------------------------------------------------------------------------
// Single-byte Western encodings

enum class SingleByte { latin1, latin9, windows1252 };

// windows-1252 at 80-9F; 0 where it is undefined.
constexpr std::array<char16_t, 32> kWindows1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,       // 88-8F
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,  // 98-9F
};

constexpr char16_t latin9_char(unsigned char byte) {
    switch (byte) {
        case 0xA4:
            return 0x20AC;  // €
        case 0xA6:
            return 0x0160;  // Š
        case 0xA8:
            return 0x0161;  // š
        case 0xB4:
            return 0x017D;  // Ž
        case 0xB8:
            return 0x017E;  // ž
        case 0xBC:
            return 0x0152;  // Œ
        case 0xBD:
            return 0x0153;  // œ
        case 0xBE:
            return 0x0178;  // Ÿ
        default:
            return byte;
    }
}

bool is_digit(unsigned char c) {
    return c >= '0' && c <= '9';
}
bool is_lower(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 0xDF && c != 0xF7);
}
bool is_upper(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
}
bool is_letter(unsigned char c) {
    return is_lower(c) || is_upper(c);
}

struct Votes {
    std::size_t latin9 = 0;
    std::size_t latin1 = 0;
};

// The vote of the byte at `i` (A4-BE), as described at the top of this file.
void vote(std::string_view bytes, std::size_t i, Votes& votes) {
    const auto at = [&bytes](std::size_t k) -> unsigned char {
        return k < bytes.size() ? static_cast<unsigned char>(bytes[k]) : ' ';
    };
    const auto byte = static_cast<unsigned char>(bytes[i]);
    const unsigned char prev = i > 0 ? at(i - 1) : ' ';
    const unsigned char next = at(i + 1);
    switch (byte) {
        case 0xA4: {  // € or ¤
            const unsigned char before = (prev == ' ' && i > 1) ? at(i - 2) : prev;
            const unsigned char after = next == ' ' ? at(i + 2) : next;
            if (is_digit(before) || is_digit(after) || (!is_letter(prev) && !is_letter(next))) {
                ++votes.latin9;
            }
            break;
        }
        case 0xA6:                                                                      // Š or ¦
        case 0xB4:                                                                      // Ž or ´
        case 0xBC:                                                                      // Œ or ¼
        case 0xBE: {                                                                    // Ÿ or ¾
            const bool fraction = (byte == 0xBC || byte == 0xBE) && is_digit(prev);     // 1¼
            const bool apostrophe = byte == 0xB4 && is_lower(prev) && is_letter(next);  // don´t
            if (fraction || apostrophe) {
                ++votes.latin1;
            } else if (is_letter(next) && !is_lower(prev)) {
                ++votes.latin9;  // a capital that begins a word: Žižek, ŒUVRE
            }
            break;
        }
        case 0xA8:    // š or ¨
        case 0xB8:    // ž or ¸
        case 0xBD: {  // œ or ½
            if (byte == 0xBD && is_digit(prev)) {
                ++votes.latin1;  // a fraction: 2½
            } else if (is_letter(prev) || is_letter(next)) {
                ++votes.latin9;  // a letter in a word: cœur
            }
            break;
        }
        default:
            break;
    }
}

// Which single-byte encoding `bytes` are in, by one pass over the non-ASCII
// bytes. Throws for the bytes that windows-1252 leaves undefined.
SingleByte choose_single_byte(std::string_view bytes, const std::string& file_name) {
    bool has_c1 = false;
    Votes votes;
    std::size_t i = 0;
    while (i < bytes.size()) {
        i += detail::ascii_prefix(bytes.substr(i));
        if (i == bytes.size()) {
            break;
        }
        const auto byte = static_cast<unsigned char>(bytes[i]);
        if (byte <= 0x9F) {
            if (kWindows1252High.at(byte - 0x80U) == 0) {
                throw Error(file_name, kUnsupported);
            }
            has_c1 = true;
        } else if (byte >= 0xA4 && byte <= 0xBE) {
            vote(bytes, i, votes);
        }
        ++i;
    }
    if (has_c1) {
        return SingleByte::windows1252;
    }
    return votes.latin9 > votes.latin1 ? SingleByte::latin9 : SingleByte::latin1;
}

// Appends a code point of the Basic Multilingual Plane.
void append_utf8(std::string& out, char16_t unit) {
    const auto c = static_cast<std::uint32_t>(unit);
    if (c < 0x80U) {
        out += static_cast<char>(c);
    } else if (c < 0x800U) {
        out += static_cast<char>(0xC0U | (c >> 6U));
        out += static_cast<char>(0x80U | (c & 0x3FU));
    } else {
        out += static_cast<char>(0xE0U | (c >> 12U));
        out += static_cast<char>(0x80U | ((c >> 6U) & 0x3FU));
        out += static_cast<char>(0x80U | (c & 0x3FU));
    }
}

// Every byte is defined here: 1252's undefined bytes were refused before.
std::string decode_single_byte(std::string_view bytes, SingleByte encoding) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    std::size_t i = 0;
    while (i < bytes.size()) {
        const std::size_t ascii = detail::ascii_prefix(bytes.substr(i));
        out.append(bytes.data() + i, ascii);
        i += ascii;
        if (i == bytes.size()) {
            break;
        }
        const auto byte = static_cast<unsigned char>(bytes[i]);
        char16_t c = byte;
        if (encoding == SingleByte::windows1252 && byte <= 0x9F) {
            c = kWindows1252High.at(byte - 0x80U);
        } else if (encoding == SingleByte::latin9) {
            c = latin9_char(byte);
        }
        append_utf8(out, c);
        ++i;
    }
    return out;
}

DecodedText detect_and_decode(std::string_view bytes, const std::string& file_name) {
    // 1. Byte-order marks.
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        const std::string_view rest = bytes.substr(3);
        const std::size_t bad = first_invalid_utf8(rest);
        if (bad != rest.size()) {
            throw Error(file_name, invalid_at("UTF-8", bad + 3));
        }
        if (holds_binary_bytes(rest)) {
            throw Error(file_name, kBinary);
        }
        return {std::string(rest), "UTF-8-BOM"};
    }
    if (bytes.starts_with(std::string_view("\xFF\xFE\0\0", 4)) ||
        bytes.starts_with(std::string_view("\0\0\xFE\xFF", 4))) {
        throw Error(file_name, kUnsupported);  // UTF-32
    }
    if (bytes.starts_with("\xFF\xFE")) {
        return {decode_with_icu(bytes, "UTF-16LE", "UTF-16LE", file_name, false), "UTF-16LE"};
    }
    if (bytes.starts_with("\xFE\xFF")) {
        return {decode_with_icu(bytes, "UTF-16BE", "UTF-16BE", file_name, false), "UTF-16BE"};
    }

    // 2. NUL bytes: UTF-16 without a byte-order mark, or binary data.
    if (!bytes.empty() && std::memchr(bytes.data(), '\0', bytes.size()) != nullptr) {
        const Utf16Guess guess = guess_utf16(bytes);
        if (guess == Utf16Guess::none) {
            throw Error(file_name, kBinary);
        }
        const std::string name = guess == Utf16Guess::le ? "UTF-16LE" : "UTF-16BE";
        try {
            return {decode_with_icu(bytes, name, name, file_name, false), name};
        } catch (const Error&) {
            throw Error(file_name, kBinary);  // it only looked like UTF-16
        }
    }

    // 3. UTF-8.
    const std::size_t bad = first_invalid_utf8(bytes);
    if (holds_binary_bytes(bytes)) {
        throw Error(file_name, kBinary);
    }
    if (bad == bytes.size()) {
        return {std::string(bytes), "UTF-8"};
    }

    // 4. Broken UTF-8.
    if (looks_like_broken_utf8(bytes)) {
        throw Error(file_name, invalid_at("UTF-8", bad));
    }

    // 5. Single-byte encodings.
    switch (choose_single_byte(bytes, file_name)) {
        case SingleByte::windows1252:
            return {decode_single_byte(bytes, SingleByte::windows1252), "windows-1252"};
        case SingleByte::latin9:
            return {decode_single_byte(bytes, SingleByte::latin9), "ISO-8859-15"};
        case SingleByte::latin1:
            break;
    }
    return {decode_single_byte(bytes, SingleByte::latin1), "ISO-8859-1"};
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
    return first_invalid_utf8(bytes) == bytes.size();
}

DecodedText decode_text(std::string_view bytes, std::string_view forced_encoding,
                        const std::string& file_name) {
    if (forced_encoding.empty()) {
        return detect_and_decode(bytes, file_name);
    }
    // What decode_text reports can be given back to it: "UTF-8-BOM" is ICU's
    // UTF-8 (and the mark is dropped either way).
    const std::string name(forced_encoding);
    const std::string icu_name = name == "UTF-8-BOM" ? "UTF-8" : name;
    return {decode_with_icu(bytes, icu_name, name, file_name, true), name};
}

}  // namespace tema::text
