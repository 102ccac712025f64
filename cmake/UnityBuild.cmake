# Unity builds for the targets whose files each pull in the same heavy header-only libraries
# (CLI11, nlohmann/json, fmt, toml++, Dear ImGui): compiled one by one, every file generates and
# optimises the same inline code again, which made these targets most of a clean build's time.
# Batches of eight cut their compile time about threefold and still keep both cores busy.
# Configure with -DCITECARD_UNITY=OFF while editing one of these targets, so a change recompiles
# one file rather than its batch.
option(CITECARD_UNITY "Compile the targets that share heavy headers as unity builds" ON)

function(citecard_unity_build)
  if(NOT CITECARD_UNITY)
    return()
  endif()
  foreach(target IN LISTS ARGN)
    if(TARGET ${target})
      set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 8)
    endif()
  endforeach()
endfunction()
