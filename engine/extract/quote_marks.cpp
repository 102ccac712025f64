// Quotation marks -> quote spans. Double marks are paired first; single marks are then paired
// only outside double-quoted text (nested quotes are part of the outer quote), and only where
// they cannot be apostrophes: a mark with a letter on both sides was already kept inside its
// word by the tokenizer (Russia’s, don't), an opening-looking mark before a decade or a
// clipped word is an elision (’60s, 'em), and a plural possessive (the players' union) is
// skipped when a later mark can close the quote.
#include <algorithm>
#include <string>

#include "extract/document.hpp"
#include "extract/lexicon.hpp"
#include "extract/utf8.hpp"

namespace citecard::extract_detail {
namespace {

bool is_opening_context(char32_t prev) {
  return prev == 0 || is_space(prev) || prev == U'(' || prev == U'[' || prev == U'{' ||
         prev == U'\u2014' || prev == U'\u2013' || prev == U'-' || prev == U'/' ||
         is_quote_mark(prev);
}

bool is_closing_context(char32_t next) {
  return next == 0 || is_space(next) || next == U',' || next == U'.' || next == U';' ||
         next == U':' || next == U'!' || next == U'?' || next == U')' || next == U']' ||
         next == U'}' || next == U'\u2014' || next == U'\u2013' || next == U'\u2026' ||
         next == U'-' || is_quote_mark(next) || is_digit(next);
}

bool is_elided_word(std::string_view w) {
  std::string buf;
  const std::string_view f = fold_word(w, buf);
  return f == "em" || f == "tis" || f == "twas" || f == "cause" || f == "til" || f == "n" ||
         f == "round" || f == "bout" || f == "nuff" || f == "ere" || f == "s";
}

struct MarkInfo {
  std::uint32_t token;
  char32_t cp;
  char32_t prev;
  char32_t next;
};

}  // namespace

void find_quotes(Document& doc) {
  const std::string_view text = doc.text;
  std::vector<MarkInfo> marks;
  std::vector<QuoteSpan> spans;
  for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
    const Paragraph& para = doc.paragraphs[p];
    marks.clear();
    for (std::uint32_t t = para.first_token; t < para.last_token; ++t) {
      const Token& tok = doc.tokens[t];
      if (tok.kind != TokenKind::mark) continue;
      int n = 1;
      MarkInfo m;
      m.token = t;
      m.cp = decode_at(text, tok.begin, n);
      m.prev = tok.begin == para.begin ? 0 : decode_before(text, tok.begin);
      m.next = tok.end >= para.end ? 0 : decode_at(text, tok.end, n);
      marks.push_back(m);
    }
    if (marks.empty()) continue;
    const std::size_t first_new = spans.size();

    auto make_span = [&](std::uint32_t open_tok, std::uint32_t close_tok, bool closed,
                         bool single) {
      QuoteSpan q;
      q.open = doc.tokens[open_tok].begin;
      q.text_begin = doc.tokens[open_tok].end;
      q.open_token = open_tok;
      q.first_token = open_tok + 1;
      q.paragraph = static_cast<int>(p);
      q.single = single;
      q.closed = closed;
      if (closed) {
        q.text_end = doc.tokens[close_tok].begin;
        q.close_end = doc.tokens[close_tok].end;
        q.close_token = close_tok;
        q.last_token = close_tok;
      } else {
        q.text_end = para.end;
        q.close_end = para.end;
        q.close_token = para.last_token;
        q.last_token = para.last_token;
      }
      if (q.text_end > q.text_begin) spans.push_back(q);
    };

    // Double marks.
    int open = -1;
    for (const MarkInfo& m : marks) {
      if (!is_double_mark(m.cp)) continue;
      const bool opening_ctx = is_opening_context(m.prev);
      const bool closing_ctx = is_closing_context(m.next);
      const bool curly_open = m.cp == U'\u201C' || m.cp == U'\u201E' || m.cp == U'\u00AB';
      const bool curly_close = m.cp == U'\u201D' || m.cp == U'\u00BB';
      if (open < 0) {
        if (curly_open || (!curly_close && !(!opening_ctx && closing_ctx))) {
          open = static_cast<int>(m.token);
        }
      } else if (curly_open) {
        open = static_cast<int>(m.token);  // the earlier mark was never closed
      } else {
        make_span(static_cast<std::uint32_t>(open), m.token, true, false);
        open = -1;
      }
    }
    if (open >= 0) {
      // Multi-paragraph quotes leave the paragraph open and reopen the next one.
      const bool starts_paragraph = static_cast<std::uint32_t>(open) == para.first_token;
      bool next_reopens = false;
      if (p + 1 < doc.paragraphs.size()) {
        const Paragraph& next = doc.paragraphs[p + 1];
        if (next.last_token > next.first_token &&
            doc.tokens[next.first_token].kind == TokenKind::mark) {
          int n = 1;
          next_reopens = is_double_mark(decode_at(text, doc.tokens[next.first_token].begin, n));
        }
      }
      if (starts_paragraph || next_reopens)
        make_span(static_cast<std::uint32_t>(open), 0, false, false);
    }

    // Single marks outside double-quoted text.
    // Double spans were made in order, so one forward cursor tells which marks they cover.
    std::size_t cursor = first_new;
    auto inside_double = [&](std::uint32_t tok) {
      while (cursor < spans.size() && spans[cursor].closed && spans[cursor].close_token < tok)
        ++cursor;
      if (cursor >= spans.size()) return false;
      const QuoteSpan& s = spans[cursor];
      return tok > s.open_token && (!s.closed || tok < s.close_token);
    };
    std::vector<const MarkInfo*> singles;
    for (const MarkInfo& m : marks) {
      if (is_single_mark(m.cp) && !inside_double(m.token)) singles.push_back(&m);
    }
    open = -1;
    for (std::size_t k = 0; k < singles.size(); ++k) {
      const MarkInfo& m = *singles[k];
      const bool opening_ctx = is_opening_context(m.prev);
      const bool next_is_word = is_alnum(m.next);
      bool elision = false;
      if (opening_ctx && next_is_word) {
        const Token& after = doc.tokens[m.token + 1];
        const std::string_view w = doc.token_text(m.token + 1);
        elision = after.kind == TokenKind::number || (m.cp != U'\u2018' && is_elided_word(w));
      }
      const bool can_open = opening_ctx && next_is_word && !elision && m.cp != U'\u2019';
      const bool weak_open = opening_ctx && next_is_word && !elision && m.cp == U'\u2019';
      const bool can_close = !opening_ctx && m.cp != U'\u2018';
      if (open < 0) {
        if (can_open || weak_open) open = static_cast<int>(m.token);
        continue;
      }
      if (can_close) {
        // "the players' union": a plural possessive, when a later mark can still close.
        const bool possessive_shape = (m.prev == U's' || m.prev == U'S') && is_space(m.next);
        bool later_closer = false;
        if (possessive_shape) {
          const Token& after = doc.tokens[m.token + 1];
          const bool lower_after = after.kind == TokenKind::word && !after.upper;
          if (lower_after) {
            for (std::size_t l = k + 1; l < singles.size(); ++l) {
              if (!is_opening_context(singles[l]->prev)) {
                later_closer = true;
                break;
              }
            }
          }
        }
        if (later_closer) {
          doc.tokens[m.token].possessive = true;
          continue;
        }
        make_span(static_cast<std::uint32_t>(open), m.token, true, true);
        open = -1;
      } else if (can_open) {
        open = static_cast<int>(m.token);  // the earlier one was an apostrophe after all
      }
    }

    // Nested spans belong to their outer quote.
    std::sort(spans.begin() + static_cast<std::ptrdiff_t>(first_new), spans.end(),
              [](const QuoteSpan& a, const QuoteSpan& b) { return a.open < b.open; });
    std::vector<QuoteSpan> kept;
    std::uint32_t reach = 0;  // furthest close so far: a span ending inside it is nested
    for (std::size_t s = first_new; s < spans.size(); ++s) {
      if (spans[s].close_end > reach || kept.empty()) {
        kept.push_back(spans[s]);
        reach = std::max(reach, spans[s].close_end);
      }
    }
    spans.resize(first_new);
    spans.insert(spans.end(), kept.begin(), kept.end());
  }

  doc.quotes = std::move(spans);
  for (std::size_t q = 0; q < doc.quotes.size(); ++q) {
    const QuoteSpan& span = doc.quotes[q];
    const std::uint32_t last = span.closed ? span.close_token + 1 : span.last_token;
    for (std::uint32_t t = span.open_token; t < last; ++t)
      doc.tokens[t].quote = static_cast<std::int32_t>(q);
  }
}

}  // namespace citecard::extract_detail
