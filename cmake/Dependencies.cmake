# Every dependency is a Debian 12 package, found on the system; nothing is downloaded or vendored.
# cmake/install-deps.sh installs them; docs/dependencies.md says why each is there.
find_package(PkgConfig REQUIRED)
find_package(SQLite3 REQUIRED)                  # libsqlite3-dev: the collection store
find_package(tomlplusplus REQUIRED)             # libtomlplusplus-dev: deck and manifest files
find_package(nlohmann_json 3.10 REQUIRED)       # nlohmann-json3-dev: JSON in and out
find_package(fmt REQUIRED)                      # libfmt-dev: formatting (g++ 12 has no <format>)
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)  # Unicode normalisation
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)           # HTML5 parsing of saved pages
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)         # Anki packages (.apkg) are zips
pkg_check_modules(LIBZSTD REQUIRED IMPORTED_TARGET libzstd)       # ... whose collection.anki21b is zstd
find_package(CLI11 REQUIRED)                    # libcli11-dev: the command line

if(CITECARD_BUILD_GUI)
  find_package(glfw3 REQUIRED)                  # libglfw3-dev: window and input
  find_package(OpenGL REQUIRED)
  pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)           # libimgui-dev (1.86)
  pkg_check_modules(FONTCONFIG REQUIRED IMPORTED_TARGET fontconfig) # find a Unicode TTF
  set(IMGUI_BACKENDS_DIR /usr/share/doc/libimgui-dev/examples/backends
      CACHE PATH "Dear ImGui backend sources shipped by libimgui-dev")
endif()

if(CITECARD_BUILD_TESTS)
  find_package(doctest REQUIRED)                # doctest-dev: unit tests
endif()
