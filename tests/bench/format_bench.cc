// Import benchmark per format: converts the first N transcripts of a generated
// corpus (tema_generate_corpus) into each format Tema imports (.txt, .md, .srt,
// .vtt, .rtf, .docx, .odt, .pdf), imports each set into a fresh project through
// the call `tema import` makes (import::import_files), and prints MB, files,
// seconds, MB/s and ms per MB for each. It prints figures; it passes or fails
// nothing.
//
//   tema_bench_formats CORPUS_DIR WORK_DIR [N]      (N = 100 by default)
//
// The files are written here, by hand, the way the tools that make them lay
// them out: Markdown with bold speaker names; SubRip and WebVTT with one cue
// per sentence and the speaker named in each cue (Zoom's "Name:" and Teams'
// voice tags); RTF as Word writes it (\par paragraphs, \uN escapes); .docx and
// .odt as deflated zip archives (zlib) with the minimal parts Word and
// LibreOffice need; PDF with Flate-compressed pages in Helvetica (one of the
// standard fonts, WinAnsiEncoding), 66 lines to an A4 page. No converter
// program is needed. MB are of the files on disk; "text MB" is the .txt the
// file was made from, so the columns compare both the format's overhead and
// the import's speed.
#include <zlib.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "import/importer.h"
#include "store/project.h"

namespace fs = std::filesystem;

namespace {

struct Turn {
    std::string speaker;  // empty for the header lines
    std::string text;
};

struct Transcript {
    std::string name;  // fg-0001
    std::vector<Turn> turns;
};

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

void write_file(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A generated transcript: two header lines, then one turn per non-blank line,
// "LABEL: words" with an optional "[hh:mm:ss] " or "hh:mm:ss " in front.
Transcript parse_transcript(const fs::path& path) {
    Transcript transcript{path.stem().string(), {}};
    std::istringstream in(read_file(path));
    std::string line;
    int header = 0;
    while (std::getline(in, line)) {
        if (line.empty()) {
            continue;
        }
        if (header < 2) {
            transcript.turns.push_back({"", line});
            ++header;
            continue;
        }
        std::string_view rest = line;
        if (rest.size() > 11 && rest[0] == '[' && rest[9] == ']') {
            rest.remove_prefix(11);
        } else if (rest.size() > 9 && rest[2] == ':' && rest[5] == ':' && rest[8] == ' ') {
            rest.remove_prefix(9);
        }
        const auto colon = rest.find(": ");
        if (colon == std::string_view::npos || colon > 20) {
            transcript.turns.push_back({"", std::string(rest)});
        } else {
            transcript.turns.push_back(
                {std::string(rest.substr(0, colon)), std::string(rest.substr(colon + 2))});
        }
    }
    return transcript;
}

// ---------------------------------------------------------------------------------
// Text helpers

// The code points of UTF-8 text (the generator writes valid UTF-8).
std::vector<char32_t> code_points(std::string_view utf8) {
    std::vector<char32_t> result;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto byte = static_cast<unsigned char>(utf8[i]);
        const std::size_t length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
        char32_t cp = length == 1   ? byte
                      : length == 2 ? byte & 0x1FU
                      : length == 3 ? byte & 0x0FU
                                    : byte & 0x07U;
        for (std::size_t k = 1; k < length && i + k < utf8.size(); ++k) {
            cp = (cp << 6U) | (static_cast<unsigned char>(utf8[i + k]) & 0x3FU);
        }
        result.push_back(cp);
        i += length;
    }
    return result;
}

// Windows-1252, as PDF's WinAnsiEncoding has it; '?' for what it lacks.
char to_cp1252(char32_t cp) {
    if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) {
        return static_cast<char>(static_cast<unsigned char>(cp));
    }
    static constexpr std::array<std::pair<char32_t, unsigned char>, 9> kExtra = {{
        {U'\u2013', 0x96},
        {U'\u2014', 0x97},
        {U'\u2018', 0x91},
        {U'\u2019', 0x92},
        {U'\u201C', 0x93},
        {U'\u201D', 0x94},
        {U'\u2026', 0x85},
        {U'\u20AC', 0x80},
        {U'\u2022', 0x95},
    }};
    for (const auto& [from, to] : kExtra) {
        if (from == cp) {
            return static_cast<char>(to);
        }
    }
    return '?';
}

std::string xml_escape(std::string_view text) {
    std::string result;
    result.reserve(text.size() + 16);
    for (const char c : text) {
        switch (c) {
            case '&':
                result += "&amp;";
                break;
            case '<':
                result += "&lt;";
                break;
            case '>':
                result += "&gt;";
                break;
            case '"':
                result += "&quot;";
                break;
            default:
                result += c;
        }
    }
    return result;
}

// Sentences of a turn, for subtitle cues.
std::vector<std::string> sentences(const std::string& text) {
    std::vector<std::string> result;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool end = (text[i] == '.' || text[i] == '?' || text[i] == '!') &&
                         (i + 1 == text.size() || text[i + 1] == ' ');
        if (end) {
            result.push_back(text.substr(start, i + 1 - start));
            start = i + 2;
        }
    }
    if (start < text.size()) {
        result.push_back(text.substr(start));
    }
    return result;
}

std::string timestamp(std::int64_t ms, char separator) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%02lld:%02lld:%02lld%c%03lld",
                  static_cast<long long>(ms / 3'600'000), static_cast<long long>(ms / 60'000 % 60),
                  static_cast<long long>(ms / 1000 % 60), separator,
                  static_cast<long long>(ms % 1000));
    return buffer;
}

// ---------------------------------------------------------------------------------
// Writers, one per format

std::string to_txt(const Transcript& t) {
    std::string out;
    for (const auto& turn : t.turns) {
        out += turn.speaker.empty() ? turn.text : turn.speaker + ": " + turn.text;
        out += "\n\n";
    }
    return out;
}

std::string to_md(const Transcript& t) {
    std::string out;
    bool title = true;
    for (const auto& turn : t.turns) {
        if (turn.speaker.empty()) {
            out += (title ? "# " : "") + turn.text + "\n\n";
            title = false;
        } else {
            out += "**" + turn.speaker + ":** " + turn.text + "\n\n";
        }
    }
    return out;
}

std::string to_subtitles(const Transcript& t, bool vtt) {
    std::string out = vtt ? "WEBVTT\n\n" : "";
    std::int64_t ms = 0;
    int cue = 0;
    for (const auto& turn : t.turns) {
        if (turn.speaker.empty()) {
            continue;
        }
        for (const auto& sentence : sentences(turn.text)) {
            const auto length = static_cast<std::int64_t>(sentence.size()) * 60 + 400;
            out += std::to_string(++cue) + "\n";
            out += timestamp(ms, vtt ? '.' : ',') + " --> " +
                   timestamp(ms + length, vtt ? '.' : ',') + "\n";
            out += vtt ? "<v " + turn.speaker + ">" + sentence + "</v>\n\n"
                       : turn.speaker + ": " + sentence + "\n\n";
            ms += length + 200;
        }
    }
    return out;
}

std::string to_rtf(const Transcript& t) {
    std::string out =
        "{\\rtf1\\ansi\\ansicpg1252\\deff0\\nouicompat{\\fonttbl{\\f0\\fnil\\fcharset0 "
        "Calibri;}}\n{\\*\\generator Tema benchmark}\\viewkind4\\uc1\n\\pard\\sa200\\sl276\\slmult1"
        "\\f0\\fs22\\lang1044 ";
    for (const auto& turn : t.turns) {
        const std::string line = turn.speaker.empty() ? turn.text : turn.speaker + ": " + turn.text;
        for (const char32_t cp : code_points(line)) {
            if (cp == '\\' || cp == '{' || cp == '}') {
                out += '\\';
                out += static_cast<char>(cp);
            } else if (cp < 0x80) {
                out += static_cast<char>(cp);
            } else {
                out += "\\u" +
                       std::to_string(cp > 0x7FFF ? static_cast<long>(cp) - 0x10000
                                                  : static_cast<long>(cp)) +
                       "?";
            }
        }
        out += "\\par\n";
    }
    out += "}\n";
    return out;
}

// A zip archive written with zlib: entries deflated, except those marked stored.
class ZipWriter {
public:
    void add(const std::string& name, const std::string& data, bool store = false) {
        std::string packed;
        if (store) {
            packed = data;
        } else {
            z_stream z{};
            deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
            packed.resize(deflateBound(&z, static_cast<uLong>(data.size())));
            z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
            z.avail_in = static_cast<uInt>(data.size());
            z.next_out = reinterpret_cast<Bytef*>(packed.data());
            z.avail_out = static_cast<uInt>(packed.size());
            deflate(&z, Z_FINISH);
            packed.resize(z.total_out);
            deflateEnd(&z);
        }
        const auto crc = static_cast<std::uint32_t>(
            crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
        const auto offset = static_cast<std::uint32_t>(out_.size());
        const std::uint16_t method = store ? 0 : 8;
        // Local file header.
        u32(out_, 0x04034b50);
        u16(out_, 20);
        u16(out_, 0x0800);  // names in UTF-8
        u16(out_, method);
        u16(out_, 0);
        u16(out_, 0x21);  // 1980-01-01
        u32(out_, crc);
        u32(out_, static_cast<std::uint32_t>(packed.size()));
        u32(out_, static_cast<std::uint32_t>(data.size()));
        u16(out_, static_cast<std::uint16_t>(name.size()));
        u16(out_, 0);
        out_ += name;
        out_ += packed;
        // Its central directory entry.
        u32(central_, 0x02014b50);
        u16(central_, 20);
        u16(central_, 20);
        u16(central_, 0x0800);
        u16(central_, method);
        u16(central_, 0);
        u16(central_, 0x21);
        u32(central_, crc);
        u32(central_, static_cast<std::uint32_t>(packed.size()));
        u32(central_, static_cast<std::uint32_t>(data.size()));
        u16(central_, static_cast<std::uint16_t>(name.size()));
        u16(central_, 0);
        u16(central_, 0);
        u16(central_, 0);
        u16(central_, 0);
        u32(central_, 0);
        u32(central_, offset);
        central_ += name;
        ++entries_;
    }

    std::string finish() {
        std::string result = out_ + central_;
        u32(result, 0x06054b50);
        u16(result, 0);
        u16(result, 0);
        u16(result, entries_);
        u16(result, entries_);
        u32(result, static_cast<std::uint32_t>(central_.size()));
        u32(result, static_cast<std::uint32_t>(out_.size()));
        u16(result, 0);
        return result;
    }

private:
    static void u16(std::string& s, std::uint16_t v) {
        s += static_cast<char>(v & 0xFFU);
        s += static_cast<char>(v >> 8U);
    }
    static void u32(std::string& s, std::uint32_t v) {
        u16(s, static_cast<std::uint16_t>(v & 0xFFFFU));
        u16(s, static_cast<std::uint16_t>(v >> 16U));
    }
    std::string out_, central_;
    std::uint16_t entries_ = 0;
};

std::string to_docx(const Transcript& t) {
    std::string body;
    for (const auto& turn : t.turns) {
        body += "<w:p>";
        if (!turn.speaker.empty()) {
            body += "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">" +
                    xml_escape(turn.speaker) + ": </w:t></w:r>";
        }
        body += "<w:r><w:t xml:space=\"preserve\">" + xml_escape(turn.text) + "</w:t></w:r></w:p>";
    }
    ZipWriter zip;
    zip.add(
        "[Content_Types].xml",
        R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
        R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
        R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
        R"(<Default Extension="xml" ContentType="application/xml"/>)"
        R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
        R"(</Types>)");
    zip.add(
        "_rels/.rels",
        R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
        R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
        R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
        R"(</Relationships>)");
    zip.add(
        "word/document.xml",
        R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
        R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>)" +
            body + "<w:sectPr/></w:body></w:document>");
    return zip.finish();
}

std::string to_odt(const Transcript& t) {
    std::string body;
    for (const auto& turn : t.turns) {
        body += "<text:p text:style-name=\"Standard\">";
        if (!turn.speaker.empty()) {
            body +=
                "<text:span text:style-name=\"T1\">" + xml_escape(turn.speaker) + ":</text:span> ";
        }
        body += xml_escape(turn.text) + "</text:p>";
    }
    ZipWriter zip;
    zip.add("mimetype", "application/vnd.oasis.opendocument.text", true);
    zip.add(
        "META-INF/manifest.xml",
        R"(<?xml version="1.0" encoding="UTF-8"?>)"
        R"(<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">)"
        R"(<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>)"
        R"(<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>)"
        R"(</manifest:manifest>)");
    zip.add(
        "content.xml",
        R"(<?xml version="1.0" encoding="UTF-8"?>)"
        R"(<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" )"
        R"(xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">)"
        R"(<office:body><office:text>)" +
            body + "</office:text></office:body></office:document-content>");
    return zip.finish();
}

// Lines of at most `width` characters, broken at spaces, in Windows-1252.
std::vector<std::string> wrap_cp1252(const std::string& utf8, std::size_t width) {
    std::string text;
    for (const char32_t cp : code_points(utf8)) {
        text += to_cp1252(cp);
    }
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (text.size() - start > width) {
        std::size_t cut = text.rfind(' ', start + width);
        if (cut == std::string::npos || cut <= start) {
            cut = start + width;
        }
        lines.push_back(text.substr(start, cut - start));
        start = text[cut] == ' ' ? cut + 1 : cut;
    }
    lines.push_back(text.substr(start));
    return lines;
}

std::string flate(const std::string& data) {
    uLongf size = compressBound(static_cast<uLong>(data.size()));
    std::string packed(size, '\0');
    compress2(reinterpret_cast<Bytef*>(packed.data()), &size,
              reinterpret_cast<const Bytef*>(data.data()), static_cast<uLong>(data.size()), 6);
    packed.resize(size);
    return packed;
}

std::string to_pdf(const Transcript& t) {
    constexpr std::size_t kLinesPerPage = 66;
    std::vector<std::string> lines;
    for (const auto& turn : t.turns) {
        const auto wrapped =
            wrap_cp1252(turn.speaker.empty() ? turn.text : turn.speaker + ": " + turn.text, 95);
        lines.insert(lines.end(), wrapped.begin(), wrapped.end());
        lines.emplace_back();
    }
    std::vector<std::string> pages;
    for (std::size_t first = 0; first < lines.size(); first += kLinesPerPage) {
        std::string content = "BT /F1 10 Tf 12 TL 50 800 Td\n";
        for (std::size_t i = first; i < std::min(lines.size(), first + kLinesPerPage); ++i) {
            content += '(';
            for (const char c : lines[i]) {
                if (c == '(' || c == ')' || c == '\\') {
                    content += '\\';
                }
                content += c;
            }
            content += ") Tj T*\n";
        }
        content += "ET\n";
        pages.push_back(flate(content));
    }
    // Objects: 1 catalog, 2 pages, 3 font, then a page and its contents for each page.
    std::vector<std::string> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>", "",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"};
    std::string kids;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const std::size_t page = 4 + 2 * i;
        kids += std::to_string(page) + " 0 R ";
        objects.push_back(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << "
            "/Font << /F1 3 0 R >> >> /Contents " +
            std::to_string(page + 1) + " 0 R >>");
        objects.push_back("<< /Length " + std::to_string(pages[i].size()) +
                          " /Filter /FlateDecode >>\nstream\n" + pages[i] + "\nendstream");
    }
    objects[1] =
        "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>";
    std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(out.size());
        out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const auto offset : offsets) {
        char entry[24];
        std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
        out += entry;
    }
    out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
           " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return out;
}

struct Format {
    const char* name;
    std::string (*write)(const Transcript&);
};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3 || argc > 4) {
        std::fprintf(stderr, "usage: tema_bench_formats CORPUS_DIR WORK_DIR [N]\n");
        return 2;
    }
    const fs::path corpus = argv[1];
    const fs::path work = argv[2];
    const std::size_t n = argc == 4 ? std::stoul(argv[3]) : 100;
    std::vector<fs::path> inputs;
    for (const auto& entry : fs::directory_iterator(corpus)) {
        if (entry.path().extension() == ".txt") {
            inputs.push_back(entry.path());
        }
    }
    std::sort(inputs.begin(), inputs.end());
    inputs.resize(std::min(inputs.size(), n));
    if (inputs.empty()) {
        std::fprintf(stderr, "tema_bench_formats: %s: no .txt files (run tema_generate_corpus)\n",
                     corpus.c_str());
        return 2;
    }
    std::vector<Transcript> transcripts;
    std::uintmax_t text_bytes = 0;
    for (const auto& input : inputs) {
        transcripts.push_back(parse_transcript(input));
        text_bytes += to_txt(transcripts.back()).size();
    }

    const std::array<Format, 8> formats = {{
        {"txt", to_txt},
        {"md", to_md},
        {"srt", [](const Transcript& t) { return to_subtitles(t, false); }},
        {"vtt", [](const Transcript& t) { return to_subtitles(t, true); }},
        {"rtf", to_rtf},
        {"docx", to_docx},
        {"odt", to_odt},
        {"pdf", to_pdf},
    }};
    std::printf("%zu transcripts, %.1f MB of text, each written in every format\n\n",
                transcripts.size(), static_cast<double>(text_bytes) / 1e6);
    std::printf("%-6s %6s %8s %8s %8s %8s %8s %12s %8s %6s\n", "format", "files", "MB", "seconds",
                "MB/s", "ms/MB", "text MB", "text MB/s", "turns", "failed");
    int exit_status = 0;
    for (const auto& format : formats) {
        const fs::path folder = work / format.name;
        fs::remove_all(folder);
        fs::create_directories(folder);
        std::vector<fs::path> files;
        std::uintmax_t bytes = 0;
        for (const auto& transcript : transcripts) {
            const std::string data = format.write(transcript);
            files.push_back(folder / (transcript.name + "." + format.name));
            write_file(files.back(), data);
            bytes += data.size();
        }
        const fs::path project_path = work / (std::string(format.name) + ".tema");
        for (const auto* suffix : {"", "-wal", "-shm"}) {
            fs::remove(project_path.string() + suffix);
        }
        tema::store::Project::create(project_path, {"bench", "bench"});
        std::size_t failed = 0;
        std::int64_t turns = 0;
        const auto start = std::chrono::steady_clock::now();
        {
            tema::store::Project project(project_path);
            tema::NoProgress progress;
            for (const auto& report : tema::import::import_files(project, project.default_coder(),
                                                                 files, {}, progress)) {
                failed += report.ok ? 0 : 1;
                turns += report.turns;
                if (!report.ok && failed == 1) {
                    std::fprintf(stderr, "%s: %s\n", format.name, report.error.c_str());
                }
            }
        }
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const double megabytes = static_cast<double>(bytes) / 1e6;
        const double text_megabytes = static_cast<double>(text_bytes) / 1e6;
        std::printf("%-6s %6zu %8.2f %8.3f %8.1f %8.1f %8.2f %12.1f %8lld %6zu\n", format.name,
                    files.size(), megabytes, seconds, megabytes / seconds,
                    seconds * 1000.0 / megabytes, text_megabytes, text_megabytes / seconds,
                    static_cast<long long>(turns), failed);
        std::fflush(stdout);
        exit_status = failed > 0 ? 1 : exit_status;
    }
    return exit_status;
}
