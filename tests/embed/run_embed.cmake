# Installs citecard into a fresh prefix and builds hosts against the installed tree only: through
# find_package (C host on the shared library, C++ host on the static one) and through pkg-config
# (the C host, and the embedding examples of README and docs/embedding.md as shown). Then runs the
# hosts on the summit deck.
# Run by CTest with -DBUILD_DIR= -DHOST_DIR= -DWORK_DIR= -DDECK_DIR= -DEMBEDDING_DOCS= -DCC= -DGENERATOR=
# and, when valgrind is installed, -DVALGRIND=.
cmake_minimum_required(VERSION 3.25)

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    list(JOIN ARGN " " command)
    message(FATAL_ERROR "${command}\nfailed (${rc}):\n${out}\n${err}")
  endif()
  set(run_output "${out}" PARENT_SCOPE)
endfunction()

# A run of a host prints three cards, each cited with its outlet, title and date, then a count.
function(check_study_output output who)
  string(REGEX MATCHALL "\ncard c[0-9a-f]+ " cards "\n${output}")
  string(REGEX MATCHALL "\n  cited: [^,\n]+, \"[^\"\n]+\", [^:\n]+: [^\n]+" cited "\n${output}")
  list(LENGTH cards card_count)
  list(LENGTH cited cited_count)
  if(NOT card_count EQUAL 3 OR cited_count LESS 3 OR NOT output MATCHES "studied 3 cards")
    message(FATAL_ERROR "${who}: expected 3 cards with citations, got:\n${output}")
  endif()
endfunction()

set(now 1704099600)  # 2024-01-01T09:00:00Z
set(prefix ${WORK_DIR}/prefix)
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})
foreach(installed include/citecard/citecard.h include/citecard/collection.hpp)
  if(NOT EXISTS ${prefix}/${installed})
    message(FATAL_ERROR "the install has no ${installed}")
  endif()
endforeach()

# find_package(citecard CONFIG)
run(${CMAKE_COMMAND} -S ${HOST_DIR} -B ${WORK_DIR}/cmake-host -G ${GENERATOR}
    -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_BUILD_TYPE=Release)
run(${CMAKE_COMMAND} --build ${WORK_DIR}/cmake-host)
run(${WORK_DIR}/cmake-host/study_three ${WORK_DIR}/c.db ${DECK_DIR} ${now})
check_study_output("${run_output}" "C host (find_package, shared)")
run(${WORK_DIR}/cmake-host/study_three_cpp ${WORK_DIR}/cpp.db ${DECK_DIR} ${now})
check_study_output("${run_output}" "C++ host (find_package, static)")

# pkg-config, with citecard's own .pc files the only ones it can see (PKG_CONFIG_LIBDIR replaces
# the system's): the shared library's must need no other package's development files.
set(ENV{PKG_CONFIG_PATH} "")
file(GLOB_RECURSE pc_file ${prefix}/*/citecard.pc)
get_filename_component(pc_dir "${pc_file}" DIRECTORY)
set(ENV{PKG_CONFIG_LIBDIR} ${pc_dir})
run(pkg-config --cflags citecard)
string(STRIP "${run_output}" cflags)
run(pkg-config --libs citecard)
string(STRIP "${run_output}" libs)
run(pkg-config --variable=libdir citecard)
string(STRIP "${run_output}" libdir)
run(pkg-config --variable=includedir citecard)
string(STRIP "${run_output}" includedir)
if(NOT cflags STREQUAL "-I${includedir}")
  message(FATAL_ERROR "pkg-config --cflags citecard gives '${cflags}': a host needs -I only")
endif()
unset(ENV{PKG_CONFIG_LIBDIR})
set(ENV{PKG_CONFIG_PATH} ${pc_dir})
separate_arguments(cflags UNIX_COMMAND "${cflags}")
separate_arguments(libs UNIX_COMMAND "${libs}")
run(${CC} -std=c99 -Wall -Wextra -Werror ${cflags} ${HOST_DIR}/study_three.c -o
    ${WORK_DIR}/study_three_pc ${libs} -Wl,-rpath,${libdir})
run(${WORK_DIR}/study_three_pc ${WORK_DIR}/pc.db ${DECK_DIR} ${now})
check_study_output("${run_output}" "C host (pkg-config)")

# The static library through citecard-static.pc: the C host, linked with nothing of citecard's
# at run time.
run(pkg-config --cflags citecard-static)
string(STRIP "${run_output}" static_cflags)
run(pkg-config --libs citecard-static)
string(STRIP "${run_output}" static_libs)
separate_arguments(static_cflags UNIX_COMMAND "${static_cflags}")
separate_arguments(static_libs UNIX_COMMAND "${static_libs}")
run(${CC} -std=c99 -Wall -Wextra -Werror ${static_cflags} ${HOST_DIR}/study_three.c -o
    ${WORK_DIR}/study_three_static ${static_libs})
run(${WORK_DIR}/study_three_static ${WORK_DIR}/static.db ${DECK_DIR} ${now})
check_study_output("${run_output}" "C host (pkg-config, static)")

# The host under valgrind, when it is installed: no invalid read or write, no leak.
if(VALGRIND)
  run(${VALGRIND} --error-exitcode=3 --leak-check=full --errors-for-leak-kinds=definite,indirect
      -q ${WORK_DIR}/study_three_pc ${WORK_DIR}/valgrind.db ${DECK_DIR} ${now})
  check_study_output("${run_output}" "C host (pkg-config) under valgrind")
endif()

# The examples of README and docs/embedding.md compile and link as shown: in each file, the first
# C block with a main().
foreach(doc IN LISTS EMBEDDING_DOCS)
  file(READ ${doc} text)
  if(NOT text MATCHES "```c\n([^`]*int main[^`]*)```")
    message(FATAL_ERROR "${doc} has no complete C example (```c ... main)")
  endif()
  get_filename_component(stem ${doc} NAME_WE)
  file(WRITE ${WORK_DIR}/${stem}_example.c "${CMAKE_MATCH_1}")
  run(${CC} -std=c99 -Wall -Wextra -Werror ${cflags} ${WORK_DIR}/${stem}_example.c -o
      ${WORK_DIR}/${stem}_example ${libs} -Wl,-rpath,${libdir})
endforeach()
