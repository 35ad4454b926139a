// Giving memory the program has freed back to the system.
#pragma once

namespace tema {

// Returns the allocator's free memory to the system, in every thread's arena
// (glibc's malloc_trim; nothing elsewhere). For after a burst of temporary
// allocations, which the allocator would otherwise keep resident.
void release_free_memory();

}  // namespace tema
