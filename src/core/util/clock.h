#pragma once

#include <string>

namespace tema {

// The current time as ISO 8601 UTC with seconds ("2026-11-23T09:39:03Z"), the
// form every timestamp in a project takes.
std::string now_iso8601();

}  // namespace tema
