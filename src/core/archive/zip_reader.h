// Reading zip archives (.docx, .odt, later .qdpx) held in memory, safely.
//
// Nothing a zip file says about itself is trusted: sizes are counted while
// unpacking, and unpacking stops as soon as a limit is passed, so a zip bomb
// (a few kilobytes that unpack to gigabytes, or a header that lies about the
// size) costs at most the limit. Entry names that could climb out of a folder
// ("../x", "/etc/x", "C:x", "a\..\x") make the whole archive refused. Every
// problem is a tema::Error naming the archive and what is wrong with it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tema::archive {

// How much an archive may unpack to. All counts are of bytes actually
// produced, never of what the headers claim.
struct ZipLimits {
    std::uint64_t max_total_bytes = std::uint64_t{512} << 20;  // over all reads of one reader
    std::uint64_t max_entry_bytes = std::uint64_t{256} << 20;  // one entry
    std::uint64_t max_entries = 10'000;                        // in the archive
    // An entry may unpack to at most `max_ratio` times its packed size, once it
    // has produced `ratio_grace_bytes`: XML of repeated markup (a table of empty
    // cells, deep nesting) may pass 200:1 and is left to the XML checks while
    // small; no real document's part is large and that compressible. 0: no
    // ratio limit.
    std::uint64_t max_ratio = 200;
    std::uint64_t ratio_grace_bytes = std::uint64_t{4} << 20;
};

struct ZipEntry {
    std::string name;        // as stored, UTF-8, "/" between folders; checked to stay inside
    std::uint64_t size = 0;  // unpacked size the archive claims (not trusted)
    std::uint64_t compressed_size = 0;  // packed size the archive claims
    bool is_directory = false;          // the name ends in "/"
    std::uint64_t index = 0;            // libzip's index, for read()
};

enum class NameMatch {
    exact,
    // ASCII letters match regardless of case ("Word/Document.XML" finds
    // "word/document.xml"), as OPC (.docx, .qdpx) part names do. An exact
    // match wins; two entries that differ only in case make the name ambiguous.
    ignore_case,
};

class ZipReader {
public:
    // Opens the archive held in `bytes`, which must outlive the reader (it is
    // not copied). `archive_name` names it in messages, usually the file path.
    // Throws tema::Error when the bytes are not a zip archive ("is not a zip
    // archive"), a damaged or truncated one ("is not a valid zip archive
    // (truncated?)"), hold more than `limits.max_entries` entries, or hold an
    // entry whose name is absolute, has a drive letter, or has a ".." part.
    ZipReader(std::string_view bytes, std::string archive_name, ZipLimits limits = {});
    // A temporary would be gone before the reader is used: refuse it.
    ZipReader(std::string&& bytes, std::string archive_name, ZipLimits limits = {}) = delete;
    ~ZipReader();
    ZipReader(const ZipReader&) = delete;
    ZipReader& operator=(const ZipReader&) = delete;
    ZipReader(ZipReader&&) noexcept;
    ZipReader& operator=(ZipReader&&) noexcept;

    const std::string& archive_name() const { return archive_name_; }
    // Every entry, in the archive's order, folders included.
    const std::vector<ZipEntry>& entries() const { return entries_; }
    // The entry called `name`, or nullptr. The pointer lives as long as the reader.
    // Throws tema::Error when `match` is ignore_case and the name is ambiguous.
    const ZipEntry* find(std::string_view name, NameMatch match = NameMatch::exact) const;

    // Unpacks `given` (one of entries()). Throws tema::Error naming the archive
    // and the entry when it would pass a limit ("... refusing a possible zip
    // bomb"), is encrypted, uses a compression method libzip lacks, is damaged,
    // or unpacks to another size than the archive says.
    std::string read(const ZipEntry& given);
    // find() then read(); throws tema::Error ("has no entry named ...") when absent.
    std::string read(std::string_view name, NameMatch match = NameMatch::exact);

    // Bytes unpacked so far by this reader, counted against max_total_bytes.
    std::uint64_t total_read() const { return total_read_; }

private:
    struct Native;
    std::unique_ptr<Native> native_;
    std::string archive_name_;
    ZipLimits limits_;
    std::uint64_t archive_bytes_ = 0;
    std::vector<ZipEntry> entries_;
    std::uint64_t total_read_ = 0;
};

// True when `name` is a safe entry name: not empty, not absolute ("/x", "\\x"),
// no drive letter ("C:x"), no NUL, and no ".." part between "/" or "\\".
bool is_safe_entry_name(std::string_view name);

// True when `bytes` begin the way a zip archive does ("PK" and a local file
// header or an empty archive's end record). Cheap; says nothing of validity.
bool looks_like_zip(std::string_view bytes);

}  // namespace tema::archive
