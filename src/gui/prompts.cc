#include "prompts.h"

#include <wx/msgdlg.h>

namespace tema::gui {

namespace {

class MessageBoxes : public Prompts {
public:
    void warn(wxWindow* parent, const wxString& message) override {
        wxMessageBox(message, "Tema", wxOK | wxICON_WARNING, parent);
    }
    bool confirm(wxWindow* parent, const wxString& question) override {
        return wxMessageBox(question, "Tema", wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION, parent) ==
               wxYES;
    }
};

}  // namespace

std::unique_ptr<Prompts> message_boxes() {
    return std::make_unique<MessageBoxes>();
}

}  // namespace tema::gui
