#include "text/case_fold.h"

#include <unicode/bytestream.h>
#include <unicode/casemap.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "text/ascii.h"
#include "text/icu_util.h"

namespace tema::text {

namespace {

// Full case folding of ASCII is lowering A-Z.
std::string fold_ascii(std::string_view ascii) {
    std::string out(ascii);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

}  // namespace

std::string fold_case(std::string_view utf8) {
    if (detail::is_ascii(utf8)) {
        return fold_ascii(utf8);
    }
    std::string out;
    out.reserve(utf8.size());
    icu::StringByteSink<std::string> sink(&out);
    UErrorCode status = U_ZERO_ERROR;
    icu::CaseMap::utf8Fold(U_FOLD_CASE_DEFAULT, icu_util::piece(utf8), sink, nullptr, status);
    icu_util::check(status, "Case folding");
    return out;
}

std::string fold_accents(std::string_view utf8) {
    if (detail::is_ascii(utf8)) {
        return fold_ascii(utf8);
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    icu_util::check(status, "Loading the normalisers");

    // Fold case, then decompose, so that accented letters become a base letter
    // and marks (å = a + ring, ǽ = æ + acute).
    icu::UnicodeString text = icu_util::from_utf8(utf8);
    text.foldCase(U_FOLD_CASE_DEFAULT);
    const icu::UnicodeString decomposed = nfd->normalize(text, status);
    icu_util::check(status, "Normalising to NFD");

    // Spell out æ and ø (they have no decomposition) and drop the marks.
    icu::UnicodeString folded;
    for (std::int32_t i = 0; i < decomposed.length();) {
        const UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        switch (c) {
            case 0x00E6:  // æ
            case 0x00C6:  // Æ
                folded.append(u"ae", 2);
                break;
            case 0x00F8:  // ø
            case 0x00D8:  // Ø
                folded.append(u'o');
                break;
            default:
                if (u_charType(c) != U_NON_SPACING_MARK) {
                    folded.append(c);
                }
                break;
        }
    }
    icu::UnicodeString composed = nfc->normalize(folded, status);
    icu_util::check(status, "Normalising to NFC");
    return icu_util::to_utf8(composed);
}

}  // namespace tema::text
