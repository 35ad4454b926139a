#include "archive/zip_reader.h"

#include <zip.h>

#include <algorithm>
#include <limits>
#include <unordered_map>

#include "util/error.h"

namespace tema::archive {

namespace {

constexpr std::size_t kAmbiguous = std::numeric_limits<std::size_t>::max();
constexpr std::uint64_t kChunk = std::uint64_t{64} << 10;
// Reserve no more than this up front, whatever the header claims.
constexpr std::uint64_t kMaxReserve = std::uint64_t{8} << 20;

char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string fold(std::string_view name) {
    std::string folded(name);
    std::transform(folded.begin(), folded.end(), folded.begin(), ascii_lower);
    return folded;
}

// An entry name fit for a message: quoted, short, no control characters.
std::string quoted(std::string_view name) {
    std::string shown;
    for (const char c : name.substr(0, 100)) {
        shown += static_cast<unsigned char>(c) < 0x20 ? '?' : c;
    }
    if (name.size() > 100) {
        shown += "...";
    }
    return "'" + shown + "'";
}

// "512 MB", "64 KB", "300 bytes".
std::string describe_bytes(std::uint64_t bytes) {
    if (bytes >= (1U << 20) && bytes % (1U << 20) == 0) {
        return std::to_string(bytes >> 20) + " MB";
    }
    if (bytes >= 1024 && bytes % 1024 == 0) {
        return std::to_string(bytes >> 10) + " KB";
    }
    return std::to_string(bytes) + " bytes";
}

// True when the end-of-central-directory record, which closes every zip
// archive, is where it must be: within the last 64 KB + 22 bytes.
bool has_end_record(std::string_view bytes) {
    const std::size_t window = std::min<std::size_t>(bytes.size(), 65'535 + 22);
    return bytes.substr(bytes.size() - window).rfind(std::string_view("PK\x05\x06", 4)) !=
           std::string_view::npos;
}

std::string open_problem(int code, std::string_view bytes) {
    switch (code) {
        case ZIP_ER_MULTIDISK:
            return "is one part of a split zip archive, which Tema cannot read";
        case ZIP_ER_MEMORY:
            return "cannot be opened: not enough memory";
        case ZIP_ER_NOZIP:
        case ZIP_ER_INCONS:
        case ZIP_ER_EOF:
        case ZIP_ER_READ:
        case ZIP_ER_SEEK:
        default:
            if (!looks_like_zip(bytes) && !has_end_record(bytes)) {
                return "is not a zip archive";
            }
            if (!has_end_record(bytes)) {
                return "is not a valid zip archive (truncated?)";
            }
            return "is not a valid zip archive (damaged: its table of contents does not match "
                   "its contents)";
    }
}

}  // namespace

struct ZipReader::Native {
    zip_t* archive = nullptr;
    std::unordered_map<std::string, std::size_t> exact;   // name -> entry
    std::unordered_map<std::string, std::size_t> folded;  // lower-case name -> entry or kAmbiguous
    std::vector<bool> encrypted;                          // by entry
    std::vector<std::uint16_t> method;                    // compression method, by entry

    Native() = default;
    Native(const Native&) = delete;
    Native& operator=(const Native&) = delete;
    ~Native() {
        if (archive != nullptr) {
            zip_discard(archive);
        }
    }
};

bool is_safe_entry_name(std::string_view name) {
    if (name.empty() || name.find('\0') != std::string_view::npos) {
        return false;
    }
    if (name.front() == '/' || name.front() == '\\') {
        return false;
    }
    const auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    if (name.size() >= 2 && is_letter(name[0]) && name[1] == ':') {
        return false;
    }
    std::size_t start = 0;
    while (start <= name.size()) {
        std::size_t end = name.find_first_of("/\\", start);
        if (end == std::string_view::npos) {
            end = name.size();
        }
        if (name.substr(start, end - start) == "..") {
            return false;
        }
        start = end + 1;
    }
    return true;
}

bool looks_like_zip(std::string_view bytes) {
    return bytes.size() >= 4 && bytes[0] == 'P' && bytes[1] == 'K' &&
           ((bytes[2] == '\x03' && bytes[3] == '\x04') ||
            (bytes[2] == '\x05' && bytes[3] == '\x06') ||
            (bytes[2] == '\x07' && bytes[3] == '\x08'));
}

ZipReader::ZipReader(std::string_view bytes, std::string archive_name, ZipLimits limits)
    : native_(std::make_unique<Native>()),
      archive_name_(std::move(archive_name)),
      limits_(limits),
      archive_bytes_(bytes.size()) {
    if (bytes.empty()) {
        // libzip would take no bytes for an empty archive; a file is never meant so.
        throw Error(archive_name_, "is empty, not a zip archive");
    }
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source == nullptr) {
        zip_error_fini(&error);
        throw Error(archive_name_, "cannot be opened: not enough memory");
    }
    native_->archive = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (native_->archive == nullptr) {
        zip_source_free(source);
        const int code = zip_error_code_zip(&error);
        zip_error_fini(&error);
        throw Error(archive_name_, open_problem(code, bytes));
    }
    zip_error_fini(&error);

    const zip_int64_t count = zip_get_num_entries(native_->archive, 0);
    if (count < 0) {
        throw Error(archive_name_, "is not a valid zip archive (damaged)");
    }
    if (static_cast<std::uint64_t>(count) > limits_.max_entries) {
        throw Error(archive_name_, "holds " + std::to_string(count) + " entries (more than " +
                                       std::to_string(limits_.max_entries) +
                                       "): refusing a possible zip bomb");
    }
    const auto n = static_cast<std::size_t>(count);
    entries_.reserve(n);
    native_->encrypted.reserve(n);
    native_->method.reserve(n);
    for (std::uint64_t i = 0; i < n; ++i) {
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_stat_index(native_->archive, i, 0, &stat) != 0 ||
            (stat.valid & ZIP_STAT_NAME) == 0 || stat.name == nullptr) {
            throw Error(archive_name_, "is not a valid zip archive (entry " +
                                           std::to_string(i + 1) + " is damaged)");
        }
        ZipEntry entry;
        entry.name = stat.name;
        if (!is_safe_entry_name(entry.name)) {
            throw Error(archive_name_, "holds an entry named " + quoted(entry.name) +
                                           " that points outside its folder: refusing it");
        }
        if ((stat.valid & ZIP_STAT_SIZE) == 0) {
            throw Error(archive_name_, "is not a valid zip archive (entry " +
                                           std::to_string(i + 1) + " has no size)");
        }
        entry.size = stat.size;
        entry.compressed_size = (stat.valid & ZIP_STAT_COMP_SIZE) != 0 ? stat.comp_size : 0;
        entry.is_directory = entry.name.back() == '/';
        entry.index = i;
        native_->encrypted.push_back((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 &&
                                     stat.encryption_method != ZIP_EM_NONE);
        native_->method.push_back((stat.valid & ZIP_STAT_COMP_METHOD) != 0 ? stat.comp_method
                                                                           : ZIP_CM_STORE);
        native_->exact.emplace(entry.name, entries_.size());
        const auto [at, added] = native_->folded.emplace(fold(entry.name), entries_.size());
        if (!added) {
            at->second = kAmbiguous;
        }
        entries_.push_back(std::move(entry));
    }
}

ZipReader::~ZipReader() = default;
ZipReader::ZipReader(ZipReader&&) noexcept = default;
ZipReader& ZipReader::operator=(ZipReader&&) noexcept = default;

const ZipEntry* ZipReader::find(std::string_view name, NameMatch match) const {
    const std::string key(name);
    if (const auto at = native_->exact.find(key); at != native_->exact.end()) {
        return &entries_[at->second];
    }
    if (match == NameMatch::exact) {
        return nullptr;
    }
    const auto at = native_->folded.find(fold(name));
    if (at == native_->folded.end()) {
        return nullptr;
    }
    if (at->second == kAmbiguous) {
        throw Error(archive_name_, "holds more than one entry named " + quoted(name) +
                                       " (in different cases): cannot tell which to read");
    }
    return &entries_[at->second];
}

std::string ZipReader::read(std::string_view name, NameMatch match) {
    const ZipEntry* entry = find(name, match);
    if (entry == nullptr) {
        throw Error(archive_name_, "has no entry named " + quoted(name));
    }
    return read(*entry);
}

std::string ZipReader::read(const ZipEntry& given) {
    // Only our own entries: an index from another archive could name anything.
    if (given.index >= entries_.size() || entries_[given.index].name != given.name) {
        throw Error(archive_name_, "has no entry named " + quoted(given.name));
    }
    const ZipEntry& entry = entries_[given.index];
    const std::size_t index = static_cast<std::size_t>(entry.index);
    const std::string what = "entry " + quoted(entry.name);
    if (native_->encrypted[index]) {
        throw Error(archive_name_,
                    "is password-protected (" + what + " is encrypted): Tema cannot read it");
    }
    if (zip_compression_method_supported(native_->method[index], 0) == 0) {
        throw Error(archive_name_, what + " uses a compression method Tema cannot unpack");
    }
    const auto too_big = [&] {
        return Error(archive_name_, what + " holds more than " +
                                        describe_bytes(limits_.max_entry_bytes) +
                                        " when unpacked: refusing a possible zip bomb");
    };
    if (entry.size > limits_.max_entry_bytes) {
        throw too_big();  // it says so itself; no need to unpack and see
    }

    zip_file_t* file = zip_fopen_index(native_->archive, entry.index, 0);
    if (file == nullptr) {
        zip_error_t* error = zip_get_error(native_->archive);
        const int code = zip_error_code_zip(error);
        zip_error_clear(native_->archive);
        if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP) {
            throw Error(archive_name_,
                        "is password-protected (" + what + " is encrypted): Tema cannot read it");
        }
        if (code == ZIP_ER_COMPNOTSUPP) {
            throw Error(archive_name_, what + " uses a compression method Tema cannot unpack");
        }
        throw Error(archive_name_, "is damaged: " + what + " cannot be opened (truncated?)");
    }
    const std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> closer(file, zip_fclose);

    // What the entry may still produce before a limit is passed; the archive's
    // own size bounds what it can claim to have packed.
    const std::uint64_t packed =
        std::max<std::uint64_t>(1, std::min(entry.compressed_size, archive_bytes_));
    constexpr std::uint64_t kNoLimit = std::numeric_limits<std::uint64_t>::max();
    const std::uint64_t ratio_cap =
        limits_.max_ratio == 0 || packed > kNoLimit / limits_.max_ratio
            ? kNoLimit
            : std::max(limits_.ratio_grace_bytes, packed * limits_.max_ratio);

    std::string out;
    out.reserve(
        static_cast<std::size_t>(std::min({entry.size, limits_.max_entry_bytes, kMaxReserve})));
    std::uint64_t produced = 0;
    for (;;) {
        // Never ask for more than one byte past the nearest limit.
        const std::uint64_t total_left =
            limits_.max_total_bytes - std::min(total_read_, limits_.max_total_bytes);
        const std::uint64_t budget =
            std::min({limits_.max_entry_bytes - produced, ratio_cap - std::min(produced, ratio_cap),
                      total_left});
        const std::uint64_t ask = std::min(kChunk, budget + 1);
        const std::size_t old_size = out.size();
        out.resize(old_size + static_cast<std::size_t>(ask));
        const zip_int64_t got = zip_fread(file, out.data() + old_size, ask);
        if (got < 0) {
            const int code = zip_error_code_zip(zip_file_get_error(file));
            if (code == ZIP_ER_CRC) {
                throw Error(archive_name_, "is damaged: " + what + " fails its checksum");
            }
            if (code == ZIP_ER_INCONS) {
                throw Error(archive_name_,
                            "is damaged: " + what + " does not match what the archive says of it");
            }
            throw Error(archive_name_, "is damaged: " + what + " cannot be unpacked (truncated?)");
        }
        out.resize(old_size + static_cast<std::size_t>(got));
        if (got == 0) {
            break;
        }
        produced += static_cast<std::uint64_t>(got);
        total_read_ += static_cast<std::uint64_t>(got);
        if (total_read_ > limits_.max_total_bytes) {
            throw Error(archive_name_, "holds more than " +
                                           describe_bytes(limits_.max_total_bytes) +
                                           " when unpacked: refusing a possible zip bomb");
        }
        if (produced > limits_.max_entry_bytes) {
            throw too_big();
        }
        if (produced > ratio_cap) {
            throw Error(archive_name_, what + " unpacks to more than " +
                                           std::to_string(limits_.max_ratio) +
                                           " times its packed size: refusing a possible zip bomb");
        }
    }
    if (produced != entry.size) {
        // Not a limit passed, but a header that lied: the archive is not sound.
        throw Error(archive_name_,
                    "is damaged: " + what + " does not match what the archive says of it");
    }
    return out;
}

}  // namespace tema::archive
