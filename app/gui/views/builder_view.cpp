#include "builder_view.hpp"

#include <GLFW/glfw3.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <system_error>
#include <vector>

#include "../widgets.hpp"

namespace citecard::gui {
namespace {

namespace fs = std::filesystem;

bool is_article_file(const fs::path& path) {
  const std::string ext = path.extension().string();
  return ext == ".txt" || ext == ".html" || ext == ".htm";
}

const char* decision_label(const Candidate& c) {
  if (c.curated_by_hand) return "curated in deck.toml";
  switch (c.decision) {
    case Decision::Accept:
      return "accepted";
    case Decision::Reject:
      return "rejected";
    case Decision::Edit:
      return "edited";
    case Decision::Undecided:
      break;
  }
  if (c.to_review) return "to review: the speaker is likely right; A accepts";
  if (c.held_back) return "held back: not in the deck unless accepted";
  return c.in_deck ? "undecided: goes in the deck" : "undecided: made only if accepted";
}

ImVec4 decision_colour(const Candidate& c, const Ui& ui) {
  if (c.curated_by_hand) return ui.palette.muted;
  switch (c.decision) {
    case Decision::Accept:
      return ui.palette.right;
    case Decision::Reject:
      return ui.palette.wrong;
    case Decision::Edit:
      return ui.palette.accent;
    case Decision::Undecided:
      break;
  }
  return c.to_review ? ui.palette.accent : ui.palette.muted;
}

// Entries of `folder`: sub-folders first, then article files, each by name.
std::vector<fs::directory_entry> listing(const fs::path& folder) {
  std::vector<fs::directory_entry> entries;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(folder, error)) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    if (entry.is_directory(error) || is_article_file(entry.path())) entries.push_back(entry);
  }
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    const bool da = a.is_directory();
    const bool db = b.is_directory();
    if (da != db) return da;
    return a.path().filename() < b.path().filename();
  });
  return entries;
}

}  // namespace

void BuilderView::draw(AppState& state, const Ui& ui) {
  BuilderSession& session = state.builder();
  session.poll();
  const ImGuiIO& io = ImGui::GetIO();
  if (key_pressed(GLFW_KEY_ESCAPE)) {
    state.back_to_decks();
    return;
  }
  BuilderDeck* deck = session.deck();
  std::string right = session.busy() ? "working..." : "choose articles";
  if (deck != nullptr && !session.busy()) {
    right = deck->deck_id + "  \xC2\xB7  " + std::to_string(deck->candidates.size()) +
            " candidate cards";
  }
  header_bar(ui, "Builder", right);
  error_banner(state, ui);
  if (!session.error().empty()) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(ui.palette.wrong, "%s", session.error().c_str());
    ImGui::PopTextWrapPos();
  }
  if (!session.added_summary().empty()) {
    ImGui::TextColored(ui.palette.muted, "%s", session.added_summary().c_str());
  }
  if (!state.builder_saved().empty()) {
    ImGui::TextColored(ui.palette.right, "%s", state.builder_saved().c_str());
  }

  if (session.busy()) {
    ImGui::Spacing();
    ImGui::TextUnformatted(session.stage().c_str());
    ImGui::ProgressBar(session.progress(), ImVec2(-1.0f, 0.0f));
    return;
  }
  if (!io.WantTextInput && io.KeyCtrl && key_pressed(GLFW_KEY_S) && deck != nullptr) {
    state.save_builder();
  }
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float chooser_width = std::floor(avail.x * 0.34f);
  ImGui::BeginChild("chooser", ImVec2(chooser_width, 0), true);
  draw_chooser(state, ui);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("candidates", ImVec2(0, 0), true);
  draw_candidates(state, ui);
  ImGui::EndChild();
}

void BuilderView::draw_chooser(AppState& state, const Ui& ui) {
  BuilderSession& session = state.builder();
  std::error_code error;
  if (folder_.empty()) folder_ = fs::current_path(error).string();

  section_label(ui, "ARTICLES");
  ImGui::SetNextItemWidth(-1.0f);
  ImGui::InputText("##folder", &folder_);
  if (ImGui::Button("Up")) folder_ = fs::path(folder_).parent_path().string();
  ImGui::SameLine();
  if (ImGui::Button("Add this folder")) session.inputs().push_back(folder_);
  const float list_height = ImGui::GetContentRegionAvail().y * 0.45f;
  ImGui::BeginChild("files", ImVec2(0, list_height), true);
  for (const fs::directory_entry& entry : listing(folder_)) {
    const fs::path& path = entry.path();
    const bool folder = entry.is_directory(error);
    auto& inputs = session.inputs();
    const bool chosen = std::find(inputs.begin(), inputs.end(), path) != inputs.end();
    const std::string label = (folder ? "[dir] " : "") + path.filename().string();
    if (ImGui::Selectable(label.c_str(), chosen, ImGuiSelectableFlags_AllowDoubleClick)) {
      if (folder && ImGui::IsMouseDoubleClicked(0)) {
        folder_ = path.string();
      } else if (chosen) {
        inputs.erase(std::find(inputs.begin(), inputs.end(), path));
      } else {
        inputs.push_back(path);
      }
    }
  }
  ImGui::EndChild();
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextColored(ui.palette.muted,
                     "%zu chosen (click a file to choose it, double-click a "
                     "folder to open it)",
                     session.inputs().size());
  ImGui::PopTextWrapPos();

  ImGui::Spacing();
  section_label(ui, "DECK FOLDER");
  ImGui::SetNextItemWidth(-1.0f);
  ImGui::InputTextWithHint("##deck", "where the deck is made or grown", &deck_dir_);
  ImGui::SetNextItemWidth(-1.0f);
  ImGui::InputTextWithHint("##title", "title (optional)", &title_);
  const bool ready = !deck_dir_.empty();
  ImGui::BeginDisabled(!ready);
  const char* label =
      session.inputs().empty() ? "Open deck and make cards" : "Add articles and make cards";
  if (ImGui::Button(label, ImVec2(-1.0f, 0))) {
    state.clear_error();
    session.start(deck_dir_, title_);
    selected_ = 0;
  }
  ImGui::EndDisabled();
}

void BuilderView::draw_candidates(AppState& state, const Ui& ui) {
  BuilderDeck* deck = state.builder().deck();
  if (deck == nullptr) {
    ImGui::PushTextWrapPos(0.0f);  // the hint wraps in a narrow window rather than running off
    ImGui::TextColored(ui.palette.muted,
                       "Choose article files (.txt, or .html pages saved from a browser) and a "
                       "deck folder; the candidate cards show here.");
    ImGui::PopTextWrapPos();
    return;
  }
  if (deck->candidates.empty()) {
    ImGui::TextUnformatted("The generator made no cards from these articles.");
    return;
  }
  const ImGuiIO& io = ImGui::GetIO();
  const std::size_t count = deck->candidates.size();
  if (selected_ >= count) selected_ = count - 1;
  if (!io.WantTextInput) {
    if (key_pressed(GLFW_KEY_DOWN) || key_pressed(GLFW_KEY_J)) {
      selected_ = (selected_ + 1) % count;
      scroll_to_selected_ = true;
    }
    if (key_pressed(GLFW_KEY_UP) || key_pressed(GLFW_KEY_K)) {
      selected_ = (selected_ + count - 1) % count;
      scroll_to_selected_ = true;
    }
    Candidate& c = deck->candidates[selected_];
    if (!c.curated_by_hand) {
      if (key_pressed(GLFW_KEY_A)) c.decision = Decision::Accept;
      if (key_pressed(GLFW_KEY_X)) c.decision = Decision::Reject;
      if (key_pressed(GLFW_KEY_E)) c.decision = Decision::Edit;
    }
  }

  if (ImGui::Button("Save and build  (Ctrl+S)")) state.save_builder();
  ImGui::SameLine();
  int accepted = 0;
  int rejected = 0;
  int edited = 0;
  for (const Candidate& c : deck->candidates) {
    accepted += c.decision == Decision::Accept;
    rejected += c.decision == Decision::Reject;
    edited += c.decision == Decision::Edit;
  }
  ImGui::TextColored(ui.palette.muted, "%d accepted, %d rejected, %d edited", accepted, rejected,
                     edited);
  ImGui::Separator();

  ImGui::BeginChild("list");
  for (const ArticleCandidates& article : deck->articles) {
    const std::string header = (article.title.empty() ? article.source_id : article.title) + "  (" +
                               std::to_string(article.candidates.size()) + " cards)###" +
                               article.source_id;
    ImGui::SetNextItemOpen(true, ImGuiCond_Once);
    if (!ImGui::CollapsingHeader(header.c_str())) continue;
    for (std::size_t index : article.candidates) {
      Candidate& c = deck->candidates[index];
      ImGui::PushID(static_cast<int>(index));
      const bool selected = index == selected_;
      if (selected && scroll_to_selected_) {
        ImGui::SetScrollHereY(0.3f);
        scroll_to_selected_ = false;
      }
      ImGui::BeginGroup();
      ImGui::TextColored(selected ? ui.palette.accent : ui.palette.muted, "%s %s",
                         selected ? ">" : " ", c.card.type.c_str());
      ImGui::SameLine();
      ImGui::TextColored(decision_colour(c, ui), "[%s]", decision_label(c));
      ImGui::SameLine();
      ImGui::TextColored(c.keep >= 0.5 ? ui.palette.right : ui.palette.muted, "keep %.0f%%",
                         100.0 * c.keep);
      if (c.confidence) {
        ImGui::SameLine();
        ImGui::TextColored(ui.palette.muted, "attribution confidence %.2f", *c.confidence);
      }
      ImGui::PushTextWrapPos(0.0f);
      ImGui::PushFont(ui.fonts.strong);
      ImGui::TextUnformatted(c.card.prompt.c_str());
      ImGui::PopFont();
      ImGui::TextColored(
          ui.palette.right, "%s%s",
          c.card.type.rfind("who_said", 0) == 0 ? "Speaker: " : "Answer: ", c.card.answer.c_str());
      if (!c.card.citations.empty()) {
        const Citation& citation = c.card.citations.front();
        ImGui::TextColored(ui.palette.muted, "\xE2\x80\x9C%s\xE2\x80\x9D  (%s)",
                           citation.text.c_str(), citation.source.c_str());
      }
      if (c.held_back) {
        ImGui::TextColored(ui.palette.hard, "Held back: %s", c.held_back_reason.c_str());
      }
      if (!c.why.empty()) {
        std::string why;
        for (const std::string& reason : c.why) why += (why.empty() ? "" : ", ") + reason;
        ImGui::TextColored(ui.palette.muted, "Why: %s", why.c_str());
      }
      ImGui::PopTextWrapPos();
      ImGui::EndGroup();
      if (ImGui::IsItemClicked()) selected_ = index;

      if (!c.curated_by_hand) {
        if (ImGui::SmallButton("Accept")) c.decision = Decision::Accept;
        ImGui::SameLine();
        if (ImGui::SmallButton("Reject")) c.decision = Decision::Reject;
        ImGui::SameLine();
        if (ImGui::SmallButton("Edit")) c.decision = Decision::Edit;
        if (c.decision == Decision::Edit) {
          if (c.prompt.empty()) c.prompt = c.card.prompt;
          if (c.answer.empty()) c.answer = c.card.answer;
          if (!c.held_back) {
            ImGui::InputTextMultiline("prompt", &c.prompt,
                                      ImVec2(-80.0f * ui.scale, 3 * ImGui::GetTextLineHeight()));
          }
          ImGui::SetNextItemWidth(-80.0f * ui.scale);
          ImGui::InputText(c.card.type.rfind("who_said", 0) == 0 ? "speaker" : "answer", &c.answer);
        }
      }
      ImGui::Separator();
      ImGui::PopID();
    }
  }
  ImGui::EndChild();
}

}  // namespace citecard::gui
