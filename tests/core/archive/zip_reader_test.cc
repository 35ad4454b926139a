#include "archive/zip_reader.h"

#include <catch2/catch.hpp>

#include "support/test_support.h"
#include "util/error.h"

using tema::archive::is_safe_entry_name;
using tema::archive::looks_like_zip;
using tema::archive::NameMatch;
using tema::archive::ZipLimits;
using tema::archive::ZipReader;
using tema::test::fixture;
using tema::test::read_bytes;

namespace {

std::string archive_fixture(const std::string& name) {
    return read_bytes(fixture("archive/" + name));
}

// The message of the tema::Error that `open` throws, or "" when it throws none.
template <typename F>
std::string error_of(F&& f) {
    try {
        f();
    } catch (const tema::Error& error) {
        return error.what();
    }
    return "";
}

}  // namespace

TEST_CASE("A zip's entries are listed with names, sizes and folders", "[zip]") {
    const std::string bytes = archive_fixture("plain.zip");
    ZipReader zip(bytes, "plain.zip");
    const auto& entries = zip.entries();
    REQUIRE(entries.size() == 5);
    CHECK(entries[0].name == "mimetype");
    CHECK(entries[1].name == "Folder/");
    CHECK(entries[1].is_directory);
    CHECK(entries[2].name == "Folder/Note.TXT");
    CHECK_FALSE(entries[2].is_directory);
    CHECK(entries[2].size == std::string("Hei på deg, Åse!\n").size());
    CHECK(entries[3].compressed_size < entries[3].size);  // deflated
    CHECK(entries[4].size == 0);
}

TEST_CASE("Entries are read by name, exactly or ignoring case", "[zip]") {
    const std::string bytes = archive_fixture("plain.zip");
    ZipReader zip(bytes, "plain.zip");
    CHECK(zip.read("mimetype") == "text/plain");
    CHECK(zip.read("Folder/Note.TXT") == "Hei på deg, Åse!\n");
    CHECK(zip.find("folder/note.txt") == nullptr);
    const auto* found = zip.find("folder/note.txt", NameMatch::ignore_case);
    REQUIRE(found != nullptr);
    CHECK(found->name == "Folder/Note.TXT");
    CHECK(zip.read("FOLDER/NOTE.txt", NameMatch::ignore_case) == "Hei på deg, Åse!\n");
    CHECK(zip.read("data/readme.md").size() == 9 + 6 * 200);
    CHECK(zip.read("empty.txt").empty());
    // Reading again gives the same bytes; both reads count.
    CHECK(zip.read("mimetype") == "text/plain");
    const std::size_t note = std::string("Hei på deg, Åse!\n").size();
    CHECK(zip.total_read() == 10 + note + note + 1209 + 0 + 10);

    CHECK(error_of([&] { zip.read("word/document.xml"); }) ==
          "plain.zip: has no entry named 'word/document.xml'");
}

TEST_CASE("Two entries that differ only in case make a case-blind lookup ambiguous", "[zip]") {
    const std::string bytes = archive_fixture("case-twins.zip");
    ZipReader zip(bytes, "twins.zip");
    CHECK(zip.read("README.TXT") == "two");  // an exact match wins
    CHECK(zip.read("Readme.txt", NameMatch::ignore_case) == "one");
    CHECK_THAT(error_of([&] { zip.find("readme.txt", NameMatch::ignore_case); }),
               Catch::Contains("more than one entry named 'readme.txt'"));
}

TEST_CASE("An empty archive has no entries, an empty file is no archive", "[zip]") {
    const std::string bytes = archive_fixture("empty-archive.zip");
    CHECK(ZipReader(bytes, "e.zip").entries().empty());
    const std::string nothing = archive_fixture("empty.zip");
    CHECK(error_of([&] { ZipReader zip(nothing, "empty.zip"); }) ==
          "empty.zip: is empty, not a zip archive");
}

TEST_CASE("Files that are not zips, or are cut short, are refused in words", "[zip]") {
    const std::string text = archive_fixture("not-a-zip.txt");
    CHECK_FALSE(looks_like_zip(text));
    CHECK(error_of([&] { ZipReader zip(text, "notes.zip"); }) == "notes.zip: is not a zip archive");
    const std::string png = read_bytes(fixture("text/binary.png"));
    CHECK(error_of([&] { ZipReader zip(png, "picture.zip"); }) ==
          "picture.zip: is not a zip archive");

    const std::string truncated = archive_fixture("truncated.zip");
    CHECK(looks_like_zip(truncated));
    CHECK(error_of([&] { ZipReader zip(truncated, "truncated.zip"); }) ==
          "truncated.zip: is not a valid zip archive (truncated?)");
    // Every length of a cut-short archive is refused cleanly.
    const std::string whole = archive_fixture("plain.zip");
    for (std::size_t length = 1; length < whole.size(); ++length) {
        const std::string cut = whole.substr(0, length);
        INFO(length);
        CHECK_THAT(error_of([&] { ZipReader zip(cut, "cut.zip"); }),
                   Catch::StartsWith("cut.zip: is not"));
    }
}

TEST_CASE("Entry names that climb out of their folder make the archive refused", "[zip]") {
    for (const std::string name : {"slip-dotdot.zip", "slip-inner-dotdot.zip", "slip-absolute.zip",
                                   "slip-backslash.zip", "slip-drive.zip", "slip-nul.zip"}) {
        INFO(name);
        const std::string bytes = archive_fixture(name);
        const std::string message = error_of([&] { ZipReader zip(bytes, name); });
        CHECK_THAT(message, Catch::StartsWith(name + ": holds an entry named '") &&
                                Catch::EndsWith("' that points outside its folder: refusing it"));
    }
    const std::string bytes = archive_fixture("slip-dotdot.zip");
    CHECK(
        error_of([&] { ZipReader zip(bytes, "x.zip"); }) ==
        "x.zip: holds an entry named '../../evil.txt' that points outside its folder: refusing it");

    CHECK(is_safe_entry_name("word/document.xml"));
    CHECK(is_safe_entry_name("word/..hidden/..."));
    CHECK(is_safe_entry_name("a/./b"));
    CHECK_FALSE(is_safe_entry_name(""));
    CHECK_FALSE(is_safe_entry_name(".."));
    CHECK_FALSE(is_safe_entry_name("a/.."));
    CHECK_FALSE(is_safe_entry_name("a\\..\\b"));
    CHECK_FALSE(is_safe_entry_name("\\server\\share"));
    CHECK_FALSE(is_safe_entry_name("/etc/passwd"));
    CHECK_FALSE(is_safe_entry_name("c:evil"));
    CHECK_FALSE(is_safe_entry_name(std::string("a\0b", 3)));
}

TEST_CASE("A 1 GB bzip2 bomb is refused after a few megabytes", "[zip]") {
    const std::string bytes = archive_fixture("bomb-bzip2.zip");
    REQUIRE(bytes.size() < 2000);
    ZipReader zip(bytes, "bomb.zip");
    CHECK(zip.read("hello.txt") == "hello");  // the harmless entry reads fine
    const auto* zeros = zip.find("zeros.bin");
    REQUIRE(zeros != nullptr);
    CHECK(zeros->size == std::uint64_t{1} << 30);  // it says so itself...
    // ... and is refused up front, before unpacking a byte of it.
    CHECK(error_of([&] { zip.read(*zeros); }) ==
          "bomb.zip: entry 'zeros.bin' holds more than 256 MB when unpacked: refusing a possible "
          "zip bomb");
    CHECK(zip.total_read() == 5);

    // With no size limit, the ratio check stops it once past its grace (4 MB).
    ZipLimits limits;
    limits.max_entry_bytes = std::uint64_t{4} << 30;
    ZipReader unlimited(bytes, "bomb.zip", limits);
    CHECK(error_of([&] { unlimited.read("zeros.bin"); }) ==
          "bomb.zip: entry 'zeros.bin' unpacks to more than 200 times its packed size: refusing a "
          "possible zip bomb");
    CHECK(unlimited.total_read() == (std::uint64_t{4} << 20) + 1);
}

TEST_CASE("A deflate bomb is stopped by the ratio, the entry size or the total", "[zip]") {
    const std::string bytes = archive_fixture("bomb-deflate.zip");
    {
        ZipReader zip(bytes, "bomb.zip");
        CHECK_THAT(error_of([&] { zip.read("zeros.bin"); }),
                   Catch::Contains("unpacks to more than 200 times its packed size"));
        CHECK(zip.total_read() < (std::uint64_t{21} << 20));  // 200 x 100 KB, not 100 MB
    }
    {
        ZipLimits limits;
        limits.max_ratio = 0;
        limits.max_entry_bytes = std::uint64_t{10} << 20;
        ZipReader zip(bytes, "bomb.zip", limits);
        // The header says 100 MB: refused without unpacking.
        CHECK(error_of([&] { zip.read("zeros.bin"); }) ==
              "bomb.zip: entry 'zeros.bin' holds more than 10 MB when unpacked: refusing a "
              "possible zip bomb");
        CHECK(zip.total_read() == 0);
    }
    {
        ZipLimits limits;
        limits.max_ratio = 0;
        limits.max_total_bytes = std::uint64_t{3} << 20;
        ZipReader zip(bytes, "bomb.zip", limits);
        CHECK(error_of([&] { zip.read("zeros.bin"); }) ==
              "bomb.zip: holds more than 3 MB when unpacked: refusing a possible zip bomb");
        CHECK(zip.total_read() == (std::uint64_t{3} << 20) + 1);
    }
}

TEST_CASE("A header that lies about the size is not believed", "[zip]") {
    const std::string bytes = archive_fixture("bomb-lying-size.zip");
    {
        ZipReader zip(bytes, "liar.zip");
        REQUIRE(zip.find("small.txt") != nullptr);
        CHECK(zip.find("small.txt")->size == 1000);  // the lie
        CHECK_THAT(error_of([&] { zip.read("small.txt"); }),
                   Catch::Contains("unpacks to more than 200 times its packed size"));
    }
    {
        // The size limit counts what comes out, not what the header said.
        ZipLimits limits;
        limits.max_ratio = 0;
        limits.max_entry_bytes = std::uint64_t{2} << 20;
        ZipReader zip(bytes, "liar.zip", limits);
        CHECK(error_of([&] { zip.read("small.txt"); }) ==
              "liar.zip: entry 'small.txt' holds more than 2 MB when unpacked: refusing a "
              "possible zip bomb");
        CHECK(zip.total_read() == (std::uint64_t{2} << 20) + 1);
    }
    {
        // Let through, it is found out at its end.
        ZipLimits limits;
        limits.max_ratio = 0;
        ZipReader zip(bytes, "liar.zip", limits);
        CHECK(error_of([&] { zip.read("small.txt"); }) ==
              "liar.zip: is damaged: entry 'small.txt' does not match what the archive says of it");
    }
}

TEST_CASE("Archives with too many entries are refused", "[zip]") {
    const std::string bytes = archive_fixture("many-entries.zip");
    CHECK(ZipReader(bytes, "many.zip").entries().size() == 50);
    ZipLimits limits;
    limits.max_entries = 10;
    CHECK(error_of([&] { ZipReader zip(bytes, "many.zip", limits); }) ==
          "many.zip: holds 50 entries (more than 10): refusing a possible zip bomb");
}

TEST_CASE("Encrypted entries and unknown compression are refused in words", "[zip]") {
    const std::string encrypted = archive_fixture("encrypted.zip");
    ZipReader zip(encrypted, "secret.zip");
    CHECK(error_of([&] { zip.read("secret.txt"); }) ==
          "secret.zip: is password-protected (entry 'secret.txt' is encrypted): Tema cannot read "
          "it");
    const std::string lzma = archive_fixture("lzma.zip");
    ZipReader packed(lzma, "lzma.zip");
    const std::string message = error_of([&] { packed.read("packed.txt"); });
    // libzip may or may not have been built with LZMA.
    if (!message.empty()) {
        CHECK(message ==
              "lzma.zip: entry 'packed.txt' uses a compression method Tema cannot unpack");
    } else {
        CHECK(packed.read("packed.txt").starts_with("lzma lzma"));
    }
}

TEST_CASE("An entry from another reader is not read", "[zip]") {
    const std::string plain = archive_fixture("plain.zip");
    const std::string twins = archive_fixture("case-twins.zip");
    ZipReader a(plain, "a.zip");
    ZipReader b(twins, "b.zip");
    CHECK(error_of([&] { a.read(b.entries()[0]); }) == "a.zip: has no entry named 'Readme.txt'");
}
