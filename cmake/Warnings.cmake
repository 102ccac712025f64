# Every target of ours compiles clean with these; system headers are exempt.
function(citecard_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Werror)
endfunction()
