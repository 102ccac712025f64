#include "deck/place_names.hpp"

#include <map>

#include "citecard/extract.hpp"
#include "word_lists.hpp"

namespace citecard::deck {
namespace {

// "Kabul | Afghan" -> {"Kabul", "Afghan"}.
std::vector<std::string> forms_of(std::string_view value) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  for (;;) {
    const std::size_t end = value.find('|', begin);
    std::string_view form = value.substr(begin, end == std::string_view::npos ? end : end - begin);
    while (!form.empty() && form.front() == ' ') form.remove_prefix(1);
    while (!form.empty() && form.back() == ' ') form.remove_suffix(1);
    out.emplace_back(form);
    if (end == std::string_view::npos) return out;
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
    for (const auto& country : lexicon::countries()) {
      const int index = static_cast<int>(p.forms.size());
      std::vector<std::string> forms = {std::string(country.word)};
      for (auto& form : forms_of(country.value)) forms.push_back(std::move(form));
      if (forms.size() < 3) continue;  // a country, its capital and its demonym at least
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
