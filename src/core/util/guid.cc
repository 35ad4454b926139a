#include "util/guid.h"

#include <openssl/rand.h>

#include <array>
#include <stdexcept>

namespace tema {

std::string new_guid() {
    std::array<unsigned char, 16> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
        throw std::runtime_error("no random bytes for a GUID");
    }
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0f) | 0x40);  // version 4
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3f) | 0x80);  // RFC 4122 variant
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string guid;
    guid.reserve(36);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) {
            guid += '-';
        }
        guid += kHex[bytes[i] >> 4];
        guid += kHex[bytes[i] & 0x0f];
    }
    return guid;
}

}  // namespace tema
