// The one place where text positions change unit. Tema stores Unicode code
// points of the NFC text; ICU counts UTF-16 units (as NVivo's REFI export does);
// the editor widget and std::string count UTF-8 bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace tema::text {

// Precomputed conversions for one text. The text must outlive nothing: the map
// keeps only offsets. Lookups are O(log n) or better; building is O(n).
class PositionMap {
public:
    explicit PositionMap(std::string_view utf8);

    std::size_t codepoints() const { return codepoints_; }
    std::size_t utf16_units() const { return utf16_units_; }
    std::size_t bytes() const { return bytes_; }

    // Positions may equal the end (one past the last). Out-of-range positions
    // are clamped to the end.
    std::size_t byte_of_codepoint(std::size_t cp) const;
    std::size_t utf16_of_codepoint(std::size_t cp) const;
    // A byte inside a multi-byte character maps to that character's code point;
    // so does a UTF-16 unit inside a surrogate pair.
    std::size_t codepoint_of_byte(std::size_t byte) const;
    std::size_t codepoint_of_utf16(std::size_t unit) const;

private:
    std::size_t codepoints_ = 0;
    std::size_t utf16_units_ = 0;
    std::size_t bytes_ = 0;
    // Code points that are not one UTF-8 byte: their code-point index, byte
    // offset and UTF-16 offset, in order. ASCII-only text needs none of these.
    struct Wide {
        std::uint32_t cp;
        std::uint32_t byte;
        std::uint32_t utf16;
        std::uint8_t byte_len;
        std::uint8_t utf16_len;
    };
    std::vector<Wide> wide_;
};

// Walks a text forward from code point to code point without building a map:
// for a few positions in a long text, where a PositionMap would cost more to
// build than it saves. Positions asked for must not decrease.
class CodepointCursor {
public:
    explicit CodepointCursor(std::string_view utf8) : text_(utf8) {}

    // The byte offset of code point `cp` (the end of the text when `cp` is
    // past it). `cp` must be at least the one asked for last.
    std::size_t byte_of(std::size_t cp);

private:
    std::string_view text_;
    std::size_t byte_ = 0;
    std::size_t cp_ = 0;  // code points that start before byte_
};

}  // namespace tema::text
