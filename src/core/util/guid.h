#pragma once

#include <string>

namespace tema {

// A new random (version 4) GUID in the form REFI-QDA exchanges and Tema stores:
// upper case, no braces ("0F8FAD5B-D9CB-469F-A165-70867728950E").
std::string new_guid();

}  // namespace tema
