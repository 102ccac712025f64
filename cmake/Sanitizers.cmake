if(CITECARD_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

# libFuzzer builds (clang only): every object gets the fuzzer's coverage instrumentation with
# ASan + UBSan; tests/fuzz then links its targets with libFuzzer's main. Build only the fuzz_*
# targets in such a tree (.ci/run does).
option(CITECARD_FUZZ "Build tests/fuzz as libFuzzer binaries (clang), with ASan + UBSan" OFF)
if(CITECARD_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "CITECARD_FUZZ needs clang: configure with CC=clang CXX=clang++")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

# ThreadSanitizer, for the concurrency tests (.ci/run builds only those in such a tree).
option(CITECARD_TSAN "Build with ThreadSanitizer" OFF)
if(CITECARD_TSAN)
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
endif()
