// `citecard check`: is the collection what its review log and its sources say it is?
#pragma once

#include "citecard/collection.hpp"
#include "store/database.hpp"

namespace citecard::store {

Result<CheckReport> check_collection(const Database& db);

}  // namespace citecard::store
