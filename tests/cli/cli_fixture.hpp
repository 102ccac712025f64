#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace citecard::test {

inline const std::string kCli = CITECARD_CLI;
inline const std::string kSummitDeck = std::string(CITECARD_DECKS_DIR) + "/summit-2023";

// A temp collection with the summit deck built into it by the real binary.
struct SummitCollection {
  TempDir dir;
  std::string db = (dir / "collection.db").string();

  SummitCollection() {
    const auto built = run("build '" + kSummitDeck + "'");
    if (built.status != 0) throw std::runtime_error("build failed: " + built.err);
  }

  CommandResult run(const std::string& args, const std::string& input = "") const {
    return run_command("'" + kCli + "' " + args + " --db '" + db + "'", input);
  }

  nlohmann::json cards() const { return nlohmann::json::parse(run("cards --json").out); }
  nlohmann::json stats(const std::string& now) const {
    return nlohmann::json::parse(run("stats --json --now " + now).out);
  }
};

}  // namespace citecard::test
