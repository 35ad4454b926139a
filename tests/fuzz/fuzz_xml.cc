// libFuzzer target: the XML parser on any bytes. It may refuse them
// (tema::Error); it must not crash, hang or recurse deeply, and what it
// accepts is valid UTF-8 nested no deeper than the limit. See README.md.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "text/encoding.h"
#include "util/error.h"
#include "xml/xml_document.h"

namespace {

void require(bool condition, const char* what) {
    if (!condition) {
        std::fprintf(stderr, "broken promise: %s\n", what);
        std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    tema::xml::XmlLimits limits;
    limits.max_depth = 64;
    try {
        const tema::xml::XmlDocument document(bytes, "fuzz.xml", limits);
        const tema::xml::XmlNode root = document.root();
        require(root.is_element(), "the root is an element");
        for (tema::xml::XmlNode node = root; node; node = node.next_in(root)) {
            std::size_t depth = 0;
            for (tema::xml::XmlNode up = node; up; up = up.parent()) {
                depth += up.is_element() ? 1U : 0U;
            }
            require(depth <= limits.max_depth, "nesting is within the limit");
            require(tema::text::is_valid_utf8(node.name()), "names are UTF-8");
            require(tema::text::is_valid_utf8(node.text()), "text is UTF-8");
            require(tema::text::is_valid_utf8(node.namespace_uri()), "namespaces are UTF-8");
            for (const auto& attribute : node.attributes()) {
                require(tema::text::is_valid_utf8(attribute.value), "attributes are UTF-8");
                require(node.attribute(attribute.name).has_value(), "attributes are found");
            }
        }
        require(tema::text::is_valid_utf8(root.text_content()), "all text is UTF-8");
    } catch (const tema::Error&) {
        // A clear refusal is a right answer.
    }
    return 0;
}
