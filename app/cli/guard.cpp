#include "guard.hpp"

#include <cstdio>
#include <new>
#include <string>
#include <vector>

#include "citecard/safe_text.hpp"

namespace citecard::cli {
namespace {

// The files the parsed (sub)commands were given: their positional arguments and --db.
void collect_inputs(const CLI::App& app, std::vector<std::string>& out) {
  for (const CLI::Option* option : app.get_options()) {
    if (!option->get_positional() && option->get_name() != "--db") continue;
    for (const std::string& value : option->results()) out.push_back(value);
  }
  for (const CLI::App* sub : app.get_subcommands()) collect_inputs(*sub, out);
}

void report(const CLI::App& app, const std::string& what) {
  std::vector<std::string> inputs;
  collect_inputs(app, inputs);
  std::string named;
  for (const auto& input : inputs) named += (named.empty() ? "" : ", ") + input;
  std::string line = named.empty() ? what : named + ": " + what;
  for (char& c : line)
    if (c == '\n' || c == '\r') c = ' ';
  std::fprintf(stderr, "citecard: %s\n", terminal_safe(line).c_str());
}

}  // namespace

int run_guarded(CLI::App& app, int argc, const char* const* argv) {
  try {
    app.parse(argc, argv);
    return 0;
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::bad_alloc&) {
    report(app, "out of memory (is the file far larger than it should be?); nothing was saved");
  } catch (const std::exception& e) {
    report(app, std::string("cannot be handled: ") + e.what());
  } catch (...) {
    report(app, "cannot be handled: an unexpected error");
  }
  return 1;
}

}  // namespace citecard::cli
