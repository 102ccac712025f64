# Compares the shared library's exported symbols and SONAME with the committed list
# (engine/api/citecard.symbols): a symbol of the list that is gone breaks every host built against
# it, and needs a new SONAME; a new symbol must join the list, so the next release's check holds it.
# Run by CTest with -DLIBRARY= -DSYMBOLS=
cmake_minimum_required(VERSION 3.25)

execute_process(COMMAND nm -D --defined-only ${LIBRARY} RESULT_VARIABLE rc OUTPUT_VARIABLE nm_out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "nm -D ${LIBRARY} failed")
endif()
string(REGEX MATCHALL "[0-9a-f]+ [TDBRW] ([A-Za-z_][A-Za-z0-9_@.]*)" entries "${nm_out}")
set(exported)
foreach(entry IN LISTS entries)
  string(REGEX REPLACE "^[0-9a-f]+ [TDBRW] " "" name "${entry}")
  list(APPEND exported ${name})
endforeach()
list(SORT exported)

file(STRINGS ${SYMBOLS} lines)
set(listed)
set(soname)
foreach(line IN LISTS lines)
  if(line MATCHES "^# SONAME (.+)$")
    set(soname ${CMAKE_MATCH_1})
  elseif(NOT line MATCHES "^#" AND NOT line STREQUAL "")
    list(APPEND listed ${line})
  endif()
endforeach()

execute_process(COMMAND readelf -d ${LIBRARY} OUTPUT_VARIABLE dynamic)
if(NOT dynamic MATCHES "\\(SONAME\\)[^\n]*\\[([^]]+)\\]")
  message(FATAL_ERROR "${LIBRARY} has no SONAME")
endif()
set(actual_soname ${CMAKE_MATCH_1})

set(problems)
if(NOT actual_soname STREQUAL soname)
  list(APPEND problems "the SONAME is ${actual_soname}, the list's ${soname}: a new SONAME "
                       "starts a new list")
endif()
foreach(name IN LISTS listed)
  if(NOT name IN_LIST exported)
    list(APPEND problems "${name} is in the list but no longer exported: hosts built against "
                         "${soname} would fail to load (keep it, or bump the SONAME)")
  endif()
endforeach()
foreach(name IN LISTS exported)
  if(NOT name IN_LIST listed)
    list(APPEND problems "${name} is exported but not in ${SYMBOLS}: add it (only cc_* calls "
                         "belong to the ABI)")
  endif()
endforeach()
if(problems)
  list(JOIN problems "\n" text)
  message(FATAL_ERROR "${text}")
endif()
list(LENGTH listed count)
message(STATUS "${soname}: the ${count} symbols of the list, and no other")
