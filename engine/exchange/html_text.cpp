#include "exchange/html_text.hpp"

#include <cctype>
#include <cstdint>
#include <cstdlib>

#include "citecard/safe_text.hpp"

namespace citecard::exchange {
namespace {

// Decodes the entity at html[i] ('&'), appending it; returns the index after it, or i + 1 with
// a literal '&' when it is not one.
std::size_t decode_entity(std::string_view html, std::size_t i, std::string& out) {
  const auto semi = html.find(';', i);
  if (semi == std::string_view::npos || semi - i > 10) {
    out += '&';
    return i + 1;
  }
  const std::string_view name = html.substr(i + 1, semi - i - 1);
  struct Named {
    std::string_view name, text;
  };
  static constexpr Named kNamed[] = {{"amp", "&"},   {"lt", "<"},   {"gt", ">"},
                                     {"quot", "\""}, {"apos", "'"}, {"nbsp", " "}};
  for (const auto& n : kNamed) {
    if (name == n.name) {
      out += n.text;
      return semi + 1;
    }
  }
  if (name.size() > 1 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string digits(name.substr(hex ? 2 : 1));
    char* end = nullptr;
    const unsigned long cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
    if (!digits.empty() && end && *end == '\0') {
      // As an HTML5 reader does: NUL, a surrogate (&#xD800;) or a value past U+10FFFF is no
      // character, and becomes U+FFFD rather than bytes that are not UTF-8.
      const bool character = cp != 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
      append_utf8(out, static_cast<char32_t>(!character ? 0xFFFD : cp == 0xA0 ? 0x20 : cp));
      return semi + 1;
    }
  }
  out += '&';
  return i + 1;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string trim(std::string s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

}  // namespace

std::string to_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') break;
        out += "<br>";
        break;
      case '\n':
        out += "<br>";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string from_html(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  for (std::size_t i = 0; i < html.size();) {
    const char c = html[i];
    if (c == '<') {
      const auto close = html.find('>', i);
      if (close == std::string_view::npos) {
        out += html.substr(i);
        break;
      }
      std::string tag = lower(html.substr(i + 1, close - i - 1));
      const auto name_end = tag.find_first_of(" /\t\n");
      const bool closing = !tag.empty() && tag[0] == '/';
      std::string name =
          tag.substr(closing ? 1 : 0, name_end == std::string::npos ? std::string::npos
                                                                    : name_end - (closing ? 1 : 0));
      if (name == "br" || (closing && (name == "div" || name == "p" || name == "li"))) out += '\n';
      i = close + 1;
    } else if (c == '&') {
      i = decode_entity(html, i, out);
    } else {
      out += c;
      ++i;
    }
  }
  return trim(std::move(out));
}

std::vector<std::string> field_lines(std::string_view html) {
  std::vector<std::string> lines;
  const std::string text = from_html(html);
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = trim(text.substr(start, end - start));
    if (!line.empty()) lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

}  // namespace citecard::exchange
