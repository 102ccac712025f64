// How deep a page's markup nests, bounded before an HTML5 parser builds its tree: gumbo's time
// grows with the square of the depth (100,000 nested <div>s take 40 s and, with its error list,
// gigabytes), and every walk over the tree is as deep as the tree.
#pragma once

#include <cstddef>
#include <string_view>

namespace citecard::extract_detail {

// Far past any real page (a news page nests some tens of elements deep), far below what costs
// the parser or a walk anything.
inline constexpr std::size_t kMaxMarkupDepth = 1000;

// An upper bound, near enough, on the depth of the tree an HTML5 parser makes of `html`: each
// start tag of an element that holds others adds one and its end tag takes one away. Void
// elements and those the parser closes at their next sibling (p, li, td, option...) add nothing;
// the text of script, style, textarea and title is skipped.
std::size_t markup_depth(std::string_view html);

// A JSON text's deepest nesting of objects and arrays (strings skipped).
std::size_t json_depth(std::string_view json);

}  // namespace citecard::extract_detail
