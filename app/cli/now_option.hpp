// `--now TIME`: study or report as if it were TIME, for scripted sessions and tests.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "citecard/time.hpp"

namespace citecard::cli {

void add_now_option(CLI::App& command, std::string& now);

// The parsed --now, or the current time when it was not given.
Timestamp now_or_fail(const std::string& now);

}  // namespace citecard::cli
