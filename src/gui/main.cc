// tema-gui [PROJECT.tema]: the desktop workbench.
#include <wx/app.h>

#include "app.h"

wxIMPLEMENT_APP(tema::gui::TemaApp);
