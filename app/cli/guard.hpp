// The one place a stray exception from a command ends: parsing and running the command inside a
// guard that turns it into a one-line error naming the files the command was given.
#pragma once

#include <CLI/CLI.hpp>

namespace citecard::cli {

// Parses argv and runs the chosen command. Returns the exit status: 0, or 1 after one line on
// stderr ("citecard: FILE: what went wrong") for a failure, however it was raised.
int run_guarded(CLI::App& app, int argc, const char* const* argv);

}  // namespace citecard::cli
