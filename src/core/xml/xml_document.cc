#include "xml/xml_document.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <pugixml.hpp>
#include <unordered_map>
#include <utility>

#include "text/encoding.h"
#include "util/error.h"

namespace tema::xml {

namespace {

constexpr std::string_view kXmlNamespace = "http://www.w3.org/XML/1998/namespace";

pugi::xml_node of(void* node) {
    return pugi::xml_node(static_cast<pugi::xml_node_struct*>(node));
}

bool visible(pugi::xml_node node) {
    const pugi::xml_node_type type = node.type();
    return type == pugi::node_element || type == pugi::node_pcdata || type == pugi::node_cdata;
}

// The first visible node from `node` on, among its siblings.
pugi::xml_node skip_hidden(pugi::xml_node node) {
    while (!node.empty() && !visible(node)) {
        node = node.next_sibling();
    }
    return node;
}

std::string_view prefix_of(std::string_view name) {
    const std::size_t colon = name.find(':');
    return colon == std::string_view::npos ? std::string_view() : name.substr(0, colon);
}

std::string_view local_of(std::string_view name) {
    const std::size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// "line 3, column 7" for a character offset into `xml`; columns count code points.
std::string place(std::string_view xml, std::ptrdiff_t offset) {
    const std::size_t end =
        std::min(static_cast<std::size_t>(std::max<std::ptrdiff_t>(offset, 0)), xml.size());
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = 0; i < end; ++i) {
        if (xml[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(xml[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

std::string parse_problem(const pugi::xml_parse_result& result) {
    switch (result.status) {
        case pugi::status_unrecognized_tag:
            return "a tag that cannot be read";
        case pugi::status_bad_pi:
            return "a broken <?...?> instruction";
        case pugi::status_bad_comment:
            return "a broken comment";
        case pugi::status_bad_cdata:
            return "a broken CDATA section";
        case pugi::status_bad_doctype:
            return "a broken DOCTYPE";
        case pugi::status_bad_pcdata:
            return "broken text";
        case pugi::status_bad_start_element:
            return "a broken start tag";
        case pugi::status_bad_attribute:
            return "a broken attribute";
        case pugi::status_bad_end_element:
            return "a broken end tag";
        case pugi::status_end_element_mismatch:
            return "an end tag that does not match its start tag, or an element never closed";
        default:
            return result.description();
    }
}

bool contains_ignoring_case(std::string_view haystack, std::string_view needle) {
    const auto* const at = std::search(
        haystack.begin(), haystack.end(), needle.begin(), needle.end(), [](char a, char b) {
            const auto lower = [](char c) {
                return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
            };
            return lower(a) == lower(b);
        });
    return at != haystack.end();
}

}  // namespace

namespace detail {

// The namespace of every element, and of every attribute whose prefix is not
// its element's (nor empty, "xml" or "xmlns"), found in one pass while parsing
// and kept sorted by node, so that no lookup climbs the tree: a file cannot
// make lookups slow with many or deep declarations.
struct Namespaces {
    using Table = std::vector<std::pair<const void*, const char*>>;
    Table elements;
    Table attributes;

    // What `table` holds for `key`: a namespace, or empty.
    static std::string_view find(const Table& table, const void* key) {
        const auto at = std::lower_bound(
            table.begin(), table.end(), key,
            [](const auto& entry, const void* k) { return std::less<>()(entry.first, k); });
        if (at == table.end() || at->first != key || at->second == nullptr) {
            return {};
        }
        return at->second;
    }
};

}  // namespace detail

struct XmlDocument::Native {
    pugi::xml_document document;
    detail::Namespaces namespaces;
};

XmlDocument::XmlDocument(std::string_view xml, const std::string& subject, XmlLimits limits)
    : native_(std::make_unique<Native>()) {
    pugi::xml_document& document = native_->document;
    // Whitespace-only text is kept (a Word run may hold a single space); the
    // DOCTYPE is kept so that it can be inspected below, never acted upon.
    const unsigned int options = pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_doctype;
    const pugi::xml_parse_result result =
        document.load_buffer(xml.data(), xml.size(), options, pugi::encoding_auto);
    if (result.status == pugi::status_no_document_element) {
        throw Error(subject, "is not XML: it holds no element");
    }
    if (result.status == pugi::status_out_of_memory) {
        throw Error(subject, "is too large to read as XML (out of memory)");
    }
    if (!result) {
        throw Error(subject, "is not well-formed XML (" + place(xml, result.offset) + ": " +
                                 parse_problem(result) + ")");
    }

    // One walk over everything, without recursion: depth, DOCTYPE, UTF-8,
    // and what each prefix means where.
    const auto invalid_utf8 = [&](pugi::xml_node node) {
        return Error(subject, "is not valid XML (" + place(xml, node.offset_debug()) +
                                  ": text that is not valid UTF-8)");
    };
    detail::Namespaces& namespaces = native_->namespaces;
    // Prefix -> the namespaces it is bound to, innermost last; "" is the default.
    std::unordered_map<std::string_view, std::vector<const char*>> bindings;
    std::vector<std::vector<std::string_view>> declared;  // by open element, outermost first
    const auto resolve = [&](std::string_view prefix) -> const char* {
        if (prefix == "xml") {
            return kXmlNamespace.data();
        }
        const auto found = bindings.find(prefix);
        return found == bindings.end() || found->second.empty() ? nullptr : found->second.back();
    };
    const auto enter = [&](pugi::xml_node element) {
        declared.emplace_back();
        for (const pugi::xml_attribute attribute : element.attributes()) {
            const std::string_view name = attribute.name();
            if (name == "xmlns" || name.starts_with("xmlns:")) {
                const std::string_view prefix = name == "xmlns" ? "" : name.substr(6);
                bindings[prefix].push_back(attribute.value());
                declared.back().push_back(prefix);
            }
        }
        const std::string_view prefix = prefix_of(element.name());
        namespaces.elements.emplace_back(element.internal_object(), resolve(prefix));
        for (const pugi::xml_attribute attribute : element.attributes()) {
            const std::string_view own = prefix_of(attribute.name());
            if (!own.empty() && own != prefix && own != "xmlns" && own != "xml") {
                namespaces.attributes.emplace_back(attribute.internal_object(), resolve(own));
            }
        }
    };
    const auto leave = [&] {
        for (const std::string_view prefix : declared.back()) {
            bindings[prefix].pop_back();
        }
        declared.pop_back();
    };

    pugi::xml_node node = document.first_child();
    while (!node.empty()) {
        const pugi::xml_node_type type = node.type();
        if (type == pugi::node_doctype && contains_ignoring_case(node.value(), "<!ENTITY")) {
            throw Error(subject,
                        "declares entities in its DOCTYPE (<!ENTITY ...>), which can hide a "
                        "\"billion laughs\" or a reference to another file: Tema refuses such XML");
        }
        if (!text::is_valid_utf8(node.name()) || !text::is_valid_utf8(node.value())) {
            throw invalid_utf8(node);
        }
        if (type == pugi::node_element) {
            if (declared.size() >= limits.max_depth) {
                // An element's offset is its name's, just after the "<".
                throw Error(subject, "nests elements more than " +
                                         std::to_string(limits.max_depth) + " levels deep (" +
                                         place(xml, node.offset_debug() - 1) + "): refusing it");
            }
            for (const pugi::xml_attribute attribute : node.attributes()) {
                if (!text::is_valid_utf8(attribute.name()) ||
                    !text::is_valid_utf8(attribute.value())) {
                    throw invalid_utf8(node);
                }
            }
            enter(node);
            if (!node.first_child().empty()) {
                node = node.first_child();
                continue;
            }
            leave();  // a leaf element: left at once
        }
        // The next node: a sibling, or the sibling of the nearest ancestor with one.
        while (!node.empty() && node.next_sibling().empty()) {
            node = node.parent();
            if (node.type() == pugi::node_element) {
                leave();
            } else {
                node = pugi::xml_node();  // back at the document: done
            }
        }
        if (!node.empty()) {
            node = node.next_sibling();
        }
    }
    const auto by_node = [](const auto& a, const auto& b) {
        return std::less<>()(a.first, b.first);
    };
    std::sort(namespaces.elements.begin(), namespaces.elements.end(), by_node);
    std::sort(namespaces.attributes.begin(), namespaces.attributes.end(), by_node);
}

XmlDocument::~XmlDocument() = default;
XmlDocument::XmlDocument(XmlDocument&&) noexcept = default;
XmlDocument& XmlDocument::operator=(XmlDocument&&) noexcept = default;

XmlNode XmlDocument::root() const {
    return {native_->document.document_element().internal_object(), &native_->namespaces};
}

bool XmlNode::is_element() const {
    return node_ != nullptr && of(node_).type() == pugi::node_element;
}

bool XmlNode::is_text() const {
    if (node_ == nullptr) {
        return false;
    }
    const pugi::xml_node_type type = of(node_).type();
    return type == pugi::node_pcdata || type == pugi::node_cdata;
}

std::string_view XmlNode::name() const {
    return is_element() ? std::string_view(of(node_).name()) : std::string_view();
}

std::string_view XmlNode::prefix() const {
    return prefix_of(name());
}

std::string_view XmlNode::local_name() const {
    return local_of(name());
}

std::string_view XmlNode::namespace_uri() const {
    return is_element() ? detail::Namespaces::find(namespaces_->elements, node_)
                        : std::string_view();
}

bool XmlNode::is(std::string_view ns, std::string_view local) const {
    return is_element() && local_name() == local && namespace_uri() == ns;
}

std::string_view XmlNode::text() const {
    return is_text() ? std::string_view(of(node_).value()) : std::string_view();
}

std::string XmlNode::text_content() const {
    std::string all;
    for (XmlNode node = *this; node; node = node.next_in(*this)) {
        all += node.text();
    }
    return all;
}

std::optional<std::string_view> XmlNode::attribute(std::string_view qualified_name) const {
    if (!is_element()) {
        return std::nullopt;
    }
    for (const pugi::xml_attribute attribute : of(node_).attributes()) {
        if (attribute.name() == qualified_name) {
            return std::string_view(attribute.value());
        }
    }
    return std::nullopt;
}

std::optional<std::string_view> XmlNode::attribute(std::string_view ns,
                                                   std::string_view local) const {
    if (!is_element()) {
        return std::nullopt;
    }
    for (const pugi::xml_attribute attribute : of(node_).attributes()) {
        const std::string_view name = attribute.name();
        const std::string_view prefix = prefix_of(name);
        if (local_of(name) != local || name == "xmlns" || prefix == "xmlns") {
            continue;
        }
        std::string_view uri;  // an attribute without a prefix is in no namespace
        if (prefix == "xml") {
            uri = kXmlNamespace;
        } else if (!prefix.empty() && prefix == this->prefix()) {
            uri = namespace_uri();
        } else if (!prefix.empty()) {
            uri = detail::Namespaces::find(namespaces_->attributes, attribute.internal_object());
        }
        if (uri == ns) {
            return std::string_view(attribute.value());
        }
    }
    return std::nullopt;
}

std::vector<XmlAttribute> XmlNode::attributes() const {
    std::vector<XmlAttribute> all;
    if (is_element()) {
        for (const pugi::xml_attribute attribute : of(node_).attributes()) {
            all.push_back({attribute.name(), attribute.value()});
        }
    }
    return all;
}

XmlNode XmlNode::parent() const {
    if (node_ == nullptr) {
        return {};
    }
    const pugi::xml_node up = of(node_).parent();
    return up.type() == pugi::node_element ? with(up.internal_object()) : XmlNode();
}

XmlNode XmlNode::first_child() const {
    return node_ == nullptr ? XmlNode()
                            : with(skip_hidden(of(node_).first_child()).internal_object());
}

XmlNode XmlNode::next_sibling() const {
    return node_ == nullptr ? XmlNode()
                            : with(skip_hidden(of(node_).next_sibling()).internal_object());
}

XmlChildren XmlNode::children() const {
    return XmlChildren(first_child());
}

XmlNode XmlNode::child(std::string_view ns, std::string_view local) const {
    for (XmlNode node : children()) {
        if (node.is(ns, local)) {
            return node;
        }
    }
    return {};
}

XmlNode XmlNode::next_in(XmlNode root) const {
    if (const XmlNode child = first_child()) {
        return child;
    }
    return next_after_subtree_in(root);
}

XmlNode XmlNode::next_after_subtree_in(XmlNode root) const {
    for (XmlNode node = *this; node && node != root; node = node.parent()) {
        if (const XmlNode sibling = node.next_sibling()) {
            return sibling;
        }
    }
    return {};
}

}  // namespace tema::xml
