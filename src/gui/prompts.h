// How the GUI tells the researcher of a refusal and asks before a change that
// loses work: message boxes. Tests put in their own Prompts, which answer as
// told and remember what they were shown, so no box waits for a click.
#pragma once

#include <wx/string.h>

#include <memory>

class wxWindow;

namespace tema::gui {

class Prompts {
public:
    virtual ~Prompts() = default;
    // A refusal or failure, in the core's words.
    virtual void warn(wxWindow* parent, const wxString& message) = 0;
    // A yes/no question; true for yes.
    virtual bool confirm(wxWindow* parent, const wxString& question) = 0;
};

// Message boxes (wxMessageBox).
std::unique_ptr<Prompts> message_boxes();

}  // namespace tema::gui
