// For the fuzz targets of zip-based formats: wraps parts (name, bytes) into a
// zip archive whose entries are stored, not compressed, with right checksums,
// so that mutated XML reaches the readers instead of failing a CRC check.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tema::fuzz {

inline std::uint32_t crc32(std::string_view bytes) {
    static const std::array<std::uint32_t, 256> kTable = [] {
        std::array<std::uint32_t, 256> table{};
        for (std::uint32_t n = 0; n < 256; ++n) {
            std::uint32_t c = n;
            for (int k = 0; k < 8; ++k) {
                c = (c & 1U) != 0 ? 0xEDB88320U ^ (c >> 1U) : c >> 1U;
            }
            table[n] = c;
        }
        return table;
    }();
    std::uint32_t crc = 0xFFFFFFFFU;
    for (const char ch : bytes) {
        crc = kTable[(crc ^ static_cast<unsigned char>(ch)) & 0xFFU] ^ (crc >> 8U);
    }
    return crc ^ 0xFFFFFFFFU;
}

inline void put16(std::string& out, std::uint32_t value) {
    out += static_cast<char>(value & 0xFFU);
    out += static_cast<char>((value >> 8U) & 0xFFU);
}

inline void put32(std::string& out, std::uint32_t value) {
    put16(out, value & 0xFFFFU);
    put16(out, value >> 16U);
}

inline std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& parts) {
    std::string out;
    std::string directory;
    for (const auto& [name, data] : parts) {
        const auto offset = static_cast<std::uint32_t>(out.size());
        const std::uint32_t crc = crc32(data);
        const auto size = static_cast<std::uint32_t>(data.size());
        const auto name_size = static_cast<std::uint32_t>(name.size());
        put32(out, 0x04034b50U);  // local file header
        put16(out, 20);           // version needed
        put16(out, 0);            // flags
        put16(out, 0);            // stored
        put32(out, 0);            // time, date
        put32(out, crc);
        put32(out, size);
        put32(out, size);
        put16(out, name_size);
        put16(out, 0);
        out += name;
        out += data;

        put32(directory, 0x02014b50U);  // central directory record
        put16(directory, 20);
        put16(directory, 20);
        put16(directory, 0);
        put16(directory, 0);
        put32(directory, 0);
        put32(directory, crc);
        put32(directory, size);
        put32(directory, size);
        put16(directory, name_size);
        put32(directory, 0);  // extra and comment lengths
        put32(directory, 0);  // disk, internal attributes
        put32(directory, 0);  // external attributes
        put32(directory, offset);
        directory += name;
    }
    const auto directory_offset = static_cast<std::uint32_t>(out.size());
    out += directory;
    put32(out, 0x06054b50U);  // end of central directory
    put32(out, 0);
    put16(out, static_cast<std::uint32_t>(parts.size()));
    put16(out, static_cast<std::uint32_t>(parts.size()));
    put32(out, static_cast<std::uint32_t>(directory.size()));
    put32(out, directory_offset);
    put16(out, 0);
    return out;
}

// Splits fuzz input at NUL bytes (which XML cannot hold) into at most `count` parts.
inline std::vector<std::string> split_parts(std::string_view bytes, std::size_t count) {
    std::vector<std::string> parts;
    while (parts.size() + 1 < count) {
        const std::size_t nul = bytes.find('\0');
        if (nul == std::string_view::npos) {
            break;
        }
        parts.emplace_back(bytes.substr(0, nul));
        bytes.remove_prefix(nul + 1);
    }
    parts.emplace_back(bytes);
    parts.resize(count);
    return parts;
}

}  // namespace tema::fuzz
