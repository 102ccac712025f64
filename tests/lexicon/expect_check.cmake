# Runs the word-list check of cmake/lexicon_embed.cmake on one list and fails unless it accepts it
# (EXPECT empty) or rejects it with a message matching EXPECT.
#   cmake -DEMBED=<lexicon_embed.cmake> -DLIST=<file> [-DEXPECT=<regex>] -P expect_check.cmake
execute_process(COMMAND ${CMAKE_COMMAND} -DCHECK_ONLY=ON -DLISTS=${LIST} -P ${EMBED}
                RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(REGEX REPLACE "[ \n]+" " " message "${out}${err}")
if(NOT EXPECT)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "the check rejected ${LIST}, which is sorted: ${message}")
  endif()
  return()
endif()
if(result EQUAL 0)
  message(FATAL_ERROR "the check accepted ${LIST}; expected a rejection matching '${EXPECT}'")
endif()
if(NOT message MATCHES "${EXPECT}")
  message(FATAL_ERROR "the check rejected ${LIST} without naming the file and line: ${message}")
endif()
message(STATUS "rejected as expected: ${message}")
