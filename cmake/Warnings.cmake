# Every target of ours compiles clean with these; system headers are exempt.
# -Werror is for citecard's own development and CI (the presets and .ci/run turn it on); someone
# building the library with another compiler gets the warnings without a failed build.
option(CITECARD_WERROR "Treat compiler warnings as errors" OFF)
function(citecard_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra $<$<BOOL:${CITECARD_WERROR}>:-Werror>)
endfunction()
