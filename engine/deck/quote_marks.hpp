// Quotation marks as news text uses them: curly double and single, and their straight forms.
#pragma once

#include <cstddef>
#include <string_view>

namespace citecard::deck {

// True when text[begin, end) is immediately preceded by an opening quotation mark and followed
// by a closing one.
bool is_enclosed_in_quotation_marks(std::string_view text, std::size_t begin, std::size_t end);

}  // namespace citecard::deck
