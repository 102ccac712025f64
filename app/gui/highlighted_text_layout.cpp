#include "highlighted_text_layout.hpp"

#include <algorithm>

namespace citecard::gui {
namespace {

// Only ASCII white space breaks a line: U+00A0 (no-break space) is two bytes that are not
// matched here, so "13 September" written with one stays together, as its writer meant.
bool is_break_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::size_t next_code_point(std::string_view text, std::size_t i) {
  ++i;
  while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  return i;
}

class LineBuilder {
 public:
  LineBuilder(std::string_view text, float wrap_width, const MeasureText& measure, TextLayout& out)
      : text_(text), wrap_width_(wrap_width), measure_(measure), out_(out) {}

  bool line_is_empty() const { return !line_has_text_; }
  float x() const { return x_; }

  void new_line() {
    ++line_;
    x_ = 0.0f;
    line_has_text_ = false;
  }
  void advance(float width) { x_ += width; }

  // Places [begin, end) at the pen; with `may_break`, breaks it between characters where it
  // would run past the right edge (for words wider than a whole line).
  void place(std::size_t begin, std::size_t end, bool highlighted, bool may_break) {
    if (begin >= end) return;
    if (!may_break) {
      emit(begin, end, highlighted, measure_(text_.substr(begin, end - begin)));
      return;
    }
    std::size_t run_begin = begin;
    float run_width = 0.0f;
    for (std::size_t i = begin; i < end;) {
      const std::size_t next = std::min(next_code_point(text_, i), end);
      const float glyph = measure_(text_.substr(i, next - i));
      const bool overflows = x_ + run_width + glyph > wrap_width_;
      if (overflows && (line_has_text_ || run_width > 0.0f)) {
        emit(run_begin, i, highlighted, run_width);
        new_line();
        run_begin = i;
        run_width = 0.0f;
      }
      run_width += glyph;
      i = next;
    }
    emit(run_begin, end, highlighted, run_width);
  }

  int line() const { return line_; }

 private:
  void emit(std::size_t begin, std::size_t end, bool highlighted, float width) {
    if (begin >= end) return;
    out_.runs.push_back(PlacedRun{begin, end, line_, x_, width, highlighted});
    x_ += width;
    line_has_text_ = true;
  }

  std::string_view text_;
  float wrap_width_;
  const MeasureText& measure_;
  TextLayout& out_;
  int line_ = 0;
  float x_ = 0.0f;
  bool line_has_text_ = false;
};

void add_bands(TextLayout& layout) {
  const PlacedRun* previous = nullptr;
  for (const PlacedRun& run : layout.runs) {
    if (run.highlighted) {
      const bool continues = previous != nullptr && previous->highlighted &&
                             previous->line == run.line && !layout.bands.empty();
      if (continues) {
        layout.bands.back().x_end = run.x + run.width;
      } else {
        layout.bands.push_back(HighlightBand{run.line, run.x, run.x + run.width});
      }
    }
    previous = &run;
  }
}

}  // namespace

TextLayout layout_highlighted_text(std::string_view paragraph, std::size_t highlight_begin,
                                   std::size_t highlight_end, float wrap_width,
                                   const MeasureText& measure) {
  TextLayout layout;
  const std::size_t size = paragraph.size();
  highlight_end = std::min(highlight_end, size);
  highlight_begin = std::min(highlight_begin, highlight_end);
  const bool has_highlight = highlight_begin < highlight_end;
  const float space_width = measure(" ");

  LineBuilder builder(paragraph, wrap_width, measure, layout);
  std::size_t i = 0;
  while (i < size) {
    std::size_t spaces = 0;
    while (i < size && is_break_space(paragraph[i])) {
      if (paragraph[i] == '\n' && !builder.line_is_empty()) {
        builder.new_line();
        spaces = 0;
      } else if (paragraph[i] != '\n' && paragraph[i] != '\r') {
        ++spaces;
      }
      ++i;
    }
    const std::size_t word_begin = i;
    while (i < size && !is_break_space(paragraph[i])) ++i;
    const std::size_t word_end = i;
    if (word_begin == word_end) break;

    // The word in pieces that are wholly inside or wholly outside the highlight.
    std::vector<std::size_t> cuts{word_begin};
    for (std::size_t cut : {highlight_begin, highlight_end}) {
      if (has_highlight && cut > word_begin && cut < word_end) cuts.push_back(cut);
    }
    cuts.push_back(word_end);
    float word_width = 0.0f;
    for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
      word_width += measure(paragraph.substr(cuts[k], cuts[k + 1] - cuts[k]));
    }

    float gap = builder.line_is_empty() ? 0.0f : space_width * static_cast<float>(spaces);
    if (!builder.line_is_empty() && builder.x() + gap + word_width > wrap_width) {
      builder.new_line();
      gap = 0.0f;
    }
    builder.advance(gap);
    const bool too_wide_for_any_line = word_width > wrap_width;
    for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
      const bool highlighted =
          has_highlight && cuts[k] >= highlight_begin && cuts[k + 1] <= highlight_end;
      builder.place(cuts[k], cuts[k + 1], highlighted, too_wide_for_any_line);
    }
  }
  layout.line_count = layout.runs.empty() ? 0 : layout.runs.back().line + 1;
  add_bands(layout);
  return layout;
}

}  // namespace citecard::gui
