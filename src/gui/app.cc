#include "app.h"

#include <wx/cmdline.h>
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
    if (!project_.empty()) {
        frame_->open_project(from_wx(project_));
    }
    return true;
}

void TemaApp::OnInitCmdLine(wxCmdLineParser& parser) {
    wxApp::OnInitCmdLine(parser);
    parser.AddParam("PROJECT.tema", wxCMD_LINE_VAL_STRING, wxCMD_LINE_PARAM_OPTIONAL);
}

bool TemaApp::OnCmdLineParsed(wxCmdLineParser& parser) {
    if (parser.GetParamCount() > 0) {
        project_ = parser.GetParam(0);
    }
    return wxApp::OnCmdLineParsed(parser);
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
