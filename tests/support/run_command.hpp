// Runs a real binary through the shell, feeding stdin and capturing stdout, stderr and the exit
// status, for command-level tests.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <string>

#include "support/temp_dir.hpp"

namespace citecard::test {

struct CommandResult {
  int status = -1;
  std::string out;
  std::string err;
};

inline CommandResult run_command(const std::string& command, const std::string& input = "") {
  TempDir io;
  const auto in = io.write("stdin", input);
  const std::string line = command + " < '" + in.string() + "' > '" + (io / "stdout").string() +
                           "' 2> '" + (io / "stderr").string() + "'";
  const int raw = std::system(line.c_str());
  CommandResult result;
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  result.out = read_file(io / "stdout");
  result.err = read_file(io / "stderr");
  return result;
}

}  // namespace citecard::test
