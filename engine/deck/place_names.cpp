#include "deck/place_names.hpp"

#include <map>

#include "citecard/extract.hpp"
#include "deck/word_list.hpp"

namespace citecard::data {
extern const char* const kPlacesTsv;
}  // namespace citecard::data

namespace citecard::deck {
namespace {

std::vector<std::string> split(const std::string& text, char by) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  for (;;) {
    const std::size_t end = text.find(by, begin);
    out.push_back(text.substr(begin, end == std::string::npos ? std::string::npos : end - begin));
    if (end == std::string::npos) return out;
    begin = end + 1;
  }
}

struct Places {
  std::vector<std::vector<std::string>> forms;  // by place: country, capital, demonym, others
  std::map<std::string, PlaceName> by_key;
};

const Places& places() {
  static const Places all = [] {
    Places p;
    for (const auto& line : list_lines(data::kPlacesTsv)) {
      const auto fields = split(line, '\t');
      if (fields.size() < 3) continue;
      const int index = static_cast<int>(p.forms.size());
      std::vector<std::string> forms = {fields[0], fields[1], fields[2]};
      if (fields.size() > 3 && !fields[3].empty())
        for (auto& other : split(fields[3], ',')) forms.push_back(std::move(other));
      for (std::size_t i = 0; i < forms.size(); ++i) {
        const PlaceForm form = i == 0   ? PlaceForm::country
                               : i == 1 ? PlaceForm::capital
                               : i == 2 ? PlaceForm::demonym
                                        : PlaceForm::other;
        // A city-state's capital is the country itself: the country reading wins.
        p.by_key.emplace(name_key(forms[i]), PlaceName{index, form});
      }
      p.forms.push_back(std::move(forms));
    }
    return p;
  }();
  return all;
}

}  // namespace

std::optional<PlaceName> place_name(std::string_view name) {
  const auto& p = places();
  std::string key = name_key(name);
  if (key.rfind("the ", 0) == 0) key = key.substr(4);
  const auto it = p.by_key.find(key);
  if (it == p.by_key.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> place_forms(int place) {
  const auto& p = places();
  if (place < 0 || place >= static_cast<int>(p.forms.size())) return {};
  return p.forms[static_cast<std::size_t>(place)];
}

const char* to_string(PlaceForm form) {
  switch (form) {
    case PlaceForm::country:
      return "a country";
    case PlaceForm::capital:
      return "a capital city";
    case PlaceForm::demonym:
      return "a nationality";
    case PlaceForm::other:
      break;
  }
  return "another name of a country";
}

}  // namespace citecard::deck
