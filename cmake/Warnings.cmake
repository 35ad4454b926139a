# Compiler warnings for Tema's own targets. Warnings are fixed, not silenced.
function(tema_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
    -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual
    -Wconversion -Wsign-conversion -Wnull-dereference -Wdouble-promotion -Wformat=2
    -Wimplicit-fallthrough)
  if(TEMA_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
