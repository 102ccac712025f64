// Every way a deck file can be wrong gives one message that names the file and line and says
// what to fix; nothing is built.
#include <doctest/doctest.h>

#include "deck/deck_spec.hpp"
#include "mini_deck.hpp"

using citecard::deck::load_deck;
using citecard::test::kMiniManifest;
using citecard::test::kMiniNotes;
using citecard::test::TempDir;
using citecard::test::write_mini_deck;

namespace {

// The error for a deck with these notes and manifest, with the temp folder's path removed.
std::string error_for(const std::string& notes, const std::string& manifest = kMiniManifest) {
  TempDir dir;
  write_mini_deck(dir, notes, manifest);
  auto deck = load_deck(dir / "deck");
  if (deck) return "(no error)";
  std::string message = deck.error().message;
  const std::string prefix = (dir / "deck").string() + "/";
  for (auto at = message.find(prefix); at != std::string::npos; at = message.find(prefix))
    message.erase(at, prefix.size());
  return message;
}

const std::string kFactHead = R"(
[[fact]]
source = "news"
cite = "The city council approved a $2 million budget on Tuesday."
question = "How large a budget?"
)";

}  // namespace

TEST_CASE("the mini deck loads with every citation located at its byte offsets") {
  TempDir dir;
  write_mini_deck(dir);
  auto deck = load_deck(dir / "deck");
  REQUIRE(deck.ok());
  CHECK(deck->notes.size() == 5);
  for (const auto& note : deck->notes) {
    const auto& c = note.citations.front();
    CHECK(citecard::test::kMiniSource.substr(static_cast<std::size_t>(c.start),
                                             static_cast<std::size_t>(c.end - c.start)) == c.text);
  }
}

TEST_CASE("a cited text that is not verbatim in its source is refused with file and line") {
  const std::string notes = R"(
[[fact]]
source = "news"
cite = "The city council approved a $3 million budget on Tuesday."
question = "How large?"
answer = "$3 million"
)";
  CHECK(error_for(notes) == "deck.toml:2: cited text not found in news");
}

TEST_CASE("a quote that differs from the source by one character is refused") {
  CHECK(error_for("[[quote]]\nsource = \"news\"\ntext = \"This is a good day for the city.\"\n"
                  "speaker = \"Ana Ruiz\"\n") == "deck.toml:1: cited text not found in news");
}

TEST_CASE("a note citing a source the manifest does not list is refused") {
  CHECK(error_for(
            "[[quote]]\nsource = \"wire\"\ntext = \"We will appeal,\"\nspeaker = \"Sam Ode\"\n") ==
        "deck.toml:1: unknown source `wire` (not in manifest.toml)");
}

TEST_CASE("a quote without a speaker is refused") {
  CHECK(error_for("[[quote]]\nsource = \"news\"\ntext = \"We will appeal,\"\n") ==
        "deck.toml:1: [[quote]] has no `speaker`");
}

TEST_CASE("an empty required field is refused") {
  CHECK(error_for("[[quote]]\nsource = \"news\"\ntext = \"\"\nspeaker = \"Sam Ode\"\n") ==
        "deck.toml:1: `text` of [[quote]] must be a non-empty string");
}

TEST_CASE("an unknown speaker kind is refused") {
  CHECK(error_for("[[quote]]\nsource = \"news\"\ntext = \"We will appeal,\"\nspeaker = \"Sam "
                  "Ode\"\nspeaker_kind = \"robot\"\n") ==
        "deck.toml:1: speaker_kind must be person, organisation or publication");
}

TEST_CASE("a fact whose answer is not among its choices is refused") {
  CHECK(error_for(kFactHead +
                  "answer = \"$2 million\"\nchoices = [\"$1 million\", \"$3 million\"]\n") ==
        "deck.toml:2: the answer \"$2 million\" is not among the choices");
}

TEST_CASE("a fact listing the same choice twice is refused") {
  CHECK(error_for(kFactHead +
                  "answer = \"$2 million\"\nchoices = [\"$2 million\", \"$2 million\"]\n") ==
        "deck.toml:2: choice \"$2 million\" is listed twice");
}

TEST_CASE("a multiple-choice fact with a single choice is refused") {
  CHECK(error_for(kFactHead + "answer = \"$2 million\"\nchoices = [\"$2 million\"]\n") ==
        "deck.toml:2: a multiple-choice fact needs at least 2 choices");
}

TEST_CASE("choices that are not strings are refused") {
  CHECK(error_for(kFactHead + "answer = \"$2 million\"\nchoices = [1, 2]\n") ==
        "deck.toml:2: `choices` must be a list of strings");
}

TEST_CASE("an extra citation that is not verbatim is refused") {
  CHECK(error_for(kFactHead + "answer = \"$2 million\"\nalso = [{ source = \"news\", cite = "
                              "\"approved on Tuesday\" }]\n") ==
        "deck.toml:2: cited text not found in news");
}

TEST_CASE("an unknown section in deck.toml is refused") {
  CHECK(error_for(kMiniNotes + "\n[[card]]\nfront = \"x\"\n") ==
        "deck.toml:29: unknown section `card` (expected [[quote]] or [[fact]])");
}

TEST_CASE("a deck with no notes is refused") {
  CHECK(error_for("# nothing yet\n") == "deck.toml:1: the deck has no notes");
}

TEST_CASE("a TOML syntax error is reported with its line") {
  CHECK(error_for("[[quote]]\nsource = \"news\nspeaker = \"x\"\n").rfind("deck.toml:2: ", 0) == 0);
}

TEST_CASE("two notes citing the same span are refused so each card keeps its own history") {
  CHECK(error_for(kMiniNotes + "\n[[quote]]\nsource = \"news\"\ntext = \"We will appeal,\"\n"
                               "speaker = \"Sam Ode\"\n") ==
        "deck.toml:29: cites the same text as the note at deck.toml:17; cite a different span so "
        "each card keeps its own history");
}

TEST_CASE("a manifest without a [deck] table is refused") {
  CHECK(error_for(kMiniNotes, "[[source]]\nid = \"news\"\n") == "manifest.toml:1: no [deck] table");
}

TEST_CASE("a manifest without sources is refused") {
  CHECK(error_for(kMiniNotes, "[deck]\nid = \"mini\"\ntitle = \"Mini\"\n") ==
        "manifest.toml:1: no [[source]] entries");
}

TEST_CASE("a source without its metadata is refused; unknown values are written as not stated") {
  CHECK(error_for(kMiniNotes,
                  "[deck]\nid = \"mini\"\ntitle = \"Mini\"\n[[source]]\nid = "
                  "\"news\"\nfile = \"sources/news.txt\"\n") ==
        "manifest.toml:4: [[source]] has no `outlet`");
}

TEST_CASE("two sources with the same id are refused") {
  const std::string source =
      "[[source]]\nid = \"news\"\nfile = \"sources/news.txt\"\noutlet = \"o\"\ntitle = \"t\"\n"
      "author = \"a\"\ndate = \"d\"\n";
  CHECK(error_for(kMiniNotes, "[deck]\nid = \"mini\"\ntitle = \"Mini\"\n" + source + source) ==
        "manifest.toml:11: source id `news` is used twice");
}

TEST_CASE("a source file that cannot be read is refused") {
  const std::string manifest =
      "[deck]\nid = \"mini\"\ntitle = \"Mini\"\n[[source]]\nid = \"news\"\nfile = "
      "\"sources/gone.txt\"\noutlet = \"o\"\ntitle = \"t\"\nauthor = \"a\"\ndate = \"d\"\n";
  CHECK(error_for(kMiniNotes, manifest).find("manifest.toml:4: cannot read ") == 0);
}

TEST_CASE("a folder that is not a deck is refused") {
  TempDir dir;
  auto deck = load_deck(dir / "missing");
  REQUIRE_FALSE(deck.ok());
  CHECK(deck.error().message.find("is not a deck folder") != std::string::npos);
}
