# extract/: text -> quotes, facts, entities. Owned by the extraction work; listed here so the
# engine's CMakeLists.txt stays stable while it grows.
citecard_module(citecard_extract
  extract/utf8.cpp
  extract/name_key.cpp
  extract/lexicon.cpp
  extract/paragraphs_tokens.cpp
  extract/quote_marks.cpp
  extract/sentences.cpp
  extract/names.cpp
  extract/pronoun_ranker.cpp
  extract/speaker_model.cpp
  extract/attribution.cpp
  extract/confidence.cpp
  extract/facts.cpp
  extract/html_text.cpp
  extract/markup_depth.cpp
  extract/extract.cpp
  extract/extraction_json.cpp
)
target_link_libraries(citecard_extract PUBLIC citecard_core PkgConfig::UTF8PROC PkgConfig::GUMBO
                                              nlohmann_json::nlohmann_json fmt::fmt)
