// The word lists themselves are data: engine/lexicon/*.txt, embedded at build time as
// word_lists.hpp (see cmake/lexicon_embed.cmake). This file turns them into word flags.
#include "extract/lexicon.hpp"

#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "citecard/extract.hpp"
#include "word_lists.hpp"

namespace citecard::extract_detail {
namespace {

using namespace word;

class Lexicon {
 public:
  Lexicon() {
    namespace lists = citecard::lexicon;
    for (const auto& e : lists::speech_verbs()) add_verb(e.word, kSpeech);
    for (const auto& e : lists::cognition_verbs()) add_verb(e.word, kCognition);
    for (const auto& e : lists::invertible_verbs()) add_verb(e.word, kInvertible);
    for (const auto& e : lists::naming_verbs()) add_verb(e.word, kNaming | kSpeech);
    add_list(lists::dub_cues(), kDubCue);
    add_list(lists::roles(), kRole);
    add_list(lists::honorifics(), kHonorific);
    add_list(lists::org_heads(), kOrgHead);
    add_list(lists::organisation_names(), kOrgHead);  // a name alone makes its run an organisation
    add_list(lists::stop_words(), kFunction);
    add_list(lists::function_words(), kFunction);
    add_list(lists::pronouns(), kPronoun);
    add_list(lists::months(), kMonth);
    add_list(lists::month_abbreviations(), kMonth | kAbbrev);
    add_list(lists::weekdays(), kWeekday);
    add_list(lists::weekday_abbreviations(), kWeekday | kAbbrev);
    add_list(lists::cardinal_numbers(), kNumberWord);
    add_list(lists::number_scales(), kNumberWord);
    add_list(lists::number_words(), kNumberWord);
    add_list(lists::abbreviations(), kAbbrev);
    add_list(lists::skip_words(), kSkip);
    add_list(lists::boundary_words(), kBoundary);
    add_list(lists::determiners(), kDeterminer);
    add_list(lists::group_nouns(), kGroupNoun | kPlural);
    add_list(lists::female_words(), kFemale);
    add_list(lists::male_words(), kMale);
    add_list(lists::media_nouns(), kMediaNoun);
    add_list(lists::connectors(), kConnector);
    add_list(lists::surname_particles(), kSurnameParticle);
    add_list(lists::places(), kPlace);
    add_list(lists::place_abbreviations(), kPlace);
    add_list(lists::demonyms(), kDemonym);
    add_list(lists::units(), kUnit);
    add_list(lists::starters(), kStarter);
    add_list(lists::time_words(), kTimeWord);
    add_list(lists::plural_words(), kPlural);
    // A name in both gender lists keeps both flags, which tells no gender.
    for (const auto& e : lists::given_names_female()) mark_given(e.word, kFemale);
    for (const auto& e : lists::given_names_male()) mark_given(e.word, kMale);
    flags_["according"] |= kSpeech | kParticiple;
    for (const auto& e : lists::place_phrases()) places_.emplace(e.word);
    freeze();
  }

  // Lookups go to a flat open-addressing table built once from flags_: one probe sequence over
  // contiguous memory per token, which matters at tens of megabytes of text. The probe reads a
  // 16-bit tag per slot first (the whole tag array fits in a core's L2 cache); a slot itself is
  // read only when its tag matches, so unknown words, most tokens, cost no miss on the slots.
  std::uint64_t find(std::string_view w) const { return find(w, hash(w)); }

  // `h` is hash(w), computed by the caller while it folded the word.
  std::uint64_t find(std::string_view w, std::uint64_t h) const {
    if (w.size() > kMaxWord) return 0;
    const std::uint16_t tag = tag_of(h);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const std::uint16_t t = tags_[i];
      if (t == 0) return 0;
      if (t != tag) continue;
      const Slot& slot = slots_[i];
      if (slot.length == w.size() && arena_.compare(slot.offset, slot.length, w) == 0) {
        return slot.flags;
      }
    }
  }

  static constexpr std::size_t kMaxWord = 40;

  // FNV-1a: words are short. In steps, so word_flags can hash while it folds.
  static constexpr std::uint64_t kHashStart = 1469598103934665603ull;
  static std::uint64_t hash_step(std::uint64_t h, char c) {
    return (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  }
  static std::uint64_t hash_end(std::uint64_t h) { return h ^ (h >> 29); }
  static std::uint64_t hash(std::string_view s) {
    std::uint64_t h = kHashStart;
    for (char c : s) h = hash_step(h, c);
    return hash_end(h);
  }

  // The hash's top bits (the index uses the low ones); never 0, which marks an empty slot.
  static std::uint16_t tag_of(std::uint64_t h) { return static_cast<std::uint16_t>((h >> 48) | 1); }

  bool place(std::string_view key) const { return places_.find(key) != places_.end(); }

 private:
  void add_list(std::span<const lexicon::Entry> list, std::uint64_t flag) {
    for (const auto& e : list) flags_[std::string(e.word)] |= flag;
  }

  // Given names come from general name lists; a word that is a role, a title or a pronoun keeps
  // that meaning only.
  void mark_given(std::string_view w, std::uint64_t gender) {
    std::uint64_t& f = flags_[std::string(w)];
    if (f & (kRole | kHonorific | kPronoun)) return;
    f |= kGivenName | gender;
  }

  void add_form(const std::string& form, std::uint64_t flag) { flags_[form] |= flag; }

  void add_verb(std::string_view lemma_view, std::uint64_t flag) {
    const std::string lemma(lemma_view);
    for (const auto& irregular : lexicon::irregular_verbs()) {
      if (irregular.word != lemma) continue;
      add_form(lemma, flag);
      std::string_view forms = irregular.value;
      while (!forms.empty()) {
        const std::size_t space = forms.find(' ');
        const std::string form(forms.substr(0, space));
        forms = space == std::string_view::npos ? std::string_view{} : forms.substr(space + 1);
        if (form.empty()) continue;
        const bool ing = form.size() > 3 && form.compare(form.size() - 3, 3, "ing") == 0;
        add_form(form, flag | (ing ? std::uint64_t{kParticiple} : std::uint64_t{0}));
      }
      return;
    }
    add_form(lemma, flag);
    const char last = lemma.back();
    const char before = lemma.size() > 1 ? lemma[lemma.size() - 2] : 'a';
    const bool vowel_before = std::string_view("aeiou").find(before) != std::string_view::npos;
    bool doubles = false;
    for (const auto& d : lexicon::doubling_verbs()) doubles |= lemma == d.word;
    if (last == 'e') {
      add_form(lemma + "s", flag);
      add_form(lemma + "d", flag);
      add_form(lemma.substr(0, lemma.size() - 1) + "ing", flag | kParticiple);
    } else if (last == 'y' && !vowel_before) {
      const std::string stem = lemma.substr(0, lemma.size() - 1);
      add_form(stem + "ies", flag);
      add_form(stem + "ied", flag);
      add_form(lemma + "ing", flag | kParticiple);
    } else {
      const bool sibilant = last == 's' || last == 'x' || last == 'z' || last == 'h';
      add_form(lemma + (sibilant ? "es" : "s"), flag);
      const std::string past_stem = doubles ? lemma + last : lemma;
      add_form(past_stem + "ed", flag);
      add_form(past_stem + "ing", flag | kParticiple);
    }
  }

  void freeze() {
    std::size_t capacity = 1;
    while (capacity < flags_.size() * 4) capacity <<= 1;
    slots_.assign(capacity, Slot{});
    tags_.assign(capacity, 0);
    mask_ = capacity - 1;
    for (const auto& [word, flags] : flags_) {
      if (word.empty() || word.size() > kMaxWord) continue;
      const std::uint64_t h = hash(word);
      std::size_t i = h & mask_;
      while (tags_[i] != 0) i = (i + 1) & mask_;
      tags_[i] = tag_of(h);
      slots_[i] = Slot{static_cast<std::uint32_t>(arena_.size()),
                       static_cast<std::uint32_t>(word.size()), flags};
      arena_ += word;
    }
    // The map was only the builder; with thousands of generated names it is worth giving back.
    std::unordered_map<std::string, std::uint64_t>().swap(flags_);
  }

  struct Slot {
    std::uint32_t offset = 0;
    std::uint32_t length = 0;
    std::uint64_t flags = 0;
  };
  std::unordered_map<std::string, std::uint64_t> flags_;
  std::vector<std::uint16_t> tags_;  // 0: empty
  std::vector<Slot> slots_;
  std::string arena_;
  std::size_t mask_ = 0;
  // Looked up by string_view without building a string: every name mention asks.
  struct ViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_set<std::string, ViewHash, std::equal_to<>> places_;
};

const Lexicon& lexicon() {
  static const Lexicon instance;
  return instance;
}

}  // namespace

std::string_view fold_word(std::string_view w, std::string& buffer) {
  buffer.clear();
  for (std::size_t i = 0; i < w.size(); ++i) {
    const auto c = static_cast<unsigned char>(w[i]);
    if (c == 0xE2 && i + 2 < w.size() && static_cast<unsigned char>(w[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(w[i + 2]) == 0x99 ||
         static_cast<unsigned char>(w[i + 2]) == 0x98)) {
      buffer += '\'';
      i += 2;
    } else if (c >= 'A' && c <= 'Z') {
      buffer += static_cast<char>(c + 32);
    } else {
      buffer += static_cast<char>(c);
    }
  }
  return buffer;
}

std::uint64_t word_flags(std::string_view w) {
  if (w.size() > Lexicon::kMaxWord + 8) return 0;
  // Fold case (and ’ to ') into a small buffer on the stack, hashing as it goes.
  char buffer[Lexicon::kMaxWord + 8];
  std::size_t n = 0;
  bool ascii = true;
  std::uint64_t h = Lexicon::kHashStart;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const auto c = static_cast<unsigned char>(w[i]);
    if (c == 0xE2 && i + 2 < w.size() && static_cast<unsigned char>(w[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(w[i + 2]) == 0x99 ||
         static_cast<unsigned char>(w[i + 2]) == 0x98)) {
      buffer[n++] = '\'';
      h = Lexicon::hash_step(h, '\'');
      i += 2;
      continue;
    }
    ascii &= c < 0x80;
    const char folded = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    buffer[n++] = folded;
    h = Lexicon::hash_step(h, folded);
  }
  if (ascii) return lexicon().find(std::string_view(buffer, n), Lexicon::hash_end(h));
  // Accents and look-alike letters ("Сosmodrome" with a Cyrillic Es) fold through name_key.
  return lexicon().find(name_key(std::string_view(buffer, n)));
}

bool is_place_name(std::string_view key) {
  return lexicon().place(key);
}

}  // namespace citecard::extract_detail
