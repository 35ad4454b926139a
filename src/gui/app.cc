#include "app.h"

#include <wx/msgdlg.h>

#include "main_frame.h"
#include "wx_string.h"

namespace tema::gui {

bool TemaApp::OnInit() {
    if (!wxApp::OnInit()) {
        return false;
    }
    SetAppName("tema-gui");
    frame_ = new MainFrame;
    frame_->Show();
    if (argc > 1) {
        frame_->open_project(from_wx(argv[1]));
    }
    return true;
}

bool TemaApp::OnExceptionInMainLoop() {
    // Every action catches the core's errors itself; anything else is a bug,
    // but the project is safe (each action is its own transaction).
    try {
        throw;
    } catch (const std::exception& error) {
        wxMessageBox(to_wx(error.what()), "Tema: unexpected error", wxOK | wxICON_ERROR);
    }
    return true;
}

}  // namespace tema::gui
