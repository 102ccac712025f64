// Delimited text as CSV writers and Anki read it: a field holding the separator, a quote or a line
// break is quoted, with quotes doubled.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace citecard::exchange {

std::string delimited_field(std::string_view field, char separator);
std::string delimited_row(const std::vector<std::string>& fields, char separator);

// Splits `text` into records of fields; quoted fields may span lines. Lines starting with '#'
// outside a record are left to the caller (see anki_text), so this reads from `text` as given.
std::vector<std::vector<std::string>> parse_delimited(std::string_view text, char separator);

}  // namespace citecard::exchange
