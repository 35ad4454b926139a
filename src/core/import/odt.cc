#include "import/odt.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <vector>

#include "archive/zip_reader.h"
#include "import/office_text.h"
#include "util/error.h"
#include "xml/xml_document.h"

namespace tema::import {

namespace {

using xml::XmlDocument;
using xml::XmlNode;

constexpr std::string_view kOffice = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
constexpr std::string_view kText = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr std::string_view kTable = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
constexpr std::string_view kStyle = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
constexpr std::string_view kFo = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
constexpr std::string_view kDraw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
// How far a chain of styles (parent-style-name) is followed.
constexpr int kMaxStyleChain = 32;
// <text:s text:c="..."/> beyond this many spaces is taken as this many.
constexpr int kMaxSpaces = 1000;

struct Style {
    std::string parent;
    std::optional<bool> bold;
    bool heading = false;
};

// fo:font-weight: "bold", or a number from 100 to 900 (600 and up is bold).
std::optional<bool> weight_is_bold(std::optional<std::string_view> weight) {
    if (!weight) {
        return std::nullopt;
    }
    if (*weight == "bold") {
        return true;
    }
    int number = 0;
    const auto [end, error] =
        std::from_chars(weight->data(), weight->data() + weight->size(), number);
    if (error == std::errc() && end == weight->data() + weight->size()) {
        return number >= 600;
    }
    return false;  // "normal"
}

class OdtReader {
public:
    OdtReader(archive::ZipReader& package, const std::string& file_name)
        : package_(package), file_name_(file_name), out_(file_name) {}

    Document read() {
        std::optional<XmlDocument> content = read_xml_part(package_, "content.xml", file_name_);
        if (!content) {
            throw Error(file_name_, "is not an OpenDocument text (no content.xml)");
        }
        const XmlNode body = content->root().child(kOffice, "body");
        const XmlNode text = body.child(kOffice, "text");
        if (!content->root().is(kOffice, "document-content") || !text) {
            throw Error(file_name_,
                        "is not an OpenDocument text (content.xml holds no text document)");
        }
        if (std::optional<XmlDocument> styles = read_xml_part(package_, "styles.xml", file_name_)) {
            // Named styles; the automatic ones there serve headers and footers.
            read_styles(styles->root().child(kOffice, "styles"));
        }
        read_styles(content->root().child(kOffice, "automatic-styles"));

        blocks(text);
        for (std::size_t i = 0; i < notes_.size(); ++i) {
            out_.begin_note(static_cast<int>(i + 1));
            blocks(notes_[i]);
        }
        return out_.finish("odt");
    }

private:
    void read_styles(XmlNode container) {
        for (XmlNode node : container.children()) {
            const auto name = node.attribute(kStyle, "name");
            if (!node.is(kStyle, "style") || !name) {
                continue;
            }
            Style style;
            style.parent = std::string(node.attribute(kStyle, "parent-style-name").value_or(""));
            style.bold =
                weight_is_bold(node.child(kStyle, "text-properties").attribute(kFo, "font-weight"));
            style.heading = name->starts_with("Heading") || *name == "Title" ||
                            *name == "Subtitle" || node.attribute(kStyle, "default-outline-level");
            const std::string family(node.attribute(kStyle, "family").value_or(""));
            styles_[family + ":" + std::string(*name)] = std::move(style);
        }
    }

    const Style* style(std::string_view family, std::string_view name) const {
        const auto found = styles_.find(std::string(family) + ":" + std::string(name));
        return found == styles_.end() ? nullptr : &found->second;
    }

    std::optional<bool> style_bold(std::string_view family, std::string_view name) const {
        for (int step = 0; step < kMaxStyleChain && !name.empty(); ++step) {
            const Style* found = style(family, name);
            if (found == nullptr) {
                break;
            }
            if (found->bold) {
                return found->bold;
            }
            name = found->parent;
        }
        return std::nullopt;
    }

    bool style_heading(std::string_view name) const {
        for (int step = 0; step < kMaxStyleChain && !name.empty(); ++step) {
            const Style* found = style("paragraph", name);
            if (found == nullptr) {
                break;
            }
            if (found->heading) {
                return true;
            }
            name = found->parent;
        }
        return false;
    }

    void blocks(XmlNode container) {
        for (XmlNode node : container.children()) {
            block(node);
        }
    }

    void block(XmlNode node) {
        if (!node.is_element()) {
            return;
        }
        const std::string_view ns = node.namespace_uri();
        const std::string_view local = node.local_name();
        if (ns == kText && (local == "p" || local == "h")) {
            paragraph(node, local == "h");
        } else if (ns == kTable && local == "table") {
            out_.begin_table();
            rows(node);
            out_.end_table();
        } else if ((ns == kText && (local == "tracked-changes" || local == "sequence-decls" ||
                                    local == "variable-decls" || local == "user-field-decls" ||
                                    local == "dde-connection-decls" || local == "number" ||
                                    local == "soft-page-break")) ||
                   (ns == kOffice &&
                    (local == "forms" || local == "annotation" || local == "annotation-end")) ||
                   (ns == kText && local == "section" &&
                    node.attribute(kText, "display").value_or("") == "none")) {
            // deleted text kept aside, declarations, comments, hidden sections
        } else {
            blocks(node);  // text:list, text:list-item, text:section, draw:frame, ...
        }
    }

    void rows(XmlNode node) {
        for (XmlNode child : node.children()) {
            if (child.is(kTable, "table-row")) {
                out_.begin_row();
                for (XmlNode cell : child.children()) {
                    if (cell.is(kTable, "table-cell")) {
                        out_.begin_cell();
                        blocks(cell);
                        out_.end_cell();
                    }
                }
                out_.end_row();
            } else if (child.is(kTable, "table-header-rows") || child.is(kTable, "table-rows") ||
                       child.is(kTable, "table-row-group")) {
                rows(child);
            }
        }
    }

    void paragraph(XmlNode p, bool heading) {
        const std::string_view style = p.attribute(kText, "style-name").value_or("");
        std::vector<XmlNode> boxes;
        out_.begin_paragraph(heading || style_heading(style));
        space_run_ = true;  // white space at the start of a paragraph is dropped
        inline_content(p, style_bold("paragraph", style).value_or(false), boxes);
        out_.end_paragraph();
        for (XmlNode box : boxes) {
            block(box);
        }
    }

    void inline_content(XmlNode node, bool bold, std::vector<XmlNode>& boxes) {
        for (XmlNode child : node.children()) {
            if (child.is_text()) {
                characters(child.text(), bold);
                continue;
            }
            const std::string_view ns = child.namespace_uri();
            const std::string_view local = child.local_name();
            if (ns == kText && local == "s") {
                int count = 1;
                const std::string_view c = child.attribute(kText, "c").value_or("1");
                std::from_chars(c.data(), c.data() + c.size(), count);
                out_.text(
                    std::string(static_cast<std::size_t>(std::clamp(count, 1, kMaxSpaces)), ' '),
                    bold);
                space_run_ = false;
            } else if (ns == kText && local == "tab") {
                out_.tab();
                space_run_ = false;
            } else if (ns == kText && local == "line-break") {
                out_.line_break();
                space_run_ = false;
            } else if (ns == kText && local == "span") {
                const std::string_view style = child.attribute(kText, "style-name").value_or("");
                inline_content(child, style_bold("text", style).value_or(bold), boxes);
            } else if (ns == kText && local == "note") {
                notes_.push_back(child.child(kText, "note-body"));
                out_.note_mark(static_cast<int>(notes_.size()));
                space_run_ = false;
            } else if ((ns == kText && (local == "ruby-text" || local == "note-citation" ||
                                        local == "tracked-changes" || local == "number")) ||
                       (ns == kOffice && (local == "annotation" || local == "annotation-end"))) {
                // ruby annotations, comments
            } else if (ns == kDraw ||
                       (ns == kText &&
                        (local == "p" || local == "h" || local == "list" || local == "section")) ||
                       (ns == kTable && local == "table")) {
                boxes.push_back(child);  // frames, text boxes, shapes: after the paragraph
            } else {
                inline_content(child, bold, boxes);  // text:a, text:meta, fields, ...
            }
        }
    }

    // Text as the XML holds it: each run of white space is one space, and
    // none at the start of a paragraph (ODF 1.2, 6.1.2).
    void characters(std::string_view xml_text, bool bold) {
        std::string collapsed;
        collapsed.reserve(xml_text.size());
        for (const char c : xml_text) {
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (!space_run_) {
                    collapsed += ' ';
                    space_run_ = true;
                }
            } else {
                collapsed += c;
                space_run_ = false;
            }
        }
        out_.text(collapsed, bold);
    }

    archive::ZipReader& package_;
    const std::string& file_name_;
    OfficeText out_;
    std::map<std::string, Style, std::less<>> styles_;  // "family:name"
    std::vector<XmlNode> notes_;                        // bodies, in order
    bool space_run_ = true;
};

}  // namespace

Document read_odt(std::string_view bytes, std::string_view /*encoding*/,
                  const std::string& file_name) {
    if (!archive::looks_like_zip(bytes)) {
        throw Error(file_name, "is not an OpenDocument text (not a zip archive)");
    }
    archive::ZipReader package(bytes, file_name);
    return OdtReader(package, file_name).read();
}

}  // namespace tema::import
