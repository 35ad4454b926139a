# Each engine sits behind one folder of ours (STYLE.md): its headers may be
# included only there. Run as: cmake -DROOT=<repo> -P check_layers.cmake
set(rules
  "unicode/|src/core/text/"
  "sqlite3.h|src/core/store/"
  "xapian.h|src/core/search/"
  "xapian/|src/core/search/"
  "libstemmer.h|src/core/stem/"
  "openssl/|src/core/util/"
  "zip.h|src/core/archive/"
  "poppler/|src/core/pdf/"
  "pugixml.hpp|src/core/xml/"
  "wx/|src/gui/")
file(GLOB_RECURSE files "${ROOT}/src/*.h" "${ROOT}/src/*.cc" "${ROOT}/plugins/*.c" "${ROOT}/plugins/*.cc")
set(problems "")
foreach(file IN LISTS files)
  file(RELATIVE_PATH relative "${ROOT}" "${file}")
  file(STRINGS "${file}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*<")
  foreach(rule IN LISTS rules)
    string(REPLACE "|" ";" parts "${rule}")
    list(GET parts 0 header)
    list(GET parts 1 folder)
    string(FIND "${relative}" "${folder}" at)
    if(NOT at EQUAL 0)
      foreach(line IN LISTS includes)
        string(FIND "${line}" "<${header}" found)
        if(NOT found EQUAL -1)
          string(APPEND problems "${relative}: includes <${header}...>, allowed only in ${folder}\n")
        endif()
      endforeach()
    endif()
  endforeach()
endforeach()
if(problems)
  message(FATAL_ERROR "Layering broken:\n${problems}")
endif()
message(STATUS "Layering: every engine stays in its folder (${CMAKE_ARGV0})")
