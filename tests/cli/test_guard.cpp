// The command line's top-level guard: whatever a command throws, the process ends with one line
// naming the files it was given and exit status 1, never an abort.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "guard.hpp"

namespace {

// Runs `app` on argv with stderr captured.
struct Outcome {
  int status;
  std::string err;
};

Outcome run(CLI::App& app, std::vector<const char*> argv) {
  std::fflush(stderr);
  char path[] = "/tmp/citecard-guard-XXXXXX";
  const int fd = ::mkstemp(path);
  const int saved = ::dup(2);
  ::dup2(fd, 2);
  const int status = citecard::cli::run_guarded(app, static_cast<int>(argv.size()), argv.data());
  std::fflush(stderr);
  ::dup2(saved, 2);
  ::close(saved);
  std::string err;
  char buffer[4096];
  ::lseek(fd, 0, SEEK_SET);
  for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;)
    err.append(buffer, static_cast<std::size_t>(n));
  ::close(fd);
  ::unlink(path);
  return {status, err};
}

// A command like citecard's: a positional FILE and --db, whose callback throws what it is given.
template <class Throw>
Outcome throwing_command(Throw thrower) {
  CLI::App app{"test"};
  std::string file, db;
  CLI::App* cmd = app.add_subcommand("import", "");
  cmd->add_option("FILE", file)->required();
  cmd->add_option("--db", db);
  cmd->callback(thrower);
  return run(app, {"citecard", "import", "hostile.apkg", "--db", "c.db"});
}

}  // namespace

TEST_CASE("a stray std::exception is one line naming the command's files, exit status 1") {
  const Outcome o = throwing_command([] { throw std::runtime_error("boom\nsecond line"); });
  CHECK(o.status == 1);
  CHECK(o.err == "citecard: hostile.apkg, c.db: cannot be handled: boom second line\n");
}

TEST_CASE("a library's exception (nlohmann type_error on bad UTF-8) is caught the same way") {
  const Outcome o = throwing_command([] { (void)nlohmann::json("\xff").dump(); });
  CHECK(o.status == 1);
  CHECK(o.err.rfind("citecard: hostile.apkg, c.db: cannot be handled: ", 0) == 0);
  CHECK(std::count(o.err.begin(), o.err.end(), '\n') == 1);
}

TEST_CASE("running out of memory is said as such") {
  const Outcome o = throwing_command([] { throw std::bad_alloc(); });
  CHECK(o.status == 1);
  CHECK(o.err.find("hostile.apkg, c.db: out of memory") != std::string::npos);
}

TEST_CASE("something thrown that is not an exception is caught too") {
  const Outcome o = throwing_command([] { throw 42; });
  CHECK(o.status == 1);
  CHECK(o.err.find("an unexpected error") != std::string::npos);
}

TEST_CASE("control characters in a message are escaped") {
  const Outcome o = throwing_command([] { throw std::runtime_error("\x1b]0;title\x07"); });
  CHECK(o.err.find("\\x1b]0;title\\x07") != std::string::npos);
}

TEST_CASE("a command that succeeds, and --help, are left to CLI11") {
  CLI::App app{"test"};
  app.add_subcommand("ok", "")->callback([] {});
  CHECK(run(app, {"citecard", "ok"}).status == 0);
  CLI::App bad{"test"};
  bad.add_subcommand("ok", "");
  bad.require_subcommand(1);
  CHECK(run(bad, {"citecard", "nope"}).status != 0);
}
