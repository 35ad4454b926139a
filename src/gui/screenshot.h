// A PNG of a window as it is on the screen (for docs/screenshots and tests).
#pragma once

#include <wx/string.h>

class wxWindow;

namespace tema::gui {

// Draws pending paints, then copies the window's area of the screen into
// `file`. False when the copy or the write failed.
bool save_screenshot(wxWindow* window, const wxString& file);

}  // namespace tema::gui
