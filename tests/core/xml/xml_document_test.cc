#include "xml/xml_document.h"

#include <catch2/catch.hpp>
#include <chrono>

#include "support/test_support.h"
#include "util/error.h"

using tema::test::fixture;
using tema::test::read_bytes;
using tema::xml::XmlDocument;
using tema::xml::XmlLimits;
using tema::xml::XmlNode;

namespace {

std::string xml_fixture(const std::string& name) {
    return read_bytes(fixture("xml/" + name));
}

// The message of the tema::Error that parsing `xml` throws, or "" when none.
std::string parse_error(const std::string& xml, XmlLimits limits = {}) {
    try {
        XmlDocument document(xml, "part.xml", limits);
    } catch (const tema::Error& error) {
        return error.what();
    }
    return "";
}

std::string nested(std::size_t depth) {
    std::string xml;
    for (std::size_t i = 0; i < depth; ++i) {
        xml += "<a>";
    }
    xml += "bunn";
    for (std::size_t i = 0; i < depth; ++i) {
        xml += "</a>";
    }
    return xml;
}

constexpr std::string_view kProject = "urn:QDA-XML:project:1.0";
constexpr std::string_view kWord = "urn:example:word";

}  // namespace

TEST_CASE("Elements are named with prefix, local name and namespace", "[xml]") {
    const std::string bytes = xml_fixture("namespaces.xml");
    const XmlDocument document(bytes, "namespaces.xml");
    const XmlNode root = document.root();
    CHECK(root.name() == "project");
    CHECK(root.prefix().empty());
    CHECK(root.namespace_uri() == kProject);  // the default namespace
    CHECK(root.is(kProject, "project"));
    CHECK_FALSE(root.parent());

    const XmlNode body = root.child(kWord, "body");
    REQUIRE(body);
    CHECK(body.name() == "w:body");
    CHECK(body.prefix() == "w");
    CHECK(body.local_name() == "body");
    CHECK(body.parent() == root);
    // Attributes by name as written, or by namespace; a bare name has none.
    CHECK(body.attribute("w:val") == "1");
    CHECK(body.attribute(kWord, "val") == "1");
    CHECK(body.attribute("", "plain") == "yes");
    CHECK_FALSE(body.attribute(kWord, "plain"));
    CHECK_FALSE(body.attribute("missing"));
    CHECK(root.attribute("", "name") == "IPS i Norge");
    CHECK(root.attributes().size() == 3);

    std::vector<XmlNode> paragraphs;
    for (XmlNode child : body.children()) {
        if (child.is_element()) {
            paragraphs.push_back(child);
        }
    }
    REQUIRE(paragraphs.size() == 4);
    // Entities and character references replaced; CDATA is text.
    CHECK(paragraphs[0].text_content() == "Blåbær & øl <3 åå <ikke en tag>");
    // White space alone is kept (a Word run may be one space).
    CHECK(paragraphs[1].text_content() == " ");
    CHECK(paragraphs[1].attribute("http://www.w3.org/XML/1998/namespace", "space") == "preserve");
    // Another prefix for the same namespace is the same element kind.
    CHECK(paragraphs[2].is(kWord, "p"));
    CHECK(paragraphs[2].prefix() == "other");
    // A prefix bound again further in means another namespace there.
    CHECK(paragraphs[3].namespace_uri() == "urn:example:redeclared");
    CHECK_FALSE(paragraphs[3].is(kWord, "p"));

    const XmlNode source = root.child(kProject, "Sources").child(kProject, "TextSource");
    CHECK(source.attribute("guid") == "G1");
    CHECK_FALSE(source.first_child());
}

TEST_CASE("A subtree is walked in document order without recursion", "[xml]") {
    const XmlDocument document("<r><a>1<b>2</b>3</a><c>4</c></r>", "walk.xml");
    std::string order;
    const XmlNode root = document.root();
    for (XmlNode node = root; node; node = node.next_in(root)) {
        order +=
            node.is_element() ? std::string(node.name()) : "'" + std::string(node.text()) + "'";
        order += " ";
    }
    CHECK(order == "r a '1' b '2' '3' c '4' ");
    const XmlNode a = root.first_child();
    CHECK(a.next_in(a).text() == "1");
    CHECK(a.next_after_subtree_in(root).name() == "c");
    CHECK_FALSE(a.next_after_subtree_in(a));
    CHECK(root.text_content() == "1234");
    // A null node answers emptily.
    const XmlNode none;
    CHECK_FALSE(none.is_element());
    CHECK(none.name().empty());
    CHECK_FALSE(none.first_child());
    CHECK(none.text_content().empty());
    CHECK_FALSE(none.attribute("x"));
}

TEST_CASE("Many namespace declarations do not make lookups slow", "[xml]") {
    // 10,000 declarations on the root and 100,000 elements asking for theirs:
    // climbing to the root for each would take billions of steps.
    std::string xml = "<r";
    for (int i = 0; i < 10'000; ++i) {
        xml += " xmlns:p" + std::to_string(i) + "=\"urn:p" + std::to_string(i) + "\"";
    }
    xml += " xmlns:w=\"urn:w\" xmlns:x=\"urn:x\">";
    for (int i = 0; i < 100'000; ++i) {
        xml += "<w:p x:val=\"1\" w:val=\"2\"/>";
    }
    xml += "</r>";
    const auto start = std::chrono::steady_clock::now();
    const XmlDocument document(xml, "many.xml");
    std::size_t found = 0;
    for (XmlNode p : document.root().children()) {
        if (p.is("urn:w", "p") && p.attribute("urn:x", "val") == "1" &&
            p.attribute("urn:w", "val") == "2" && !p.attribute("urn:p9", "val")) {
            ++found;
        }
    }
    CHECK(found == 100'000);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}

TEST_CASE("Malformed XML is refused with the line and column", "[xml]") {
    CHECK(parse_error(xml_fixture("malformed.xml")) ==
          "part.xml: is not well-formed XML (line 3, column 12: an end tag that does not match its "
          "start tag, or an element never closed)");
    CHECK(parse_error("<a><b></a>") ==
          "part.xml: is not well-formed XML (line 1, column 9: an end tag that does not match its "
          "start tag, or an element never closed)");
    CHECK_THAT(parse_error("<a x=1/>"),
               Catch::StartsWith("part.xml: is not well-formed XML (line 1"));
    CHECK(parse_error(xml_fixture("empty.xml")) == "part.xml: is not XML: it holds no element");
    CHECK(parse_error("just text") == "part.xml: is not XML: it holds no element");
    CHECK_THAT(parse_error("<a>"), Catch::Contains("never closed"));
}

TEST_CASE("An external entity (XXE) is refused and never read", "[xml]") {
    const std::string message = parse_error(xml_fixture("xxe.xml"));
    CHECK(message ==
          "part.xml: declares entities in its DOCTYPE (<!ENTITY ...>), which can hide a \"billion "
          "laughs\" or a reference to another file: Tema refuses such XML");
    CHECK(message.find("root:") == std::string::npos);
    CHECK_THAT(parse_error(xml_fixture("xxe-parameter.xml")), Catch::Contains("declares entities"));
}

TEST_CASE("A billion laughs is refused at once", "[xml]") {
    const auto start = std::chrono::steady_clock::now();
    CHECK_THAT(parse_error(xml_fixture("billion-laughs.xml")),
               Catch::StartsWith("part.xml: declares entities in its DOCTYPE"));
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
}

TEST_CASE("A DOCTYPE without entities is let be, and nothing is fetched", "[xml]") {
    const std::string bytes = xml_fixture("external-dtd.xml");
    const XmlDocument document(bytes, "external.xml");
    // The undeclared reference stays as written; /etc/passwd is not read.
    CHECK(document.root().text_content() == "&xxe;");
}

TEST_CASE("Nesting deeper than the limit is refused, checked without recursion", "[xml]") {
    CHECK(parse_error(nested(256)).empty());
    CHECK(parse_error(nested(257)) ==
          "part.xml: nests elements more than 256 levels deep (line 1, column 769): refusing it");
    XmlLimits shallow;
    shallow.max_depth = 3;
    CHECK(parse_error(nested(3), shallow).empty());
    CHECK_THAT(parse_error(nested(4), shallow), Catch::Contains("more than 3 levels deep"));
    // 100,000 levels: refused quickly, and the stack survives both the parse
    // and the check.
    const auto start = std::chrono::steady_clock::now();
    CHECK_THAT(parse_error(nested(100'000)), Catch::Contains("more than 256 levels deep"));
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}

TEST_CASE("Text that is not UTF-8 is refused with its place", "[xml]") {
    CHECK(parse_error(xml_fixture("invalid-utf8.xml")) ==
          "part.xml: is not valid XML (line 3, column 6: text that is not valid UTF-8)");
    // A character reference to half a surrogate pair makes no valid text either.
    CHECK_THAT(parse_error(xml_fixture("surrogate-charref.xml")),
               Catch::Contains("text that is not valid UTF-8"));
    CHECK_THAT(parse_error("<a b='\xff'/>"), Catch::Contains("not valid UTF-8"));
    CHECK_THAT(parse_error("<a\xff/>"), Catch::StartsWith("part.xml: is not"));
}

TEST_CASE("UTF-16 with a byte-order mark is read as UTF-8", "[xml]") {
    const std::string bytes = xml_fixture("utf16le-bom.xml");
    const XmlDocument document(bytes, "utf16.xml");
    CHECK(document.root().name() == "root");
    CHECK(document.root().text_content() == "Blåbær");
    CHECK(document.root().attribute("a") == "æ");
}

TEST_CASE("Documents and their nodes outlive a move", "[xml]") {
    XmlDocument first("<a><b>x</b></a>", "a.xml");
    const XmlNode b = first.root().first_child();
    XmlDocument moved = std::move(first);
    CHECK(moved.root().first_child() == b);
    CHECK(b.text_content() == "x");
}
