#include "text/positions.h"

#include <algorithm>
#include <cstring>
#include <limits>

#include "text/ascii.h"
#include "util/error.h"

namespace tema::text {

namespace {

// Bytes in the UTF-8 sequence that `lead` starts. Stray continuation bytes and
// invalid lead bytes count as one byte each, so that malformed input can never
// make the map read past the end.
std::uint8_t sequence_length(unsigned char lead) {
    if (lead >= 0xF0U && lead <= 0xF4U) {
        return 4;
    }
    if (lead >= 0xE0U && lead < 0xF0U) {
        return 3;
    }
    if (lead >= 0xC2U && lead < 0xE0U) {
        return 2;
    }
    return 1;
}

}  // namespace

PositionMap::PositionMap(std::string_view utf8) : bytes_(utf8.size()) {
    if (utf8.size() > std::numeric_limits<std::uint32_t>::max()) {
        throw Error("text", "is too long to index (more than 4 GiB)");
    }
    // Between two recorded (non-ASCII) code points every unit counts one byte,
    // one UTF-16 unit and one code point, so only the non-ASCII ones are kept.
    std::size_t byte = 0;
    std::size_t cp = 0;
    std::size_t utf16 = 0;
    while (byte < utf8.size()) {
        const std::size_t run = detail::ascii_prefix(utf8.substr(byte));
        byte += run;
        cp += run;
        utf16 += run;
        if (byte == utf8.size()) {
            break;
        }
        const auto lead = static_cast<unsigned char>(utf8[byte]);
        const auto byte_len = static_cast<std::uint8_t>(
            std::min<std::size_t>(sequence_length(lead), utf8.size() - byte));
        const std::uint8_t utf16_len = byte_len == 4 ? 2 : 1;
        wide_.push_back(Wide{static_cast<std::uint32_t>(cp), static_cast<std::uint32_t>(byte),
                             static_cast<std::uint32_t>(utf16), byte_len, utf16_len});
        byte += byte_len;
        cp += 1;
        utf16 += utf16_len;
    }
    codepoints_ = cp;
    utf16_units_ = utf16;
    wide_.shrink_to_fit();
}

std::size_t PositionMap::byte_of_codepoint(std::size_t cp) const {
    cp = std::min(cp, codepoints_);
    // The last wide code point before `cp`; everything after it is ASCII.
    const auto it = std::ranges::lower_bound(wide_, cp, {}, &Wide::cp);
    if (it == wide_.begin()) {
        return cp;
    }
    const Wide& w = *std::prev(it);
    return w.byte + w.byte_len + (cp - w.cp - 1);
}

std::size_t PositionMap::utf16_of_codepoint(std::size_t cp) const {
    cp = std::min(cp, codepoints_);
    const auto it = std::ranges::lower_bound(wide_, cp, {}, &Wide::cp);
    if (it == wide_.begin()) {
        return cp;
    }
    const Wide& w = *std::prev(it);
    return w.utf16 + w.utf16_len + (cp - w.cp - 1);
}

std::size_t PositionMap::codepoint_of_byte(std::size_t byte) const {
    byte = std::min(byte, bytes_);
    // The last wide code point that starts at or before `byte`.
    const auto it = std::ranges::upper_bound(wide_, byte, {}, &Wide::byte);
    if (it == wide_.begin()) {
        return byte;
    }
    const Wide& w = *std::prev(it);
    if (byte < w.byte + w.byte_len) {
        return w.cp;
    }
    return w.cp + 1 + (byte - w.byte - w.byte_len);
}

std::size_t PositionMap::codepoint_of_utf16(std::size_t unit) const {
    unit = std::min(unit, utf16_units_);
    const auto it = std::ranges::upper_bound(wide_, unit, {}, &Wide::utf16);
    if (it == wide_.begin()) {
        return unit;
    }
    const Wide& w = *std::prev(it);
    if (unit < w.utf16 + w.utf16_len) {
        return w.cp;
    }
    return w.cp + 1 + (unit - w.utf16 - w.utf16_len);
}

std::size_t CodepointCursor::byte_of(std::size_t cp) {
    const auto continuation = [&](std::size_t at) {
        return (static_cast<unsigned char>(text_[at]) & 0xC0U) == 0x80U;
    };
    for (;;) {
        while (byte_ < text_.size() && continuation(byte_)) {
            ++byte_;  // inside a character that was counted where it started
        }
        if (cp_ >= cp || byte_ >= text_.size()) {
            return byte_;
        }
        if (byte_ + 8 <= text_.size()) {
            // Eight bytes at a time: the characters starting in them are the
            // bytes that are not continuation bytes (10xxxxxx).
            std::uint64_t word = 0;
            std::memcpy(&word, text_.data() + byte_, sizeof word);
            const std::uint64_t high = word & 0x8080808080808080ULL;
            const std::uint64_t continuation_bytes = high & ~(word << 1);
            // One bit per continuation byte, moved to the bottom of its byte
            // and summed by a multiply (std::popcount is a library call
            // without -mpopcnt).
            const std::uint64_t count = ((continuation_bytes >> 7) * 0x0101010101010101ULL) >> 56;
            const auto starts = static_cast<std::size_t>(8 - count);
            if (cp_ + starts <= cp) {
                byte_ += 8;
                cp_ += starts;
                continue;
            }
        }
        ++byte_;
        ++cp_;
    }
}

}  // namespace tema::text
