#include "import/docx.h"

#include <map>
#include <optional>
#include <unordered_map>
#include <vector>

#include "archive/zip_reader.h"
#include "import/office_text.h"
#include "util/error.h"
#include "xml/xml_document.h"

namespace tema::import {

namespace {

using xml::XmlDocument;
using xml::XmlNode;

// WordprocessingML, as Word writes it (transitional) and as ISO 29500 strict.
constexpr std::string_view kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
constexpr std::string_view kMc = "http://schemas.openxmlformats.org/markup-compatibility/2006";
constexpr std::string_view kDefaultMain = "word/document.xml";
// How far a chain of styles (basedOn) is followed.
constexpr int kMaxStyleChain = 32;

bool is_w(XmlNode node, std::string_view local) {
    if (!node.is_element() || node.local_name() != local) {
        return false;
    }
    const std::string_view ns = node.namespace_uri();
    return ns == kW || ns == kWStrict;
}

std::optional<std::string_view> w_attribute(XmlNode node, std::string_view local) {
    if (auto value = node.attribute(kW, local)) {
        return value;
    }
    return node.attribute(kWStrict, local);
}

XmlNode w_child(XmlNode node, std::string_view local) {
    for (XmlNode child : node.children()) {
        if (is_w(child, local)) {
            return child;
        }
    }
    return {};
}

// An on/off property (<w:b/>, <w:b w:val="0"/>): on unless its value says off.
bool is_on(XmlNode property) {
    const auto value = w_attribute(property, "val");
    return !value || !(*value == "0" || *value == "false" || *value == "off" || *value == "none");
}

// A part's name from a relationship's target, relative to the folder of the
// part that points to it. Empty when it climbs out of the package.
std::string resolve_target(std::string_view from_folder, std::string_view target) {
    std::string joined = target.starts_with('/') ? std::string(target.substr(1))
                                                 : std::string(from_folder) + std::string(target);
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= joined.size()) {
        std::size_t end = joined.find('/', start);
        if (end == std::string::npos) {
            end = joined.size();
        }
        const std::string part = joined.substr(start, end - start);
        if (part == "..") {
            if (parts.empty()) {
                return {};
            }
            parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        start = end + 1;
    }
    std::string resolved;
    for (const auto& part : parts) {
        resolved += (resolved.empty() ? "" : "/") + part;
    }
    return resolved;
}

std::string folder_of(std::string_view part) {
    const std::size_t slash = part.rfind('/');
    return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

// The targets of the relationships in a .rels part whose type ends in
// "/<kind>" (both transitional and strict types end the same way).
std::map<std::string, std::string, std::less<>> relationship_targets(archive::ZipReader& package,
                                                                     std::string_view part,
                                                                     const std::string& file_name) {
    const std::string folder = folder_of(part);
    const std::string name(part.substr(folder.size()));
    const std::optional<XmlDocument> rels =
        read_xml_part(package, folder + "_rels/" + name + ".rels", file_name);
    std::map<std::string, std::string, std::less<>> targets;
    if (!rels) {
        return targets;
    }
    for (XmlNode relationship : rels->root().children()) {
        if (relationship.local_name() != "Relationship" ||
            relationship.attribute("TargetMode").value_or("") == "External") {
            continue;
        }
        const std::string_view type = relationship.attribute("Type").value_or("");
        const std::string_view target = relationship.attribute("Target").value_or("");
        const std::size_t slash = type.rfind('/');
        if (slash == std::string_view::npos || target.empty()) {
            continue;
        }
        const std::string kind(type.substr(slash + 1));
        if (!targets.contains(kind)) {
            targets.emplace(kind, resolve_target(folder, target));
        }
    }
    return targets;
}

struct Style {
    std::string based_on;
    std::optional<bool> bold;
    bool heading = false;
};

class DocxReader {
public:
    DocxReader(archive::ZipReader& package, const std::string& file_name)
        : package_(package), file_name_(file_name), out_(file_name) {}

    Document read() {
        // The main part, as the package's relationships name it.
        std::string main_part(kDefaultMain);
        const auto package_rels = relationship_targets(package_, "", file_name_);
        if (const auto found = package_rels.find("officeDocument");
            found != package_rels.end() && !found->second.empty() &&
            package_.find(found->second, archive::NameMatch::ignore_case) != nullptr) {
            main_part = found->second;
        }
        std::optional<XmlDocument> main = read_xml_part(package_, main_part, file_name_);
        if (!main) {
            throw Error(file_name_, "is not a Word document (no word/document.xml)");
        }
        if (!is_w(main->root(), "document")) {
            throw Error(file_name_,
                        "is not a Word document (" + main_part + " holds no Word text)");
        }
        const auto part_rels = relationship_targets(package_, main_part, file_name_);
        const auto part_named = [&](std::string_view kind) {
            const auto found = part_rels.find(kind);
            return found == part_rels.end() ? std::string() : found->second;
        };
        if (const std::string styles = part_named("styles"); !styles.empty()) {
            if (auto document = read_xml_part(package_, styles, file_name_)) {
                read_styles(document->root());
            }
        }

        blocks(w_child(main->root(), "body"));

        // The notes, in the order they were first referenced.
        std::optional<XmlDocument> footnotes;
        std::optional<XmlDocument> endnotes;
        std::map<std::string, XmlNode, std::less<>> notes;  // "footnote:3" -> <w:footnote>
        const auto load_notes = [&](std::optional<XmlDocument>& document, std::string_view kind) {
            const std::string part = part_named(std::string(kind) + "s");
            if (part.empty() || !(document = read_xml_part(package_, part, file_name_))) {
                return;
            }
            for (XmlNode note : document->root().children()) {
                if (const auto id = w_attribute(note, "id"); id && is_w(note, kind)) {
                    notes.emplace(std::string(kind) + ":" + std::string(*id), note);
                }
            }
        };
        for (std::size_t i = 0; i < note_order_.size(); ++i) {
            if (i == 0) {
                load_notes(footnotes, "footnote");
                load_notes(endnotes, "endnote");
            }
            out_.begin_note(static_cast<int>(i + 1));
            if (const auto found = notes.find(note_order_[i]); found != notes.end()) {
                blocks(found->second);
            }
        }
        return out_.finish("docx");
    }

private:
    void read_styles(XmlNode root) {
        for (XmlNode node : root.children()) {
            const auto id = w_attribute(node, "styleId");
            if (!is_w(node, "style") || !id) {
                continue;
            }
            Style style;
            if (XmlNode based_on = w_child(node, "basedOn")) {
                style.based_on = std::string(w_attribute(based_on, "val").value_or(""));
            }
            if (XmlNode bold = w_child(w_child(node, "rPr"), "b")) {
                style.bold = is_on(bold);
            }
            std::string name(w_attribute(w_child(node, "name"), "val").value_or(""));
            for (char& c : name) {
                c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
            }
            style.heading = name.starts_with("heading") || name == "title" || name == "subtitle" ||
                            w_child(w_child(node, "pPr"), "outlineLvl");
            styles_.emplace(std::string(*id), std::move(style));
        }
    }

    // Bold as the style `id` or those it is based on say; nullopt when none does.
    std::optional<bool> style_bold(std::string_view id) const {
        for (int step = 0; step < kMaxStyleChain && !id.empty(); ++step) {
            const auto found = styles_.find(std::string(id));
            if (found == styles_.end()) {
                break;
            }
            if (found->second.bold) {
                return found->second.bold;
            }
            id = found->second.based_on;
        }
        return std::nullopt;
    }

    bool style_heading(std::string_view id) const {
        for (int step = 0; step < kMaxStyleChain && !id.empty(); ++step) {
            const auto found = styles_.find(std::string(id));
            if (found == styles_.end()) {
                break;
            }
            if (found->second.heading) {
                return true;
            }
            id = found->second.based_on;
        }
        return false;
    }

    // Body, cell, note, text box: paragraphs and tables.
    void blocks(XmlNode container) {
        for (XmlNode node : container.children()) {
            block(node);
        }
    }

    void block(XmlNode node) {
        if (!node.is_element()) {
            return;
        }
        if (is_w(node, "p")) {
            paragraph(node);
        } else if (is_w(node, "tbl")) {
            out_.begin_table();
            rows(node);
            out_.end_table();
        } else if (is_w(node, "del") || is_w(node, "moveFrom") || is_w(node, "sectPr") ||
                   is_w(node, "tcPr") || is_w(node, "sdtPr") || is_w(node, "sdtEndPr") ||
                   is_w(node, "altChunk")) {
            // deleted, or no text of the document
        } else if (node.is(kMc, "AlternateContent")) {
            if (XmlNode choice = alternative(node)) {
                blocks(choice);
            }
        } else {
            blocks(node);  // w:sdt, w:sdtContent, w:customXml, w:ins, w:moveTo, ...
        }
    }

    void rows(XmlNode node) {
        for (XmlNode child : node.children()) {
            if (is_w(child, "tr")) {
                if (XmlNode properties = w_child(child, "trPr"); w_child(properties, "del")) {
                    continue;  // a deleted row
                }
                out_.begin_row();
                cells(child);
                out_.end_row();
            } else if (child.is_element() && !is_w(child, "tblPr") && !is_w(child, "tblGrid") &&
                       !is_w(child, "del") && !is_w(child, "sdtPr")) {
                rows(child);  // w:sdt, w:customXml around rows
            }
        }
    }

    void cells(XmlNode node) {
        for (XmlNode child : node.children()) {
            if (is_w(child, "tc")) {
                out_.begin_cell();
                blocks(child);
                out_.end_cell();
            } else if (child.is_element() && !is_w(child, "trPr") && !is_w(child, "tblPrEx") &&
                       !is_w(child, "del") && !is_w(child, "sdtPr")) {
                cells(child);
            }
        }
    }

    void paragraph(XmlNode p) {
        const XmlNode properties = w_child(p, "pPr");
        const std::string_view style =
            w_attribute(w_child(properties, "pStyle"), "val").value_or("");
        const bool heading = style_heading(style) || w_child(properties, "outlineLvl");
        const XmlNode mark = w_child(properties, "rPr");
        const bool joins_next = w_child(mark, "del") || w_child(mark, "moveFrom");
        const bool bold = style_bold(style).value_or(false);
        std::vector<XmlNode> boxes;
        out_.begin_paragraph(heading);
        inline_content(p, bold, boxes);
        out_.end_paragraph(joins_next);
        for (XmlNode box : boxes) {
            blocks(box);
        }
    }

    void inline_content(XmlNode node, bool paragraph_bold, std::vector<XmlNode>& boxes) {
        for (XmlNode child : node.children()) {
            if (!child.is_element()) {
                continue;
            }
            if (is_w(child, "r")) {
                run(child, paragraph_bold, boxes);
            } else if (is_w(child, "pPr") || is_w(child, "del") || is_w(child, "moveFrom") ||
                       is_w(child, "sdtPr") || is_w(child, "sdtEndPr") || is_w(child, "rPr")) {
                // properties, or deleted
            } else if (child.is(kMc, "AlternateContent")) {
                if (XmlNode choice = alternative(child)) {
                    inline_content(choice, paragraph_bold, boxes);
                }
            } else if (is_w(child, "p") || is_w(child, "tbl")) {
                boxes.push_back(child);  // not where it belongs; kept after the paragraph
            } else {
                // w:ins, w:moveTo, w:hyperlink, w:smartTag, w:sdt, w:sdtContent,
                // w:fldSimple, w:customXml, w:bdo, w:dir, ...
                inline_content(child, paragraph_bold, boxes);
            }
        }
    }

    void run(XmlNode r, bool paragraph_bold, std::vector<XmlNode>& boxes) {
        const XmlNode properties = w_child(r, "rPr");
        if (XmlNode vanish = w_child(properties, "vanish"); vanish && is_on(vanish)) {
            return;  // hidden text
        }
        bool bold = paragraph_bold;
        if (XmlNode b = w_child(properties, "b")) {
            bold = is_on(b);
        } else if (XmlNode style = w_child(properties, "rStyle")) {
            bold = style_bold(w_attribute(style, "val").value_or("")).value_or(paragraph_bold);
        }
        for (XmlNode child : r.children()) {
            if (!child.is_element()) {
                continue;
            }
            if (is_w(child, "t")) {
                out_.text(child.text_content(), bold);
            } else if (is_w(child, "tab") || is_w(child, "ptab")) {
                out_.tab();
            } else if (is_w(child, "br")) {
                const std::string_view type = w_attribute(child, "type").value_or("textWrapping");
                if (type == "page" || type == "column") {
                    out_.page_break();
                } else {
                    out_.line_break();
                }
            } else if (is_w(child, "cr")) {
                out_.line_break();
            } else if (is_w(child, "noBreakHyphen")) {
                out_.text("-", bold);
            } else if (is_w(child, "footnoteReference") || is_w(child, "endnoteReference")) {
                const std::string kind = is_w(child, "footnoteReference") ? "footnote" : "endnote";
                out_.note_mark(
                    note_number(kind + ":" + std::string(w_attribute(child, "id").value_or(""))));
            } else if (is_w(child, "drawing") || is_w(child, "pict") || is_w(child, "object") ||
                       child.is(kMc, "AlternateContent")) {
                find_text_boxes(child, boxes);
            }
            // w:delText, w:instrText (field codes), w:sym, w:softHyphen,
            // w:fldChar, w:lastRenderedPageBreak, ...: nothing to read
        }
    }

    // The branch of mc:AlternateContent to read: the first choice, else the fallback.
    static XmlNode alternative(XmlNode node) {
        XmlNode fallback;
        for (XmlNode child : node.children()) {
            if (child.is(kMc, "Choice")) {
                return child;
            }
            if (child.is(kMc, "Fallback") && !fallback) {
                fallback = child;
            }
        }
        return fallback;
    }

    // The text boxes (w:txbxContent) in a drawing, one branch of each alternative.
    void find_text_boxes(XmlNode root, std::vector<XmlNode>& boxes) {
        XmlNode node = root;
        while (node) {
            if (is_w(node, "txbxContent")) {
                boxes.push_back(node);
                node = node.next_after_subtree_in(root);
            } else if (node.is(kMc, "AlternateContent")) {
                if (XmlNode choice = alternative(node)) {
                    find_text_boxes(choice, boxes);
                }
                node = node.next_after_subtree_in(root);
            } else {
                node = node.next_in(root);
            }
        }
    }

    int note_number(const std::string& key) {
        const auto [at, added] =
            note_numbers_.emplace(key, static_cast<int>(note_order_.size()) + 1);
        if (added) {
            note_order_.push_back(key);
        }
        return at->second;
    }

    archive::ZipReader& package_;
    const std::string& file_name_;
    OfficeText out_;
    std::unordered_map<std::string, Style> styles_;
    std::unordered_map<std::string, int> note_numbers_;
    std::vector<std::string> note_order_;
};

}  // namespace

Document read_docx(std::string_view bytes, std::string_view /*encoding*/,
                   const std::string& file_name) {
    if (!archive::looks_like_zip(bytes)) {
        if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
            throw Error(file_name,
                        "is not a Word document in the .docx format (an older .doc file, or a "
                        "password-protected one: save it from Word as .docx without a password)");
        }
        throw Error(file_name, "is not a Word document (not a zip archive)");
    }
    archive::ZipReader package(bytes, file_name);
    return DocxReader(package, file_name).read();
}

}  // namespace tema::import
