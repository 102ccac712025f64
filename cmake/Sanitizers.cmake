option(CITECARD_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(CITECARD_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

# libFuzzer (clang only, on top of CITECARD_SANITIZE): every object also gets the fuzzer's
# coverage instrumentation, and tests/fuzz adds a libFuzzer binary per target
# (libfuzzer_<target>) beside the replay tests. One sanitizer tree thus serves both the test
# suite and the fuzzers, so CI compiles the project once for the two.
option(CITECARD_FUZZ "Also build the fuzz targets as libFuzzer binaries (clang, with ASan + UBSan)" OFF)
if(CITECARD_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "CITECARD_FUZZ needs clang: configure with CC=clang CXX=clang++")
  endif()
  if(NOT CITECARD_SANITIZE)
    message(FATAL_ERROR "CITECARD_FUZZ fuzzes under ASan + UBSan: configure with CITECARD_SANITIZE=ON")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

# ThreadSanitizer, for the concurrency tests (.ci/run builds only those in such a tree).
option(CITECARD_TSAN "Build with ThreadSanitizer" OFF)
if(CITECARD_TSAN)
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
endif()
