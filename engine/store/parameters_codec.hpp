// FsrsParameters <-> the JSON kept in parameter_sets, so every logged answer can be replayed with
// exactly the parameters it was scheduled with.
#pragma once

#include <string>

#include "citecard/fsrs.hpp"
#include "citecard/result.hpp"
#include "store/database.hpp"

namespace citecard::store {

std::string parameters_to_json(const FsrsParameters& parameters);
Result<FsrsParameters> parameters_from_json(const std::string& json);

// The id of `parameters` in parameter_sets, adding it if new.
Result<std::int64_t> store_parameter_set(Database& db, const FsrsParameters& parameters);

}  // namespace citecard::store
