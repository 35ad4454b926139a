#include "screenshot.h"

#include <wx/app.h>
#include <wx/bitmap.h>
#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/image.h>
#include <wx/window.h>

namespace tema::gui {

bool save_screenshot(wxWindow* window, const wxString& file) {
    window->Refresh();
    window->Update();
    wxYield();
    const wxRect area = window->GetScreenRect();
    wxBitmap bitmap(area.GetWidth(), area.GetHeight(), 24);
    wxMemoryDC memory(bitmap);
    wxScreenDC screen;
    if (!memory.Blit(0, 0, area.GetWidth(), area.GetHeight(), &screen, area.GetX(), area.GetY())) {
        return false;
    }
    memory.SelectObject(wxNullBitmap);
    if (wxImage::FindHandler(wxBITMAP_TYPE_PNG) == nullptr) {
        wxImage::AddHandler(new wxPNGHandler);
    }
    return bitmap.SaveFile(file, wxBITMAP_TYPE_PNG);
}

}  // namespace tema::gui
