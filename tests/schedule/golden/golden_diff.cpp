// fsrs_golden_diff EXPECTED ACTUAL: compares `citecard fsrs replay` output with the reference
// states line by line. state, scheduled_days, due and learning_steps must be equal; stability and
// difficulty may differ by 1e-6 relative. Prints the largest relative difference seen.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

namespace {

constexpr double kTolerance = 1e-6;
constexpr int kMaxReported = 10;

double relative_difference(double expected, double actual) {
  return std::fabs(expected - actual) / std::max(std::fabs(expected), 1e-12);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: fsrs_golden_diff EXPECTED.jsonl ACTUAL.jsonl\n");
    return 2;
  }
  std::ifstream expected_file(argv[1]);
  std::ifstream actual_file(argv[2]);
  if (!expected_file || !actual_file) {
    std::fprintf(stderr, "fsrs_golden_diff: cannot read %s or %s\n", argv[1], argv[2]);
    return 2;
  }
  std::string expected_line, actual_line;
  long line = 0;
  int mismatches = 0;
  double worst = 0.0;
  auto report = [&](const std::string& what) {
    if (++mismatches <= kMaxReported) {
      std::fprintf(stderr, "line %ld: %s\n  expected %s\n  actual   %s\n", line, what.c_str(),
                   expected_line.c_str(), actual_line.c_str());
    }
  };
  while (true) {
    const bool more_expected = static_cast<bool>(std::getline(expected_file, expected_line));
    const bool more_actual = static_cast<bool>(std::getline(actual_file, actual_line));
    ++line;
    if (!more_expected && !more_actual) break;
    if (more_expected != more_actual) {
      actual_line = more_actual ? actual_line : "(end of output)";
      expected_line = more_expected ? expected_line : "(end of reference)";
      report("the outputs have different lengths");
      break;
    }
    const auto expected = nlohmann::json::parse(expected_line, nullptr, false);
    const auto actual = nlohmann::json::parse(actual_line, nullptr, false);
    if (!actual.is_object()) {
      report("not a JSON object");
      continue;
    }
    for (const char* key : {"card", "state", "scheduled_days", "due", "learning_steps"}) {
      if (actual.value(key, nlohmann::json()) != expected.at(key))
        report(std::string(key) + " differs");
    }
    for (const char* key : {"stability", "difficulty"}) {
      const auto value = actual.value(key, nlohmann::json());
      if (!value.is_number()) {
        report(std::string(key) + " is missing");
        continue;
      }
      const double difference =
          relative_difference(expected.at(key).get<double>(), value.get<double>());
      worst = std::max(worst, difference);
      if (!(difference <= kTolerance)) report(std::string(key) + " differs by more than 1e-6");
    }
  }
  std::printf("%ld states compared, %d mismatches, largest relative difference %.3g\n", line - 1,
              mismatches, worst);
  return mismatches == 0 ? 0 : 1;
}
