// The objects the C API has handed out and not yet taken back (collections, cards, deck lists),
// so that a NULL, closed, freed or foreign pointer is told apart without reading through it: the
// registry is consulted by address, and only a live object is ever dereferenced.
#pragma once

#include <cstdint>

namespace citecard::capi {

enum class Kind : std::uint8_t { Collection, Card, DeckList };

// Records an object handed to the host. Throws std::bad_alloc.
void add_live(const void* object, Kind kind);
// Forgets an object being freed; false when it was not live as `kind` (freed twice, foreign).
bool remove_live(const void* object, Kind kind);
bool is_live(const void* object, Kind kind);

// A collection handle is entered by one call at a time. `enter` fails when the handle is not
// live, or when another thread is inside a call on it; `leave` ends the call. `remove_if_idle`
// forgets the handle unless a call is inside it.
enum class Entry { Entered, NotLive, InUse };
Entry enter(const void* handle);
void leave(const void* handle);
Entry remove_if_idle(const void* handle);

}  // namespace citecard::capi
