#include "import/subtitles.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>

#include "import/importer.h"
#include "store/sources.h"
#include "support/project_fixture.h"
#include "support/test_support.h"
#include "text/normalize.h"
#include "text/positions.h"
#include "util/error.h"

namespace fs = std::filesystem;
using tema::import::Document;
using tema::import::ImportOptions;
using tema::import::ImportReport;
using tema::import::read_srt;
using tema::import::read_vtt;
using tema::import::SubtitleOptions;
using tema::import::Turn;
using tema::test::fixture;

namespace {

fs::path subtitle(const std::string& name) {
    return fixture("import/subtitles/" + name);
}

Document read(const std::string& name, const SubtitleOptions& options = {},
              const std::string& encoding = {}) {
    const std::string bytes = tema::test::read_bytes(subtitle(name));
    return name.ends_with(".srt") ? read_srt(bytes, encoding, name, options)
                                  : read_vtt(bytes, encoding, name, options);
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> result;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        result.push_back(text.substr(start, end - start));
        start = end == std::string::npos ? text.size() : end + 1;
    }
    return result;
}

// What a turn covers, from `from` (its start or its body start) to its end.
std::string span(const std::string& text, std::uint32_t from, std::uint32_t to) {
    const tema::text::PositionMap map(text);
    const auto begin = map.byte_of_codepoint(from);
    return text.substr(begin, map.byte_of_codepoint(to) - begin);
}
std::string body(const Document& d, const Turn& t) {
    return span(d.text, t.body_start, t.end);
}
std::string whole(const Document& d, const Turn& t) {
    return span(d.text, t.start, t.end);
}

// The message of the tema::Error that reading `name` throws.
std::string error_of(const std::string& name) {
    return tema::test::error_of_call([&] { read(name); });
}

std::string error_of_srt(const std::string& bytes) {
    return tema::test::error_of_call([&] { read_srt(bytes, {}, "inline.srt"); });
}

}  // namespace

TEST_CASE("Whisper SubRip: one line per cue with its time, no speakers and no turns",
          "[import][subtitles]") {
    const Document d = read("whisper-intervju.srt");
    CHECK(d.format == "srt");
    CHECK(d.encoding == "UTF-8");
    CHECK(
        lines(d.text) ==
        std::vector<std::string>{
            "[00:00:00] Ja, da er opptakeren på, og vi kan begynne.",
            "[00:00:04] Kan du fortelle litt om hvordan du kom i kontakt med jobbspesialisten?",
            "[00:00:09] Det var legen min som foreslo det. Jeg hadde vært sykmeldt i nesten to år.",
            "[00:00:15] Og jeg tenkte vel at det ikke var noe for meg, at jeg ikke var klar.",
            "[00:00:21] Men hun ga seg ikke.",
            "[00:01:02] Hva var det som gjorde at du ble med likevel?",
            "[01:02:03] At hun spurte hva jeg ville jobbe med. Ikke hva jeg ikke klarte."});
    // A turn needs a speaker; Whisper names none, and Tema invents none.
    CHECK(d.turns.empty());
}

TEST_CASE("Whisper WebVTT: mm:ss.mmm times, and hours once past the hour", "[import][subtitles]") {
    const Document d = read("whisper-intervju.vtt");
    CHECK(d.format == "vtt");
    CHECK(lines(d.text) ==
          std::vector<std::string>{
              "[00:00:00] Ja, da er opptakeren på, og vi kan begynne.",
              "[00:00:04] Kan du fortelle litt om hvordan du kom i kontakt med jobbspesialisten?",
              "[00:59:58] Da er vi ferdige. Tusen takk."});
}

TEST_CASE("Teams voice tags name the speakers, each cue is a turn at its start time",
          "[import][subtitles]") {
    const Document d = read("teams-fokusgruppe.vtt");
    const auto text = lines(d.text);
    REQUIRE(text.size() == 7);
    CHECK(text[0] == "[00:00:03] Kari Nordmann: Hei, og velkommen til fokusgruppa. Er alle på nå?");
    CHECK(text[3] ==
          "[00:00:15] Åse Berg: Jeg er også her. Beklager, jeg var litt sen & måtte bytte rom.");
    CHECK(text[4] ==
          "[00:00:20] Kari Nordmann: Flott. Første spørsmål: hva tenker dere når "
          "dere hører ordet \"arbeidsinkludering\"?");
    REQUIRE(d.turns.size() == 7);
    CHECK(d.turns[0].speaker == "Kari Nordmann");
    CHECK(d.turns[0].time_ms == 3'586);
    CHECK(body(d, d.turns[0]) == "Hei, og velkommen til fokusgruppa. Er alle på nå?");
    CHECK(whole(d, d.turns[0]) == text[0]);
    CHECK(d.turns[1].speaker == "Kari Nordmann");
    CHECK(d.turns[1].time_ms == 7'214);
    CHECK(d.turns[2].speaker == "Ola Hansen (NAV Vestdal)");
    CHECK(d.turns[2].time_ms == 11'020);
    CHECK(d.turns[3].speaker == "Åse Berg");
    CHECK(body(d, d.turns[3]) == "Jeg er også her. Beklager, jeg var litt sen & måtte bytte rom.");
    CHECK(d.turns[6].time_ms == 31'500);
}

TEST_CASE("Merged cues: one turn and one line per run of one speaker, at the first cue's time",
          "[import][subtitles]") {
    const Document d = read("teams-fokusgruppe.vtt", SubtitleOptions{true});
    CHECK(lines(d.text) ==
          std::vector<std::string>{
              "[00:00:03] Kari Nordmann: Hei, og velkommen til fokusgruppa. Er alle på nå? Da "
              "starter vi opptaket.",
              "[00:00:11] Ola Hansen (NAV Vestdal): Ja, jeg er her. Jeg sitter på kontoret i dag.",
              "[00:00:15] Åse Berg: Jeg er også her. Beklager, jeg var litt sen & måtte bytte rom.",
              "[00:00:20] Kari Nordmann: Flott. Første spørsmål: hva tenker dere når dere hører "
              "ordet \"arbeidsinkludering\"?",
              "[00:00:27] Ola Hansen (NAV Vestdal): At alle skal med. Men det er lettere sagt enn "
              "gjort, for å si det sånn."});
    REQUIRE(d.turns.size() == 5);
    CHECK(d.turns[0].time_ms == 3'586);
    CHECK(d.turns[4].speaker == "Ola Hansen (NAV Vestdal)");
    CHECK(d.turns[4].time_ms == 27'010);
    CHECK(body(d, d.turns[4]) ==
          "At alle skal med. Men det er lettere sagt enn gjort, for å si det sånn.");
    // Cues that name nobody are not merged: they have no speaker to share.
    CHECK(lines(read("whisper-intervju.srt", SubtitleOptions{true}).text).size() == 7);
}

TEST_CASE("Zoom names before a colon become speakers, a colon in the words stays",
          "[import][subtitles]") {
    const Document d = read("zoom-intervju.vtt");
    REQUIRE(d.turns.size() == 4);
    CHECK(d.turns[0].speaker == "Ingrid Solberg");
    CHECK(d.turns[1].speaker == "Per Olsen");
    CHECK(d.turns[1].time_ms == 5'900);
    CHECK(body(d, d.turns[1]) == "Bare hyggelig. Kl. 14:30 må jeg gå, bare så du vet det.");
    CHECK(lines(d.text)[3] == "[00:00:14] Per Olsen: Tja. Opp og ned. Mest opp, egentlig.");
}

TEST_CASE("A cue that names nobody is said by the speaker before it (byte-order mark, CRLF)",
          "[import][subtitles]") {
    const Document d = read("otranscribe-intervju.srt");
    CHECK(d.encoding == "UTF-8-BOM");
    CHECK(lines(d.text) ==
          std::vector<std::string>{
              "[00:00:05] INT: Hvordan ser en vanlig arbeidsdag ut for deg?",
              "[00:00:09] IP3: Jeg begynner klokka sju. Først kaffe, så e-post.",
              "[00:00:14] Så er det ut på oppdrag, stort sett.", "[00:00:19] INT: Alene?",
              "[00:00:21] IP3: Som regel. [utydelig 00:00:23]", "[00:00:25] Ikke alltid."});
    REQUIRE(d.turns.size() == 6);
    CHECK(d.turns[2].speaker == "IP3");
    CHECK(d.turns[2].time_ms == 14'000);
    CHECK(body(d, d.turns[2]) == "Så er det ut på oppdrag, stort sett.");
    CHECK(d.turns[5].speaker == "IP3");
    CHECK(body(d, d.turns[5]) == "Ikke alltid.");
}

TEST_CASE("Bracketed speaker labels of speech-to-text tools, bracketed sounds stay words",
          "[import][subtitles]") {
    const Document d = read("whisperx-diarisert.srt");
    CHECK(lines(d.text) == std::vector<std::string>{"[00:00:00] SPEAKER_00: Skal vi begynne?",
                                                    "[00:00:03] [Musikk]",
                                                    "[00:00:05] SPEAKER_01: Ja, vi kan det.",
                                                    "[00:00:08] SPEAKER_01: Jeg har tenkt litt "
                                                    "på spørsmålene."});
    REQUIRE(d.turns.size() == 4);
    CHECK(d.turns[0].speaker == "SPEAKER_00");
    CHECK(d.turns[0].time_ms == 31);
    CHECK(d.turns[1].speaker == "SPEAKER_00");  // "[Musikk]" goes with the turn before
    CHECK(body(d, d.turns[1]) == "[Musikk]");
    CHECK(d.turns[2].speaker == "SPEAKER_01");
}

TEST_CASE("Edited SubRip: Windows-1252, tags, two speakers in a cue, sloppy blank lines",
          "[import][subtitles]") {
    const Document d = read("redigert-cp1252.srt");
    CHECK(d.encoding == "windows-1252");
    // {\an8}, <i>, <font> and <b> go; two speakers in one cue make two lines
    // with the cue's time; a blank line inside a cue does not end it; a cue
    // right after the words of the last, and one without a final line end,
    // are read.
    CHECK(lines(d.text) ==
          std::vector<std::string>{"[00:00:01] Moderator: Velkommen til Øvre Ås.",
                                   "[00:00:03] Deltaker 1: Takk – det er fint å være her.",
                                   "[00:00:03] Deltaker 2: Enig & takk.",
                                   "[00:00:06] Moderator: Hva er det viktigste for dere?",
                                   "[00:00:09] Deltaker 1: Å få være med."});
    REQUIRE(d.turns.size() == 5);
    CHECK(d.turns[2].speaker == "Deltaker 2");
    CHECK(d.turns[2].time_ms == 3'500);
    CHECK(d.turns[4].time_ms == 9'500);
    // The same bytes with the encoding forced.
    CHECK(read("redigert-cp1252.srt", {}, "windows-1252").text == d.text);
}

TEST_CASE("WebVTT header, NOTE, STYLE and REGION blocks, identifiers, settings and tags",
          "[import][subtitles]") {
    const Document d = read("alt-mulig.vtt");
    // The cue of only tags (<i></i>) has no words and no line.
    CHECK(lines(d.text) ==
          std::vector<std::string>{"[00:00:01] Moderator: Velkommen, alle sammen.",
                                   "[00:00:04] Deltaker 3: Jeg tror at det går fint.",
                                   "[00:00:04] Moderator: Så bra.",
                                   "[00:00:08] Deltaker 3: Fair enough, 5 < 7 > 3 én\u00A0gang – "
                                   "&foo; ok",
                                   "[00:00:11] Deltaker 3: Mm."});
    REQUIRE(d.turns.size() == 5);
    CHECK(d.turns[0].speaker == "Moderator");  // <v.høy Moderator>: classes are no name
    CHECK(d.turns[0].time_ms == 1'000);
    CHECK(d.turns[1].speaker == "Deltaker 3");
    CHECK(d.turns[2].speaker == "Moderator");  // a second voice tag in the same cue
    CHECK(d.turns[2].time_ms == 4'500);
    CHECK(d.turns[4].time_ms == 11'000);
}

TEST_CASE("Turn positions are code points of the text the reader made", "[import][subtitles]") {
    for (const char* name :
         {"teams-fokusgruppe.vtt", "zoom-intervju.vtt", "otranscribe-intervju.srt",
          "whisperx-diarisert.srt", "redigert-cp1252.srt", "alt-mulig.vtt"}) {
        for (const bool merge : {false, true}) {
            INFO(name << (merge ? " merged" : ""));
            const Document d = read(name, SubtitleOptions{merge});
            CHECK(tema::text::is_nfc(d.text));
            const tema::text::PositionMap map(d.text);
            std::uint32_t previous_end = 0;
            for (const Turn& turn : d.turns) {
                CHECK(!turn.speaker.empty());
                CHECK(turn.start >= previous_end);
                CHECK(turn.start <= turn.body_start);
                CHECK(turn.body_start < turn.end);
                CHECK(turn.end <= map.codepoints());
                // A turn is one whole line.
                CHECK((turn.start == 0 || span(d.text, turn.start - 1, turn.start) == "\n"));
                CHECK(span(d.text, turn.end, turn.end + 1) == "\n");
                previous_end = turn.end;
            }
        }
    }
}

TEST_CASE("Bad subtitle files are refused with the file and the line", "[import][subtitles]") {
    CHECK(error_of("feil-tidslinje.srt") ==
          "feil-tidslinje.srt, line 6: cannot read the end time in '00:00:04,000 --> "
          "00:00:0X,000' (a time line looks like 00:00:01,000 --> 00:00:04,000)");
    CHECK(error_of("mangler-tider.srt") ==
          "mangler-tider.srt, line 6: expected the times of cue 2, found 'Deltaker 1: Hei hei.' "
          "(a time line looks like 00:00:01,000 --> 00:00:04,000)");
    CHECK_THAT(error_of("ikke-undertekster.srt"),
               Catch::StartsWith("ikke-undertekster.srt, line 1: expected a subtitle cue, found "
                                 "'Dette er et vanlig notat, lagret med fei...'"));
    CHECK(error_of("bare-notater.vtt") ==
          "bare-notater.vtt: has no subtitle cues (times such as 00:00:01.000 --> 00:00:04.000 "
          "and the words below them)");
    CHECK(error_of("tomme-replikker.srt") ==
          "tomme-replikker.srt: has subtitle cues but no words in them: there is no text to "
          "import");

    CHECK_THAT(error_of_srt("1\n00:00:01,000 -> 00:00:02,000\nHei\n"),
               Catch::StartsWith("inline.srt, line 2: expected '-->' after the start time"));
    CHECK_THAT(error_of_srt("1\n00:61:01,000 --> 00:62:02,000\nHei\n"),
               Catch::StartsWith("inline.srt, line 2: cannot read the start time"));
    CHECK_THAT(error_of_srt("1\n00:00:01,000 --> 00:00:02,000\nHei\n\n2\n00:00:03,0000 --> "
                            "00:00:04,000\nHopp\n"),
               Catch::StartsWith("inline.srt, line 6: cannot read the start time"));
    CHECK(error_of_srt("1\n00:00:01,000 --> 00:00:02,000\nHei\n\n2\n") ==
          "inline.srt, line 5: cue 2 has no times (a time line looks like 00:00:01,000 --> "
          "00:00:04,000)");
    CHECK(error_of_srt("   \n\n") ==
          "inline.srt: has no subtitle cues (times such as 00:00:01,000 --> 00:00:04,000 and the "
          "words below them)");
    // Bytes that are no text are refused as plain text refuses them.
    CHECK(error_of_srt("1\n00:00:01,000 --> 00:00:02,000\n" + std::string(3, '\0')) ==
          "inline.srt: is not a text file (it holds binary data)");
}

TEST_CASE("Times: hours of any length, a fraction of one to three digits or none",
          "[import][subtitles]") {
    const Document d = read_srt(
        "1\n123:04:05,6 --> 123:04:06,000\nA\n\n2\n0:07.25 --> 0:08.000\nB\n\n"
        "3\n00:00:09 --> 00:00:10 X1:100 X2:200\nC\n",
        {}, "times.srt");
    CHECK(lines(d.text) ==
          std::vector<std::string>{"[123:04:05] A", "[00:00:07] B", "[00:00:09] C"});
    const Document named =
        read_vtt("WEBVTT\n\n1:02:03.004 --> 1:02:04.000\n<v Kari>Hei</v>\n", {}, "times.vtt");
    REQUIRE(named.turns.size() == 1);
    CHECK(named.turns[0].time_ms == 3'723'004);
}

TEST_CASE("Control characters never reach the text, not even in a voice tag",
          "[import][subtitles]") {
    // Found by fuzz_srt: a control character inside <v ...> became part of the label.
    const std::string bytes =
        "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Kari\x17Nordmann>Hei p\xC3\xA5 deg, alle sammen\n";
    const Document d = read_vtt(bytes, {}, "kontroll.vtt");
    REQUIRE(d.turns.size() == 1);
    CHECK(d.turns[0].speaker == "Kari Nordmann");
    CHECK(d.text == "[00:00:01] Kari Nordmann: Hei på deg, alle sammen\n");
}

// ---------------------------------------------------------------------------
// Through the importer into a project

namespace {

using Project = tema::test::ProjectFixture;

}  // namespace

TEST_CASE("Subtitles import as transcripts with speakers and times", "[import][subtitles]") {
    Project p;
    const auto reports =
        p.import_files({subtitle("teams-fokusgruppe.vtt"), subtitle("whisper-intervju.srt")});
    REQUIRE(reports.size() == 2);
    const ImportReport& teams = reports[0];
    INFO(teams.error);
    REQUIRE(teams.ok);
    CHECK(teams.kind == tema::SourceKind::transcript);
    CHECK(teams.lang == tema::text::Language::nb);
    CHECK(teams.lines == 7);
    CHECK(teams.turns == 7);
    CHECK(teams.speakers ==
          std::vector<std::string>{"Kari Nordmann", "Ola Hansen (NAV Vestdal)", "Åse Berg"});

    auto& db = p.project->db();
    const auto source = tema::store::find_source(db, "teams-fokusgruppe");
    CHECK(source.file_format == "vtt");
    const auto shown = tema::store::read_lines(db, source, 3, 3);
    CHECK(shown[0].text ==
          "[00:00:11] Ola Hansen (NAV Vestdal): Ja, jeg er her. Jeg sitter på kontoret i dag.");
    CHECK(shown[0].speaker == "Ola Hansen (NAV Vestdal)");
    CHECK(shown[0].time_ms == 11'020);
    CHECK(shown[0].turn_start);

    // Whisper names no speakers: a document of timed lines.
    const ImportReport& whisper = reports[1];
    REQUIRE(whisper.ok);
    CHECK(whisper.turns == 0);
    CHECK(whisper.lines == 7);
    CHECK(whisper.kind == tema::SourceKind::document);
}

TEST_CASE("merge_cues reaches the subtitle readers through the importer", "[import][subtitles]") {
    Project p;
    ImportOptions options;
    options.merge_cues = true;
    const auto reports = p.import_files({subtitle("teams-fokusgruppe.vtt")}, options);
    REQUIRE(reports.at(0).ok);
    CHECK(reports[0].turns == 5);
    CHECK(reports[0].lines == 5);
}

TEST_CASE("A bad subtitle file is reported by name and line and changes nothing",
          "[import][subtitles]") {
    Project p;
    p.import_files({subtitle("zoom-intervju.vtt")});
    const std::string before = p.state();
    const auto reports = p.import_files({subtitle("feil-tidslinje.srt"), subtitle("bare-notater.vtt"),
                                   subtitle("tomme-replikker.srt")});
    REQUIRE(reports.size() == 3);
    for (const auto& report : reports) {
        CHECK_FALSE(report.ok);
    }
    CHECK_THAT(reports[0].error,
               Catch::StartsWith(subtitle("feil-tidslinje.srt").string() + ", line 6: "));
    CHECK_THAT(reports[1].error,
               Catch::StartsWith(subtitle("bare-notater.vtt").string() + ": has no subtitle cues"));
    CHECK_THAT(reports[2].error, Catch::StartsWith(subtitle("tomme-replikker.srt").string() +
                                                   ": has subtitle cues but no words"));
    CHECK(p.state() == before);
}
