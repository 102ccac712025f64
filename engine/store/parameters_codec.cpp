#include "store/parameters_codec.hpp"

#include <nlohmann/json.hpp>

namespace citecard::store {

std::string parameters_to_json(const FsrsParameters& p) {
  nlohmann::ordered_json j;
  j["w"] = p.w;
  j["desired_retention"] = p.desired_retention;
  j["maximum_interval"] = p.maximum_interval;
  j["learning_steps"] = p.learning_steps;
  j["relearning_steps"] = p.relearning_steps;
  j["enable_short_term"] = p.enable_short_term;
  j["enable_fuzz"] = p.enable_fuzz;
  return j.dump();
}

Result<FsrsParameters> parameters_from_json(const std::string& json) {
  const auto j = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object() || !j.contains("w") || !j["w"].is_array() ||
      j["w"].size() != kFsrsParameterCount)
    return make_error("a stored parameter set is damaged", ErrorCode::Corrupt);
  FsrsParameters p;
  try {
    for (std::size_t i = 0; i < kFsrsParameterCount; ++i) p.w[i] = j["w"][i].get<double>();
    p.desired_retention = j.value("desired_retention", p.desired_retention);
    p.maximum_interval = j.value("maximum_interval", p.maximum_interval);
    p.learning_steps = j.value("learning_steps", p.learning_steps);
    p.relearning_steps = j.value("relearning_steps", p.relearning_steps);
    p.enable_short_term = j.value("enable_short_term", p.enable_short_term);
    p.enable_fuzz = j.value("enable_fuzz", p.enable_fuzz);
  } catch (const nlohmann::json::exception&) {
    return make_error("a stored parameter set is damaged", ErrorCode::Corrupt);
  }
  return p;
}

Result<std::int64_t> store_parameter_set(Database& db, const FsrsParameters& p) {
  const std::string json = parameters_to_json(p);
  auto insert = db.prepare("INSERT OR IGNORE INTO parameter_sets (json) VALUES (?1)");
  if (!insert) return insert.error();
  if (auto r = insert->bind(1, json).run(); !r) return r.error();
  auto select = db.prepare("SELECT id FROM parameter_sets WHERE json = ?1");
  if (!select) return select.error();
  auto row = select->bind(1, json).step();
  if (!row) return row.error();
  return select->column_int(0);
}

}  // namespace citecard::store
