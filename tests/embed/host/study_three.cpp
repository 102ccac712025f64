// A C++ host of the installed static library: the same as study_three.c through citecard's C++
// API. Usage: study_three_cpp COLLECTION DECK_DIR NOW
#include <citecard/collection.hpp>
#include <cstdio>
#include <string>

int main(int argc, char** argv) {
  if (argc != 4) return 2;
  const citecard::Timestamp now = std::stoll(argv[3]);
  auto collection = citecard::Collection::open(argv[1]);
  if (!collection) return std::fprintf(stderr, "%s\n", collection.error().message.c_str()), 1;
  if (auto built = collection->build(argv[2]); !built)
    return std::fprintf(stderr, "%s\n", built.error().message.c_str()), 1;
  int studied = 0;
  for (; studied < 3; ++studied) {
    auto next = collection->next_card("", now);
    if (!next || !*next) break;
    const citecard::Card& card = **next;
    std::printf("card %s (%s): %s\n  answer: %s\n", card.id.c_str(), card.type.c_str(),
                card.prompt.c_str(), card.answer.c_str());
    for (const auto& cited : card.citations)
      std::printf("  cited: %s, \"%s\", %s: %s\n", cited.outlet.c_str(), cited.title.c_str(),
                  cited.date.c_str(), cited.text.c_str());
    if (!collection->answer(card.id, citecard::Rating::Good, now, 3000)) return 1;
  }
  std::printf("studied %d cards\n", studied);
  return studied == 3 ? 0 : 1;
}
