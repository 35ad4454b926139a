// The quick-code box: type a few letters, see the codes that match (case- and
// accent-insensitive: "ae" finds "Ærlighet"), Enter applies the one chosen or,
// on the last row, makes a new code of what was typed. Not modal: the
// transcript stays readable behind it.
#pragma once

#include <wx/dialog.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "coding/codebook.h"

class wxListBox;
class wxTextCtrl;

namespace tema::gui {

// What the researcher chose: an existing code, or the name of a new one.
struct QuickChoice {
    std::optional<std::int64_t> code_id;
    std::string new_name;
};

// The codable codes that match `typed`, best first: names that begin with it,
// then paths that hold it (both after text::fold_accents), each group in tree
// order. Everything when `typed` is blank.
std::vector<coding::Code> match_codes(const std::vector<coding::Code>& codes,
                                      const std::string& typed);

class QuickCodeBox : public wxDialog {
public:
    QuickCodeBox(wxWindow* parent, std::vector<coding::Code> codes,
                 std::function<void(const QuickChoice&)> on_choice);

    wxTextCtrl* entry() { return entry_; }
    wxListBox* list() { return list_; }
    // What Enter would do now.
    std::optional<QuickChoice> current() const;
    // As Enter does: hands over the choice and closes.
    void choose();

private:
    void update();
    void on_key(wxKeyEvent& event);

    std::vector<coding::Code> codes_;
    std::vector<coding::Code> shown_;
    std::function<void(const QuickChoice&)> on_choice_;
    wxTextCtrl* entry_ = nullptr;
    wxListBox* list_ = nullptr;
    bool offers_new_ = false;
};

}  // namespace tema::gui
