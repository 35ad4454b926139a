// How Tema's search index stores things: metadata keys and the packing of a
// passage document's data. Only the search folder reads this.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tema::search::format {

// Bump when what is indexed, or how, changes: older indexes are then rebuilt.
inline constexpr std::string_view kVersion = "3";
inline constexpr std::string_view kVersionKey = "tema:format";
inline constexpr std::string_view kStemmerKey = "tema:stemmer";
// Per source: "src:<id>" holds its fingerprint, "pas:<id>" its passages' ranges.
inline constexpr std::string_view kSourceKey = "src:";
inline constexpr std::string_view kPassagesKey = "pas:";
// The value slot whose byte order is the document order.
inline constexpr unsigned kOrderSlot = 0;
// The value slot of a passage's PassageData. Not the document data, which
// Xapian compresses document by document: zlib's set-up for each took a
// fifth of the time to build the index.
inline constexpr unsigned kDataSlot = 1;

inline std::string source_key(std::int64_t id) {
    return std::string(kSourceKey) + std::to_string(id);
}
inline std::string passages_key(std::int64_t id) {
    return std::string(kPassagesKey) + std::to_string(id);
}

inline void put_u32(std::string& out, std::uint32_t value) {
    for (int shift = 0; shift < 32; shift += 8) {
        out.push_back(static_cast<char>((value >> shift) & 0xFF));
    }
}
inline std::uint32_t get_u32(std::string_view in, std::size_t at) {
    std::uint32_t value = 0;
    for (std::size_t i = 4; i-- > 0;) {
        value = (value << 8) | static_cast<unsigned char>(in.at(at + i));
    }
    return value;
}

// Big-endian source and passage numbers: sorting values sorts by place.
inline std::string order_key(std::int64_t source_id, std::size_t passage) {
    std::string key;
    for (std::uint64_t value : {static_cast<std::uint64_t>(source_id), std::uint64_t{passage}}) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            key.push_back(static_cast<char>((value >> shift) & 0xFF));
        }
    }
    return key;
}

// The data of a passage document, in slot kDataSlot.
struct PassageData {
    std::uint32_t source_id = 0;
    std::uint32_t passage = 0;
    std::uint32_t start = 0;
    std::uint32_t end = 0;
    std::uint32_t first_line = 0;
    std::uint32_t turn = 0;  // index + 1; 0 for none
};

inline std::string encode(const PassageData& d) {
    std::string out;
    for (std::uint32_t v : {d.source_id, d.passage, d.start, d.end, d.first_line, d.turn}) {
        put_u32(out, v);
    }
    return out;
}
inline PassageData decode(std::string_view in) {
    return {get_u32(in, 0),  get_u32(in, 4),  get_u32(in, 8),
            get_u32(in, 12), get_u32(in, 16), get_u32(in, 20)};
}

// The passages' [start, end) ranges of a source, as "pas:<id>" holds them.
inline std::vector<std::pair<std::uint32_t, std::uint32_t>> decode_ranges(std::string_view in) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ranges;
    for (std::size_t at = 0; at + 8 <= in.size(); at += 8) {
        ranges.emplace_back(get_u32(in, at), get_u32(in, at + 4));
    }
    return ranges;
}

}  // namespace tema::search::format
