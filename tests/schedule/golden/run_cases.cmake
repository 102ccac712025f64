# Runs `citecard fsrs replay` on golden review streams and compares its output with the reference
# states. Used by CTest (one case per test) and by compare.sh (all cases of a fresh stream).
#
#   cmake -DCITECARD=bin/citecard -DDIFF=fsrs_golden_diff -DDATA_DIR=dir-with-cases.json
#         -DWORK_DIR=scratch-dir [-DCASE=name] -P run_cases.cmake
foreach(var CITECARD DIFF DATA_DIR WORK_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_cases.cmake needs -D${var}=...")
  endif()
endforeach()

file(READ "${DATA_DIR}/cases.json" manifest)
string(JSON case_count LENGTH "${manifest}" cases)
file(MAKE_DIRECTORY "${WORK_DIR}")
set(ran 0)
math(EXPR last "${case_count} - 1")
foreach(i RANGE ${last})
  string(JSON name GET "${manifest}" cases ${i} name)
  if(DEFINED CASE AND NOT CASE STREQUAL "" AND NOT CASE STREQUAL name)
    continue()
  endif()
  string(JSON arg_count LENGTH "${manifest}" cases ${i} args)
  set(args)
  if(arg_count GREATER 0)
    math(EXPR last_arg "${arg_count} - 1")
    foreach(j RANGE ${last_arg})
      string(JSON arg GET "${manifest}" cases ${i} args ${j})
      list(APPEND args "${arg}")
    endforeach()
  endif()
  set(actual "${WORK_DIR}/${name}.actual.jsonl")
  execute_process(
    COMMAND "${CITECARD}" fsrs replay ${args}
    INPUT_FILE "${DATA_DIR}/${name}.in.jsonl"
    OUTPUT_FILE "${actual}"
    ERROR_VARIABLE replay_error
    RESULT_VARIABLE replay_status)
  if(NOT replay_status EQUAL 0)
    message(FATAL_ERROR "${name}: citecard fsrs replay ${args} failed (${replay_status}):\n${replay_error}")
  endif()
  execute_process(
    COMMAND "${DIFF}" "${DATA_DIR}/${name}.out.jsonl" "${actual}"
    OUTPUT_VARIABLE diff_output
    ERROR_VARIABLE diff_error
    RESULT_VARIABLE diff_status)
  string(STRIP "${diff_output}" diff_output)
  message(STATUS "${name}: ${diff_output}")
  if(NOT diff_status EQUAL 0)
    message(FATAL_ERROR "${name}: differs from ts-fsrs (flags: ${args})\n${diff_error}")
  endif()
  math(EXPR ran "${ran} + 1")
endforeach()
if(ran EQUAL 0)
  message(FATAL_ERROR "no golden case named '${CASE}' in ${DATA_DIR}/cases.json")
endif()
