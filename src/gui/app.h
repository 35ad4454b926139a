// The application: parses the command line (an optional project to open) and
// shows the main window.
#pragma once

#include <wx/app.h>
#include <wx/string.h>

class wxCmdLineParser;

namespace tema::gui {

class MainFrame;

class TemaApp : public wxApp {
public:
    bool OnInit() override;
    void OnInitCmdLine(wxCmdLineParser& parser) override;
    bool OnCmdLineParsed(wxCmdLineParser& parser) override;
    bool OnExceptionInMainLoop() override;

private:
    MainFrame* frame_ = nullptr;
    wxString project_;  // given on the command line; empty: none
};

}  // namespace tema::gui
