#!/usr/bin/env bash
# Installs the Debian 12 packages citecard needs to build, run and test — only those missing.
# Runs apt-get as root, or through sudo for a normal user.
set -euo pipefail

packages=(
  # build
  build-essential cmake ninja-build pkg-config clang-format
  # engine
  libsqlite3-dev libtomlplusplus-dev nlohmann-json3-dev libfmt-dev libutf8proc-dev libgumbo-dev
  # engine: Anki packages (.apkg) are zip files; since Anki 2.1.50 their collection is zstd
  libzip-dev libzstd-dev
  # command line
  libcli11-dev
  # app
  libimgui-dev libglfw3-dev libgl-dev libstb-dev libfontconfig-dev fonts-dejavu-core
  # tests: doctest, a virtual display with Mesa's software GL for the app's tests, sqlite3 shell
  doctest-dev xvfb xauth libgl1-mesa-dri sqlite3 python3
  # tests/embed: the installed library's host runs under valgrind
  valgrind
  # CI: libFuzzer (clang 14 and its compiler-rt) for tests/fuzz
  clang libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null; then
  sudo=(sudo)
else
  echo "citecard: these Debian packages are missing and there is no sudo to install them: ${missing[*]}" >&2
  exit 1
fi
echo "Installing: ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
