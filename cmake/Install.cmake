# `cmake --install`: libcitecard (shared and static), the public headers, a CMake package
# (find_package(citecard CONFIG) gives citecard::citecard) and citecard.pc for pkg-config.
# Included from engine/CMakeLists.txt, where the library targets are defined.
include(CMakePackageConfigHelpers)

set(CITECARD_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/citecard)

install(TARGETS citecard_shared EXPORT citecardSharedTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} NAMELINK_COMPONENT Development
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS citecard_static EXPORT citecardStaticTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/engine/include/citecard
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

# Two export files, so that a host of the shared library (the C API) needs none of the engine's
# own dependencies installed; the static one needs them at link time and is loaded when found.
install(EXPORT citecardSharedTargets NAMESPACE citecard:: DESTINATION ${CITECARD_CMAKE_DIR}
  FILE citecard-shared-targets.cmake)
install(EXPORT citecardStaticTargets NAMESPACE citecard:: DESTINATION ${CITECARD_CMAKE_DIR}
  FILE citecard-static-targets.cmake)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/citecardConfig.cmake.in
  ${PROJECT_BINARY_DIR}/citecardConfig.cmake INSTALL_DESTINATION ${CITECARD_CMAKE_DIR})
# 0.x: a new minor version may change the API, so only the same major.minor is compatible.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/citecardConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/citecardConfig.cmake
              ${PROJECT_BINARY_DIR}/citecardConfigVersion.cmake
  DESTINATION ${CITECARD_CMAKE_DIR})

# citecard.pc is for the shared library, which carries everything it needs: it requires no other
# package, so `pkg-config --cflags citecard` works with only citecard's own files installed.
# citecard-static.pc links libcitecard.a and the libraries it uses, named directly rather than
# as Requires, so that their compile flags stay out of the host's.
# Both find their prefix from their own place (${pcfiledir}), so the installed tree can be
# moved, and `cmake --install --prefix DIR` gives a working file whatever prefix was configured.
set(pc_up "..")
string(REPLACE "/" ";" libdir_parts "${CMAKE_INSTALL_LIBDIR}")
foreach(part IN LISTS libdir_parts)
  string(APPEND pc_up "/..")
endforeach()
set(CITECARD_PC_PREFIX "\${pcfiledir}/${pc_up}")
foreach(pc citecard citecard-static)
  configure_file(${PROJECT_SOURCE_DIR}/cmake/${pc}.pc.in ${PROJECT_BINARY_DIR}/${pc}.pc @ONLY)
  install(FILES ${PROJECT_BINARY_DIR}/${pc}.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
endforeach()
