// The C API's workload simulation: cc_simulate over the engine's simulator, set up from the
// collection when the host gives one.
#include <algorithm>
#include <limits>
#include <string>

#include "api/boundary.hpp"
#include "api/sized_struct.hpp"
#include "citecard/citecard.h"
#include "citecard/learner_simulation.hpp"
#include "citecard/simulation.hpp"

namespace {

using citecard::capi::fail;

template <std::size_t N>
bool all_zero(const double (&values)[N]) {
  return std::all_of(std::begin(values), std::end(values), [](double v) { return v == 0.0; });
}

template <std::size_t N>
void copy_into(const double (&from)[N], std::array<double, N>& to) {
  std::copy(std::begin(from), std::end(from), to.begin());
}

// The body both entry points run: `collection` is null when the host gave none.
cc_code simulate(cc_collection* handle, const citecard::Collection* collection,
                 const cc_simulate_options* options, cc_simulation* result) {
  constexpr const char* call = "cc_simulate";
  if (!result) return fail(handle, call, CC_MISUSE, "result is NULL");
  if (auto bad = citecard::capi::check_out_size(result))
    return fail(handle, call, CC_MISUSE, "result: " + *bad);
  cc_simulate_options o = CC_SIMULATE_OPTIONS_INIT;
  if (options)
    if (auto bad = citecard::capi::read_sized(options, o))
      return fail(handle, call, CC_MISUSE, "options: " + *bad);
  if (o.deck_size < 0 || o.days < 1 || o.new_per_day < -1 || o.reviews_per_day < -1)
    return fail(handle, call, CC_MISUSE,
                "deck_size must be 0 or more, days 1 or more, and each daily limit 0 or more "
                "(-1: no limit)");

  citecard::LearnerSimulation learner;
  if (collection) {
    auto from = citecard::learner_simulation(*collection);
    if (!from) return fail(handle, call, from.error());
    learner = std::move(*from);
  }
  citecard::SimulationConfig& c = learner.config;
  if (o.deck_size > 0) c.deck_size = o.deck_size;
  c.days = o.days;
  c.new_per_day = o.new_per_day == -1 ? citecard::kNoDailyLimit : o.new_per_day;
  c.reviews_per_day = o.reviews_per_day == -1 ? citecard::kNoDailyLimit : o.reviews_per_day;
  if (o.seconds_per_day < 0)
    c.seconds_per_day = std::numeric_limits<double>::infinity();
  else if (o.seconds_per_day > 0)
    c.seconds_per_day = o.seconds_per_day;
  if (o.desired_retention != 0.0) c.desired_retention = o.desired_retention;
  c.seed = o.seed;
  if (!all_zero(o.first_rating)) copy_into(o.first_rating, c.habits.first_rating);
  if (!all_zero(o.review_rating)) copy_into(o.review_rating, c.habits.review_rating);
  for (std::size_t row = 0; row < 3; ++row)
    if (!all_zero(o.seconds[row])) copy_into(o.seconds[row], c.habits.seconds[row]);
  if (auto valid = citecard::validate(c); !valid)
    return fail(handle, call, CC_MISUSE, valid.error().message);

  auto run = citecard::simulate(c);
  if (!run) return fail(handle, call, CC_MISUSE, run.error().message);
  const auto& r = *run;
  // The arrays are the caller's, and their size is the days it asked for.
  if (result->memorized_per_day)
    std::copy(r.memorized_per_day.begin(), r.memorized_per_day.end(), result->memorized_per_day);
  if (result->reviews_per_day)
    std::copy(r.reviews_per_day.begin(), r.reviews_per_day.end(), result->reviews_per_day);
  if (result->new_per_day)
    std::copy(r.learned_per_day.begin(), r.learned_per_day.end(), result->new_per_day);
  if (result->seconds_per_day)
    std::copy(r.seconds_per_day.begin(), r.seconds_per_day.end(), result->seconds_per_day);
  cc_simulation out = *result;
  out.memorized = r.final_memorized();
  out.total_seconds = r.total_seconds();
  out.total_reviews = r.total_reviews();
  out.total_new = r.total_learned();
  out.seconds_per_memorized = r.seconds_per_memorized();
  citecard::capi::write_sized(out, result);
  return CC_OK;
}

}  // namespace

extern "C" {

cc_code cc_simulate(cc_collection* c, const cc_simulate_options* options, cc_simulation* result) {
  if (!c)
    return citecard::capi::guarded_free(
        "cc_simulate", [&] { return simulate(nullptr, nullptr, options, result); });
  return citecard::capi::guarded(c, "cc_simulate", [&](citecard::Collection& collection) {
    return simulate(c, &collection, options, result);
  });
}

}  // extern "C"
