# extract/: text -> quotes, facts, entities. Owned by the extraction work; listed here so the
# engine's CMakeLists.txt stays stable while it grows.
citecard_module(citecard_extract
  extract/placeholder_unit.cpp
)
target_link_libraries(citecard_extract PUBLIC citecard_core PkgConfig::UTF8PROC PkgConfig::GUMBO
                                              nlohmann_json::nlohmann_json fmt::fmt)
