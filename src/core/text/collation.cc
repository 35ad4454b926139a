#include "text/collation.h"

#include <unicode/coll.h>
#include <unicode/locid.h>

#include <memory>

#include "text/icu_util.h"

namespace tema::text {

namespace {

// A Norwegian Bokmål collator at `strength`. Collators are not thread-safe,
// so each thread keeps its own.
std::unique_ptr<icu::Collator> make_collator(icu::Collator::ECollationStrength strength) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> collator(
        icu::Collator::createInstance(icu::Locale("nb"), status));
    icu_util::check(status, "Creating the Norwegian collator");
    collator->setStrength(strength);
    return collator;
}

// Each thread's collators: tertiary strength for sorting (letters, then
// accents, then case tell strings apart), secondary for names (case is
// ignored, letters and accents are not).
struct Collators {
    std::unique_ptr<icu::Collator> sorting = make_collator(icu::Collator::TERTIARY);
    std::unique_ptr<icu::Collator> names = make_collator(icu::Collator::SECONDARY);
};

const Collators& collators() {
    thread_local const Collators instance;
    return instance;
}

icu::Collator& sorting_collator() {
    return *collators().sorting;
}
icu::Collator& name_collator() {
    return *collators().names;
}

}  // namespace

int compare_norwegian(std::string_view a, std::string_view b) {
    UErrorCode status = U_ZERO_ERROR;
    const UCollationResult result =
        sorting_collator().compareUTF8(icu_util::piece(a), icu_util::piece(b), status);
    icu_util::check(status, "Comparing text");
    return static_cast<int>(result);
}

bool same_name(std::string_view a, std::string_view b) {
    UErrorCode status = U_ZERO_ERROR;
    const UCollationResult result =
        name_collator().compareUTF8(icu_util::piece(a), icu_util::piece(b), status);
    icu_util::check(status, "Comparing names");
    return result == UCOL_EQUAL;
}

std::string norwegian_sort_key(std::string_view utf8) {
    const icu::UnicodeString text = icu_util::from_utf8(utf8);
    icu::Collator& collator = sorting_collator();
    std::string key(static_cast<std::size_t>(text.length()) * 4 + 16, '\0');
    for (;;) {
        const std::int32_t length = collator.getSortKey(
            text, reinterpret_cast<std::uint8_t*>(key.data()), icu_util::length32(key.size()));
        if (length <= 0) {
            throw Error("ICU", "Making a sort key failed");
        }
        if (static_cast<std::size_t>(length) <= key.size()) {
            // ICU ends the key with a zero byte that is not part of the order.
            key.resize(static_cast<std::size_t>(length) - 1);
            return key;
        }
        key.resize(static_cast<std::size_t>(length));
    }
}

}  // namespace tema::text
