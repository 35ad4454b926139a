#include "text/lines.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>

#include "text/ascii.h"
#include "util/error.h"

namespace tema::text {

namespace {

// One pass over the bytes, eight at a time: words without an LF only add
// their code points; the few with one are looked at byte by byte. Returns the
// number of code points of the whole text.
std::uint32_t scan_lines(std::string_view utf8, std::vector<std::uint32_t>& starts) {
    if (utf8.size() > std::numeric_limits<std::uint32_t>::max()) {
        throw Error("text", "is too long to index (more than 4 GiB)");
    }
    starts.clear();
    if (utf8.empty()) {
        return 0;
    }
    starts.push_back(0);
    const std::size_t n = utf8.size();
    std::size_t cp = 0;  // code points before byte i
    const auto step = [&](std::size_t i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if ((c & 0xC0U) != 0x80U) {
            ++cp;
        }
        if (c == '\n' && i + 1 < n) {  // a final LF does not start a line
            starts.push_back(static_cast<std::uint32_t>(cp));
        }
    };
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, utf8.data() + i, sizeof word);
        if (detail::has_byte(word, '\n')) {
            for (std::size_t k = i; k < i + 8; ++k) {
                step(k);
            }
        } else {
            cp += 8 - detail::continuation_bytes(word);
        }
    }
    for (; i < n; ++i) {
        step(i);
    }
    return static_cast<std::uint32_t>(cp);
}

}  // namespace

std::vector<std::uint32_t> line_starts(std::string_view utf8) {
    std::vector<std::uint32_t> starts;
    scan_lines(utf8, starts);
    return starts;
}

LineIndex::LineIndex(std::vector<std::uint32_t> starts, std::uint32_t text_codepoints)
    : LineIndex(std::move(starts), text_codepoints, false) {}

LineIndex::LineIndex(std::vector<std::uint32_t> starts, std::uint32_t text_codepoints,
                     bool ends_with_lf)
    : starts_(std::move(starts)), text_codepoints_(text_codepoints), ends_with_lf_(ends_with_lf) {}

LineIndex::LineIndex(std::string_view utf8)
    : text_codepoints_(scan_lines(utf8, starts_)),
      ends_with_lf_(!utf8.empty() && utf8.back() == '\n') {}

std::size_t LineIndex::line_of(std::uint32_t cp) const {
    if (starts_.empty()) {
        return 0;
    }
    // The last line whose start is at or before `cp`; starts_[0] is 0.
    const auto it = std::upper_bound(starts_.begin(), starts_.end(), cp);
    return static_cast<std::size_t>(it - starts_.begin());
}

std::uint32_t LineIndex::start_of(std::size_t n) const {
    if (n == 0 || n > starts_.size()) {
        throw std::out_of_range("line " + std::to_string(n) + " of " +
                                std::to_string(starts_.size()));
    }
    return starts_[n - 1];
}

std::uint32_t LineIndex::end_of(std::size_t n) const {
    if (n == 0 || n > starts_.size()) {
        throw std::out_of_range("line " + std::to_string(n) + " of " +
                                std::to_string(starts_.size()));
    }
    if (n < starts_.size()) {
        return starts_[n] - 1;  // the LF that ends line n
    }
    const bool lf_at_end = ends_with_lf_ && text_codepoints_ > starts_.back();
    return lf_at_end ? text_codepoints_ - 1 : text_codepoints_;
}

}  // namespace tema::text
