// Card text to and from the HTML that Anki's fields hold.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace citecard::exchange {

// Escapes &, <, >, " and turns line breaks into <br>.
std::string to_html(std::string_view text);

// Plain text of a field: <br> and block ends become line breaks, other tags go, entities are
// decoded (named ones Anki's editor writes, and numeric ones), &nbsp; becomes a space. Trailing
// and leading white space is trimmed.
std::string from_html(std::string_view html);

// The lines of a field's plain text, empty ones dropped: a Choices field, one choice a line.
std::vector<std::string> field_lines(std::string_view html);

}  // namespace citecard::exchange
