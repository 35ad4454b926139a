// The one place where text passes between the core (UTF-8 std::string, NFC) and
// wxWidgets (wxString).
#pragma once

#include <wx/string.h>

#include <string>
#include <string_view>

namespace tema::gui {

inline wxString to_wx(std::string_view utf8) {
    return wxString::FromUTF8(utf8.data(), utf8.size());
}

inline std::string from_wx(const wxString& text) {
    const wxScopedCharBuffer utf8 = text.utf8_str();
    return std::string(utf8.data(), utf8.length());
}

}  // namespace tema::gui
