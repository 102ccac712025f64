// A complete-the-quote card citing several sources' wordings of one quote ("sacred fight" in one,
// "just fight" in another) is answered right by either wording: the words each citation has where
// the card's blank is.
#pragma once

#include <string>
#include <vector>

#include "citecard/card.hpp"

namespace citecard::deck {

// The words in each of the card's other citations between the words around its blank, when they
// differ from the card's answer: {"just"} for "_____ fight to protect …" answered "sacred" and
// citing "just fight". Empty for cards of other types.
std::vector<std::string> other_cited_wordings(const Card& card);

}  // namespace citecard::deck
