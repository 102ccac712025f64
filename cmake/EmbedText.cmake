# citecard_embed_text(TARGET SYMBOL FILE): compiles FILE's text into TARGET as
# `extern const char* const citecard::data::SYMBOL`. Word lists live in readable text files with
# their provenance, yet the engine needs no install path to find them at run time.
function(citecard_embed_text target symbol file)
  file(READ ${file} content)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/embedded/${symbol}.cpp)
  file(CONFIGURE OUTPUT ${out}
       CONTENT "namespace citecard::data {\nextern const char* const ${symbol};\nconst char* const ${symbol} = R\"citecard_data(@content@)citecard_data\";\n}  // namespace citecard::data\n"
       @ONLY)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${file})
  target_sources(${target} PRIVATE ${out})
endfunction()
