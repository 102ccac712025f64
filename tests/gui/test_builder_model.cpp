// The Builder's decisions as deck.toml text: what each decision writes, and that rewriting the
// Builder's block leaves the rest of the file as it was.
#include <doctest/doctest.h>
#include <toml++/toml.h>

#include <string>

#include "builder_model.hpp"

using namespace citecard;
using namespace citecard::gui;

namespace {

Candidate who_said(const std::string& id) {
  Candidate c;
  c.card.id = id;
  c.card.type = card_type::kWhoSaid;
  c.card.prompt = "Who said: \u201CFuel has doubled\u201D";
  c.card.answer = "Gloria Reyes";
  c.card.choices = {"Dev Patel", "Gloria Reyes", "Tessa Marlow"};
  return c;
}

const toml::table& entry(const toml::table& doc, std::size_t i) {
  return *doc["card"].as_array()->get(i)->as_table();
}

}  // namespace

TEST_CASE("undecided and hand-curated cards write no entry; accept and reject write their action") {
  BuilderDeck deck;
  deck.candidates = {who_said("c1"), who_said("c2"), who_said("c3"), who_said("c4")};
  deck.candidates[1].decision = Decision::Reject;
  deck.candidates[2].decision = Decision::Accept;
  deck.candidates[3].decision = Decision::Reject;
  deck.candidates[3].curated_by_hand = true;
  const toml::table doc = toml::parse(overlay_block(deck));
  REQUIRE(doc["card"].as_array()->size() == 2);
  CHECK(entry(doc, 0)["id"].value_or(std::string()) == "c2");
  CHECK(entry(doc, 0)["action"].value_or(std::string()) == "reject");
  CHECK(entry(doc, 1)["id"].value_or(std::string()) == "c3");
  CHECK(entry(doc, 1)["action"].value_or(std::string()) == "accept");
}

TEST_CASE("editing a who-said card's speaker replaces that choice, and quotes survive escaping") {
  BuilderDeck deck;
  deck.candidates = {who_said("c1")};
  Candidate& c = deck.candidates[0];
  c.decision = Decision::Edit;
  c.answer = "Gloria \"Glo\" Reyes";
  c.prompt = "Who said it?\nSecond line";
  const toml::table doc = toml::parse(overlay_block(deck));
  const toml::table& e = entry(doc, 0);
  CHECK(e["action"].value_or(std::string()) == "edit");
  CHECK(e["answer"].value_or(std::string()) == "Gloria \"Glo\" Reyes");
  CHECK(e["prompt"].value_or(std::string()) == "Who said it?\nSecond line");
  const toml::array& choices = *e["choices"].as_array();
  REQUIRE(choices.size() == 3);
  CHECK(choices[0].value_or(std::string()) == "Dev Patel");
  CHECK(choices[1].value_or(std::string()) == "Gloria \"Glo\" Reyes");
}

TEST_CASE("an edit that changes nothing is written as an accept") {
  BuilderDeck deck;
  deck.candidates = {who_said("c1")};
  deck.candidates[0].decision = Decision::Edit;
  deck.candidates[0].answer = "Gloria Reyes";
  const toml::table doc = toml::parse(overlay_block(deck));
  CHECK(entry(doc, 0)["action"].value_or(std::string()) == "accept");
}

TEST_CASE("the Builder's block is appended once and then replaced, the rest kept byte for byte") {
  const std::string hand = "# notes\n[[quote]]\nsource = \"a1\"\ntext = \"x\"\n";
  BuilderDeck deck;
  deck.candidates = {who_said("c1")};
  deck.candidates[0].decision = Decision::Reject;
  const std::string first = replace_overlay_block(hand, overlay_block(deck));
  CHECK(first.rfind(hand, 0) == 0);
  CHECK(first.find("id = \"c1\"") != std::string::npos);

  deck.candidates[0].decision = Decision::Accept;
  const std::string second = replace_overlay_block(first + "# after\n", overlay_block(deck));
  CHECK(second.rfind(hand, 0) == 0);
  CHECK(second.find("action = \"reject\"") == std::string::npos);
  CHECK(second.find("action = \"accept\"") != std::string::npos);
  CHECK(second.find("# after\n") != std::string::npos);
  CHECK(replace_overlay_block(second, overlay_block(deck)) == second);
}
