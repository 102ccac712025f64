// citecard — text from files a user was sent, made safe to store and to show.
#pragma once

#include <string>
#include <string_view>

namespace citecard {

// `bytes` with every sequence that is not well-formed UTF-8 (a stray byte, an overlong form, a
// surrogate, a value past U+10FFFF) replaced by U+FFFD, as an HTML5 reader does.
std::string well_formed_utf8(std::string_view bytes);

// Text as a terminal may show it: control characters (C0 but newline and tab, DEL, and C1, which
// includes the 8-bit CSI) are written as visible escapes such as "\x1b" and "\u009b", so an
// imported card cannot retitle, recolour or otherwise command the terminal; bytes that are not
// UTF-8 become U+FFFD.
std::string terminal_safe(std::string_view text);

// Appends the UTF-8 bytes of code point `cp`. A surrogate or a value past U+10FFFF, which UTF-8
// cannot hold, is appended as U+FFFD, so the text stays well-formed whatever the caller decoded.
void append_utf8(std::string& out, char32_t cp);

}  // namespace citecard
