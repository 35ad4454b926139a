// Internal to src/core/text: byte-level helpers for UTF-8 that need no ICU.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace tema::text::detail {

// Length of the leading run of ASCII bytes, read eight at a time.
inline std::size_t ascii_prefix(std::string_view bytes) {
    constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
    std::size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, bytes.data() + i, sizeof word);
        if ((word & kHighBits) != 0) {
            break;
        }
    }
    while (i < bytes.size() && (static_cast<unsigned char>(bytes[i]) & 0x80U) == 0) {
        ++i;
    }
    return i;
}

// Number of UTF-8 continuation bytes (10xxxxxx) in the eight bytes of `word`:
// a byte whose top bit is set and the bit below it clear. A multiply adds up
// the eight flags (no popcount instruction needed).
inline std::size_t continuation_bytes(std::uint64_t word) {
    constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    const std::uint64_t flags = (word & ~(word << 1U) & kHighBits) >> 7U;
    return static_cast<std::size_t>((flags * kOnes) >> 56U);
}

// True when `word` holds the byte `byte`.
inline bool has_byte(std::uint64_t word, unsigned char byte) {
    constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    const std::uint64_t x = word ^ (kOnes * static_cast<std::uint64_t>(byte));
    return ((x - kOnes) & ~x & kHighBits) != 0;
}

// True when every byte is ASCII (the fast path of most text functions).
inline bool is_ascii(std::string_view bytes) {
    return ascii_prefix(bytes) == bytes.size();
}

}  // namespace tema::text::detail
