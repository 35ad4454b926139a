#include "text/utf8.h"

#include <cstdint>
#include <cstring>

#include "text/ascii.h"

namespace tema::text {

std::size_t count_codepoints(std::string_view utf8) {
    // A code point starts at every byte that is not a continuation byte
    // (10xxxxxx); count those eight bytes at a time.
    std::size_t continuation = 0;
    std::size_t i = 0;
    for (; i + 8 <= utf8.size(); i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, utf8.data() + i, sizeof word);
        continuation += detail::continuation_bytes(word);
    }
    for (; i < utf8.size(); ++i) {
        if ((static_cast<unsigned char>(utf8[i]) & 0xC0U) == 0x80U) {
            ++continuation;
        }
    }
    return utf8.size() - continuation;
}

void append_utf8(std::string& out, char32_t c) {
    const auto u = static_cast<std::uint32_t>(c);
    if (u < 0x80U) {
        out += static_cast<char>(u);
    } else if (u < 0x800U) {
        out += static_cast<char>(0xC0U | (u >> 6U));
        out += static_cast<char>(0x80U | (u & 0x3FU));
    } else if (u < 0x10000U) {
        out += static_cast<char>(0xE0U | (u >> 12U));
        out += static_cast<char>(0x80U | ((u >> 6U) & 0x3FU));
        out += static_cast<char>(0x80U | (u & 0x3FU));
    } else {
        out += static_cast<char>(0xF0U | (u >> 18U));
        out += static_cast<char>(0x80U | ((u >> 12U) & 0x3FU));
        out += static_cast<char>(0x80U | ((u >> 6U) & 0x3FU));
        out += static_cast<char>(0x80U | (u & 0x3FU));
    }
}

}  // namespace tema::text
