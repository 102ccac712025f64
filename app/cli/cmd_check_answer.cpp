// citecard check-answer — check one typed answer the way `citecard study` does, for scripts and
// for trying out what is accepted: prints the verdict, what differed and the suggested rating.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "citecard/answer_check.hpp"
#include "commands.hpp"

namespace citecard::cli {

void add_check_answer_command(CLI::App& app) {
  struct Options {
    std::string expected;
    std::vector<std::string> aliases;
    std::string typed;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "check-answer",
      "Check a typed answer against the expected one; prints JSON: verdict (correct, close, "
      "wrong), detail and the suggested rating");
  command->add_option("--expected", options->expected, "The card's answer")->required();
  command->add_option("--alias", options->aliases, "Another accepted form (repeatable)");
  command->add_option("typed", options->typed, "What the learner typed")->required();
  command->callback([options] {
    const AnswerCheck check = check_answer(options->typed, options->expected, options->aliases);
    nlohmann::ordered_json out;
    out["verdict"] = to_string(check.verdict);
    out["detail"] = check.detail;
    out["suggested"] = to_string(check.suggested);
    fmt::print("{}\n", out.dump());
  });
}

}  // namespace citecard::cli
