// Reading XML (the parts of .docx, .odt and .qdpx files), safely.
//
// A document is parsed whole into a tree, then walked once, without
// recursion, before anyone sees it. It is refused, with the place and the
// problem in words, when it is not well-formed, when its DOCTYPE declares
// entities (the "billion laughs" and external-entity attacks need them, and
// no .docx, .odt or .qdpx has any), when elements nest deeper than a limit, or
// when any of its text is not valid UTF-8. Entities are never expanded and
// nothing outside the given bytes is ever read: only the five predefined
// entities (&amp; &lt; &gt; &quot; &apos;) and character references are
// replaced; an undeclared "&name;" stays as those characters.
#pragma once

#include <cstddef>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tema::xml {

struct XmlLimits {
    std::size_t max_depth = 256;  // the document element is at depth 1
};

struct XmlAttribute {
    std::string_view name;   // as written: "w:val", "xmlns:w", "Target"
    std::string_view value;  // entities replaced
};

class XmlChildren;

namespace detail {
struct Namespaces;  // what each prefix means where, resolved once while parsing
}  // namespace detail

// A node of an XmlDocument: an element or a run of text (CDATA included);
// comments and processing instructions are not kept. A handle, cheap to copy,
// valid while its document lives. A default-made node is null (false); every
// accessor of a null node returns empty results and null nodes. Strings are
// UTF-8 views into the document. Namespaces were resolved while parsing: a
// lookup costs O(log n) however many declarations the file makes.
class XmlNode {
public:
    XmlNode() = default;

    explicit operator bool() const { return node_ != nullptr; }
    bool operator==(const XmlNode& other) const { return node_ == other.node_; }

    bool is_element() const;
    bool is_text() const;

    // Element names: "w:p" as written, its prefix "w" and local name "p".
    std::string_view name() const;
    std::string_view prefix() const;
    std::string_view local_name() const;
    // The namespace the prefix (or the default namespace) is bound to where the
    // element stands; empty when unbound.
    std::string_view namespace_uri() const;
    // True for an element with this local name in this namespace, whatever
    // prefix the file uses for it.
    bool is(std::string_view ns, std::string_view local) const;

    // The characters of a text node; empty for an element.
    std::string_view text() const;
    // All the text inside this node, in document order.
    std::string text_content() const;

    // An attribute by its name as written ("w:val"), or by namespace and local
    // name (an attribute without a prefix has no namespace).
    std::optional<std::string_view> attribute(std::string_view qualified_name) const;
    std::optional<std::string_view> attribute(std::string_view ns, std::string_view local) const;
    std::vector<XmlAttribute> attributes() const;

    XmlNode parent() const;  // null for the document element
    XmlNode first_child() const;
    XmlNode next_sibling() const;
    XmlChildren children() const;
    // The first child element with this namespace and local name, or null.
    XmlNode child(std::string_view ns, std::string_view local) const;
    // The node after this one in document order, staying inside `root`'s
    // subtree; null after the last. Walks a subtree without recursion:
    //   for (XmlNode n = root; n; n = n.next_in(root)) ...
    XmlNode next_in(XmlNode root) const;
    // Like next_in, but passes over this node's own children.
    XmlNode next_after_subtree_in(XmlNode root) const;

private:
    friend class XmlDocument;
    XmlNode(void* node, const detail::Namespaces* namespaces)
        : node_(node), namespaces_(node == nullptr ? nullptr : namespaces) {}
    XmlNode with(void* node) const { return {node, namespaces_}; }

    void* node_ = nullptr;  // pugixml's node, hidden
    const detail::Namespaces* namespaces_ = nullptr;
};

// The children of a node, for range-for.
class XmlChildren {
public:
    class iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = XmlNode;
        using difference_type = std::ptrdiff_t;
        using pointer = const XmlNode*;
        using reference = XmlNode;

        iterator() = default;
        explicit iterator(XmlNode node) : node_(node) {}
        XmlNode operator*() const { return node_; }
        iterator& operator++() {
            node_ = node_.next_sibling();
            return *this;
        }
        iterator operator++(int) {
            iterator before = *this;
            ++*this;
            return before;
        }
        bool operator==(const iterator& other) const { return node_ == other.node_; }

    private:
        XmlNode node_;
    };

    explicit XmlChildren(XmlNode first) : first_(first) {}
    iterator begin() const { return iterator(first_); }
    iterator end() const { return iterator(); }

private:
    XmlNode first_;
};

class XmlDocument {
public:
    // Parses `xml` (UTF-8, or UTF-16/32 with a byte-order mark). `subject` names
    // it in messages ("report.docx: word/document.xml"). Throws tema::Error:
    //   "is not well-formed XML (line 3, column 7: a closing tag does not match)"
    //   "declares entities in its DOCTYPE: ..."   "nests elements more than 256 levels deep ..."
    //   "is not valid XML (line 2, column 5: text that is not valid UTF-8)"
    XmlDocument(std::string_view xml, const std::string& subject, XmlLimits limits = {});
    ~XmlDocument();
    XmlDocument(const XmlDocument&) = delete;
    XmlDocument& operator=(const XmlDocument&) = delete;
    XmlDocument(XmlDocument&&) noexcept;
    XmlDocument& operator=(XmlDocument&&) noexcept;

    // The document element.
    XmlNode root() const;

private:
    struct Native;
    std::unique_ptr<Native> native_;
};

}  // namespace tema::xml
