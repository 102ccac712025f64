#include "api/live_objects.hpp"

#include <mutex>
#include <unordered_map>

namespace citecard::capi {

namespace {

struct LiveObject {
  Kind kind;
  bool in_call = false;  // a collection handle with a call inside it
};

// One lock for all: it is held for a hash lookup only, never during a call's work.
struct Registry {
  std::mutex mutex;
  std::unordered_map<const void*, LiveObject> objects;
};

Registry& registry() {
  static Registry* r = new Registry;  // never destroyed: hosts may call during their own exit
  return *r;
}

}  // namespace

void add_live(const void* object, Kind kind) {
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  r.objects[object] = LiveObject{kind};
}

bool remove_live(const void* object, Kind kind) {
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  auto found = r.objects.find(object);
  if (found == r.objects.end() || found->second.kind != kind) return false;
  r.objects.erase(found);
  return true;
}

bool is_live(const void* object, Kind kind) {
  if (!object) return false;
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  auto found = r.objects.find(object);
  return found != r.objects.end() && found->second.kind == kind;
}

Entry enter(const void* handle) {
  if (!handle) return Entry::NotLive;
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  auto found = r.objects.find(handle);
  if (found == r.objects.end() || found->second.kind != Kind::Collection) return Entry::NotLive;
  if (found->second.in_call) return Entry::InUse;
  found->second.in_call = true;
  return Entry::Entered;
}

void leave(const void* handle) {
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  auto found = r.objects.find(handle);
  if (found != r.objects.end()) found->second.in_call = false;
}

Entry remove_if_idle(const void* handle) {
  if (!handle) return Entry::NotLive;
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  auto found = r.objects.find(handle);
  if (found == r.objects.end() || found->second.kind != Kind::Collection) return Entry::NotLive;
  if (found->second.in_call) return Entry::InUse;
  r.objects.erase(found);
  return Entry::Entered;
}

}  // namespace citecard::capi
