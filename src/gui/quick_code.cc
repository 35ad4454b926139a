#include "quick_code.h"

#include <wx/listbox.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>

#include "coding/codebook.h"
#include "coding/names.h"
#include "text/case_fold.h"
#include "text/collation.h"
#include "wx_string.h"

namespace tema::gui {

std::vector<coding::Code> match_codes(const std::vector<coding::Code>& codes,
                                      const std::string& typed) {
    const std::string wanted = text::fold_accents(std::string(coding::trim(typed)));
    std::vector<coding::Code> starts;
    std::vector<coding::Code> holds;
    for (const coding::Code& code : codes) {
        if (!code.codable) {
            continue;
        }
        if (wanted.empty() || text::fold_accents(code.name).rfind(wanted, 0) == 0) {
            starts.push_back(code);
        } else if (text::fold_accents(code.path).find(wanted) != std::string::npos) {
            holds.push_back(code);
        }
    }
    starts.insert(starts.end(), holds.begin(), holds.end());
    return starts;
}

QuickCodeBox::QuickCodeBox(wxWindow* parent, std::vector<coding::Code> codes,
                           std::function<void(const QuickChoice&)> on_choice)
    : wxDialog(parent, wxID_ANY, "Quick code", wxDefaultPosition, wxDefaultSize,
               wxCAPTION | wxCLOSE_BOX | wxRESIZE_BORDER),
      codes_(std::move(codes)),
      on_choice_(std::move(on_choice)) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    entry_ =
        new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    list_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(360, 220));
    sizer->Add(entry_, 0, wxEXPAND | wxALL, 6);
    sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 6);
    SetSizerAndFit(sizer);
    entry_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { update(); });
    entry_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { choose(); });
    entry_->Bind(wxEVT_KEY_DOWN, &QuickCodeBox::on_key, this);
    list_->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) { choose(); });
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { Destroy(); });
    update();
    entry_->SetFocus();
}

void QuickCodeBox::update() {
    const std::string typed = from_wx(entry_->GetValue());
    shown_ = match_codes(codes_, typed);
    wxArrayString rows;
    bool exact = false;
    for (const coding::Code& code : shown_) {
        rows.Add(to_wx(code.path));
        exact = exact || text::same_name(code.name, typed);
    }
    offers_new_ = !exact && !std::string(coding::trim(typed)).empty();
    if (offers_new_) {
        rows.Add(to_wx("+ New code \u201C" + std::string(coding::trim(typed)) + "\u201D"));
    }
    list_->Set(rows);
    if (!rows.empty()) {
        list_->SetSelection(0);
    }
}

std::optional<QuickChoice> QuickCodeBox::current() const {
    const int row = list_->GetSelection();
    if (row == wxNOT_FOUND) {
        return std::nullopt;
    }
    const auto index = static_cast<std::size_t>(row);
    if (index < shown_.size()) {
        return QuickChoice{shown_[index].id, {}};
    }
    return QuickChoice{std::nullopt, std::string(coding::trim(from_wx(entry_->GetValue())))};
}

void QuickCodeBox::choose() {
    const std::optional<QuickChoice> choice = current();
    Hide();
    if (choice) {
        on_choice_(*choice);
    }
    Destroy();
}

void QuickCodeBox::on_key(wxKeyEvent& event) {
    const int count = static_cast<int>(list_->GetCount());
    const int row = list_->GetSelection();
    switch (event.GetKeyCode()) {
        case WXK_DOWN:
            if (row + 1 < count) {
                list_->SetSelection(row + 1);
            }
            return;
        case WXK_UP:
            if (row > 0) {
                list_->SetSelection(row - 1);
            }
            return;
        case WXK_ESCAPE:
            Close();
            return;
        default:
            event.Skip();
    }
}

}  // namespace tema::gui
