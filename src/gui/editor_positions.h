// Positions in the editor widget: wxStyledTextCtrl counts UTF-8 bytes, the core
// counts code points of the NFC text. Every conversion in the GUI goes through
// this class, which leaves the work to text::PositionMap.
#pragma once

#include <cstdint>
#include <string_view>

#include "text/positions.h"

namespace tema::gui {

class EditorPositions {
public:
    EditorPositions() : map_(std::string_view{}) {}
    explicit EditorPositions(std::string_view utf8) : map_(utf8) {}

    // The editor's position (a byte offset) of a code point.
    int editor_of(std::uint32_t codepoint) const {
        return static_cast<int>(map_.byte_of_codepoint(codepoint));
    }
    // The code point at an editor position.
    std::uint32_t codepoint_of(int editor) const {
        return static_cast<std::uint32_t>(
            map_.codepoint_of_byte(editor < 0 ? 0 : static_cast<std::size_t>(editor)));
    }

private:
    text::PositionMap map_;
};

}  // namespace tema::gui
